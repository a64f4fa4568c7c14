import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { projectDelivery } from '../server/finance/delivery.queries.ts';
import { importFinancialLines } from '../server/finance/financial-lines.apply.ts';
import type { FinancialMapping } from '../server/finance/financial-lines.parse.ts';
import { importRates } from '../server/finance/rates.service.ts';
import { readTable } from '../server/spreadsheets/read-table.ts';
import { printTable, UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** `devcoop finance import FILE --mapping MAPPING.json [--dry-run] [--json]`: an ERP export; exit 1 when refused. */
export async function financeCommand(db: Kysely<DB>, sub: string | undefined, file: string | undefined, flags: Flags): Promise<number> {
  if (sub !== 'import' || !file || !str(flags.mapping)) throw new UsageError('devcoop finance import FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run] [--json]');
  const mapping = JSON.parse(readFileSync(str(flags.mapping) as string, 'utf8')) as FinancialMapping;
  const report = await importFinancialLines(
    db,
    { name: basename(file), bytes: readFileSync(file) },
    mapping,
    { dryRun: Boolean(flags['dry-run']) },
    systemActor('import', `import:${basename(file)}`),
  );
  if (flags.json) console.log(JSON.stringify(report, null, 2));
  else if (report.ok)
    console.log(`${report.dryRun ? 'Dry run: would import' : 'Imported'} ${report.rows} rows: ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged.`);
  else for (const i of report.issues) console.error(`${i.sheet}${i.row ? `, row ${i.row}` : ''}${i.column ? `, column ${i.column}` : ''}: ${i.severity}: ${i.message}`);
  return report.ok ? 0 : 1;
}

/** `devcoop rates import FILE.csv --source NAME`: columns currency, month (YYYY-MM), per_usd. */
export async function ratesCommand(db: Kysely<DB>, sub: string | undefined, file: string | undefined, flags: Flags): Promise<void> {
  if (sub !== 'import' || !file || !str(flags.source)) throw new UsageError('devcoop rates import FILE.csv --source "UN operational rates" (columns: currency, month, per_usd)');
  const table = await readTable(readFileSync(file), basename(file));
  const rates = table.rows.map((r) => ({ currency: (r.cells.currency ?? '').toUpperCase(), month: `${(r.cells.month ?? '').slice(0, 7)}-01`, perUsd: r.cells.per_usd ?? '' }));
  const result = await importRates(db, str(flags.source) as string, rates, systemActor('import', `import:${basename(file)}`));
  console.log(`Rates loaded: ${result.inserted} new, ${result.updated} changed.`);
}

/** `devcoop delivery --year Y`: the delivery rate of each project. */
export async function deliveryCommand(db: Kysely<DB>, flags: Flags): Promise<void> {
  const year = Number(str(flags.year));
  if (!Number.isInteger(year)) throw new UsageError('devcoop delivery --year 2024');
  const d = await projectDelivery(db, { year }, systemActor('cli'));
  printTable(
    d.rows.map((r) => ({ ...r, deliveryRate: r.deliveryRate ?? r.problems.join('; ') })),
    ['code', 'office', 'allocation', 'expenditure', 'deliveryRate'],
  );
  console.log(`Total (${d.currency}): allocation ${d.total.allocation}, expenditure ${d.total.expenditure}, delivery ${d.total.deliveryRate ?? '—'}`);
}
