import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { format } from 'sql-formatter';
import {
  buildActionPlan,
  buildAgreement,
  buildAllocation,
  buildFinancialLines,
  buildFramework,
  buildOffice,
  buildPartner,
  buildProgramme,
  buildProject,
  buildStrategy,
  signedInAs,
} from '../../../test/factories.ts';
import { buildApp, type Client, ok } from '../../../test/helpers/api.ts';
import { SqlRecorder } from '../../../test/helpers/sql-recorder.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { isoDate } from '../../shared/dates.ts';
import { IMPLEMENTATION_PLAN_1999 } from '../demo/seed-plans.ts';
import type { Database } from './connect.ts';

/**
 * The SQL behind the API's heavier reads (dashboards, scoped lists, exports), checked in (immich's habit): each
 * request's statements, in order, formatted, are compared with `sql-snapshots/<name>.sql`. So a change to a query
 * shows in review as a change to its SQL, and a query per row shows as a list that grows with the rows.
 * After a deliberate change: `UPDATE_SQL_SNAPSHOTS=1 npx tsx test/run-tests.ts sql-snapshots`, and read the diff.
 */
const DIR = join(import.meta.dirname, 'sql-snapshots');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

/** Each read is asked by an HQ officer (everything in reach), or by an administrator where only that role may read it. */
const SNAPSHOTS: [name: string, path: (ids: Record<string, string>) => string, as?: 'admin'][] = [
  ['offices-list', () => '/api/offices?limit=50'],
  ['projects-list', () => '/api/projects?limit=50&status=active'],
  ['partners-list', () => '/api/partners'],
  ['agreements-list', () => '/api/agreements'],
  ['delivery-page', () => '/api/delivery?year=2024&limit=20'],
  ['delivery-trend', () => '/api/delivery/trend?from=2023&to=2024'],
  ['delivery-curve', () => '/api/delivery/curve?year=2024'],
  ['portfolio-summary', () => '/api/portfolio/summary?year=2024'],
  ['funding-alignment', () => '/api/funding-alignment?year=2024'],
  ['resource-gaps', () => '/api/resource-gaps?year=2024'],
  ['watch-list', () => '/api/early-warnings?asOf=2024-09-30'],
  ['delivery-by-office', () => '/api/delivery/groups?year=2024&by=office'],
  ['dwcps-list', () => '/api/countries/KE/dwcps'],
  ['dwcp-tree', (ids) => `/api/dwcps/${ids.dwcp}`],
  ['cf-cycles-list', () => '/api/countries/KE/cf-cycles'],
  ['cf-cycle-tree', (ids) => `/api/cf-cycles/${ids.cycle}`],
  ['project-detail', (ids) => `/api/projects/${ids.K1}`],
  ['project-documents', (ids) => `/api/projects/${ids.K1}/documents`],
  ['indicators-list', (ids) => `/api/indicators?nodeType=cf_outcome&nodeId=${ids.outcome}`],
  ['indicator-detail', (ids) => `/api/indicators/${ids.indicator}`],
  ['frameworks-list', () => '/api/frameworks'],
  ['action-plans-list', () => '/api/action-plans'],
  ['action-plan-as-at', () => '/api/action-plans/UNDS-POA-2019-20?asOf=2020-06-30'],
  ['strategies-list', () => '/api/strategies'],
  ['strategy-progress', () => '/api/strategies/TC-STRATEGY-2010-15/progress?asOf=2014-06-30'],
  ['reference-codelists', () => '/api/reference/codelists'],
  ['reference-codelist', () => '/api/reference/codelists/DocumentCategory'],
  ['reference-sdg-targets', () => '/api/reference/sdg/targets?goal=8'],
  ['users-list', () => '/api/users', 'admin'],
  ['alignment-matrix', () => '/api/countries/KE/alignment'],
  ['alignment-portfolio', () => '/api/alignment/portfolio'],
  ['country-page', () => '/api/countries/KE/page'],
  ['countries-list', () => '/api/countries'],
  ['constituents-list', () => '/api/countries/KE/constituents'],
  ['calendar', () => '/api/calendar'],
  ['calendar-notifications', () => '/api/calendar/notifications?days=365'],
];

let database: Database;
let hq: Client;
let admin: Client;
const recorder = new SqlRecorder();
const ids: Record<string, string> = {};
/** A day some days from now (the calendar reads from today). */
const soon = (days: number) => isoDate(new Date(Date.now() + days * 86_400_000));

before(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const ke = await buildOffice(db, { code: 'CO-KE', name: 'Country Office for Kenya', officeType: 'country_office', parentId: root.id, countryCode: 'KE' });
  const donor = await buildPartner(db, 'Donor A');
  const agreements = [];
  for (const code of ['AG-1', 'AG-2', 'AG-3'])
    agreements.push(await buildAgreement(db, { code, partnerId: donor.id, periodStart: '2023-01-01', amounts: [{ year: 2024, amount: '300000.00' }] }));
  for (const code of ['K1', 'K2', 'K3']) {
    const p = await buildProject(db, {
      code,
      officeId: ke.id,
      plannedStart: '2023-01-01',
      partners: [{ partnerId: donor.id, role: 'funding' }],
      agreementIds: agreements.map((a) => a.id),
      status: 'active',
      activeOn: '2023-01-15',
    });
    await buildAllocation(db, p.id, 2024, '200000.00');
    ids[code] = p.id;
  }
  await buildFinancialLines(db, [
    { projectCode: 'K1', period: '2024-03', amount: '50000.00' },
    { projectCode: 'K2', period: '2024-04', amount: '30000.00' },
  ]);
  // Kenya's programming: a CF cycle and a DWCP of two priorities each, outcomes with outputs, SDG targets and
  // indicators, CPOs derived and linked, so a statement per priority, outcome or CPO would show.
  const outcome = (code: string, targets: string[]) => ({
    code,
    text: `Outcome ${code}`,
    orgRole: 'lead' as const,
    sdgTargets: targets,
    outputs: [1, 2].map((n) => ({ code: `${code}.${n}`, text: `Output ${code}.${n}` })),
    indicators: [
      { code: `I${code}`, title: `Indicator of ${code}`, unit: 'percent', targets: [{ kind: 'target' as const, periodStart: '2023-01-01', periodEnd: '2025-12-31', value: '50' }] },
    ],
  });
  const cpo = (code: string, cfOutcome: string) => ({ code, derivation: 'derived' as const, cfOutcome, cfOutputs: [`${cfOutcome}.1`], sdgTargets: ['8.5'] });
  await buildProgramme(db, {
    countryCode: 'KE',
    presence: 'resident',
    coveringOffice: 'CO-KE',
    constituents: [
      { kind: 'ministry_of_labour', name: 'Ministry of Labour' },
      { kind: 'workers', name: 'Central Organisation of Trade Unions' },
    ],
    cycles: [
      {
        kind: 'cooperation_framework',
        title: 'CF 2023–26',
        periodStart: '2023-01-01',
        periodEnd: '2026-12-31',
        stage: 'implementation',
        priorities: [
          { code: 'SP1', title: 'Jobs', outcomes: [outcome('O1', ['8.5', '8.6']), outcome('O2', ['8.8'])] },
          { code: 'SP2', title: 'Protection', outcomes: [outcome('O3', ['1.3'])] },
        ],
      },
    ],
    dwcps: [
      {
        title: 'DWCP 2023–26',
        periodStart: '2023-01-01',
        periodEnd: '2026-12-31',
        status: 'active',
        cycle: 'CF 2023–26',
        priorities: [
          { code: 'P1', title: 'Employment', cpos: [cpo('KEN101', 'O1'), cpo('KEN102', 'O2')] },
          { code: 'P2', title: 'Social protection', cpos: [cpo('KEN201', 'O3')] },
        ],
      },
    ],
    milestones: [
      { kind: 'dwcp_review', title: 'Mid-term review', dueDate: soon(40) },
      { kind: 'cf_evaluation', title: 'CF evaluation', dueDate: soon(200) },
    ],
  });
  ids.dwcp = (await db.selectFrom('dwcps').select('id').where('country_code', '=', 'KE').executeTakeFirstOrThrow()).id;
  ids.cycle = (await db.selectFrom('cf_cycles').select('id').where('country_code', '=', 'KE').executeTakeFirstOrThrow()).id;
  ids.outcome = (await db.selectFrom('cf_outcomes').select('id').where('cycle_id', '=', ids.cycle).where('code', '=', 'O1').executeTakeFirstOrThrow()).id;
  ids.indicator = (await db.selectFrom('indicators').select('id').where('node_id', '=', ids.outcome).executeTakeFirstOrThrow()).id;
  await buildFramework(db, { code: 'SP-22-25', outcomes: ['1', '2', '3'] });
  await buildFramework(db, { code: 'SP-26-29', outcomes: ['A', 'B'], periodStart: '2026-01-01', periodEnd: '2029-12-31' });
  await buildStrategy(db);
  await buildActionPlan(db);
  await buildActionPlan(db, IMPLEMENTATION_PLAN_1999);
  // The app reads through the recorder; the set-up above did not.
  const app = buildApp({ ...database, db: db.withPlugin(recorder) });
  hq = await signedInAs(app, db, 'hq_officer');
  admin = await signedInAs(app, db, 'admin');
});
after(() => database.close());

describe('SQL snapshots', () => {
  for (const [name, path, as] of SNAPSHOTS) {
    test(name, async () => {
      recorder.statements = [];
      ok(await (as === 'admin' ? admin : hq).get(path(ids)));
      // The session lookup that starts every request is the middleware's, the same for all: left out.
      const own = recorder.statements.filter((s) => !/from "sessions"/.test(s) || /"projects"/.test(s));
      const text = `${own.map((s, i) => `-- statement ${i + 1} of ${own.length}\n${format(s, { language: 'postgresql', keywordCase: 'lower' })};`).join('\n\n')}\n`;
      const file = join(DIR, `${name}.sql`);
      if (UPDATE) writeFileSync(file, text);
      assert.ok(existsSync(file), `no snapshot of ${name}: UPDATE_SQL_SNAPSHOTS=1 writes it`);
      assert.equal(text, readFileSync(file, 'utf8'), `the SQL of ${path(ids)} changed: if on purpose, UPDATE_SQL_SNAPSHOTS=1 and review the diff`);
    });
  }
});
