import { createRoute } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import { Agreement, AgreementCreate, AgreementUpdate, LevyLine } from '../../../shared/contracts/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as agreements from './agreements.service.ts';

const tags = ['Agreements'];
const AgreementSchema = Agreement.extend({ levy: named(LevyLine, 'LevyLine').array() }).openapi('Agreement');
const AgreementList = listOf(AgreementSchema).openapi('AgreementList');

export function agreementRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Partnership agreements with amounts by year and the coordination levy, newest first',
        responses: { 200: json(AgreementList), ...readErrors },
      }),
      async (c) => c.json(await agreements.findAgreements(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Record an agreement',
        request: { body: jsonBody(AgreementCreate) },
        responses: { 201: json(AgreementSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await agreements.createAgreement(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'One agreement, its amounts and levy',
        request: { params: IdParam },
        responses: { 200: json(AgreementSchema), ...readErrors },
      }),
      async (c) => c.json(await agreements.getAgreement(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change an agreement (amounts are replaced when given); send the version you read (a stale version gets 409)',
        request: { params: IdParam, body: jsonBody(AgreementUpdate) },
        responses: { 200: json(AgreementSchema), ...writeErrors },
      }),
      async (c) => c.json(await agreements.updateAgreement(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
