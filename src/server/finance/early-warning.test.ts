import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { findWarnings } from './early-warning.queries.ts';

/*
 * The database decides which projects a rule flags (warning-rules.sql.ts) and evaluateWarnings words why:
 * over the demonstration portfolio, on days across the year, both must reach the same flags.
 */
let database: Database;
before(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db, { email: 'admin@example.org', password: 'a demonstration password' });
});
after(() => database.close());

describe('watch list: the database and the rules agree', () => {
  for (const asOf of ['2024-10-15', '2025-11-30', '2024-12-20', '2025-06-30']) {
    test(`as at ${asOf}`, async () => {
      const all = await findWarnings(database.db, asOf, systemActor('system', 'test'), {}, Number.MAX_SAFE_INTEGER);
      assert.equal(all.warnings.length, all.total, 'every flag the database counted is worded by the rules');
      const counted: Record<string, number> = {};
      for (const w of all.warnings) counted[w.rule] = (counted[w.rule] ?? 0) + 1;
      assert.deepEqual(counted, all.byRule);
      assert.ok(all.total > 0, 'the demonstration portfolio has flags');
      const firstTen = await findWarnings(database.db, asOf, systemActor('system', 'test'), {}, 10);
      assert.equal(firstTen.total, all.total);
      assert.deepEqual(
        firstTen.warnings.map((w) => `${w.code} ${w.rule}`),
        all.warnings.slice(0, 10).map((w) => `${w.code} ${w.rule}`),
      );
    });
  }
});
