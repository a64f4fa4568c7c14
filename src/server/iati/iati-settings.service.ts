import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { requireRight } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Publisher } from './iati-activity.build.ts';

/**
 * The prefix org-id.guide reserves for example data that needs a valid organisation identifier prefix
 * (OrganisationRegistrationAgency codelist, reference/iati-codelists: "List code prefix reserved for use in example
 * data … e.g. for use in data validator testing"). An identifier under it names no real organisation, and the
 * validator's prefix rules accept it.
 */
export const EXAMPLE_PREFIX = 'XE-EXAMPLE';

/** Whether a publisher identifier is an example one (XE-EXAMPLE-…), not a real organisation's. */
export const isExampleIdentifier = (ref: string) => ref === EXAMPLE_PREFIX || ref.startsWith(`${EXAMPLE_PREFIX}-`);

/**
 * Whether synthetic records (is_synthetic: the demonstration's) may be published: only under an example identifier.
 * Under a real organisation's identifier they are left out of every published file, so made-up projects and figures
 * never go out in a real organisation's name.
 */
export const publishesSynthetic = (publisher: Pick<Publisher, 'ref'>) => isExampleIdentifier(publisher.ref);

/** The publisher the demonstration data is published under: an example identifier, an organisation that does not exist. */
export const DEMO_PUBLISHER = { ref: `${EXAMPLE_PREFIX}-DEVCOOP-DEMO`, name: 'devcoop demonstration (example data, not a real organisation)' } as const;

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

/** The publisher's settings, for a reader who may validate IATI files (the IATI screens). */
export async function readPublisher(db: Kysely<DB>, actor: Actor): Promise<Publisher> {
  requireRight(actor, 'iati.validate');
  return publisherSettings(db);
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

/** Who publishes, as an administrator sets it (PUT /api/settings/iati-publisher). */
export const PublisherIdentity = z.strictObject({
  // An organisation identifier: a registration agency prefix and the organisation's number in it (org-id.guide).
  ref: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[A-Z]{2}-[A-Za-z0-9]+(-[^\s/&|?]+)*$/, 'an organisation identifier such as XM-DAC-41302 or XE-EXAMPLE-ORG (prefix from org-id.guide, no spaces)'),
  name: z.string().trim().min(1).max(300),
});

/**
 * Who publishes: the organisation identifier and name every published file carries. Audited. The demonstration
 * loader sets DEMO_PUBLISHER; an administrator sets the organisation's own (synthetic records then stay out).
 */
export async function setPublisher(db: Kysely<DB>, input: { ref: string; name: string }, actor: Actor) {
  requireRight(actor, 'iati.configure');
  const { ref, name } = input;
  return inTransaction(db, async (trx) => {
    const before = await publisherSettings(trx);
    for (const [key, value] of [
      ['iati_org_ref', ref],
      ['iati_org_name', name],
    ] as const)
      await trx
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date().toISOString() }))
        .execute();
    await writeAudit(trx, actor, { action: 'update', entityType: 'setting', entityId: 'iati_publisher', before: { ref: before.ref, name: before.name }, after: { ref, name } });
    return publisherSettings(trx);
  });
}
