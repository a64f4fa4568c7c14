import { type Kysely, sql } from 'kysely';
import type { OfficeScope } from '../../access/rights.ts';
import type { DB, Office } from '../../db/schema.ts';

/** The SQL of offices. Every read takes the actor's scope: a subtree is a prefix of the materialised path. */
export function scopedOffices(db: Kysely<DB>, scope: OfficeScope) {
  const q = db.selectFrom('offices').selectAll();
  return scope.kind === 'all' ? q : q.where('path', 'like', `${scope.path}%`);
}

export async function selectOffice(db: Kysely<DB>, id: string, scope: OfficeScope): Promise<Office | undefined> {
  return scopedOffices(db, scope).where('id', '=', id).executeTakeFirst();
}

export interface OfficeListFilter {
  q?: string;
  officeType?: string;
  parentId?: string;
  limit: number;
  offset: number;
}

export async function selectOffices(db: Kysely<DB>, scope: OfficeScope, f: OfficeListFilter): Promise<{ rows: Office[]; total: number }> {
  let q = scopedOffices(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like), eb('city', 'ilike', like)]));
  }
  if (f.officeType) q = q.where('office_type', '=', f.officeType);
  if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  const [rows, count] = await Promise.all([
    q.orderBy('path').limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function countDependents(db: Kysely<DB>, id: string): Promise<{ children: number; users: number }> {
  const row = await sql<{ children: number; users: number }>`
    select (select count(*) from offices where parent_id = ${id}) as children,
           (select count(*) from users where office_id = ${id}) as users`.execute(db);
  return row.rows[0] ?? { children: 0, users: 0 };
}

/** Moves a subtree: every path under `oldPath` is re-rooted at `newPath`. */
export async function repathSubtree(db: Kysely<DB>, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('offices')
    .set({ path: sql`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}
