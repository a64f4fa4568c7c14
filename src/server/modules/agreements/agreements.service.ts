import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AgreementCreate, AgreementUpdate } from '../../../shared/contracts/portfolio.ts';
import { amountProblem, currencyDecimals, sum } from '../../../shared/money.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight, scopeFor } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { present } from '../../http/present.ts';
import { dueDiligenceProblem } from '../partners/partners.service.ts';
import { assertCurrency, assertFundingSource, assertPeriod } from '../reference/reference.check.ts';
import { computeLevy } from './levy.rules.ts';

type AgreementRow = { id: string; version: number; partner_id: string; currency: string; earmarking: string; period_start: string; period_end: string } & Record<string, unknown>;
type Amounts = z.infer<typeof AgreementCreate>['amounts'];

function scoped(db: Kysely<DB>, actor: Actor) {
  const scope = scopeFor(actor, 'partners.read');
  const q = db
    .selectFrom('agreements')
    .innerJoin('partners', 'partners.id', 'agreements.partner_id')
    .selectAll('agreements')
    .select(['partners.name as partner_name', 'partners.partner_type']);
  return scope.kind === 'partner' ? q.where('agreements.partner_id', '=', scope.id) : q;
}

function checkAmounts(amounts: Amounts, currency: string, start: string, end: string) {
  const years = new Set<number>();
  for (const [i, a] of amounts.entries()) {
    const problem = amountProblem(a.amount, currency);
    if (problem) throw new AppError('INVALID_INPUT', `amounts[${i}].amount: ${problem}`, { field: `amounts.${i}.amount` });
    if (a.year < Number(start.slice(0, 4)) || a.year > Number(end.slice(0, 4))) {
      throw new AppError('INVALID_INPUT', `amounts[${i}].year: ${a.year} is outside the agreement's period`, { field: `amounts.${i}.year` });
    }
    if (years.has(a.year)) throw new AppError('INVALID_INPUT', `amounts[${i}].year: ${a.year} appears twice`, { field: `amounts.${i}.year` });
    years.add(a.year);
  }
}

async function checkReferences(trx: Transaction<DB>, input: { fundingSource?: string; currency?: string }) {
  await assertFundingSource(trx, input.fundingSource);
  await assertCurrency(trx, input.currency);
}

async function withAmountsAndLevy(db: Kysely<DB>, row: AgreementRow) {
  const [amounts, rules, exemptions, partner] = await Promise.all([
    db
      .selectFrom('agreement_amounts')
      .select(['year', 'amount'])
      .where('agreement_id', '=', row.id as string)
      .orderBy('year')
      .execute(),
    db.selectFrom('levy_rules').selectAll().execute(),
    db.selectFrom('levy_exemptions').selectAll().execute(),
    db.selectFrom('partners').select('partner_type').where('id', '=', row.partner_id).executeTakeFirstOrThrow(),
  ]);
  const decimals = currencyDecimals(row.currency);
  const shown = amounts.map((a) => ({ year: a.year, amount: sum([a.amount], decimals) }));
  const levy = computeLevy(
    { earmarking: String(row.earmarking), currency: row.currency, partner_id: row.partner_id, partner_type: partner.partner_type },
    shown,
    rules,
    exemptions,
  );
  return {
    ...present(row),
    id: row.id,
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
  };
}

/** Agreements the actor may see, newest first. */
export async function findAgreements(db: Kysely<DB>, actor: Actor) {
  const rows = await scoped(db, actor).orderBy('agreements.period_start', 'desc').execute();
  return Promise.all(rows.map((r) => withAmountsAndLevy(db, r as unknown as AgreementRow)));
}

/** One agreement with its amounts by year and the coordination levy, each line explained. */
export async function getAgreement(db: Kysely<DB>, id: string, actor: Actor) {
  const row = await scoped(db, actor).where('agreements.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Agreement', id);
  return withAmountsAndLevy(db, row as unknown as AgreementRow);
}

/** Records an agreement; a private-sector partner needs a current positive due-diligence review. */
export async function createAgreement(db: Kysely<DB>, input: z.infer<typeof AgreementCreate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  assertPeriod(input.periodStart, input.periodEnd);
  checkAmounts(input.amounts, input.currency, input.periodStart, input.periodEnd);
  return inTransaction(db, async (trx) => {
    await checkReferences(trx, input);
    const problem = await dueDiligenceProblem(trx, input.partnerId, input.periodStart);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'partnerId' });
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
    const agreement = await withAmountsAndLevy(trx, row as unknown as AgreementRow);
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
      present: (r) => present(r),
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
  return withAmountsAndLevy(db, row);
}
