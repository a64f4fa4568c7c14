import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { type Reach, RIGHTS, ROLE_SCOPE, ROLES } from '../../shared/rights.ts';
import type { Database } from '../db/connect.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

describe('roles and rights in one place', () => {
  test('every reach a role has in the matrix is the whole organisation or what the role is anchored on', () => {
    const anchorReach: Record<(typeof ROLE_SCOPE)[keyof typeof ROLE_SCOPE], Reach | null> = { global: null, office: 'office', partner: 'partner', country: 'country' };
    for (const role of ROLES) {
      const reaches = new Set(Object.values(RIGHTS).flatMap((row) => ((row as Partial<Record<string, Reach>>)[role] ? [(row as Record<string, Reach>)[role]] : [])));
      for (const reach of reaches) assert.ok(reach === 'all' || reach === anchorReach[ROLE_SCOPE[role]], `${role} reaches ${reach} but is anchored on ${ROLE_SCOPE[role]}`);
    }
  });

  test('the database holds no role list (a new role needs no migration) but still refuses a user anchored on two things', async () => {
    const { db } = database;
    const office = await buildOffice(db);
    const partner = await buildPartner(db);
    const row = (email: string, role: string, anchor: { office_id?: string; partner_id?: string }) => ({
      email,
      name: 'Someone',
      password_hash: null,
      role,
      locale: 'en',
      ...anchor,
    });
    await db
      .insertInto('users')
      .values(row('new-role@example.org', 'a_role_added_later', { office_id: office.id }))
      .execute();
    await assert.rejects(
      db
        .insertInto('users')
        .values(row('two@example.org', 'viewer', { office_id: office.id, partner_id: partner.id }))
        .execute(),
      /users_one_anchor/,
    );
  });
});
