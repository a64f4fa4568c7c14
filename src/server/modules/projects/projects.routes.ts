import { createRoute, z } from '@hono/zod-openapi';
import { ProjectCreate, ProjectTransition, ProjectUpdate } from '../../../shared/contracts/portfolio.ts';
import { PROJECT_STATUSES } from '../../../shared/project-statuses.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, router } from '../../http/openapi.ts';
import { AnyRecord, IdParam, one, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as projects from './projects.service.ts';

const tags = ['Projects'];
const ListQuery = z.strictObject({
  status: z.enum(PROJECT_STATUSES).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function projectRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Projects within your scope',
        request: { query: ListQuery },
        responses: { 200: json(z.object({ items: z.array(AnyRecord), total: z.number() })), ...readErrors },
      }),
      async (c) => c.json(await projects.findProjects(db, c.req.valid('query'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Add a project (it starts in the pipeline)',
        request: { body: jsonBody(ProjectCreate) },
        responses: { 201: one, ...writeErrors },
      }),
      async (c) => c.json(await projects.createProject(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'A project with partners, agreements, links and history',
        request: { params: IdParam },
        responses: { 200: one, ...readErrors },
      }),
      async (c) => c.json(await projects.getProject(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change a project (link lists given are replaced)',
        request: { params: IdParam, body: jsonBody(ProjectUpdate) },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => c.json(await projects.updateProject(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/transitions',
        tags,
        summary: 'Move a project along its lifecycle',
        request: { params: IdParam, body: jsonBody(ProjectTransition) },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => c.json(await projects.transitionProject(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
