import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AgreementCreate, AgreementUpdate } from '../../../shared/contracts/portfolio.ts';
import { amountProblem, currencyDecimals, sum } from '../../../shared/money.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight, type Scope, scopeFor } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { dueDiligenceProblem } from '../partners/partners.service.ts';
import { assertCurrency, assertFundingSource, assertPeriod } from '../reference/reference.check.ts';
import { type AgreementRow, presentAgreement, presentAgreementFields } from './agreements.presenter.ts';
import { amountsOf, scopedAgreements } from './agreements.queries.ts';
import { computeLevy } from './levy.rules.ts';

type Amounts = z.infer<typeof AgreementCreate>['amounts'];

/** What the actor may read: every agreement, or (a donor viewer) its partner's. */
const readScope = (actor: Actor) => scopeFor(actor, 'partners.read');
/** After a write, the writer reads back what it wrote. */
const everything: Scope = { kind: 'all' };

function checkAmounts(amounts: Amounts, currency: string, start: string, end: string) {
  const years = new Set<number>();
  for (const [i, a] of amounts.entries()) {
    const problem = amountProblem(a.amount, currency);
    if (problem) throw new AppError('INVALID_INPUT', `amounts[${i}].amount: ${problem}`, { field: `amounts.${i}.amount`, reason: 'amount_invalid' });
    if (a.year < Number(start.slice(0, 4)) || a.year > Number(end.slice(0, 4))) {
      throw new AppError('INVALID_INPUT', `amounts[${i}].year: ${a.year} is outside the agreement's period`, { field: `amounts.${i}.year`, reason: 'year_outside_period' });
    }
    if (years.has(a.year)) throw new AppError('INVALID_INPUT', `amounts[${i}].year: ${a.year} appears twice`, { field: `amounts.${i}.year`, reason: 'year_repeated' });
    years.add(a.year);
  }
}

async function checkReferences(trx: Transaction<DB>, input: { fundingSource?: string; currency?: string }) {
  await assertFundingSource(trx, input.fundingSource);
  await assertCurrency(trx, input.currency);
}

/**
 * Agreements with their amounts by year, their total and the coordination levy, each line explained. Set-based:
 * the amounts of all of them in one statement and the levy tables once, whatever the number of agreements.
 */
async function withAmountsAndLevy(db: Kysely<DB>, scope: Scope, rows: AgreementRow[], agreementId?: string) {
  if (!rows.length) return [];
  const [amounts, rules, exemptions] = await Promise.all([
    amountsOf(db, scope, agreementId),
    db.selectFrom('levy_rules').selectAll().execute(),
    db.selectFrom('levy_exemptions').selectAll().execute(),
  ]);
  const byAgreement = new Map<string, typeof amounts>();
  for (const a of amounts) {
    const list = byAgreement.get(a.agreement_id);
    if (list) list.push(a);
    else byAgreement.set(a.agreement_id, [a]);
  }
  return rows.map((row) => {
    const decimals = currencyDecimals(row.currency);
    const shown = (byAgreement.get(row.id) ?? []).map((a) => ({ year: a.year, amount: sum([a.amount], decimals) }));
    const levy = computeLevy({ earmarking: row.earmarking, currency: row.currency, partner_id: row.partner_id, partner_type: row.partner_type }, shown, rules, exemptions);
    return presentAgreement(row, {
      amounts: shown,
      total: sum(
        shown.map((a) => a.amount),
        decimals,
      ),
      levy,
      levyTotal: sum(
        levy.map((l) => l.levy),
        decimals,
      ),
    });
  });
}

/** One agreement within a scope, as the API answers it; 404 outside it. */
async function readAgreement(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await scopedAgreements(db, scope).where('agreements.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Agreement', id);
  const [agreement] = await withAmountsAndLevy(db, scope, [row], id);
  return agreement as NonNullable<typeof agreement>;
}

/** Agreements the actor may see, newest first. */
export async function findAgreements(db: Kysely<DB>, actor: Actor) {
  const scope = readScope(actor);
  const rows = await scopedAgreements(db, scope).orderBy('agreements.period_start', 'desc').execute();
  const items = await withAmountsAndLevy(db, scope, rows);
  return { items, total: items.length };
}

/** One agreement with its amounts by year and the coordination levy, each line explained. */
export async function getAgreement(db: Kysely<DB>, id: string, actor: Actor) {
  return readAgreement(db, readScope(actor), id);
}

/** Records an agreement; a private-sector partner needs a current positive due-diligence review. */
export async function createAgreement(db: Kysely<DB>, input: z.infer<typeof AgreementCreate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  assertPeriod(input.periodStart, input.periodEnd);
  checkAmounts(input.amounts, input.currency, input.periodStart, input.periodEnd);
  return inTransaction(db, async (trx) => {
    await checkReferences(trx, input);
    const problem = await dueDiligenceProblem(trx, input.partnerId, input.periodStart);
    if (problem) throw new AppError('INVALID_INPUT', problem.message, { field: 'partnerId', reason: problem.reason });
    const row = await trx
      .insertInto('agreements')
      .values({
        code: input.code,
        title: input.title,
        partner_id: input.partnerId,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        earmarking: input.earmarking,
        funding_source: input.fundingSource,
        currency: input.currency,
        status: input.status ?? 'signed',
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.amounts.length)
      await trx
        .insertInto('agreement_amounts')
        .values(input.amounts.map((a) => ({ agreement_id: row.id, year: a.year, amount: a.amount })))
        .execute();
    const agreement = await readAgreement(trx, everything, row.id);
    await writeAudit(trx, actor, { action: 'create', entityType: 'agreement', entityId: row.id, after: agreement });
    return agreement;
  });
}

export async function updateAgreement(db: Kysely<DB>, id: string, input: z.infer<typeof AgreementUpdate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'agreements',
      id,
      version: input.version,
      entityType: 'agreement',
      label: 'agreement',
      authorize: async () => {},
      present: presentAgreementFields,
      related: async (trx, agreementId) => ({
        amounts: await trx.selectFrom('agreement_amounts').select(['year', 'amount']).where('agreement_id', '=', agreementId).orderBy('year').execute(),
      }),
    },
    'update',
    async (trx, current) => {
      const start = input.periodStart ?? current.period_start;
      const end = input.periodEnd ?? current.period_end;
      assertPeriod(start, end);
      await checkReferences(trx, input);
      if (input.amounts) {
        checkAmounts(input.amounts, input.currency ?? current.currency, start, end);
        await trx.deleteFrom('agreement_amounts').where('agreement_id', '=', id).execute();
        if (input.amounts.length)
          await trx
            .insertInto('agreement_amounts')
            .values(input.amounts.map((a) => ({ agreement_id: id, year: a.year, amount: a.amount })))
            .execute();
      }
      return updateVersioned(trx, 'agreements', current, {
        code: input.code,
        title: input.title,
        earmarking: input.earmarking,
        funding_source: input.fundingSource,
        currency: input.currency,
        status: input.status,
        period_start: start,
        period_end: end,
      });
    },
  );
  return readAgreement(db, everything, row.id);
}
