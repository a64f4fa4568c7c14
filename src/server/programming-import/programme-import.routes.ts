import { createRoute, z } from '@hono/zod-openapi';
import { ProgrammeImportReport } from '../../shared/contracts/programming-answers.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/env.ts';
import { errors, json, named, router } from '../http/openapi.ts';
import { importProgramme } from './programme-import.service.ts';

/** The document is read by parseProgrammeFile, which names each problem by its path: any JSON object is let through here. */
const ProgrammeDocument = z.record(z.string(), z.unknown()).openapi('ProgrammeDocument', { description: 'A country programme document (docs/examples/programme-kenya.json)' });
const ReportSchema = named(ProgrammeImportReport, 'ProgrammeImportReport');

/** POST /api/programmes/import: the document of `devcoop programme import`, from the web UI or a script. */
export function programmeImportRoutes({ db }: Deps) {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['Country programming'],
      summary: 'Import a whole country programme (profile, constituents, CF cycles, DWCPs, milestones) in one transaction',
      description:
        'The body is the JSON document described in docs/examples/programme-kenya.json. Problems come back as details.issues, each with its path in the document; nothing is stored then.',
      request: { body: { required: true, content: { 'application/json': { schema: ProgrammeDocument } } } },
      responses: { 201: json(ReportSchema, 'Imported'), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT') },
    }),
    async (c) => c.json(await importProgramme(db, JSON.stringify(c.req.valid('json')), { ...actorOf(c), via: 'import' }), 201),
  );
}
