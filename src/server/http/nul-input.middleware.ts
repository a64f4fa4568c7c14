import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** The path of the first string (key or value) in a parsed JSON document that holds a NUL, or null. Iterative: a body cannot drive the stack. */
export function findNul(doc: unknown): string | null {
  const stack: [unknown, string][] = [[doc, '']];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (value.includes('\0')) return path || '(body)';
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], path ? `${path}.${i}` : String(i)]);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\0')) return at;
        stack.push([v, at]);
      }
    }
  }
  return null;
}

const nulError = (field: string, target: 'body' | 'query') =>
  new AppError('INVALID_INPUT', `${field}: a NUL character (\\u0000) is not allowed in text`, {
    target,
    issues: [{ field, code: 'invalid_string', message: 'a NUL character is not allowed in text' }],
  });

/**
 * PostgreSQL cannot store a NUL in text, so a NUL reached the database as a 500. It is refused here, at the
 * edge, naming the query parameter or the body field that holds it.
 */
export const rejectNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (name.includes('\0') || values.some((v) => v.includes('\0'))) throw nulError(name.replaceAll('\0', '\\u0000'), 'query');
  }
  if (/^application\/json\b/i.test(c.req.header('content-type') ?? '') && c.req.raw.body) {
    const text = await c.req.text();
    if (text.includes('\\u0000')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // malformed JSON is the validator's to report
      }
      const field = findNul(parsed);
      if (field) throw nulError(field, 'body');
    }
  }
  await next();
};
