import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { importIatiFile } from '../server/iati/iati-import.apply.ts';
import { reportRows, validateIatiFile } from '../server/iati/iati-validate.ts';
import { IatiFileError } from '../server/iati/iati-xml.reader.ts';
import { UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;

const USAGE = 'devcoop iati validate FILE [--json]   |   devcoop iati import FILE [--json]';

function readable(file: string | undefined): string {
  if (!file) throw new UsageError(USAGE);
  try {
    if (!statSync(file).isFile()) throw new Error();
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file.`);
  }
  return file;
}

/** Shows how far a long read has come, on stderr, when a person is watching. */
function progressPrinter(total: number) {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (bytes: number) => {
    const pct = Math.floor((100 * bytes) / Math.max(1, total));
    if (pct !== last) process.stderr.write(`\r${pct}% of ${(total / 1024 ** 2).toFixed(1)} MB read`);
    last = pct;
  };
}

/** `devcoop iati validate FILE [--json]`: exit 0 without errors (warnings allowed), 1 with errors. No database. */
export async function iatiValidateCommand(file: string | undefined, flags: Flags, maxBytes: number): Promise<number> {
  const path = readable(file);
  const report = await validateIatiFile({ path }, { maxBytes, progress: flags.json ? undefined : progressPrinter(statSync(path).size) });
  if (process.stderr.isTTY && !flags.json) process.stderr.write('\n');
  if (flags.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const r of reportRows(report))
      console.log(`${r.line ? `line ${r.line}` : 'file'}${r.activity ? ` [${r.activity}]` : ''}: ${r.severity} ${r.rule}: ${r.message}${r.path ? ` (${r.path})` : ''}`);
    console.log(
      `${basename(path)}: ${report.records} ${report.kind === 'organisations' ? 'organisations' : 'activities'}, version ${report.version ?? 'not given'}: ${report.counts.critical} critical, ${report.counts.error} errors, ${report.counts.warning} warnings — ${report.valid ? 'valid' : 'not valid'}.`,
    );
  }
  return report.valid ? 0 : 1;
}

/** `devcoop iati import FILE [--json]`: counts of activities and transactions imported and skipped; exit 1 when refused. */
export async function iatiImportCommand(db: Kysely<DB>, file: string | undefined, flags: Flags, maxBytes: number): Promise<number> {
  const path = readable(file);
  const size = statSync(path).size;
  try {
    const report = await importIatiFile(db, createReadStream(path), { name: basename(path), bytes: size }, systemActor('import', `import:${basename(path)}`), {
      maxBytes,
      progress: flags.json ? undefined : progressPrinter(size),
    });
    if (process.stderr.isTTY && !flags.json) process.stderr.write('\n');
    if (flags.json) console.log(JSON.stringify({ ...report, outcomes: report.outcomes.filter((o) => o.skipped.length) }, null, 2));
    else {
      for (const o of report.outcomes) for (const s of o.skipped) console.log(`line ${s.line}${o.identifier ? ` [${o.identifier}]` : ''}: ${s.what} skipped: ${s.reason}`);
      const a = report.activities;
      console.log(
        `Imported ${a.imported} activities (${a.new} new, ${a.updated} updated), ${a.skipped} skipped; ${report.transactions.imported} transactions imported, ${report.transactions.skipped} skipped.`,
      );
    }
    return 0;
  } catch (e) {
    if (!(e instanceof IatiFileError)) throw e;
    if (flags.json) console.log(JSON.stringify({ error: { code: e.code, message: e.message, line: e.line ?? null, column: e.column ?? null } }, null, 2));
    else console.error(`${basename(path)}${e.line ? `, line ${e.line}` : ''}: ${e.message}. Nothing was imported.`);
    return 1;
  }
}
