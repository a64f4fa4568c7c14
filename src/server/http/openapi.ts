import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ErrorCode } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.handler.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE']),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Partial<Record<ErrorCode, [number, string]>> = {
  INVALID_INPUT: [400, 'The input is not valid; details.issues names each field'],
  UNAUTHENTICATED: [401, 'Not signed in, or the session has expired'],
  FORBIDDEN: [403, 'The role does not hold this right, or the CSRF header is missing'],
  NOT_FOUND: [404, 'No such record within your scope'],
  CONFLICT: [409, 'The record changed since it was read (stale version), or a unique value is taken'],
  RATE_LIMITED: [429, 'Too many attempts; see Retry-After'],
};

/** The documented error responses of a route. */
export function errors(...codes: ErrorCode[]) {
  return Object.fromEntries(
    codes.map((code) => {
      const [status, description] = DESCRIPTIONS[code] ?? [500, code];
      return [status, { description, content: { 'application/json': { schema: ErrorBody } } }];
    }),
  );
}

export const json = <T>(schema: T, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** A router whose validation failures become INVALID_INPUT errors naming the fields. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, _c) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}
