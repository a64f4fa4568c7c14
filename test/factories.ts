import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import type { DB } from '../src/server/db/schema.ts';
import { createOffice } from '../src/server/modules/offices/offices.service.ts';
import { createUser } from '../src/server/modules/users/users.service.ts';
import type { OfficeCreate } from '../src/shared/contracts/offices.ts';
import type { Role } from '../src/shared/rights.ts';
import { Client, type TestApp } from './helpers/api.ts';

const actor = systemActor('system', 'test factory');
const unique = () => randomUUID().slice(0, 8);

/** An office, created through the service (so paths and audit rows are real). */
export function buildOffice(db: Kysely<DB>, overrides: Partial<OfficeCreate> = {}) {
  return createOffice(
    db,
    {
      code: `OFF-${unique()}`,
      name: 'Test office',
      officeType: overrides.parentId ? 'country_office' : 'headquarters',
      parentId: null,
      countryCode: null,
      city: null,
      ...overrides,
    },
    actor,
  );
}

export async function buildPartner(db: Kysely<DB>, name = 'Test partner') {
  return db
    .insertInto('partners')
    .values({ code: `P-${unique()}`, name })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with a role and its scope; sign in with `email` and TEST_PASSWORD. */
export function buildUser(db: Kysely<DB>, role: Role, scope: { officeId?: string; partnerId?: string; countryCode?: string } = {}) {
  return createUser(db, { email: `${role}-${unique()}@example.org`, name: `Test ${role}`, password: TEST_PASSWORD, role, ...scope }, actor);
}

/** A new user with this role and scope, signed in: a client holding their session and CSRF token. */
export async function signedInAs(
  app: TestApp,
  db: Kysely<DB>,
  role: Role,
  scope: { officeId?: string; partnerId?: string; countryCode?: string } = {},
): Promise<Client & { user: { id: string; email: string } }> {
  const user = await buildUser(db, role, scope);
  const client = new Client(app);
  const r = await client.signIn(user.email, TEST_PASSWORD);
  if (r.status !== 200) throw new Error(`sign-in as ${role} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return Object.assign(client, { user: { id: user.id as string, email: user.email as string } });
}

// Factories of the other resources, by area: projects and agreements (lifecycle through the services), money,
// country programming, strategies and action plans.
export * from './factories/finance.ts';
export * from './factories/programming.ts';
export * from './factories/projects.ts';
export * from './factories/strategies.ts';
