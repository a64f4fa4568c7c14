import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, ok, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/** The users API through HTTP, as an administrator: create, change, deactivate, reset; the last administrator kept; own language. */

let database: Database;
let app: TestApp;
let admin: Client;
let adminId: string;
let officeId: string;
let otherOfficeId: string;
const NEW_PASSWORD = 'violet kettle marches sideways';

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const user = await buildUser(database.db, 'admin');
  adminId = user.id;
  admin = new Client(app);
  ok(await admin.signIn(user.email, TEST_PASSWORD), 200);
  officeId = (await buildOffice(database.db, { code: 'HQ-U', name: 'Headquarters' })).id;
  otherOfficeId = (await buildOffice(database.db, { code: 'CO-U', name: 'Country office', parentId: officeId })).id;
});
after(() => database.close());

const auditOf = (id: string) => database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', id).orderBy('id').execute();
const sessionsOf = async (id: string) => (await database.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).length;

async function newUser(email: string, extra: Record<string, unknown> = {}) {
  return ok(await admin.post('/api/users', { email, name: 'Amina Diallo', password: TEST_PASSWORD, role: 'programme_officer', officeId, locale: 'fr', ...extra }), 201);
}

describe('users API', () => {
  test('create with role, office scope and language; read it; the list filters by role, office, active and words', async () => {
    const u = await newUser('amina@example.org');
    assert.equal(u.locale, 'fr');
    assert.equal(u.officeId, officeId);
    assert.equal(u.active, true);
    assert.equal(u.version, 1);
    assert.deepEqual(ok(await admin.get(`/api/users/${u.id}`), 200), u);
    assert.equal((await auditOf(u.id))[0]?.action, 'create');
    const ids = async (q: string) => ok(await admin.get(`/api/users?${q}`), 200).items.map((x: { id: string }) => x.id);
    assert.ok((await ids('role=programme_officer')).includes(u.id));
    assert.ok(!(await ids('role=viewer')).includes(u.id));
    assert.ok((await ids(`officeId=${officeId}`)).includes(u.id));
    assert.ok(!(await ids(`officeId=${otherOfficeId}`)).includes(u.id));
    assert.ok((await ids('q=DIALLO')).includes(u.id), 'by name, whatever the case');
    assert.ok((await ids('q=amina%40example')).includes(u.id), 'by e-mail');
    assert.ok(!(await ids('q=nobody')).includes(u.id));
    assert.ok((await ids('active=true')).includes(u.id));
    assert.ok(!(await ids('active=false')).includes(u.id));
    const signedIn = new Client(app);
    const s = ok(await signedIn.signIn('amina@example.org', TEST_PASSWORD), 200);
    assert.equal(s.user.locale, 'fr', 'the session carries the account language');
  });

  test('a role needs its scope, and a weak password or a taken e-mail is refused, nothing stored', async () => {
    const before = (await database.db.selectFrom('users').select('id').execute()).length;
    const noOffice = await admin.post('/api/users', { email: 'x1@example.org', name: 'X', password: TEST_PASSWORD, role: 'viewer' });
    assert.equal(noOffice.status, 400);
    assert.equal(noOffice.body.error.details.field, 'officeId');
    const weak = await admin.post('/api/users', { email: 'x2@example.org', name: 'X', password: 'password1234', role: 'admin' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details.field, 'password');
    assert.equal(weak.body.error.details.reason, 'weak_password');
    const taken = await admin.post('/api/users', { email: 'AMINA@example.org', name: 'X', password: TEST_PASSWORD, role: 'admin' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.details.field, 'email');
    assert.equal((await database.db.selectFrom('users').select('id').execute()).length, before);
  });

  test('PATCH changes only what it names; a stale version is 409 saying who changed it and when, and changes nothing', async () => {
    const u = await newUser('patch@example.org');
    const renamed = ok(await admin.patch(`/api/users/${u.id}`, { locale: 'es', version: u.version }), 200);
    assert.equal(renamed.locale, 'es');
    assert.equal(renamed.version, u.version + 1);
    assert.deepEqual({ ...renamed, locale: u.locale, version: u.version, updatedAt: u.updatedAt }, u, 'nothing else moved');
    const moved = ok(await admin.patch(`/api/users/${u.id}`, { officeId: otherOfficeId, version: renamed.version }), 200);
    assert.equal(moved.officeId, otherOfficeId);
    assert.equal(moved.role, 'programme_officer');
    const stale = await admin.patch(`/api/users/${u.id}`, { name: 'Late', version: u.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.currentVersion, moved.version);
    assert.match(stale.body.error.details.changedBy, /^admin-/);
    assert.ok(stale.body.error.details.changedAt);
    assert.equal(ok(await admin.get(`/api/users/${u.id}`), 200).name, 'Amina Diallo');
    const trail = await auditOf(u.id);
    assert.deepEqual(
      trail.map((a) => a.action),
      ['create', 'update', 'update'],
    );
    assert.equal((trail[1]?.before as { locale?: string } | undefined)?.locale, 'fr');
    assert.equal((trail[1]?.after as { locale?: string } | undefined)?.locale, 'es');
  });

  test('a role change takes the scope the role needs and clears the others', async () => {
    const u = await newUser('role@example.org');
    const partner = await buildPartner(database.db);
    const noPartner = await admin.patch(`/api/users/${u.id}`, { role: 'donor_viewer', version: u.version });
    assert.equal(noPartner.status, 400);
    assert.equal(noPartner.body.error.details.field, 'partnerId');
    const donor = ok(await admin.patch(`/api/users/${u.id}`, { role: 'donor_viewer', partnerId: partner.id, version: u.version }), 200);
    assert.equal(donor.partnerId, partner.id);
    assert.equal(donor.officeId, null, 'the office anchor is cleared');
    const hq = ok(await admin.patch(`/api/users/${u.id}`, { role: 'hq_officer', version: donor.version }), 200);
    assert.equal(hq.partnerId, null);
  });

  test('deactivating ends the sessions and refuses sign-in with a clear message; reactivating lets the user in again', async () => {
    const u = await newUser('leaving@example.org');
    const user = new Client(app);
    ok(await user.signIn('leaving@example.org', TEST_PASSWORD), 200);
    assert.equal(await sessionsOf(u.id), 1);
    const off = ok(await admin.patch(`/api/users/${u.id}`, { active: false, version: u.version }), 200);
    assert.equal(off.active, false);
    assert.equal(await sessionsOf(u.id), 0);
    assert.equal((await user.get('/api/session')).status, 401, 'the open session has ended');
    const refused = await new Client(app).signIn('leaving@example.org', TEST_PASSWORD);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.details.reason, 'disabled');
    assert.match(refused.body.error.message, /deactivated/);
    const wrong = await new Client(app).signIn('leaving@example.org', 'not the password at all');
    assert.equal(wrong.body.error.details?.reason, undefined, 'a wrong password learns nothing of the account');
    ok(await admin.patch(`/api/users/${u.id}`, { active: true, version: off.version }), 200);
    ok(await new Client(app).signIn('leaving@example.org', TEST_PASSWORD), 200);
    assert.ok((await auditOf(u.id)).some((a) => (a.after as { active?: boolean } | null)?.active === false));
  });

  test('the last active administrator cannot deactivate or demote themselves; with a second one they can', async () => {
    const me = ok(await admin.get(`/api/users/${adminId}`), 200);
    const others = await database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('id', '<>', adminId).execute();
    assert.equal(others.length, 0, 'this suite has one administrator');
    const off = await admin.patch(`/api/users/${adminId}`, { active: false, version: me.version });
    assert.equal(off.status, 400);
    assert.equal(off.body.error.details.reason, 'last_admin');
    assert.equal(off.body.error.details.field, 'active');
    const demote = await admin.patch(`/api/users/${adminId}`, { role: 'hq_officer', version: me.version });
    assert.equal(demote.status, 400);
    assert.equal(demote.body.error.details.reason, 'last_admin');
    assert.equal(demote.body.error.details.field, 'role');
    const viaPut = await admin.put(`/api/users/${adminId}/role`, { role: 'viewer', officeId, version: me.version });
    assert.equal(viaPut.status, 400);
    const still = ok(await admin.get(`/api/users/${adminId}`), 200);
    assert.deepEqual(still, me, 'nothing changed');
    const second = await newUser('second-admin@example.org', { role: 'admin', officeId: null });
    const demoted = ok(await admin.patch(`/api/users/${adminId}`, { role: 'hq_officer', version: me.version }), 200);
    assert.equal(demoted.role, 'hq_officer');
    // Put things back for the other tests, as the second administrator.
    const two = new Client(app);
    ok(await two.signIn(second.email, TEST_PASSWORD), 200);
    ok(await two.patch(`/api/users/${adminId}`, { role: 'admin', version: demoted.version }), 200);
  });

  test("reset password: a strong temporary password, the user's sessions end, the new one works; weak and own refused", async () => {
    const u = await newUser('reset@example.org');
    const user = new Client(app);
    ok(await user.signIn('reset@example.org', TEST_PASSWORD), 200);
    const weak = await admin.put(`/api/users/${u.id}/password`, { password: 'reset@example.org1' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details.field, 'password');
    assert.equal(await sessionsOf(u.id), 1, 'a refused reset ends nothing');
    assert.equal((await admin.put(`/api/users/${u.id}/password`, { password: NEW_PASSWORD })).status, 204);
    assert.equal(await sessionsOf(u.id), 0);
    assert.equal((await new Client(app).signIn('reset@example.org', TEST_PASSWORD)).status, 401);
    ok(await new Client(app).signIn('reset@example.org', NEW_PASSWORD), 200);
    const own = await admin.put(`/api/users/${adminId}/password`, { password: NEW_PASSWORD });
    assert.equal(own.status, 400);
    assert.equal(own.body.error.details.reason, 'own_account');
    const trail = await auditOf(u.id);
    assert.ok(trail.some((a) => a.action === 'reset_password'));
    assert.ok(!JSON.stringify(trail).includes('argon2'), 'no hash in the trail');
  });

  test('own language: PATCH /api/session/account saves it, answers the session, bumps the version, audited', async () => {
    const u = await newUser('own-lang@example.org');
    const user = new Client(app);
    ok(await user.signIn('own-lang@example.org', TEST_PASSWORD), 200);
    const s = ok(await user.patch('/api/session/account', { locale: 'es' }), 200);
    assert.equal(s.user.locale, 'es');
    assert.equal(ok(await user.get('/api/session'), 200).user.locale, 'es');
    const after = ok(await admin.get(`/api/users/${u.id}`), 200);
    assert.equal(after.locale, 'es');
    assert.equal(after.version, u.version + 1);
    const bad = await user.patch('/api/session/account', { locale: 'de' });
    assert.equal(bad.status, 400);
    const extra = await user.patch('/api/session/account', { locale: 'en', role: 'admin' });
    assert.equal(extra.status, 400, 'nothing but the language');
    assert.equal(ok(await admin.get(`/api/users/${u.id}`), 200).role, 'programme_officer');
    const trail = await auditOf(u.id);
    assert.deepEqual(trail.at(-1)?.after, { locale: 'es' });
    assert.equal(trail.at(-1)?.action, 'set_locale');
    assert.equal((await new Client(app).patch('/api/session/account', { locale: 'fr' })).status, 401);
  });
});
