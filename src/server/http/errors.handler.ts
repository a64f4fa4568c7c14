import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const body = (code: ErrorCode, message: string, details: unknown, requestId?: string) => ({
  error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { requestId } : {}) },
});

/** The one place an error becomes a response: AppErrors as they are, everything else as a logged INTERNAL with a request id. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    const requestId = c.get('requestId') as string | undefined;
    const app = toAppError(err);
    if (app) {
      if (app.code === 'UNAVAILABLE') logger.warn('unavailable', { requestId, method: c.req.method, path: c.req.path, error: err.message });
      // A stale write (409 with the current version) changed nothing, so it is not in the audit trail: it is logged here.
      const currentVersion = (app.details as { currentVersion?: unknown } | undefined)?.currentVersion;
      if (app.code === 'CONFLICT' && currentVersion !== undefined) {
        logger.info('stale write refused', { requestId, method: c.req.method, path: c.req.path, currentVersion, user: (c.get('actor') as { label?: string } | undefined)?.label });
      }
      if (app.code === 'RATE_LIMITED' || app.code === 'UNAVAILABLE') {
        const after = (app.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (after) c.header('Retry-After', String(after));
      }
      return c.json(body(app.code, app.message, app.details, requestId), app.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code: ErrorCode =
        status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'INVALID_INPUT';
      const message = /json/i.test(err.message) ? 'The request body is not valid JSON' : err.message || 'The request is not valid';
      return c.json(body(code, message, undefined, requestId), status < 500 ? (status as 400) : 400);
    }
    logger.error('unhandled error', { requestId, method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return c.json(body('INTERNAL', 'Something went wrong on the server; the request id identifies it in the logs', undefined, requestId), 500);
  };
}

/** What a screen needs to say an issue in the user's language: the limit, the kind of value, the format, the allowed values. */
function issueParams(i: ZodError['issues'][number]): Record<string, unknown> {
  const { minimum, maximum, origin, expected, format, values } = i as {
    minimum?: unknown;
    maximum?: unknown;
    origin?: string;
    expected?: string;
    format?: string;
    values?: unknown[];
  };
  const limit = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
  return Object.fromEntries(
    Object.entries({
      minimum: limit(minimum),
      maximum: limit(maximum),
      origin,
      expected,
      format,
      values,
      missing: i.code === 'invalid_type' && /received undefined$/.test(i.message) ? true : undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

/** zod's findings as a client can act on them: which field, what is wrong. */
export function validationError(error: ZodError, target: string): AppError {
  const issues = error.issues.map((i) => ({
    field: i.path.join('.') || (i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.join(', ') : '') || target,
    code: i.code,
    message: i.message,
    ...issueParams(i),
  }));
  const first = issues[0];
  return new AppError('INVALID_INPUT', first ? `${first.field}: ${first.message}` : `The ${target} is not valid`, { target, issues });
}

export function notFoundHandler(c: Context) {
  return c.json(body('NOT_FOUND', `There is no ${c.req.method} ${c.req.path}`, undefined, c.get('requestId') as string | undefined), 404);
}
