import pg from 'pg';

/**
 * The two roles the PostgreSQL test run uses, as a deployment does (README, "On a PostgreSQL server"): the
 * owner migrates and owns the tables, the app role runs every suite and owns nothing. Named for tests so a
 * real deployment's roles on the same server are never touched. DEVCOOP_TEST_PG_ROLES=one runs everything as
 * DATABASE_URL's role instead (a server where that role cannot create roles, or only takes passwords).
 */
export const TEST_OWNER_ROLE = 'devcoop_test_owner';
export const TEST_APP_ROLE = 'devcoop_test_app';

/** `url` logging in as `role` (no password: the test server lets these roles in by its own rules, trust in CI), on `database` if given. */
export function urlAs(url: string, role: string | undefined, database?: string): string {
  const u = new URL(url);
  if (role) {
    u.username = role;
    u.password = '';
  }
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the two roles if missing (several runs may race: the loser's "already exists" is fine), and checks they are what they claim. */
export async function ensureTestRoles(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const role of [TEST_OWNER_ROLE, TEST_APP_ROLE]) {
      await admin.query(`create role "${role}" login nosuperuser nocreatedb nocreaterole nobypassrls`).catch((err: { code?: string; message: string }) => {
        if (err.code === '42710' || err.code === '23505') return; // created meanwhile by another run
        throw new Error(
          `Could not create the test role ${role} as ${new URL(adminUrl).username || 'DATABASE_URL'}'s role (${err.message}). The PostgreSQL test run migrates as an owner role and runs the suites as a role that owns nothing; give DATABASE_URL a role that may create roles, or set DEVCOOP_TEST_PG_ROLES=one to run as that one role.`,
        );
      });
    }
    const { rows } = await admin.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
      `select rolname, rolsuper, rolbypassrls, pg_has_role($2, $1, 'MEMBER') as member from pg_roles where rolname in ($1, $2)`,
      [TEST_OWNER_ROLE, TEST_APP_ROLE],
    );
    const bad = rows.filter((r) => r.rolsuper || r.rolbypassrls).map((r) => r.rolname);
    if (bad.length)
      throw new Error(`The test role(s) ${bad.join(', ')} are superusers or bypass row security: the run would prove nothing. Drop them; the next run creates them right.`);
    if (rows.some((r) => r.member)) throw new Error(`${TEST_APP_ROLE} is a member of ${TEST_OWNER_ROLE}, so it has the owner's rights: revoke that membership.`);
  } finally {
    await admin.end();
  }
}
