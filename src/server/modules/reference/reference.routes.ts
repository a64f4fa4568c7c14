import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../deps.ts';
import { errors, json, router } from '../../http/openapi.ts';
import * as reference from './reference.service.ts';

const Named = z.object({ code: z.string(), name_en: z.string(), name_fr: z.string().nullable(), name_es: z.string().nullable(), status: z.string() }).openapi('NamedCode');
const Titled = z.object({ code: z.string(), title_en: z.string(), title_fr: z.string(), title_es: z.string() });
const Codelist = z.object({ name: z.string(), title: z.string(), category: z.string().nullable(), complete: z.boolean(), embedded: z.boolean(), source: z.string() });
const items = <T extends z.ZodType>(item: T) => json(z.object({ items: z.array(item) }));
const tags = ['Reference data'];

/** Published standards, readable without signing in. */
export function referenceRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/countries', tags, summary: 'Countries (IATI Country codelist; names in English, French, Spanish)', responses: { 200: items(Named) } }),
      async (c) => c.json({ items: await reference.findCountries(db) }, 200),
    )
    .openapi(createRoute({ method: 'get', path: '/currencies', tags, summary: 'Currencies (IATI Currency codelist, ISO 4217)', responses: { 200: items(Named) } }), async (c) =>
      c.json({ items: await reference.findCurrencies(db) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/funding-sources',
        tags,
        summary: "The organisation's funding sources (regular budget, RBSA, extra-budgetary, …) and their kind",
        responses: { 200: items(z.object({ code: z.string(), name_en: z.string(), name_fr: z.string(), name_es: z.string(), kind: z.string() })) },
      }),
      async (c) => c.json({ items: await db.selectFrom('funding_sources').selectAll().orderBy('code').execute() }, 200),
    )
    .openapi(createRoute({ method: 'get', path: '/regions', tags, summary: 'Regions (IATI Region codelist, OECD DAC)', responses: { 200: items(Named) } }), async (c) =>
      c.json({ items: await reference.findRegions(db) }, 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/codelists', tags, summary: 'The IATI 2.03 codelists', responses: { 200: items(Codelist.extend({ items: z.number() })) } }),
      async (c) => c.json({ items: await reference.findCodelists(db) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/codelists/{name}',
        tags,
        summary: 'One codelist with its codes',
        request: { params: z.object({ name: z.string().max(64) }) },
        responses: {
          200: json(Codelist.extend({ items: z.array(Named.extend({ description: z.string().nullable(), category: z.string().nullable() })) })),
          ...errors('NOT_FOUND'),
        },
      }),
      async (c) => c.json(await reference.getCodelist(db, c.req.valid('param').name), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sdg/goals',
        tags,
        summary: 'The 17 Sustainable Development Goals',
        responses: { 200: items(Titled.extend({ short_en: z.string().nullable() })) },
      }),
      async (c) => c.json({ items: await reference.findSdgGoals(db) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sdg/targets',
        tags,
        summary: 'SDG targets, optionally of one goal',
        request: { query: z.object({ goal: z.string().max(3).optional() }) },
        responses: { 200: items(Titled.extend({ goal_code: z.string() })) },
      }),
      async (c) => c.json({ items: await reference.findSdgTargets(db, c.req.valid('query').goal) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sdg/indicators',
        tags,
        summary: 'SDG indicators, optionally of one target',
        request: { query: z.object({ target: z.string().max(6).optional() }) },
        responses: { 200: items(Titled.extend({ target_code: z.string() })) },
      }),
      async (c) => c.json({ items: await reference.findSdgIndicators(db, c.req.valid('query').target) }, 200),
    );
}
