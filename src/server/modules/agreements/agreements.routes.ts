import { createRoute } from '@hono/zod-openapi';
import { AgreementCreate, AgreementUpdate } from '../../../shared/contracts/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { jsonBody, router } from '../../http/openapi.ts';
import { IdParam, many, one, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as agreements from './agreements.service.ts';

const tags = ['Agreements'];

export function agreementRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/', tags, summary: 'Partnership agreements with amounts by year and the coordination levy', responses: { 200: many, ...readErrors } }),
      async (c) => c.json({ items: await agreements.findAgreements(db, actorOf(c)) }, 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/', tags, summary: 'Record an agreement', request: { body: jsonBody(AgreementCreate) }, responses: { 201: one, ...writeErrors } }),
      async (c) => c.json(await agreements.createAgreement(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}', tags, summary: 'One agreement, its amounts and levy', request: { params: IdParam }, responses: { 200: one, ...readErrors } }),
      async (c) => c.json(await agreements.getAgreement(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change an agreement (amounts are replaced when given)',
        request: { params: IdParam, body: jsonBody(AgreementUpdate) },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => c.json(await agreements.updateAgreement(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
