import { createRoute, z } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import { Project, ProjectCreate, ProjectDetail, ProjectStatusChange, ProjectTransition, ProjectUpdate } from '../../../shared/contracts/portfolio.ts';
import { PROJECT_STATUSES } from '../../../shared/project-statuses.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as projects from './projects.service.ts';

const tags = ['Projects'];
const ProjectSchema = named(Project, 'Project');
const ProjectList = listOf(ProjectSchema).openapi('ProjectList');
const ProjectDetailSchema = ProjectDetail.extend({ history: named(ProjectStatusChange, 'ProjectStatusChange').array() }).openapi('ProjectDetail');
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
        summary: 'Projects within your scope, a page at a time; `total` match the filters',
        request: { query: ListQuery },
        responses: { 200: json(ProjectList), ...readErrors },
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
        responses: { 201: json(ProjectSchema, 'Created'), ...writeErrors },
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
        responses: { 200: json(ProjectDetailSchema), ...readErrors },
      }),
      async (c) => c.json(await projects.getProject(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change a project (link lists given are replaced); send the version you read (a stale version gets 409)',
        request: { params: IdParam, body: jsonBody(ProjectUpdate) },
        responses: { 200: json(ProjectSchema), ...writeErrors },
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
        responses: { 200: json(ProjectSchema), ...writeErrors },
      }),
      async (c) => c.json(await projects.transitionProject(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
