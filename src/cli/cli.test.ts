import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../server/db/connect.ts';

/**
 * The devcoop command, run as a person runs it, on a copy of the test template (PGlite) or on a fresh
 * PostgreSQL database cloned from the template.
 */
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'devcoop.js');
const dataDir = mkdtempSync(join(tmpdir(), 'devcoop-cli-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;

before(async () => {
  env = { ...process.env, DEVCOOP_DATA: dataDir, LOG_LEVEL: 'warn', DEVCOOP_ADMIN_EMAIL: 'ops@example.org', DEVCOOP_ADMIN_PASSWORD: 'a long demo password' };
  if (process.env.DATABASE_URL) {
    const { openTestDatabase } = await import('../../test/helpers/test-db.ts');
    const database = await openTestDatabase();
    const name = database.location.split('/').pop() as string;
    await database.db.destroy();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = database.close;
  } else {
    cpSync(process.env.DEVCOOP_TEST_PGLITE_TEMPLATE as string, join(dataDir, 'pgdata'), { recursive: true });
  }
});
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.().catch(() => {});
});

const devcoop = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 180_000 });

describe('devcoop command', () => {
  test('demo loads once and names the administrator; a second run changes nothing', () => {
    const first = devcoop('demo');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Sign in as ops@example\.org/);
    assert.doesNotMatch(first.stdout, /a long demo password/, 'a password given by the operator is not echoed');
    const second = devcoop('demo');
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /already loaded/);
  });

  test('user create, list and set-role go through the services and the audit trail', async () => {
    const created = devcoop('user', 'create', '--email', 'po@example.org', '--name', 'Programme Officer', '--role', 'programme_officer', '--office', 'CO-DELHI');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Password \(shown only now\): \S{12,}/);
    const listed = devcoop('user', 'list');
    assert.match(listed.stdout, /po@example\.org\s+Programme Officer\s+programme_officer/);
    const changed = devcoop('user', 'set-role', '--email', 'po@example.org', '--role', 'office_manager', '--office', 'RO-ASIA');
    assert.equal(changed.status, 0, changed.stderr);
    assert.match(changed.stdout, /now office_manager/);
    const bad = devcoop('user', 'create', '--email', 'x@example.org', '--role', 'constituent_viewer');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /INVALID_INPUT: .*countryCode/);

    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    const rows = await db.db.selectFrom('audit_log').select(['action', 'via', 'actor_label']).where('entity_type', '=', 'user').where('via', '=', 'cli').orderBy('id').execute();
    await db.close();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['create', 'set_role'],
    );
  });

  test('office create, update and delete; a bad code is a clear error', () => {
    const created = devcoop(
      'office',
      'create',
      '--code',
      'CO-NBO',
      '--name',
      'Country Office for Kenya',
      '--type',
      'country_office',
      '--parent',
      'RO-AFRICA',
      '--country',
      'KE',
      '--city',
      'Nairobi',
    );
    assert.equal(created.status, 0, created.stderr);
    const updated = devcoop('office', 'update', '--code', 'CO-NBO', '--city', 'Nairobi (UN Gigiri)');
    assert.equal(updated.status, 0, updated.stderr);
    assert.match(updated.stdout, /version 2/);
    assert.match(devcoop('office', 'list').stdout, /CO-NBO .*Nairobi \(UN Gigiri\)/);
    const deleted = devcoop('office', 'delete', '--code', 'CO-NBO');
    assert.equal(deleted.status, 0, deleted.stderr);
    const missing = devcoop('office', 'update', '--code', 'NOPE', '--city', 'x');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no office with the code NOPE/);
    const unknownFlag = devcoop('office', 'list', '--colour', 'red');
    assert.notEqual(unknownFlag.status, 0);
    assert.doesNotMatch(unknownFlag.stderr, / {4}at /, 'no stack trace');
  });

  test('programme import: a whole country programme in one transaction, located errors, nothing half-stored', async () => {
    const example = join(root, 'docs', 'examples', 'programme-kenya.json');
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    const bad = join(dataDir, 'bad.json');
    doc.cycles[0].priorities[0].outcomes[0].sdgTargets = ['8.5', '8.99'];
    writeFileSync(bad, JSON.stringify(doc));
    const refused = devcoop('programme', 'import', bad, '--json');
    assert.equal(refused.status, 1);
    const report = JSON.parse(refused.stdout);
    assert.equal(report.ok, false);
    assert.equal(report.issues[0].path, 'cycles[0].priorities[0].outcomes[0].sdgTargets');
    assert.match(report.issues[0].message, /8\.99/);
    assert.doesNotMatch(devcoop('country', 'list').stdout, /^KE /m, 'nothing of the refused file was stored');

    writeFileSync(bad, '{"countryCode": "KE", ');
    const broken = devcoop('programme', 'import', bad);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /not valid JSON/);

    const imported = devcoop('programme', 'import', example);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /Imported the country programme of KE: 3 constituents, 1 cycles, 1 outcomes, 1 outputs, 1 dwcps, 2 cpos, 1 indicators, 1 milestones/);
    assert.match(devcoop('country', 'list').stdout, /^KE +Kenya +resident +CO-DAR/m);
    const again = devcoop('programme', 'import', example);
    assert.equal(again.status, 1, 'a second import of the same country is refused');
    const page = JSON.parse(devcoop('country', 'show', '--country', 'KE').stdout);
    assert.equal(page.dwcp.priorities[0].alignmentComputed, 'fully');
    assert.equal(page.dwcp.priorities[0].cpos[0].text, 'Young people have decent jobs in green and blue sectors');
    assert.match(devcoop('calendar', '--as-of', '2099-01-01', '--country', 'KE').stdout, /2099-06-30 +KE +dwcp_review +DWCP mid-term review +2099-05-01/);
  });

  test('framework create, add-outcome and list', () => {
    const created = devcoop(
      'framework',
      'create',
      '--type',
      'strategic_plan',
      '--code',
      'SP-2022-25',
      '--name',
      'Strategic Plan 2022–25',
      '--from',
      '2022-01-01',
      '--to',
      '2025-12-31',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.equal(devcoop('framework', 'add-outcome', '--framework', 'SP-2022-25', '--code', '1', '--name', 'Strong tripartite constituents').status, 0);
    assert.equal(devcoop('framework', 'add-output', '--framework', 'SP-2022-25', '--outcome', '1', '--code', '1', '--name', 'Capacity of employers’ organizations').status, 0);
    const bad = devcoop('framework', 'create', '--type', 'strategic_plan', '--code', 'X', '--name', 'No dates');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--periodStart/);
    assert.match(
      devcoop('framework', 'list').stdout,
      /SP-2022-25 +Strategic Plan 2022–25 +2022-01-01 – 2025-12-31\n +1 +Strong tripartite constituents *\n +1\.1 +Capacity of employers’ organizations/,
    );
  });

  test('rates import, finance import (dry run, then for real, then refused), delivery', () => {
    const rates = join(dataDir, 'rates.csv');
    writeFileSync(rates, 'currency,month,per_usd\nEUR,2022-03,0.92\nNOK,2022-03,10.5\n'); // 2022: before the demonstration's own figures
    const loaded = devcoop('rates', 'import', rates, '--source', 'UN operational rates');
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stdout, /2 new/);
    const mapping = join(dataDir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'expenditure' }));
    const file = join(dataDir, 'iris.csv');
    writeFileSync(file, 'Project;Period;Amount;Currency;Line\nVNM/22/02/NOR;2022-03;10500;NOK;L-1\nIND/23/01/EUR;2022-03;920;EUR;L-2\n');
    const dry = devcoop('finance', 'import', file, '--mapping', mapping, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run: would import 2 rows: 2 new/);
    assert.match(devcoop('finance', 'import', file, '--mapping', mapping).stdout, /Imported 2 rows: 2 new/);
    writeFileSync(file, 'Project;Period;Amount;Currency;Line\nNOPE;2022-03;1;USD;L-3\n');
    const refused = devcoop('finance', 'import', file, '--mapping', mapping);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /iris\.csv, row 2, column Project: error: Unknown project code NOPE/);
    const delivery = devcoop('delivery', '--year', '2022');
    assert.match(delivery.stdout, /VNM\/22\/02\/NOR .* 0\.00 +1000\.00/);
    assert.match(delivery.stdout, /IND\/23\/01\/EUR .* 0\.00 +1000\.00/);
  });

  test('iati validate: exit 0 with warnings only, 1 with errors, --json prints the report; iati import counts', () => {
    const tests = join(root, '..', 'shared', 'iati', 'rules-tests');
    const warningsOnly = devcoop('iati', 'validate', join(tests, 'iati-act-noSpaces-error.xml'));
    assert.equal(warningsOnly.status, 0, warningsOnly.stdout + warningsOnly.stderr);
    assert.match(warningsOnly.stdout, /warning 1\.11\.1/);
    const errors = devcoop('iati', 'validate', '--json', join(tests, 'iati-act-strictSum-error.xml'));
    assert.equal(errors.status, 1);
    const report = JSON.parse(errors.stdout);
    assert.equal(report.valid, false);
    assert.ok(report.withFindings[0].findings.some((f: { rule: string }) => f.rule === '3.4.2'));
    assert.equal(devcoop('iati', 'validate', join(tests, 'not-xml.xml')).status, 1);

    const real = join(root, '..', 'shared', 'iati', 'real', 'hdx-foodsecurity-dportal.xml');
    const imported = devcoop('iati', 'import', real);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 7 activities \(7 new, 0 updated\), 0 skipped; 63 transactions imported, 0 skipped\./);
    const again = JSON.parse(devcoop('iati', 'import', '--json', real).stdout);
    assert.deepEqual([again.activities.new, again.activities.updated, again.transactions.imported], [0, 7, 63]);
    const refused = devcoop('iati', 'import', join(tests, 'broken-xml.xml'));
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Not well-formed XML.*Nothing was imported/);
  });

  test('--json prints one JSON document on stdout; logs (here: migrations on a new data folder) go to stderr', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'devcoop-cli-fresh-'));
    try {
      const real = join(root, '..', 'shared', 'iati', 'real', 'hdx-foodsecurity-dportal.xml');
      const { DATABASE_URL: _server, ...local } = env;
      const r = spawnSync(process.execPath, [bin, 'iati', 'import', '--json', real], {
        env: { ...local, DEVCOOP_DATA: fresh, LOG_LEVEL: 'info' },
        encoding: 'utf8',
        timeout: 180_000,
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).activities.new, 7, 'stdout is the report alone');
      assert.match(r.stderr, /"msg":"migrations applied"/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('report: the 2019–20 plan as at 2 March 2020 written as DOCX; a date before the plan is refused', () => {
    const out = join(dataDir, 'status.docx');
    const made = devcoop('report', 'plan-progress', 'UNDS-POA-2019-20', '--as-of', '2020-03-02', '--symbol', 'GB.338/INS/9', '--out', out);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /Status of the Office Plan of Action 2019–20 .* \(Status as at 2 March 2020\) written to/);
    assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK', 'a DOCX is a zip package');
    const early = devcoop('report', 'plan-progress', 'UNDS-POA-2019-20', '--as-of', '2018-01-01');
    assert.equal(early.status, 1);
    assert.match(early.stderr, /INVALID_INPUT: asOf: the plan was adopted on 2019-03-14/);
    assert.equal(devcoop('report', 'no-such-kind', 'X').status, 2);
  });

  test('a second server on the same data folder exits with a clear message; a crash loses nothing acknowledged', {
    skip: Boolean(process.env.DATABASE_URL) && 'the lock guards the embedded database only',
  }, async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const base = `http://127.0.0.1:${port}`;
    const first: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', port], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
        first.stdout?.on('data', (d) => {
          out += d;
          if (out.includes('is running at')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const second = devcoop('serve', '--port', String(Number(port) + 1));
      assert.equal(second.status, 2);
      assert.match(second.stderr, /in use by devcoop process \d+/);
      assert.doesNotMatch(second.stderr, / {4}at /);
      const health = await fetch(`${base}/api/health`);
      assert.equal(health.status, 200, 'the first server still answers');

      // An office acknowledged by the API survives the server being killed outright.
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: env.DEVCOOP_ADMIN_EMAIL, password: env.DEVCOOP_ADMIN_PASSWORD }),
      });
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const offices = (await (await fetch(`${base}/api/offices?q=PARDEV`, { headers: { Cookie: cookie } })).json()) as { items: { id: string }[] };
      const created = await fetch(`${base}/api/offices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ code: 'ACKED-1', name: 'Acknowledged before the crash', officeType: 'hq_department', parentId: offices.items[0]?.id }),
      });
      assert.equal(created.status, 201);
    } finally {
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
    }
    const list = devcoop('office', 'list');
    assert.equal(list.status, 0, `the lock of the killed process is taken over: ${list.stderr}`);
    assert.match(list.stdout, /ACKED-1 +Acknowledged before the crash/);
  });
});
