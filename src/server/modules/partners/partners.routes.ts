import { createRoute } from '@hono/zod-openapi';
import { DueDiligenceCreate, PartnerCreate, PartnerUpdate } from '../../../shared/contracts/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { jsonBody, router } from '../../http/openapi.ts';
import { IdParam, many, one, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as partners from './partners.service.ts';

const tags = ['Partners'];

export function partnerRoutes({ db }: Deps) {
  return router()
    .openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Partners (a donor viewer sees its own)', responses: { 200: many, ...readErrors } }), async (c) =>
      c.json({ items: await partners.findPartners(db, actorOf(c)) }, 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/', tags, summary: 'Add a partner', request: { body: jsonBody(PartnerCreate) }, responses: { 201: one, ...writeErrors } }),
      async (c) => c.json(await partners.createPartner(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'A partner with its due-diligence reviews',
        request: { params: IdParam },
        responses: { 200: one, ...readErrors },
      }),
      async (c) => c.json(await partners.getPartner(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change a partner',
        request: { params: IdParam, body: jsonBody(PartnerUpdate) },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => c.json(await partners.updatePartner(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/due-diligence',
        tags,
        summary: 'Record a due-diligence review (private-sector partners)',
        request: { params: IdParam, body: jsonBody(DueDiligenceCreate) },
        responses: { 201: one, ...writeErrors },
      }),
      async (c) => c.json(await partners.addDueDiligence(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
