import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { buildApp } from '../../../test/helpers/api.ts';
import type { Database } from '../db/connect.ts';

/**
 * A partial update changes only what it names. zod fills a missing key from a `.default()`, so a PATCH
 * body field with a default would silently write that default (an empty list erased a project's
 * partners). Every PATCH route of the API is checked here, so a new one cannot bring the defect back.
 */
describe('PATCH bodies', () => {
  const app = buildApp({ db: null, kind: 'pglite', close: async () => {} } as unknown as Database);
  const patches = app.openAPIRegistry.definitions.flatMap((d) =>
    d.type === 'route' && d.route.method === 'patch'
      ? [{ path: d.route.path, body: (d.route.request?.body?.content?.['application/json'] as { schema?: unknown } | undefined)?.schema }]
      : [],
  );

  test('the API has PATCH routes, each with a JSON body schema', () => {
    assert.ok(patches.length >= 15, `found ${patches.length}`);
    for (const p of patches) assert.ok(p.body instanceof z.ZodObject, `${p.path} has an object body`);
  });

  test('no field of a PATCH body takes a value when it is left out', () => {
    const defaulted: string[] = [];
    for (const p of patches) {
      for (const [key, field] of Object.entries((p.body as z.ZodObject).shape)) {
        const r = (field as z.ZodType).safeParse(undefined);
        if (r.success && r.data !== undefined) defaulted.push(`${p.path} ${key} → ${JSON.stringify(r.data)}`);
      }
    }
    assert.deepEqual(defaulted, []);
  });
});
