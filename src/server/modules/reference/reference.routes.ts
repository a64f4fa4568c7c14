import { createRoute, z } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import { Codelist, CodelistCode, CodelistWithCodes, FundingSource, NamedCode, SdgGoal, SdgIndicator, SdgTarget } from '../../../shared/contracts/reference.ts';
import type { Deps } from '../../deps.ts';
import { errors, json, named, router } from '../../http/openapi.ts';
import * as reference from './reference.service.ts';

const NamedCodeSchema = named(NamedCode, 'NamedCode');
const NamedCodeListSchema = listOf(NamedCodeSchema).openapi('NamedCodeList');
const FundingSourceListSchema = listOf(named(FundingSource, 'FundingSource')).openapi('FundingSourceList');
const CodelistSchema = named(Codelist, 'Codelist');
const CodelistList = listOf(CodelistSchema).openapi('CodelistList');
const CodelistWithCodesSchema = CodelistWithCodes.extend({ codes: z.array(named(CodelistCode, 'CodelistCode')) }).openapi('CodelistWithCodes');
const SdgGoalList = listOf(named(SdgGoal, 'SdgGoal')).openapi('SdgGoalList');
const SdgTargetList = listOf(named(SdgTarget, 'SdgTarget')).openapi('SdgTargetList');
const SdgIndicatorList = listOf(named(SdgIndicator, 'SdgIndicator')).openapi('SdgIndicatorList');
const tags = ['Reference data'];

/** Published standards, readable without signing in. */
export function referenceRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/countries',
        tags,
        summary: 'Countries (IATI Country codelist; names in English, French, Spanish)',
        responses: { 200: json(NamedCodeListSchema) },
      }),
      async (c) => c.json(await reference.findCountries(db), 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/currencies', tags, summary: 'Currencies (IATI Currency codelist, ISO 4217)', responses: { 200: json(NamedCodeListSchema) } }),
      async (c) => c.json(await reference.findCurrencies(db), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/funding-sources',
        tags,
        summary: "The organisation's funding sources (regular budget, RBSA, extra-budgetary, …) and their kind",
        responses: { 200: json(FundingSourceListSchema) },
      }),
      async (c) => c.json(await reference.findFundingSources(db), 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/regions', tags, summary: 'Regions (IATI Region codelist, OECD DAC)', responses: { 200: json(NamedCodeListSchema) } }),
      async (c) => c.json(await reference.findRegions(db), 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/codelists', tags, summary: 'The IATI 2.03 codelists, each with how many codes it has', responses: { 200: json(CodelistList) } }),
      async (c) => c.json(await reference.findCodelists(db), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/codelists/{name}',
        tags,
        summary: 'One codelist with its codes',
        request: { params: z.object({ name: z.string().max(64) }) },
        responses: { 200: json(CodelistWithCodesSchema), ...errors('NOT_FOUND') },
      }),
      async (c) => c.json(await reference.getCodelist(db, c.req.valid('param').name), 200),
    )
    .openapi(createRoute({ method: 'get', path: '/sdg/goals', tags, summary: 'The 17 Sustainable Development Goals', responses: { 200: json(SdgGoalList) } }), async (c) =>
      c.json(await reference.findSdgGoals(db), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sdg/targets',
        tags,
        summary: 'SDG targets, optionally of one goal',
        request: { query: z.object({ goal: z.string().max(3).optional() }) },
        responses: { 200: json(SdgTargetList) },
      }),
      async (c) => c.json(await reference.findSdgTargets(db, c.req.valid('query').goal), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sdg/indicators',
        tags,
        summary: 'SDG indicators, optionally of one target',
        request: { query: z.object({ target: z.string().max(6).optional() }) },
        responses: { 200: json(SdgIndicatorList) },
      }),
      async (c) => c.json(await reference.findSdgIndicators(db, c.req.valid('query').target), 200),
    );
}
