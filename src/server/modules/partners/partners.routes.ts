import { createRoute } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import { DueDiligenceCreate, DueDiligenceReview, Partner, PartnerCreate, PartnerUpdate } from '../../../shared/contracts/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as partners from './partners.service.ts';

const tags = ['Partners'];
const ReviewSchema = named(DueDiligenceReview, 'DueDiligenceReview');
const PartnerSchema = Partner.extend({ dueDiligence: ReviewSchema.array() }).openapi('Partner');
const PartnerList = listOf(PartnerSchema).openapi('PartnerList');

export function partnerRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Partners (a donor viewer sees its own), with their due-diligence reviews',
        responses: { 200: json(PartnerList), ...readErrors },
      }),
      async (c) => c.json(await partners.findPartners(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Add a partner',
        request: { body: jsonBody(PartnerCreate) },
        responses: { 201: json(PartnerSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await partners.createPartner(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'A partner with its due-diligence reviews',
        request: { params: IdParam },
        responses: { 200: json(PartnerSchema), ...readErrors },
      }),
      async (c) => c.json(await partners.getPartner(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change a partner; send the version you read (a stale version gets 409)',
        request: { params: IdParam, body: jsonBody(PartnerUpdate) },
        responses: { 200: json(PartnerSchema), ...writeErrors },
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
        responses: { 201: json(ReviewSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await partners.addDueDiligence(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
