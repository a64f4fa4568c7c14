import { createRoute, z } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import {
  PROJECT_MARKERS,
  PROJECT_SORTS,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectStatusChange,
  ProjectTransition,
  ProjectUpdate,
} from '../../../shared/contracts/portfolio.ts';
import { LOCALES } from '../../../shared/locales.ts';
import { PROJECT_STATUSES } from '../../../shared/project-statuses.ts';
import type { Deps } from '../../deps.ts';
import { dispositionOf } from '../../http/content-disposition.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, TableFile, writeErrors } from '../../http/route-kit.ts';
import * as projects from './projects.service.ts';
import { projectsTableFile } from './projects-table.ts';

const tags = ['Projects'];
const ProjectSchema = named(Project, 'Project');
const ProjectList = listOf(ProjectSchema).openapi('ProjectList');
const ProjectDetailSchema = ProjectDetail.extend({ history: named(ProjectStatusChange, 'ProjectStatusChange').array() }).openapi('ProjectDetail');
const FilterQuery = z.strictObject({
  status: z.enum(PROJECT_STATUSES).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  office: z.uuid().optional().describe('an office and the offices under it'),
  partner: z.uuid().optional().describe('a partner in any role'),
  fundingSource: z
    .string()
    .regex(/^[A-Z0-9-]{2,12}$/)
    .optional(),
  marker: z.enum(PROJECT_MARKERS).optional().describe('projects for which this policy marker is significant or principal'),
  q: z.string().max(100).optional().describe('words of the code or of the title in any of the three languages'),
  sort: z.enum(PROJECT_SORTS).default('code'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
const ListQuery = FilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const FileQuery = FilterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(LOCALES).default('en') });

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
        method: 'get',
        path: '/table',
        tags,
        summary: 'The projects list as filtered, as CSV or XLSX (at most 50,000 rows), in the language asked for',
        request: { query: FileQuery },
        responses: { 200: TableFile, ...readErrors },
      }),
      async (c) => {
        const { format, lang, ...filter } = c.req.valid('query');
        const file = await projectsTableFile(db, filter, format, lang, actorOf(c));
        return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': dispositionOf(file.name) });
      },
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
