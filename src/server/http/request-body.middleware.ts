import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Right } from '../../shared/rights.ts';
import { requireRight } from '../access/rights.ts';
import { AppError } from '../errors.ts';
import { type AppEnv, actorOf } from './env.ts';
import { rejectNul } from './nul-input.middleware.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxSize} bytes`);
    },
  });

/**
 * Declares that a route takes a file as its body (application/octet-stream), attached in the route's own
 * `middleware`: within `maxBytes` when given (the ERP import), or bounded where it is received (an upload
 * streamed to disk by its job kind). Every other route takes JSON (`requestBody` below). `right`: the right the
 * route needs, checked before a byte of the file is read (the limit reads whole a body sent without its length).
 */
export function fileBody(opts: { maxBytes?: number; right?: Right } = {}): MiddlewareHandler<AppEnv> {
  const within = opts.maxBytes ? limit(opts.maxBytes) : null;
  return async (c, next) => {
    if (opts.right) requireRight(actorOf(c), opts.right);
    c.set('fileBody', true);
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/octet-stream\b/i.test(type)) throw new AppError('INVALID_INPUT', 'Send the file itself as the request body (Content-Type: application/octet-stream)');
    return within ? within(c, next) : next();
  };
}

/**
 * The body rules of every API route, run after the route's own middleware (router() in openapi.ts adds it): a
 * route that declared `fileBody` has had its rules; any other takes JSON within DEVCOOP_BODY_LIMIT, with no NUL
 * character. An empty body without a type is no body (the screens' DELETE sends none).
 */
export const requestBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.fileBody) return rejectNul(c, next); // its query still (the file's name); the file is the job's to read
  return limit(c.var.bodyLimit ?? 1024 * 1024)(c, async () => {
    const type = c.req.header('content-type') ?? '';
    if (!SAFE.has(c.req.method) && !/^application\/json\b/i.test(type)) {
      const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0' && (type !== '' || (await c.req.arrayBuffer()).byteLength > 0);
      if (hasBody) throw new AppError('INVALID_INPUT', 'Send the request body as JSON (Content-Type: application/json)');
    }
    await rejectNul(c, next);
  });
};

/** The request body of a route that takes a file, for the OpenAPI document (it goes with `fileBody`). */
export const fileContent = { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } };
