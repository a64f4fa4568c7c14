import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../../../test/helpers/api.ts';
import type { Database } from '../db/connect.ts';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/**
 * Issue 16: every answer of the API has a contract. Each operation declares the schema of each of its
 * successful answers, and a JSON answer is an object that names its fields (a record of anything names
 * none). That the answers keep to these schemas is checked on every request of every API test
 * (DEVCOOP_CHECK_RESPONSES, http/openapi.ts).
 */
describe('the OpenAPI document', () => {
  const app = buildApp({ db: null, kind: 'pglite', close: async () => {} } as unknown as Database);

  test('describes every successful answer of every operation exactly', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
    const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {}) : s);
    const problems: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        if (ok.length === 0) problems.push(`${method.toUpperCase()} ${path}: no successful answer declared`);
        for (const [status, r] of ok) {
          if (status === '204') continue;
          const content = Object.entries(r.content ?? {});
          if (content.length === 0) problems.push(`${method.toUpperCase()} ${path} ${status}: no content declared`);
          for (const [type, c] of content) {
            if (!c.schema) problems.push(`${method.toUpperCase()} ${path} ${status} ${type}: no schema`);
            else if (type.includes('json')) {
              const s = resolve(c.schema);
              const named = (x: Schema) => Boolean(x.properties || x.allOf || x.anyOf || x.oneOf);
              if (!named(s)) problems.push(`${method.toUpperCase()} ${path} ${status}: an object without named fields`);
              const items = s.properties?.items;
              if (items) {
                const item = resolve(resolve(items).items ?? {});
                if (!named(item)) problems.push(`${method.toUpperCase()} ${path} ${status}: list items without named fields`);
              }
            }
          }
        }
      }
    }
    assert.ok(operations >= 100, `found ${operations} operations`);
    assert.deepEqual(problems, []);
  });
});
