import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * PostgreSQL's role model, as the server uses it: an owner role owns the schema's tables and runs the
 * migrations (DATABASE_MIGRATION_URL); the server works as a role that owns nothing (DATABASE_URL). Only an
 * owner (or a superuser) can ALTER a table, so the server's role can neither switch off the audit trail's
 * triggers nor drop anything, and on `audit_log` it may only read and append.
 */

/** Who this connection is, and whether it could undo the audit trail's protection (it owns `audit_log` or is a superuser). */
export async function databaseRole(db: Kysely<DB>): Promise<{ role: string; ownsAuditTrail: boolean; superuser: boolean }> {
  const { rows } = await sql<{ role: string; owns: boolean; superuser: boolean }>`
    select current_user as role,
           coalesce((select c.relowner = r.oid from pg_class c where c.oid = to_regclass('audit_log')), false) as owns,
           r.rolsuper as superuser
    from pg_roles r where r.rolname = current_user`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('The database did not say which role this connection is');
  return { role: row.role, ownsAuditTrail: row.owns, superuser: row.superuser };
}

/**
 * Gives the server's role (`app`) what it needs and nothing more; run by the owner after migrating, every
 * time (idempotent), so tables added by later migrations are covered even where default privileges are not.
 * Reads and writes on the ordinary tables and their sequences; on `audit_log` only SELECT and INSERT; on
 * `schema_migrations` only SELECT. Default privileges give the same to tables the owner creates later.
 * Refuses a role that could undo the trail anyway: a superuser, a member of the owner role, an owner of tables.
 */
export async function grantAppRole(db: Kysely<DB>, app: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ owner: string; schema: string; found: boolean; superuser: boolean; member: boolean; owned: string[] }>`
      select current_user as owner, current_schema() as schema,
             r.oid is not null as found, coalesce(r.rolsuper, false) as superuser,
             coalesce(pg_has_role(r.oid, current_user, 'MEMBER'), false) as member,
             coalesce((select array_agg(c.relname::text order by c.relname) from pg_class c
                        where c.relowner = r.oid and c.relnamespace = current_schema()::regnamespace), '{}') as owned
      from (select 1) one left join pg_roles r on r.rolname = ${app}`.execute(trx);
    const s = rows[0];
    if (!s) throw new Error('The database did not describe the roles');
    if (s.owner === app) return; // one role for both: nothing to give
    const why = (what: string) => `The database role "${app}" of DATABASE_URL ${what}; see README, "On a PostgreSQL server".`;
    if (!s.found) throw new Error(why('does not exist on the server: create it (LOGIN, owning nothing)'));
    if (s.superuser) throw new Error(why('is a superuser, so nothing can be kept from it: give the server a role that owns nothing'));
    if (s.member) throw new Error(why(`is a member of "${s.owner}", the role that owns the tables, so it has the owner's rights`));
    if (s.owned.length) {
      throw new Error(
        why(
          `owns ${s.owned.slice(0, 5).join(', ')}${s.owned.length > 5 ? ` and ${s.owned.length - 5} more` : ''}, so it could switch off the audit trail's protection. Give them to the migration role "${s.owner}" (as a superuser: REASSIGN OWNED BY "${app}" TO "${s.owner}")`,
        ),
      );
    }
    const role = sql.id(app);
    const schema = sql.id(s.schema);
    for (const statement of [
      sql`grant usage on schema ${schema} to ${role}`,
      sql`grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
      sql`revoke truncate, references, trigger on all tables in schema ${schema} from ${role}`,
      sql`grant usage, select on all sequences in schema ${schema} to ${role}`,
      sql`revoke update, delete on audit_log from ${role}`,
      sql`revoke insert, update, delete on schema_migrations from ${role}`,
      sql`alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${role}`,
      sql`alter default privileges in schema ${schema} grant usage, select on sequences to ${role}`,
    ]) {
      await statement.execute(trx);
    }
  });
}
