import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { findCalendar } from '../server/modules/calendar/calendar.service.ts';
import { findCountryProfiles } from '../server/modules/countries/countries.service.ts';
import { getCountryPage } from '../server/modules/country-page/country-page.service.ts';
import { importProgramme, issuesOf } from '../server/programming-import/programme-import.service.ts';
import { printTable, UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** `devcoop country list|show`: country programmes, read through the services. */
export async function countryCommand(db: Kysely<DB>, sub: string | undefined, flags: Flags): Promise<void> {
  const actor = systemActor('cli');
  if (sub === 'list') {
    printTable(await findCountryProfiles(db, actor), ['countryCode', 'nameEn', 'presence', 'coveringOfficeCode', 'deliveringAsOne']);
    return;
  }
  if (sub === 'show') {
    const code = str(flags.country);
    if (!code) throw new UsageError('give --country CC');
    console.log(JSON.stringify(await getCountryPage(db, code, actor), null, 2));
    return;
  }
  throw new UsageError('devcoop country list | show --country CC');
}

/** `devcoop calendar [--as-of DATE] [--country CC]`: coming UN and DWCP milestones. */
export async function calendarCommand(db: Kysely<DB>, flags: Flags): Promise<void> {
  const { items } = await findCalendar(db, { asOf: str(flags['as-of']), country: str(flags.country) }, systemActor('cli'));
  printTable(items, ['dueDate', 'countryCode', 'kind', 'title', 'notifyBy']);
}

/** `devcoop programme import FILE [--json]`: a whole country programme from a JSON document, in one transaction. */
export async function programmeCommand(db: Kysely<DB>, sub: string | undefined, file: string | undefined, flags: Flags): Promise<number> {
  if (sub !== 'import' || !file) throw new UsageError('devcoop programme import FILE.json [--json]');
  const report = (ok: boolean, body: object) => {
    if (flags.json) console.log(JSON.stringify({ ok, ...body }, null, 2));
    return ok ? 0 : 1;
  };
  try {
    const result = await importProgramme(db, readFileSync(file, 'utf8'), systemActor('import', `import:${file}`));
    if (!flags.json)
      console.log(
        `Imported the country programme of ${result.country}: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}.`,
      );
    return report(true, result);
  } catch (err) {
    const issues = issuesOf(err);
    if (!issues.length) throw err;
    if (!flags.json) for (const i of issues) console.error(`${file}: ${i.path}: ${i.message}`);
    return report(false, { issues });
  }
}
