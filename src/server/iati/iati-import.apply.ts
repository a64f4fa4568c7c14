import { type Kysely, sql, type Transaction } from 'kysely';
import type { IatiActivityOutcome, IatiImportReport } from '../../shared/contracts/iati.ts';
import type { Actor } from '../access/actor.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { refreshProjectFinance } from '../finance/project-finance.refresh.ts';
import { type MappedActivity, mapActivity } from './iati-activity.map.ts';
import { applyOwnActivity, type OwnContext, ownContext } from './iati-own.apply.ts';
import { publisherSettings } from './iati-settings.service.ts';
import { IatiFileError, readIatiXml } from './iati-xml.reader.ts';

const BATCH = 500;
const ACTIVITY_COLUMNS = [
  'iati_identifier',
  'reporting_org_ref',
  'reporting_org_name',
  'iati_version',
  'title',
  'description',
  'status_code',
  'default_currency',
  'planned_start',
  'actual_start',
  'planned_end',
  'actual_end',
  'last_updated',
  'countries',
  'regions',
  'sectors',
  'participating_orgs',
];

/**
 * Imports another publisher's IATI activity file in one transaction, streaming: activities are mapped
 * as they are read and written in batches, so memory holds one batch. Each activity is keyed by its
 * iati-identifier: a re-import updates it and replaces its transactions and budgets, never duplicates.
 * The report says per activity what was imported and what was skipped and why. A file that cannot be
 * read (not XML, not IATI, a DOCTYPE, over the size limit) changes nothing and throws IatiFileError.
 */
export async function importIatiFile(
  db: Kysely<DB>,
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  file: { name: string; bytes: number },
  actor: Actor,
  options: {
    maxBytes?: number;
    progress?: (bytes: number) => void;
    /** Last work of the import's transaction (a job records itself done), so that it commits with the data or not at all. */
    beforeCommit?: (trx: Transaction<DB>, report: IatiImportReport) => Promise<void>;
  } = {},
): Promise<IatiImportReport> {
  return inTransaction(db, async (trx) => {
    const imp = await trx
      .insertInto('iati_imports')
      .values({
        file_name: file.name,
        bytes: file.bytes,
        version: null,
        activities_imported: 0,
        activities_skipped: 0,
        transactions_imported: 0,
        transactions_skipped: 0,
        actor_label: actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report: IatiImportReport = {
      importId: imp.id,
      fileName: file.name,
      version: null,
      activities: { imported: 0, new: 0, updated: 0, skipped: 0, asProjects: 0 },
      transactions: { imported: 0, skipped: 0 },
      budgets: { imported: 0, skipped: 0 },
      outcomes: [],
    };
    const publisher = await publisherSettings(trx);
    let own: OwnContext | null | undefined;
    const ownProjects: string[] = [];
    let batch: { activity: MappedActivity; outcome: IatiActivityOutcome }[] = [];
    const inBatch = new Set<string>();
    const seen = new Map<string, number>();
    // One batch is written while the next is read: parsing and the database work side by side.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      if (batch.length) {
        writing = writeBatch(trx, imp.id, batch, report);
        // Observed now, thrown at the next await: a failed write must not count as an unhandled rejection.
        writing.catch(() => {});
      }
      batch = [];
      inBatch.clear();
    };
    await readIatiXml(
      source,
      {
        root: (r) => {
          if (r.name !== 'iati-activities') throw new IatiFileError('0.2.1', 'This is an organisation file: the import reads activity files (<iati-activities>)', 1);
          report.version = r.attrs.version ?? null;
        },
        record: async (el, r) => {
          if (el.name !== 'iati-activity') return;
          const { activity, skipped } = mapActivity(el, r);
          const outcome: IatiActivityOutcome = { identifier: activity?.identifier ?? '', line: el.line, status: 'skipped', transactions: 0, skipped };
          report.outcomes.push(outcome);
          for (const s of skipped) if (s.what !== 'activity') report[s.what === 'transaction' ? 'transactions' : 'budgets'].skipped++;
          if (!activity) {
            report.activities.skipped++;
            report.transactions.skipped += el.children.filter((c) => c.name === 'transaction').length;
            return;
          }
          if (activity.reportingOrgRef === publisher.ref && activity.identifier.startsWith(`${publisher.ref}-`)) {
            await flush();
            await writing;
            own ??= await ownContext(trx, publisher.ref);
            if (!own) throw new IatiFileError('0.2.1', 'The file holds the organisation’s own activities, which become projects: create the organisation’s offices first');
            const applied = await applyOwnActivity(trx, activity, own, actor);
            ownProjects.push(applied.projectId);
            outcome.skipped.push(...applied.skipped);
            for (const s of applied.skipped) if (s.what === 'budget') report.budgets.skipped++;
            outcome.status = applied.created ? 'new' : 'updated';
            outcome.transactions = activity.transactions.length;
            report.activities.imported++;
            report.activities.asProjects++;
            report.activities[outcome.status]++;
            report.transactions.imported += activity.transactions.length;
            report.budgets.imported += activity.budgets.length;
            return;
          }
          const earlier = seen.get(activity.identifier);
          if (earlier !== undefined)
            skipped.push({ what: 'activity', line: el.line, reason: `the identifier was already used at line ${earlier}: this later activity replaces it` });
          seen.set(activity.identifier, el.line);
          // The same identifier twice in a batch would be one upsert touching a row twice: write the first.
          if (inBatch.has(activity.identifier)) await flush();
          inBatch.add(activity.identifier);
          batch.push({ activity, outcome });
          if (batch.length >= BATCH) await flush();
        },
      },
      { maxBytes: options.maxBytes, progress: options.progress },
    );
    await flush();
    await writing;
    if (ownProjects.length) await refreshProjectFinance(trx, { projectIds: ownProjects });
    await trx
      .updateTable('iati_imports')
      .set({
        version: report.version,
        activities_imported: report.activities.imported,
        activities_skipped: report.activities.skipped,
        transactions_imported: report.transactions.imported,
        transactions_skipped: report.transactions.skipped,
      })
      .where('id', '=', imp.id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'import',
      entityType: 'iati_import',
      entityId: imp.id,
      after: { file: file.name, activities: report.activities, transactions: report.transactions, budgets: report.budgets },
    });
    await options.beforeCommit?.(trx, report);
    return report;
  });
}

/**
 * Writes one batch: activities upserted by identifier, then their transactions and budgets replaced. Rows
 * travel as one JSON parameter per statement (json_populate_recordset), which PostgreSQL reads far faster
 * than thousands of bound parameters.
 */
async function writeBatch(trx: Transaction<DB>, importId: string, batch: { activity: MappedActivity; outcome: IatiActivityOutcome }[], report: IatiImportReport) {
  const activities = batch.map(({ activity: a }) => ({
    iati_identifier: a.identifier,
    reporting_org_ref: a.reportingOrgRef,
    reporting_org_name: a.reportingOrgName,
    iati_version: a.version,
    title: a.title,
    description: a.description,
    status_code: a.statusCode,
    default_currency: a.defaultCurrency,
    planned_start: a.plannedStart,
    actual_start: a.actualStart,
    planned_end: a.plannedEnd,
    actual_end: a.actualEnd,
    last_updated: a.lastUpdated,
    countries: a.countries,
    regions: a.regions,
    sectors: a.sectors,
    participating_orgs: a.participatingOrgs,
  }));
  const columns = sql.raw(ACTIVITY_COLUMNS.join(', '));
  const rows = (
    await sql<{ id: string; iati_identifier: string; inserted: boolean }>`
      insert into iati_activities (${columns}, import_id)
      select ${columns}, ${importId}::uuid from json_populate_recordset(null::iati_activities, ${JSON.stringify(activities)}::json)
      on conflict (iati_identifier) do update set ${sql.raw(
        ACTIVITY_COLUMNS.filter((c) => c !== 'iati_identifier')
          .map((c) => `${c} = excluded.${c}`)
          .join(', '),
      )},
        import_id = excluded.import_id, version = iati_activities.version + 1
      returning id, iati_identifier, (xmax = 0) as inserted`.execute(trx)
  ).rows;
  const ids = new Map(rows.map((r) => [r.iati_identifier, r]));
  const updatedIds = rows.filter((r) => !r.inserted).map((r) => r.id);
  if (updatedIds.length) {
    await sql`delete from iati_transactions where activity_id = any(${updatedIds}::uuid[])`.execute(trx);
    await sql`delete from iati_budgets where activity_id = any(${updatedIds}::uuid[])`.execute(trx);
  }
  const transactions = batch.flatMap(({ activity: a }) =>
    a.transactions.map((t) => ({
      activity_id: ids.get(a.identifier)?.id,
      seq: t.seq,
      type_code: t.typeCode,
      transaction_date: t.date,
      value: t.value,
      currency: t.currency,
      value_date: t.valueDate,
      provider_ref: t.providerRef,
      provider_name: t.providerName,
      provider_activity_id: t.providerActivityId,
      receiver_ref: t.receiverRef,
      receiver_name: t.receiverName,
      receiver_activity_id: t.receiverActivityId,
      description: t.description,
    })),
  );
  if (transactions.length)
    await sql`insert into iati_transactions select * from json_populate_recordset(null::iati_transactions, ${JSON.stringify(transactions)}::json)`.execute(trx);
  const budgets = batch.flatMap(({ activity: a }) =>
    a.budgets.map((b) => ({
      activity_id: ids.get(a.identifier)?.id,
      seq: b.seq,
      type_code: b.typeCode,
      status_code: b.statusCode,
      period_start: b.periodStart,
      period_end: b.periodEnd,
      value: b.value,
      currency: b.currency,
      value_date: b.valueDate,
    })),
  );
  if (budgets.length) await sql`insert into iati_budgets select * from json_populate_recordset(null::iati_budgets, ${JSON.stringify(budgets)}::json)`.execute(trx);
  for (const { activity: a, outcome } of batch) {
    const row = ids.get(a.identifier);
    outcome.status = row?.inserted ? 'new' : 'updated';
    outcome.transactions = a.transactions.length;
    report.activities.imported++;
    report.activities[outcome.status === 'new' ? 'new' : 'updated']++;
    report.transactions.imported += a.transactions.length;
    report.budgets.imported += a.budgets.length;
  }
}
