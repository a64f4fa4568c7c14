import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../src/server/access/actor.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { setAllocation } from '../../src/server/finance/allocations.service.ts';
import { importFinancialLines } from '../../src/server/finance/financial-lines.apply.ts';
import { importRates } from '../../src/server/finance/rates.service.ts';

const factoryActor = systemActor('system', 'test factory');

/** A project's allocation for a year, set through the service (checked, facts refreshed, audited). */
export function buildAllocation(db: Kysely<DB>, projectId: string, year: number, amount: string, options: { currency?: string; source?: string; as?: Actor } = {}) {
  const { currency = 'USD', source = 'manual', as = factoryActor } = options;
  return setAllocation(db, projectId, year, { amount, currency, source }, as);
}

export interface LineInput {
  projectCode: string;
  /** A month as the ERP writes it: 2024-03, 03/2024, 2024-03-31. */
  period: string;
  amount: string;
  currency?: string;
  /** The ERP's reference of the line (default: a fresh one). */
  sourceRef?: string;
  kind?: 'expenditure' | 'commitment';
}

/** The column mapping of the CSV files the factories and tests write. */
export const ERP_MAPPING = { projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' };
export const ERP_HEAD = 'Project,Period,Amount,Currency,Line,Type';

let lineNo = 0;
/**
 * Expenditure and commitments stored through the ERP importer, as an export file would be (parsed, every rule
 * checked, facts refreshed); throws with the issues when the importer refuses them.
 */
export async function buildFinancialLines(db: Kysely<DB>, lines: LineInput[], options: { as?: Actor; fileName?: string } = {}) {
  const csv = [
    ERP_HEAD,
    ...lines.map((l) => [l.projectCode, l.period, l.amount, l.currency ?? 'USD', l.sourceRef ?? `FACTORY-${process.pid}-${++lineNo}`, l.kind ?? 'expenditure'].join(',')),
  ].join('\n');
  const report = await importFinancialLines(
    db,
    { name: options.fileName ?? 'factory.csv', bytes: new TextEncoder().encode(csv) },
    ERP_MAPPING,
    { dryRun: false },
    options.as ?? factoryActor,
  );
  if (!report.ok) throw new Error(`the ERP importer refused the lines: ${JSON.stringify(report.issues)}`);
  return report;
}

/** Monthly exchange rates (units per US dollar) loaded through the service. */
export function buildRates(db: Kysely<DB>, rates: { currency: string; month: string; perUsd: string }[], source = 'Test rates', as: Actor = factoryActor) {
  return importRates(db, source, rates, as);
}
