import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildUser, signedInAs, TEST_PASSWORD } from '../../../test/factories.ts';
import { Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Database } from './connect.ts';

/**
 * A stale write (409) changes nothing, so it writes no audit row: a client retrying in a loop once wrote
 * thousands of rows in half a minute and buried the changes people look for. It is logged instead.
 */
let database: Database;
let admin: Client;
const logged: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];

before(async () => {
  database = await openTestDatabase();
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => void logged.push({ level, msg, fields });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const config = loadConfig({ DEVCOOP_DATA: '/nonexistent', LOG_LEVEL: 'silent' }, 'test');
  const app = createApp({ db: database.db, dbKind: database.kind, config, logger });
  admin = new Client(app);
  assert.equal((await admin.signIn((await buildUser(database.db, 'admin')).email, TEST_PASSWORD)).status, 200);
});
after(() => database.close());

const auditRows = async () =>
  (
    await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('stale writes', () => {
  test('a burst of stale updates and deletes answers 409 each time and adds no audit row; each is logged', async () => {
    const hq = await buildOffice(database.db, { code: 'HQ-BURST' });
    const office = await buildOffice(database.db, { code: 'CO-BURST', name: 'Burst office', officeType: 'country_office', parentId: hq.id });
    const partner = await buildPartner(database.db, 'Burst partner');
    assert.equal((await admin.patch(`/api/offices/${office.id}`, { name: 'Burst office, renamed', version: 1 })).status, 200);
    assert.equal((await admin.patch(`/api/partners/${partner.id}`, { name: 'Burst partner, renamed', version: partner.version })).status, 200);
    const rowsBefore = await auditRows();
    logged.length = 0;

    const burst = 60;
    const replies = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        i % 3 === 0
          ? admin.patch(`/api/offices/${office.id}`, { city: `Stale ${i}`, version: 1 })
          : i % 3 === 1
            ? admin.delete(`/api/offices/${office.id}?version=1`)
            : admin.patch(`/api/partners/${partner.id}`, { name: `Stale ${i}`, version: partner.version }),
      ),
    );
    assert.deepEqual(
      replies.map((r) => r.status),
      Array(burst).fill(409),
    );
    assert.ok(replies.every((r) => r.body.error.code === 'CONFLICT' && r.body.error.details.currentVersion === 2));
    assert.equal(await auditRows(), rowsBefore, 'no audit row for an attempt that changed nothing');

    const stale = logged.filter((l) => l.msg === 'stale write refused');
    assert.equal(stale.length, burst, 'each refused write is in the log');
    assert.ok(stale.every((l) => l.level === 'info' && l.fields?.currentVersion === 2 && l.fields?.requestId && /^\/api\/(offices|partners)\//.test(String(l.fields?.path))));

    // What was stored is the one real change, and a write on the current version still works and is audited.
    assert.equal((await admin.get(`/api/offices/${office.id}`)).body.name, 'Burst office, renamed');
    assert.equal((await admin.patch(`/api/offices/${office.id}`, { city: 'Dakar', version: 2 })).status, 200);
    assert.equal(await auditRows(), rowsBefore + 1);
  });

  test('a stale write names who made the change it missed and when, from the audit trail', async () => {
    const partner = await buildPartner(database.db, 'Named conflict partner');
    const officer = await signedInAs(admin.app, database.db, 'hq_officer');
    const changed = await officer.patch(`/api/partners/${partner.id}`, { name: 'Renamed by the officer', version: partner.version });
    assert.equal(changed.status, 200);
    const stale = await admin.patch(`/api/partners/${partner.id}`, { name: 'Renamed by the admin', version: partner.version });
    assert.equal(stale.status, 409);
    const details = stale.body.error.details;
    assert.match(details.changedBy, /hq_officer/, 'the officer, by the label the audit trail keeps');
    const audit = await database.db.selectFrom('audit_log').select(['actor_label', 'at']).where('entity_id', '=', partner.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(details.changedBy, audit.actor_label);
    assert.equal(details.changedAt, String(audit.at));
    assert.match(stale.body.error.message, new RegExp(`changed by ${audit.actor_label}`));
    assert.equal((await admin.get(`/api/partners/${partner.id}`)).body.name, 'Renamed by the officer', 'the stale write changed nothing');
  });
});
