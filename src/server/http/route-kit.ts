import { z } from '@hono/zod-openapi';
import { errors, json } from './openapi.ts';

/** Shapes shared by the programming routes. Responses are records presented from rows (camelCase). */
export const AnyRecord = z.record(z.string(), z.unknown());
export const Items = z.object({ items: z.array(AnyRecord) });
export const IdParam = z.object({ id: z.uuid() });
export const CodeParam = z.object({ code: z.string().regex(/^[A-Z]{2}$/) });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });
export const readErrors = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
export const writeErrors = errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT');
export const one = json(AnyRecord);
export { json };
export const many = json(Items);
