import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { AppError } from '../server/errors.ts';
import { createOffice, deleteOffice, findOffices, getOffice, updateOffice } from '../server/modules/offices/offices.service.ts';
import { OfficeCreate, OfficeUpdate } from '../shared/contracts/offices.ts';
import { printTable, UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

async function officeIdByCode(db: Kysely<DB>, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const row = await db.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no office with the code ${code}`);
  return row.id;
}

function parseOrThrow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UsageError(r.error.issues.map((i) => `--${String(i.path[0] ?? '?')}: ${i.message}`).join('\n'));
}

/** `devcoop office list|show|create|update|delete`: the office services, run as the operator. */
export async function officeCommand(db: Kysely<DB>, sub: string | undefined, flags: Flags): Promise<void> {
  const actor = systemActor('cli');
  switch (sub) {
    case 'list': {
      const { items } = await findOffices(db, { q: str(flags.q), limit: 1000, offset: 0 }, actor);
      const byId = new Map(items.map((o) => [o.id, o.code]));
      printTable(
        items.map((o) => ({ ...o, parent: o.parentId ? byId.get(o.parentId) : '' })),
        ['code', 'name', 'officeType', 'parent', 'countryCode', 'city', 'version'],
      );
      return;
    }
    case 'show': {
      const id = await officeIdByCode(db, str(flags.code));
      if (!id) throw new UsageError('give --code');
      console.log(JSON.stringify(await getOffice(db, id, actor), null, 2));
      return;
    }
    case 'create': {
      const input = parseOrThrow(OfficeCreate, {
        code: str(flags.code),
        name: str(flags.name),
        officeType: str(flags.type),
        parentId: await officeIdByCode(db, str(flags.parent)),
        countryCode: str(flags.country) ?? null,
        city: str(flags.city) ?? null,
      });
      const office = await createOffice(db, input, actor);
      console.log(`Created office ${office.code} (${office.id}), version ${office.version}`);
      return;
    }
    case 'update': {
      const id = await officeIdByCode(db, str(flags.code));
      if (!id) throw new UsageError('give --code of the office to change');
      const current = await getOffice(db, id, actor);
      const input = parseOrThrow(OfficeUpdate, {
        version: flags.version ? Number(flags.version) : current.version,
        ...(str(flags['new-code']) ? { code: str(flags['new-code']) } : {}),
        ...(str(flags.name) ? { name: str(flags.name) } : {}),
        ...(str(flags.type) ? { officeType: str(flags.type) } : {}),
        ...(str(flags.parent) ? { parentId: await officeIdByCode(db, str(flags.parent)) } : {}),
        ...(str(flags.country) ? { countryCode: str(flags.country) } : {}),
        ...(str(flags.city) ? { city: str(flags.city) } : {}),
      });
      const office = await updateOffice(db, id, input, actor);
      console.log(`Updated office ${office.code}, now version ${office.version}`);
      return;
    }
    case 'delete': {
      const id = await officeIdByCode(db, str(flags.code));
      if (!id) throw new UsageError('give --code of the office to delete');
      const current = await getOffice(db, id, actor);
      await deleteOffice(db, id, flags.version ? Number(flags.version) : current.version, actor);
      console.log(`Deleted office ${current.code}`);
      return;
    }
    default:
      throw new UsageError('devcoop office list|show|create|update|delete [--code C] [--name N] [--type T] [--parent CODE] [--country CC] [--city X] [--version N]');
  }
}
