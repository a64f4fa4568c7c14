import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { ProjectCreate } from '../../../shared/contracts/portfolio.ts';
import { sum, toUnits } from '../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

type Links = Pick<z.infer<typeof ProjectCreate>, 'partners' | 'agreementIds' | 'cpoLinks' | 'orgOutcomeLinks' | 'cfOutcomeIds' | 'sdgTargets' | 'relatedActivities'>;

async function allExist(trx: Transaction<DB>, table: 'partners' | 'agreements' | 'cpos' | 'org_outcomes' | 'cf_outcomes', ids: string[], field: string, noun: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await trx.selectFrom(table).select('id').where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new AppError('INVALID_INPUT', `Unknown ${noun}: ${missing.join(', ')}`, { field, missing });
}

function sharesAtMost100(shares: { share: string }[], field: string) {
  for (const [i, s] of shares.entries()) {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(s.share) || toUnits(s.share) <= 0n || toUnits(s.share) > toUnits('100')) {
      throw new AppError('INVALID_INPUT', `${field}[${i}].share: a percentage above 0 and at most 100`, { field: `${field}.${i}.share` });
    }
  }
  const total = sum(shares.map((s) => s.share));
  if (toUnits(total) > toUnits('100')) throw new AppError('INVALID_INPUT', `The shares of ${field} add up to ${total}%, more than 100%`, { field });
}

/** Checks every link of a project (they must exist; shares may not exceed 100%). */
export async function checkLinks(trx: Transaction<DB>, links: Partial<Links>) {
  await allExist(
    trx,
    'partners',
    (links.partners ?? []).map((p) => p.partnerId),
    'partners',
    'partner',
  );
  await allExist(trx, 'agreements', links.agreementIds ?? [], 'agreementIds', 'agreement');
  await allExist(
    trx,
    'cpos',
    (links.cpoLinks ?? []).map((l) => l.cpoId),
    'cpoLinks',
    'country programme outcome',
  );
  await allExist(
    trx,
    'org_outcomes',
    (links.orgOutcomeLinks ?? []).map((l) => l.orgOutcomeId),
    'orgOutcomeLinks',
    'organisation-wide outcome',
  );
  await allExist(trx, 'cf_outcomes', links.cfOutcomeIds ?? [], 'cfOutcomeIds', 'CF outcome');
  sharesAtMost100(links.cpoLinks ?? [], 'cpoLinks');
  sharesAtMost100(links.orgOutcomeLinks ?? [], 'orgOutcomeLinks');
  const targets = [...new Set(links.sdgTargets ?? [])];
  if (targets.length) {
    const found = await trx.selectFrom('sdg_targets').select('code').where('code', 'in', targets).execute();
    const missing = targets.filter((t) => !found.some((f) => f.code === t));
    if (missing.length) throw new AppError('INVALID_INPUT', `Unknown SDG target(s): ${missing.join(', ')}`, { field: 'sdgTargets', missing });
  }
}

/** Replaces the links that are given (a link list left out stays as it is). */
export async function writeLinks(trx: Transaction<DB>, projectId: string, links: Partial<Links>) {
  if (links.partners) {
    await trx.deleteFrom('project_partners').where('project_id', '=', projectId).execute();
    const unique = [...new Map(links.partners.map((p) => [`${p.partnerId}/${p.role}`, p])).values()];
    if (unique.length)
      await trx
        .insertInto('project_partners')
        .values(unique.map((p) => ({ project_id: projectId, partner_id: p.partnerId, role: p.role })))
        .execute();
  }
  if (links.agreementIds) {
    await trx.deleteFrom('project_agreements').where('project_id', '=', projectId).execute();
    const unique = [...new Set(links.agreementIds)];
    if (unique.length)
      await trx
        .insertInto('project_agreements')
        .values(unique.map((a) => ({ project_id: projectId, agreement_id: a })))
        .execute();
  }
  if (links.cpoLinks) {
    await trx.deleteFrom('project_cpo_links').where('project_id', '=', projectId).execute();
    if (links.cpoLinks.length)
      await trx
        .insertInto('project_cpo_links')
        .values(links.cpoLinks.map((l) => ({ project_id: projectId, cpo_id: l.cpoId, share: l.share })))
        .execute();
  }
  if (links.orgOutcomeLinks) {
    await trx.deleteFrom('project_org_outcome_links').where('project_id', '=', projectId).execute();
    if (links.orgOutcomeLinks.length)
      await trx
        .insertInto('project_org_outcome_links')
        .values(links.orgOutcomeLinks.map((l) => ({ project_id: projectId, org_outcome_id: l.orgOutcomeId, share: l.share })))
        .execute();
  }
  if (links.cfOutcomeIds) {
    await trx.deleteFrom('project_cf_outcome_links').where('project_id', '=', projectId).execute();
    const unique = [...new Set(links.cfOutcomeIds)];
    if (unique.length)
      await trx
        .insertInto('project_cf_outcome_links')
        .values(unique.map((id) => ({ project_id: projectId, cf_outcome_id: id })))
        .execute();
  }
  if (links.sdgTargets) {
    await trx.deleteFrom('project_sdg_targets').where('project_id', '=', projectId).execute();
    const unique = [...new Set(links.sdgTargets)];
    if (unique.length)
      await trx
        .insertInto('project_sdg_targets')
        .values(unique.map((t) => ({ project_id: projectId, target_code: t })))
        .execute();
  }
  if (links.relatedActivities) {
    await trx.deleteFrom('project_related_activities').where('project_id', '=', projectId).execute();
    const unique = [...new Map(links.relatedActivities.map((r) => [`${r.ref} ${r.type}`, r])).values()];
    if (unique.length)
      await trx
        .insertInto('project_related_activities')
        .values(unique.map((r) => ({ project_id: projectId, activity_ref: r.ref, relation: r.type })))
        .execute();
  }
}

/** A project's links as stored, in the shape they are written: what its audit rows record before and after a change. */
export async function readLinks(trx: Transaction<DB>, projectId: string) {
  const [partners, agreements, cpos, orgOutcomes, cfOutcomes, targets, related] = await Promise.all([
    trx.selectFrom('project_partners').select(['partner_id', 'role']).where('project_id', '=', projectId).orderBy('partner_id').orderBy('role').execute(),
    trx.selectFrom('project_agreements').select('agreement_id').where('project_id', '=', projectId).orderBy('agreement_id').execute(),
    trx.selectFrom('project_cpo_links').select(['cpo_id', 'share']).where('project_id', '=', projectId).orderBy('cpo_id').execute(),
    trx.selectFrom('project_org_outcome_links').select(['org_outcome_id', 'share']).where('project_id', '=', projectId).orderBy('org_outcome_id').execute(),
    trx.selectFrom('project_cf_outcome_links').select('cf_outcome_id').where('project_id', '=', projectId).orderBy('cf_outcome_id').execute(),
    trx.selectFrom('project_sdg_targets').select('target_code').where('project_id', '=', projectId).orderBy('target_code').execute(),
    trx.selectFrom('project_related_activities').select(['activity_ref', 'relation']).where('project_id', '=', projectId).orderBy('activity_ref').orderBy('relation').execute(),
  ]);
  return {
    links: {
      partners: partners.map((p) => ({ partnerId: p.partner_id, role: p.role })),
      agreementIds: agreements.map((a) => a.agreement_id),
      cpoLinks: cpos.map((l) => ({ cpoId: l.cpo_id, share: l.share })),
      orgOutcomeLinks: orgOutcomes.map((l) => ({ orgOutcomeId: l.org_outcome_id, share: l.share })),
      cfOutcomeIds: cfOutcomes.map((l) => l.cf_outcome_id),
      sdgTargets: targets.map((t) => t.target_code),
      relatedActivities: related.map((r) => ({ ref: r.activity_ref, type: r.relation })),
    },
  };
}
