import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { requireRight } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import type { Publisher } from './iati-activity.build.ts';

/** The publisher's identity and defaults, from the settings (migrations 0009 and 0011). */
export async function publisherSettings(db: Kysely<DB>): Promise<Publisher> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'iati_%').execute();
  const s = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    ref: s.iati_org_ref ?? 'XM-DAC-41302',
    name: s.iati_org_name ?? 'International Labour Organization',
    type: s.iati_org_type ?? '40',
    defaultSector: s.iati_default_sector ?? '16020',
    activityUnit: s.iati_activity_unit === 'cpo_biennium' ? 'cpo_biennium' : 'project',
  };
}

/**
 * What the activity file publishes as an activity: each project (the default), or each country programme
 * outcome in each biennium, as some UN agencies publish. Audited; the public file follows at once.
 */
export async function setActivityUnit(db: Kysely<DB>, unit: Publisher['activityUnit'], actor: Actor) {
  requireRight(actor, 'iati.configure');
  return inTransaction(db, async (trx) => {
    const before = await publisherSettings(trx);
    await trx
      .insertInto('settings')
      .values({ key: 'iati_activity_unit', value: unit })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: unit, updated_at: new Date().toISOString() }))
      .execute();
    await writeAudit(trx, actor, { action: 'update', entityType: 'setting', entityId: 'iati_activity_unit', before: { value: before.activityUnit }, after: { value: unit } });
    return publisherSettings(trx);
  });
}
