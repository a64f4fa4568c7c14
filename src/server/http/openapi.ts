import { isDeepStrictEqual } from 'node:util';
import { OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ErrorBody as ErrorBodyContract } from '../../shared/contracts/errors.ts';
import type { ErrorCode } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.handler.ts';
import { requestBody } from './request-body.middleware.ts';

/**
 * A contract named as a component of the OpenAPI document. zod instances take their methods when they are made, so
 * a contract made before @hono/zod-openapi extended zod (a test that imports a factory first, the CLI) has no
 * `.openapi()`; the extension's own method is called on it instead, whatever the import order.
 */
export function named<T extends z.ZodType>(schema: T, id: string): T {
  return (z.ZodType.prototype as unknown as { openapi: (this: T, id: string) => T }).openapi.call(schema, id);
}

export const ErrorBody = named(ErrorBodyContract, 'Error');

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

/** Where `actual` has something `expected` (what the contract let through) has not, or differs: a path and what. */
function difference(actual: unknown, expected: unknown, path: string): string | null {
  if (isDeepStrictEqual(actual, expected)) return null;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    for (let i = 0; i < actual.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
  } else if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    for (const [k, v] of Object.entries(actual)) {
      if (!(k in expected)) return `${path}.${k}: not in the contract`;
      const d = difference(v, (expected as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: changed by the contract`;
}

/**
 * With `checkResponses` on (the tests), a JSON answer is parsed with the route's declared schema for its status;
 * an answer the contract refuses, or that has a field the contract does not name, becomes a 500 saying where.
 * So every API test also checks that what goes out is exactly what the OpenAPI document says.
 */
function checkResponse(route: RouteConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.var.checkResponses || c.res.status < 200 || c.res.status >= 300) return;
    const declared = route.responses[c.res.status] ?? route.responses[String(c.res.status) as never];
    const type = c.res.headers.get('content-type') ?? '';
    const fail = (why: string) => {
      c.res = undefined;
      c.res = c.json({ error: { code: 'INTERNAL', message: `${route.method.toUpperCase()} ${route.path} ${why}` } }, 500);
    };
    if (!declared) return fail(`answered ${c.res.status}, which the route does not declare`);
    if (!type.startsWith('application/json')) return;
    const schema = (declared as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']?.schema;
    if (!(schema instanceof z.ZodType)) return fail(`answered JSON with ${c.res.status}, for which the route declares no JSON schema`);
    const body: unknown = await c.res.clone().json();
    const parsed = schema.safeParse(body);
    if (!parsed.success) return fail(`answer breaks its contract: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    const d = difference(body, parsed.data, '$');
    if (d) fail(`answer differs from its contract at ${d}`);
  };
}

const asArray = <T>(m: T | T[] | undefined): T[] => (m === undefined ? [] : Array.isArray(m) ? m : [m]);

/**
 * A router whose validation failures become INVALID_INPUT errors naming the fields, whose routes take JSON within
 * the body limit unless they declare a file (`fileBody`, request-body.middleware.ts), and whose answers are
 * checked against their contracts when `checkResponses` is on.
 */
export function router() {
  const r = new OpenAPIHono<AppEnv>({
    defaultHook: (result, _c) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  const register = r.openapi;
  r.openapi = ((route: RouteConfig, ...rest: unknown[]) =>
    (register as (...a: unknown[]) => unknown)({ ...route, middleware: [checkResponse(route), ...asArray(route.middleware), requestBody] }, ...rest)) as typeof r.openapi;
  return r;
}
