import { z } from '@hono/zod-openapi';
import { errors } from './openapi.ts';

/** Shapes routes share: path parameters, the version a deletion names, the errors of a read and of a write. */
export const IdParam = z.object({ id: z.uuid() });
export const CodeParam = z.object({ code: z.string().regex(/^[A-Z]{2}$/) });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });
export const readErrors = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
export const writeErrors = errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT');

/** A table downloaded as CSV or XLSX (the answer of every `format=csv|xlsx` route). */
export const TableFile = {
  description: 'The table as a file',
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
  },
};
