import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  FORMULAS,
  type IndicatorValueCreate,
  type MilestoneInput,
  type StrategyCreate,
  type StrategyIndicatorCreate,
  type StrategyIndicatorUpdate,
  type StrategyOutcomeCreate,
  type StrategyOutcomeUpdate,
} from '../../../shared/contracts/strategies.ts';
import type { StrategyList } from '../../../shared/contracts/strategies-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCurrency } from '../reference/reference.check.ts';
import { selectStrategies } from './strategies.queries.ts';
import { presentIndicatorValue, presentStrategy, presentStrategyIndicator, presentStrategyOutcome } from './strategy.presenter.ts';

type Period = { id: string; label: string; start_date: string; end_date: string };

const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', `${field}: ${message}`, { field });
/** A number already used (reason `taken`, which the screens word). */
const taken = (field: string, message: string) => new AppError('INVALID_INPUT', `${field}: ${message}`, { field, reason: 'taken' });
/** A field inside a part of the body (`outcomes[0]`), or at its top when the body is that part. */
const at = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

function checkFormula(field: string, formula: string | null | undefined) {
  if (formula && !(FORMULAS as readonly string[]).includes(formula)) throw invalid(field, `unknown formula "${formula}"; known formulas: ${FORMULAS.join(', ')}`);
}

/** Milestones name one of the strategy's periods; a period outside the strategy is refused. */
function milestoneRows(field: string, indicatorId: string, milestones: z.infer<typeof MilestoneInput>[], periods: Period[]) {
  const seen = new Set<string>();
  return milestones.map((m, i) => {
    const period = periods.find((p) => p.label === m.period);
    if (!period) throw invalid(`${field}[${i}].period`, `"${m.period}" is not a period of this strategy (${periods.map((p) => p.label).join(', ')})`);
    if (seen.has(period.id)) throw invalid(`${field}[${i}].period`, `a second milestone for ${m.period}`);
    seen.add(period.id);
    return { indicator_id: indicatorId, period_id: period.id, label: m.label, value: m.value ?? null };
  });
}

type OutcomeInput = z.infer<typeof StrategyOutcomeCreate>;
type IndicatorInput = z.infer<typeof StrategyIndicatorCreate>;

/** One indicator and its milestones; `field` names it in a refusal. */
async function insertIndicator(trx: Transaction<DB>, outcomeId: string, ind: IndicatorInput, periods: Period[], field: string) {
  const row = await trx
    .insertInto('strategy_indicators')
    .values({
      outcome_id: outcomeId,
      number: ind.number,
      text: ind.text,
      baseline_text: ind.baselineText,
      baseline_value: ind.baselineValue ?? null,
      baseline_note: ind.baselineNote ?? null,
      target_text: ind.targetText,
      target_value: ind.targetValue ?? null,
      unit: ind.unit,
      formula: ind.formula ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ms = milestoneRows(at(field, 'milestones'), row.id, ind.milestones, periods);
  if (ms.length) await trx.insertInto('strategy_milestones').values(ms).execute();
  return row;
}

/** One outcome with its costing line and its indicators. */
async function insertOutcome(trx: Transaction<DB>, strategyId: string, o: OutcomeInput, periods: Period[], field: string) {
  const outcome = await trx
    .insertInto('strategy_outcomes')
    .values({
      strategy_id: strategyId,
      number: o.number,
      title: o.title,
      strategy_text: o.strategyText ?? null,
      linkages: o.linkages ?? null,
      assumptions_risks: o.assumptionsRisks ?? null,
      available_resources: o.availableResources ?? null,
      resources_estimated: o.resourcesEstimated,
      key_outputs: JSON.stringify(o.keyOutputs),
      resource_gap: o.resourceGap ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [j, ind] of o.indicators.entries()) await insertIndicator(trx, outcome.id, ind, periods, at(field, `indicators[${j}]`));
  return outcome;
}

/** Indicator numbers are unique across a strategy (1.1, 1.2, 2.1 …): the ones given, against each other and those stored. */
function checkIndicatorNumbers(indicators: { field: string; number: string; formula?: string | null }[], stored: string[]) {
  const numbers = new Set(stored);
  for (const ind of indicators) {
    checkFormula(at(ind.field, 'formula'), ind.formula);
    if (numbers.has(ind.number)) throw taken(at(ind.field, 'number'), `indicator ${ind.number} appears twice in this strategy`);
    numbers.add(ind.number);
  }
}

/** Creates a whole strategy (periods, outcomes, indicators, milestones, costing) in one transaction. */
export async function createStrategy(db: Kysely<DB>, input: z.infer<typeof StrategyCreate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  if (input.periodEnd <= input.periodStart) throw invalid('periodEnd', 'must be after periodStart');
  input.periods.forEach((p, i) => {
    if (p.endDate <= p.startDate) throw invalid(`periods[${i}].endDate`, 'must be after startDate');
    if (p.startDate < input.periodStart || p.endDate > input.periodEnd)
      throw invalid(`periods[${i}]`, `${p.label} (${p.startDate} to ${p.endDate}) lies outside the strategy (${input.periodStart} to ${input.periodEnd})`);
  });
  checkIndicatorNumbers(
    input.outcomes.flatMap((o, i) => o.indicators.map((ind, j) => ({ field: `outcomes[${i}].indicators[${j}]`, number: ind.number, formula: ind.formula }))),
    [],
  );
  return inTransaction(db, async (trx) => {
    await assertCurrency(trx, input.currency);
    const strategy = await trx
      .insertInto('strategies')
      .values({
        code: input.code,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        document_symbol: input.documentSymbol ?? null,
        currency: input.currency,
        ...(input.atRiskMargin !== undefined && { at_risk_margin: input.atRiskMargin }),
        introduction: input.introduction ?? null,
        costing_title: input.costingTitle ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const periods = await trx
      .insertInto('strategy_periods')
      .values(input.periods.map((p) => ({ strategy_id: strategy.id, label: p.label, start_date: p.startDate, end_date: p.endDate })))
      .returningAll()
      .execute();
    for (const [i, o] of input.outcomes.entries()) await insertOutcome(trx, strategy.id, o, periods, `outcomes[${i}]`);
    await writeAudit(trx, actor, { action: 'create', entityType: 'strategy', entityId: strategy.id, after: input });
    return presentStrategy(strategy);
  });
}

export async function listStrategies(db: Kysely<DB>, actor: Actor): Promise<StrategyList> {
  requireRight(actor, 'strategies.read');
  const rows = await selectStrategies(db);
  return { items: rows.map(presentStrategy), total: rows.length };
}

/** Records a value entered by hand with its source (kept; the latest as at a date counts). */
export async function addIndicatorValue(db: Kysely<DB>, indicatorId: string, input: z.infer<typeof IndicatorValueCreate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  return inTransaction(db, async (trx) => {
    const ind = await trx
      .selectFrom('strategy_indicators as i')
      .innerJoin('strategy_outcomes as o', 'o.id', 'i.outcome_id')
      .innerJoin('strategies as s', 's.id', 'o.strategy_id')
      .select(['i.id', 'i.formula', 's.period_start', 's.period_end'])
      .where('i.id', '=', indicatorId)
      .executeTakeFirst();
    if (!ind) throw notFound('Strategy indicator', indicatorId);
    if (ind.formula) throw invalid('value', `this indicator is computed by the formula ${ind.formula}; remove the formula to enter values by hand`);
    if (input.asOf < ind.period_start) throw invalid('asOf', `before the strategy starts (${ind.period_start})`);
    const row = await trx
      .insertInto('strategy_indicator_values')
      .values({ indicator_id: indicatorId, as_of: input.asOf, value: input.value, source: input.source, actor_label: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'strategy_indicator_value', entityId: indicatorId, after: presentIndicatorValue(row) });
    return presentIndicatorValue(row);
  });
}

/** Changes an indicator's baseline, target, formula or milestones (optimistic concurrency; milestones replaced whole). */
export async function updateIndicator(db: Kysely<DB>, id: string, input: z.infer<typeof StrategyIndicatorUpdate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  checkFormula('formula', input.formula);
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'strategy_indicators',
      id,
      version: input.version,
      entityType: 'strategy_indicator',
      label: 'indicator',
      present: presentStrategyIndicator,
      authorize: async () => {},
    },
    'update',
    async (trx, current) => {
      if (input.milestones) {
        const periods = await trx
          .selectFrom('strategy_periods as p')
          .innerJoin('strategy_outcomes as o', 'o.strategy_id', 'p.strategy_id')
          .select(['p.id', 'p.label', 'p.start_date', 'p.end_date'])
          .where('o.id', '=', current.outcome_id)
          .execute();
        const ms = milestoneRows('milestones', id, input.milestones, periods);
        await trx.deleteFrom('strategy_milestones').where('indicator_id', '=', id).execute();
        if (ms.length) await trx.insertInto('strategy_milestones').values(ms).execute();
      }
      return updateVersioned(trx, 'strategy_indicators', current, {
        baseline_text: input.baselineText,
        baseline_value: input.baselineValue,
        baseline_note: input.baselineNote,
        target_text: input.targetText,
        target_value: input.targetValue,
        formula: input.formula,
        text: input.text,
      });
    },
  );
  return presentStrategyIndicator(row);
}

async function strategyPeriods(trx: Transaction<DB>, strategyId: string) {
  return trx.selectFrom('strategy_periods').select(['id', 'label', 'start_date', 'end_date']).where('strategy_id', '=', strategyId).execute();
}

async function strategyIndicatorNumbers(trx: Transaction<DB>, strategyId: string) {
  const rows = await trx
    .selectFrom('strategy_indicators as i')
    .innerJoin('strategy_outcomes as o', 'o.id', 'i.outcome_id')
    .select('i.number')
    .where('o.strategy_id', '=', strategyId)
    .execute();
  return rows.map((r) => r.number);
}

async function checkOutcomeNumber(trx: Transaction<DB>, strategyId: string, number: number, except?: string) {
  let q = trx.selectFrom('strategy_outcomes').select('id').where('strategy_id', '=', strategyId).where('number', '=', number);
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw taken('number', `outcome ${number} already exists in this strategy`);
}

/** Adds one outcome (its costing line, and its indicators if any) to a strategy, in one transaction, audited. */
export async function createOutcome(db: Kysely<DB>, strategyId: string, input: OutcomeInput, actor: Actor) {
  requireRight(actor, 'strategies.write');
  return inTransaction(db, async (trx) => {
    const strategy = await trx.selectFrom('strategies').select('id').where('id', '=', strategyId).forUpdate().executeTakeFirst();
    if (!strategy) throw notFound('Strategy', strategyId);
    await checkOutcomeNumber(trx, strategyId, input.number);
    checkIndicatorNumbers(
      input.indicators.map((ind, j) => ({ field: `indicators[${j}]`, number: ind.number, formula: ind.formula })),
      await strategyIndicatorNumbers(trx, strategyId),
    );
    const row = await insertOutcome(trx, strategyId, input, await strategyPeriods(trx, strategyId), '');
    const outcome = presentStrategyOutcome(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'strategy_outcome', entityId: row.id, after: { ...outcome, indicators: input.indicators } });
    return outcome;
  });
}

/** Revises an outcome's wording or its costing line (optimistic concurrency; only the fields sent change). */
export async function updateOutcome(db: Kysely<DB>, id: string, input: z.infer<typeof StrategyOutcomeUpdate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'strategy_outcomes',
      id,
      version: input.version,
      entityType: 'strategy_outcome',
      label: 'strategy outcome',
      present: presentStrategyOutcome,
      authorize: async () => {},
    },
    'update',
    async (trx, current) => {
      if (input.number !== undefined) await checkOutcomeNumber(trx, current.strategy_id, input.number, id);
      return updateVersioned(trx, 'strategy_outcomes', current, {
        number: input.number,
        title: input.title,
        strategy_text: input.strategyText,
        linkages: input.linkages,
        assumptions_risks: input.assumptionsRisks,
        available_resources: input.availableResources,
        resources_estimated: input.resourcesEstimated,
        key_outputs: input.keyOutputs === undefined ? undefined : JSON.stringify(input.keyOutputs),
        resource_gap: input.resourceGap,
      });
    },
  );
  return presentStrategyOutcome(row);
}

/** Adds one indicator (with its milestones) to an outcome; its number must be new in the strategy. */
export async function createIndicator(db: Kysely<DB>, outcomeId: string, input: IndicatorInput, actor: Actor) {
  requireRight(actor, 'strategies.write');
  return inTransaction(db, async (trx) => {
    const outcome = await trx.selectFrom('strategy_outcomes').select(['id', 'strategy_id']).where('id', '=', outcomeId).forUpdate().executeTakeFirst();
    if (!outcome) throw notFound('Strategy outcome', outcomeId);
    checkIndicatorNumbers([{ field: '', number: input.number, formula: input.formula }], await strategyIndicatorNumbers(trx, outcome.strategy_id));
    const row = await insertIndicator(trx, outcomeId, input, await strategyPeriods(trx, outcome.strategy_id), '');
    const indicator = presentStrategyIndicator(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'strategy_indicator', entityId: row.id, after: { ...indicator, milestones: input.milestones } });
    return indicator;
  });
}
