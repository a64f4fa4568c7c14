import { parseArgs } from 'node:util';
import { DataFolderLockedError } from '../server/db/data-lock.ts';
import { loadDemo } from '../server/demo/load-demo.ts';
import { AppError } from '../server/errors.ts';
import { configFromEnvironment, openAndMigrate, startServer } from '../server/main.ts';
import { deliveryCommand, financeCommand, ratesCommand } from './finance.command.ts';
import { frameworkCommand } from './framework.command.ts';
import { iatiImportCommand, iatiValidateCommand } from './iati.command.ts';
import { officeCommand } from './office.command.ts';
import { UsageError } from './output.ts';
import { calendarCommand, countryCommand, programmeCommand } from './programme.command.ts';
import { reportCommand } from './report.command.ts';
import { userCommand } from './user.command.ts';

const HELP = `devcoop — development cooperation, planned, funded, delivered, reported and published

Usage: devcoop <command> [options]

  serve [--demo]        start the server (with --demo: load demonstration data into an empty database)
  migrate               apply pending database migrations and load reference data
  demo                  load demonstration data (once) and create the first administrator
  user list | create | set-role | reset-password
  office list | show | create | update | delete
  country list | show --country CC     country programmes (presence, CF, DWCP, alignment)
  calendar [--as-of DATE] [--country CC] coming UN and DWCP milestones
  programme import FILE.json [--json]  a whole country programme in one transaction (see docs/examples/)
  framework list | create | add-outcome | add-output   organisation-wide frameworks (strategic plans, P&B)
  finance import FILE --mapping M.json [--dry-run] [--json]   expenditure/commitments from an ERP export
  rates import FILE.csv --source NAME  monthly exchange rates (currency, month, per_usd)
  delivery --year YEAR                 delivery rate of each project
  iati validate FILE [--json]          an IATI file against the XSD, codelists and rules (exit 1 on errors)
  iati import FILE [--json]            another publisher's IATI activity file (counts imported and skipped)
  report KIND SUBJECT [--as-of DATE] [--format docx|html|pdf|xlsx] [--out FILE]   a report from live data:
                                       plan-progress CODE, strategy-measurement CODE, donor-progress PROJECT-ID,
                                       country-brief CC (GB title block: --symbol, --session; --lang en|fr|es)

Settings (environment, or the flag):
  PORT (--port)                  HTTP port, default 8080
  HOST (--host)                  address to listen on, default 127.0.0.1 (0.0.0.0: every interface)
  DEVCOOP_DATA (--data)          folder of the embedded database, default ./data
  DATABASE_URL (--database-url)  use this PostgreSQL server instead of the embedded database
  DATABASE_MIGRATION_URL         the same server as the role that owns the tables: migrate and serve
                                 apply migrations as it; DATABASE_URL's role then owns nothing
  IATI_MAX_FILE_MB               largest IATI file read, default 1024
  DEVCOOP_ADMIN_EMAIL, DEVCOOP_ADMIN_PASSWORD  the first administrator's credentials (demo);
                                 without a password, one is generated and printed once
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'database-url': { type: 'string' },
  demo: { type: 'boolean' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  office: { type: 'string' },
  partner: { type: 'string' },
  country: { type: 'string' },
  password: { type: 'string' },
  code: { type: 'string' },
  'new-code': { type: 'string' },
  type: { type: 'string' },
  parent: { type: 'string' },
  city: { type: 'string' },
  version: { type: 'string' },
  q: { type: 'string' },
  'as-of': { type: 'string' },
  framework: { type: 'string' },
  outcome: { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  source: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  symbol: { type: 'string' },
  session: { type: 'string' },
} as const;

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (err) {
    console.error(`${(err as Error).message}\n\nRun devcoop --help for the commands and their options.`);
    process.exit(2);
  }
}
const { values: flags, positionals } = parse();

function announceDemo(result: Awaited<ReturnType<typeof loadDemo>>, url?: string) {
  if (!result.loaded) {
    console.log('Demonstration data is already loaded; nothing changed.');
    return;
  }
  console.log('Demonstration data loaded (everything not taken from the source documents is synthetic, and marked so).');
  if (result.admin) {
    const where = url ? ` at ${url}` : '';
    console.log(
      `Sign in${where} as ${result.admin.email} with ${result.admin.password ? `the password ${result.admin.password} (shown only now; reset it with: devcoop user reset-password --email ${result.admin.email})` : 'the password in DEVCOOP_ADMIN_PASSWORD'}.`,
    );
  }
}

async function run(): Promise<void> {
  const [command, sub] = positionals;
  if (flags.help || !command || command === 'help') {
    console.log(HELP);
    return;
  }
  const config = configFromEnvironment({ PORT: flags.port, HOST: flags.host, DEVCOOP_DATA: flags.data, DATABASE_URL: flags['database-url'] });
  // Validation needs no database: it works on any machine, before anything is set up.
  if (command === 'iati' && sub === 'validate') {
    process.exitCode = await iatiValidateCommand(positionals[2], flags, config.iatiMaxBytes);
    return;
  }
  const known = ['serve', 'migrate', 'demo', 'user', 'office', 'country', 'calendar', 'programme', 'framework', 'finance', 'rates', 'delivery', 'iati', 'report'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  const opened = await openAndMigrate(config);
  const { db } = opened.database;
  if (command === 'serve') {
    const demo = flags.demo ? await loadDemo(db, { email: config.adminEmail, password: config.adminPassword }) : undefined;
    const server = await startServer(config, opened);
    if (demo?.loaded) announceDemo(demo, server.url);
    console.log(`devcoop is running at ${server.url} (${opened.database.kind}: ${opened.database.location}). Press Ctrl+C to stop.`);
    return;
  }
  try {
    if (command === 'migrate') console.log(`Database ${opened.database.location} is up to date.`);
    else if (command === 'demo') announceDemo(await loadDemo(db, { email: config.adminEmail, password: config.adminPassword }));
    else if (command === 'user') await userCommand(db, sub, flags);
    else if (command === 'office') await officeCommand(db, sub, flags);
    else if (command === 'country') await countryCommand(db, sub, flags);
    else if (command === 'calendar') await calendarCommand(db, flags);
    else if (command === 'framework') await frameworkCommand(db, sub, flags);
    else if (command === 'finance') process.exitCode = await financeCommand(db, sub, positionals[2], flags);
    else if (command === 'rates') await ratesCommand(db, sub, positionals[2], flags);
    else if (command === 'delivery') await deliveryCommand(db, flags);
    else if (command === 'report') await reportCommand(db, sub, positionals[2], flags);
    else if (command === 'iati') {
      if (sub !== 'import') throw new UsageError('devcoop iati validate FILE [--json]   |   devcoop iati import FILE [--json]');
      process.exitCode = await iatiImportCommand(db, positionals[2], flags, config.iatiMaxBytes);
    } else if (command === 'programme') process.exitCode = await programmeCommand(db, sub, positionals[2], flags);
  } finally {
    await opened.database.close();
  }
}

run().catch((err) => {
  if (err instanceof UsageError || err instanceof DataFolderLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(`${err.code}: ${err.message}`);
    process.exit(1);
  }
  console.error(`devcoop failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
