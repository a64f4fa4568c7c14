import { createRoute } from '@hono/zod-openapi';
import { CpoCreate, CpoUpdate, DwcpCreate, DwcpPriorityCreate, DwcpPriorityUpdate, DwcpUpdate } from '../../../shared/contracts/programming.ts';
import { Cpo, Dwcp, DwcpList, DwcpPriority, DwcpTree } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { CodeParam, IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as dwcps from './dwcps.service.ts';

const tags = ['DWCPs'];
const DwcpSchema = named(Dwcp, 'Dwcp');
const DwcpListSchema = named(DwcpList, 'DwcpList');
const DwcpTreeSchema = named(DwcpTree, 'DwcpTree');
const PrioritySchema = named(DwcpPriority, 'DwcpPriority');
const CpoSchema = named(Cpo, 'Cpo');

/** /api/countries/{code}/dwcps and /api/dwcps/…, /api/dwcp-priorities/…, /api/cpos/… */
export function dwcpRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/countries/{code}/dwcps',
        tags,
        summary: 'DWCPs of a country',
        request: { params: CodeParam },
        responses: { 200: json(DwcpListSchema), ...readErrors },
      }),
      async (c) => {
        const items = await dwcps.findDwcps(db, c.req.valid('param').code, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/countries/{code}/dwcps',
        tags,
        summary: 'Add a DWCP',
        request: { params: CodeParam, body: jsonBody(DwcpCreate) },
        responses: { 201: json(DwcpSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.createDwcp(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/dwcps/{id}',
        tags,
        summary: 'A DWCP with priorities, CPOs, drift and alignment',
        request: { params: IdParam },
        responses: { 200: json(DwcpTreeSchema), ...readErrors },
      }),
      async (c) => c.json(await dwcps.getDwcp(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/dwcps/{id}',
        tags,
        summary: 'Change a DWCP',
        request: { params: IdParam, body: jsonBody(DwcpUpdate) },
        responses: { 200: json(DwcpSchema), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.updateDwcp(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/dwcps/{id}/priorities',
        tags,
        summary: 'Add a priority',
        request: { params: IdParam, body: jsonBody(DwcpPriorityCreate) },
        responses: { 201: json(PrioritySchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.createDwcpPriority(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/dwcp-priorities/{id}',
        tags,
        summary: 'Record how far a priority is reflected in the CF, with evidence',
        request: { params: IdParam, body: jsonBody(DwcpPriorityUpdate) },
        responses: { 200: json(PrioritySchema), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.updateDwcpPriority(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/dwcps/{id}/cpos',
        tags,
        summary: 'Add a country programme outcome: derived verbatim from a CF outcome, or additional with a justification',
        request: { params: IdParam, body: jsonBody(CpoCreate) },
        responses: { 201: json(CpoSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.createCpo(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/cpos/{id}',
        tags,
        summary: 'Change a CPO; a derived CPO is re-derived from its CF outcome',
        request: { params: IdParam, body: jsonBody(CpoUpdate) },
        responses: { 200: json(CpoSchema), ...writeErrors },
      }),
      async (c) => c.json(await dwcps.updateCpo(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
