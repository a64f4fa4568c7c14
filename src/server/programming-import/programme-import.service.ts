import type { Kysely } from 'kysely';
import type { ProgrammeImportReport } from '../../shared/contracts/programming-answers.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError, toAppError } from '../errors.ts';
import { applyProgramme } from './apply-programme.ts';
import { parseProgrammeFile } from './programme-file.ts';

/** A problem of a refused programme document: where in the document, and what. */
export interface ProgrammeIssue {
  path: string;
  message: string;
}

/**
 * Imports a country programme document (its JSON text), for the API and the CLI alike: read and checked whole,
 * then applied in one transaction. A refusal is an AppError whose details list the issues, each with its path in
 * the document (`details.issues`), and nothing is stored.
 */
export async function importProgramme(db: Kysely<DB>, text: string, actor: Actor): Promise<ProgrammeImportReport> {
  const { file, issues } = parseProgrammeFile(text);
  if (!file) throw new AppError('INVALID_INPUT', `The document has ${issues.length} problem(s); nothing was imported`, { issues });
  try {
    return await applyProgramme(db, file, actor);
  } catch (err) {
    // The document's own fault (a rule of the data, a duplicate) is an issue of the document; a failure is not.
    const e = toAppError(err);
    if (e && e.code !== 'INTERNAL' && e.code !== 'UNAVAILABLE') {
      const path = (e.details as { path?: string } | undefined)?.path ?? '(root)';
      throw new AppError(e.code, `${e.message} — nothing was imported`, { issues: [{ path, message: e.message }] });
    }
    throw err;
  }
}

/** The issues of a refused import (none for any other error). */
export const issuesOf = (err: unknown): ProgrammeIssue[] => (err instanceof AppError ? ((err.details as { issues?: ProgrammeIssue[] } | undefined)?.issues ?? []) : []);
