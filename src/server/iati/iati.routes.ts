import { createRoute, z } from '@hono/zod-openapi';
import { IatiActivity, IatiActivityList, IatiPublicationCheck, IatiPublisher, IatiValidation, ProjectIati, ProjectIatiCheck } from '../../shared/contracts/iati.ts';
import { Job, JobStarted } from '../../shared/contracts/jobs.ts';
import type { Deps } from '../deps.ts';
import { dispositionOf } from '../http/content-disposition.ts';
import { actorOf } from '../http/env.ts';
import { errors, json, jsonBody, named, router } from '../http/openapi.ts';
import { fileBody, fileContent } from '../http/request-body.middleware.ts';
import { IdParam, readErrors, writeErrors } from '../http/route-kit.ts';
import { getJob, startUploadJob } from '../jobs/jobs.service.ts';
import { findIatiActivities, linkIatiActivity, projectIatiLinks } from './iati-activities.service.ts';
import { activityFile, hasRecord, nothingPublished, organisationFile } from './iati-export.read.ts';
import { iatiImportJob } from './iati-import.job.ts';
import { checkProjectActivity } from './iati-project.check.ts';
import { startPublicationCheck, validationReport } from './iati-publication.service.ts';
import { PublisherIdentity, readPublisher, setActivityUnit, setPublisher } from './iati-settings.service.ts';
import { iatiValidateJob } from './iati-validate.job.ts';
import { reportCsv } from './iati-validate.ts';

const tags = ['IATI'];
const Upload = z.strictObject({ fileName: z.string().min(1).max(200) });
const Accepted = json(named(JobStarted, 'JobStarted'), 'The job was started: follow it at /api/jobs/{jobId}');
const JobParam = z.object({ id: z.guid() });
const PublisherSchema = named(IatiPublisher, 'IatiPublisher');
const IatiActivitySchema = named(IatiActivity, 'IatiActivity');
/** The report of a validation job, or of a check of what devcoop publishes (its records tied to projects or outcomes). */
const IatiReportSchema = z.union([named(IatiPublicationCheck, 'IatiPublicationCheck'), named(IatiValidation, 'IatiValidation')]).openapi('IatiReport');
/** Validation and import of IATI files as jobs, their reports, and the jobs themselves (signed in). */
export function iatiRoutes(deps: Deps) {
  const { db } = deps;
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/iati/validations',
        tags,
        summary: 'Validate an IATI file (XSD, codelists, rules) as a job; the report is the job result',
        description: 'Send the file as application/octet-stream, its name in `fileName`.',
        middleware: [fileBody()],
        request: { query: Upload, body: fileContent },
        responses: { 202: Accepted, ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE') },
      }),
      async (c) => {
        const { fileName } = c.req.valid('query');
        const job = await startUploadJob(deps, actorOf(c), iatiValidateJob, c.req.raw.body, (bytes) => ({ fileName, bytes }));
        return c.json({ jobId: job.id }, 202);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/iati/imports',
        tags,
        summary: "Import another publisher's IATI activity file as a job (one transaction; re-importing updates)",
        middleware: [fileBody()],
        request: { query: Upload, body: fileContent },
        responses: { 202: Accepted, ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE') },
      }),
      async (c) => {
        const { fileName } = c.req.valid('query');
        const job = await startUploadJob(deps, actorOf(c), iatiImportJob, c.req.raw.body, (bytes) => ({ fileName, bytes }));
        return c.json({ jobId: job.id }, 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/iati/publisher',
        tags,
        summary: 'Who publishes and what an activity of the published file is (a project, or an outcome and biennium)',
        responses: { 200: json(PublisherSchema), ...readErrors },
      }),
      async (c) => c.json(await readPublisher(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings/iati-publisher',
        tags,
        summary: 'Who publishes: the organisation identifier and name of the published files (synthetic records are published only under an XE-EXAMPLE identifier)',
        request: { body: jsonBody(PublisherIdentity) },
        responses: { 200: json(PublisherSchema), ...writeErrors },
      }),
      async (c) => c.json(await setPublisher(db, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings/iati-activity-unit',
        tags,
        summary: 'Publish one activity per project, or one per country programme outcome and biennium',
        request: { body: jsonBody(z.strictObject({ unit: z.enum(['project', 'cpo_biennium']) })) },
        responses: { 200: json(PublisherSchema), ...writeErrors },
      }),
      async (c) => c.json(await setActivityUnit(db, c.req.valid('json').unit, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/iati/checks',
        tags,
        summary: 'Check what devcoop publishes: generate the activity file and validate it, each finding tied to its project',
        responses: { 202: Accepted, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT') },
      }),
      async (c) => {
        const job = await startPublicationCheck(deps, actorOf(c));
        return c.json({ jobId: job.id }, 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/iati/activities',
        tags,
        summary: "Other publishers' activities read from IATI files, by identifier, title or publisher",
        request: {
          query: z.strictObject({
            q: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
        responses: { 200: json(IatiActivityList.extend({ items: z.array(IatiActivitySchema) }).openapi('IatiActivityPage')), ...readErrors },
      }),
      async (c) => c.json(await findIatiActivities(db, c.req.valid('query'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/iati/activities/{id}/project',
        tags,
        summary: "Link another publisher's activity to one of our projects (co-financing), or unlink it with null",
        request: { params: IdParam, body: jsonBody(z.strictObject({ projectId: z.uuid().nullable(), version: z.number().int().positive() })) },
        responses: { 200: json(IatiActivitySchema), ...writeErrors },
      }),
      async (c) => c.json(await linkIatiActivity(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/iati',
        tags,
        summary: "A project's IATI picture: linked activities of other publishers, and their transactions that name this project's activity",
        request: { params: IdParam },
        responses: { 200: json(ProjectIati.extend({ linked: z.array(IatiActivitySchema) }).openapi('ProjectIati')), ...readErrors },
      }),
      async (c) => c.json(await projectIatiLinks(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/iati/check',
        tags,
        summary: "A project's activity as published, validated alone (XSD, codelists, rules): its findings with the element each is about",
        request: { params: IdParam },
        responses: { 200: json(named(ProjectIatiCheck, 'ProjectIatiCheck')), ...readErrors },
      }),
      async (c) => c.json(await checkProjectActivity(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/jobs/{id}',
        tags,
        summary: 'A job you started: status, progress while it runs, its result or the reason it failed',
        request: { params: JobParam },
        responses: { 200: json(named(Job, 'Job')), ...readErrors },
      }),
      async (c) => c.json(await getJob(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/iati/validations/{id}/report',
        tags,
        summary: 'The report of a validation job as JSON or CSV (one finding per row)',
        request: { params: JobParam, query: z.strictObject({ format: z.enum(['json', 'csv']).default('json') }) },
        responses: {
          200: {
            description: 'The report, as JSON or as CSV (one finding per row)',
            content: { 'application/json': { schema: IatiReportSchema }, 'text/csv': { schema: z.string() } },
          },
          ...readErrors,
        },
      }),
      async (c) => {
        const report = await validationReport(db, c.req.valid('param').id, actorOf(c));
        const base = report.fileName.replace(/\.[^.]*$/, '');
        if (c.req.valid('query').format === 'json')
          return c.body(JSON.stringify(report, null, 2), 200, { 'Content-Type': 'application/json', 'Content-Disposition': dispositionOf(`${base}-validation.json`) });
        return c.body(reportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': dispositionOf(`${base}-validation.csv`) });
      },
    );
}

const xmlFile = (summary: string) =>
  createRoute({
    method: 'get',
    path: `/${summary.startsWith('The activity') ? 'activities' : 'organisation'}.xml`,
    tags,
    summary,
    responses: {
      200: { description: 'The IATI 2.03 file, generated from the data as it is now', content: { 'application/xml': { schema: z.string() } } },
      404: { description: 'Nothing is published yet, and why, in plain words (an IATI file with no activity would be invalid)', content: { 'text/plain': { schema: z.string() } } },
    },
  });

/** The published files, public (no sign-in) at stable URLs, generated from the data on each request as a stream. */
export function iatiPublicRoutes({ db }: Deps) {
  const stream = (gen: AsyncGenerator<string>) =>
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await gen.next();
        if (done) controller.close();
        else controller.enqueue(new TextEncoder().encode(value));
      },
      cancel: () => void gen.return(undefined),
    });
  const headers = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' };
  const text = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' };
  return router()
    .openapi(xmlFile('The activity file: every published project (or outcome and biennium) as an IATI activity; public'), async (c) => {
      const file = await hasRecord(activityFile(db), 'iati-activity');
      return file ? c.body(stream(file), 200, headers) : c.body(await nothingPublished(db), 404, text);
    })
    .openapi(xmlFile('The organisation file: who publishes, with its total budgets; public'), async (c) => c.body(stream(organisationFile(db)), 200, headers));
}
