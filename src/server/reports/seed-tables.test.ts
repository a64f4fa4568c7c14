import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { ActionPlanCreate, StrategyCreate } from '../../shared/contracts/strategies.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { IMPLEMENTATION_PLAN_1999, PLAN_OF_ACTION_2019_20 } from '../demo/seed-plans.ts';
import { TC_STRATEGY_2010_15 } from '../demo/seed-strategy.ts';
import { createPlan } from '../modules/action-plans/action-plans.service.ts';
import { createStrategy } from '../modules/strategies/strategies.service.ts';
import type { Block, Row } from './report-model.ts';
import { buildReport } from './reports.service.ts';

/*
 * The Governing Body's tables, generated from the demonstration data, compared cell by cell with the seed
 * documents. The expected cells below are copied from ../shared/seeds (000's appendix, 002's measurement
 * tables and Table 1), not from our output.
 */
const actor = systemActor('system', 'test');
let database: Database;
before(async () => {
  database = await openTestDatabase();
  await createStrategy(database.db, StrategyCreate.parse(TC_STRATEGY_2010_15), actor);
  for (const p of [PLAN_OF_ACTION_2019_20, IMPLEMENTATION_PLAN_1999]) await createPlan(database.db, ActionPlanCreate.parse(p), actor);
});
after(() => database.close());

type Table = Extract<Block, { kind: 'table' }>;
const table = (blocks: Block[], name: string) => {
  const t = blocks.find((b): b is Table => b.kind === 'table' && b.name === name);
  assert.ok(t, `table ${name}`);
  return t;
};
/** A table as the seed's text shows it: the header row, then each row's cells (a group row is its one cell). */
const cells = (t: Table) => [t.columns, ...t.rows.map((r: Row) => ('group' in r ? [r.group] : r.cells))];

// 000, appendix: "Status of the Office Plan of Action 2019–20 …" (GB.338/INS/9, 2 March 2020)
const APPENDIX_2019_20 = [
  ['Action item', 'Due by', 'Status'],
  [
    'Component 1: Developing the capacity of national constituents to engage in Cooperation Framework and SDG processes for greater influence in UN-supported national development for achievement of the SDGs',
  ],
  ['1. In collaboration with ACT/EMP and ACTRAV, development of awareness-raising and training materials on working with the UN', 'By end 2019', 'Completed/ongoing'],
  [
    '2. Continued targeted technical training and Office support for constituent representatives to better enable them to contribute decent work perspectives and priorities in national Cooperation Framework, Voluntary National Review and other strategic national development processes',
    '2019–20',
    'Started/ongoing',
  ],
  ['Component 2: Maximizing the opportunities of UN reform to promote tripartism and support member States in achieving decent work'],
  ['3. Revision and update of DWCP guidance to align it with the Cooperation Framework process', 'By end 2019', 'Interim guidance completed, full revision by end 2020'],
  [
    '4. Development of awareness-raising, training and information resources for ILO field and headquarters staff on working within the reformed UN at the country level to promote the ILO mandate and engagement of constituents',
    'By end 2019',
    'Started/ongoing',
  ],
  [
    '5. Training and support for ILO staff in field offices on pooled funding mechanisms to better equip them to take advantage of joint funding opportunities',
    '2019–20',
    'Started/ongoing',
  ],
  ['6. Preparation of training modules and information resources for RCs in collaboration with the International Training Centre of the ILO', 'By end 2019', 'Starting 2020'],
  [
    '7. Review of the configuration of ILO technical capacities and expertise in programming, resource mobilization and partnership building to maximize contributions in view of new Cooperation Frameworks and RC system arrangements (based on the Plan of Action 2019 towards the preparation of the ILO Development Cooperation Strategy 2020–25)',
    'By mid-2020',
    'Starting 2020',
  ],
  [
    '8. Assessments of how the UN Common Approach to Due Diligence for Private Sector Partnerships can be followed by the ILO, and of further opportunities and possible roles in the UN-wide due diligence approach, in particular regarding the labour principles and the promotion of fundamental principles and rights at work',
    'By October 2019',
    'Ongoing',
  ],
  ["Component 3: Advancing the Office's operational integration with the UN at the country level with respect for ILO values"],
  ['9. Strategy to advance mutual recognition as a means to promote further integration in common services', 'By end 2019', 'Started/ongoing'],
  ['10. Review and revision of ILO Country Director job descriptions', 'By end March 2019', 'Completed'],
  [
    '11. Internal consultation on changes to performance management system and staff regulations',
    'By end 2019',
    'Starting 2020 following revision and UNSDG endorsement of the MAF',
  ],
  [
    "12. Reinforcement of the ILO's preparatory development programme for ILO officials interested in the resident coordinator selection process",
    'By mid-2019',
    'Completed/ongoing',
  ],
];

// 002, "Measurement" tables of outcomes 1–3. The seed heads outcome 3's first column "Indicator" although it
// lists three; devcoop writes "Indicators" for every outcome (the one deliberate difference).
const MEASUREMENT = {
  'Outcome 1': [
    ['Outcome 1', '', ''],
    ['Indicators', 'Baseline', 'Target for 2010–15'],
    ['1.1. Percentage of resource gaps identified in the outcome-based workplan exercise are adequately filled', 'TC results for 2008–09 *', '90 per cent'],
    [
      '1.2. Percentage of voluntary funding mobilized through RBSA, quality partnership agreements, One UN Funds, or direct project support to Decent Work Country Programme and programme and budget outcomes',
      'TC results for 2008–09',
      '80 per cent',
    ],
    ['Biennial milestones'],
    ['2010–11', '2012–13', '2014–15'],
    ['1.1. 70 per cent', '80 per cent', '90 per cent'],
    ['1.2. 60 per cent', '70 per cent', '80 per cent'],
  ],
  'Outcome 2': [
    ['Outcome 2', '', ''],
    ['Indicators', 'Baseline', 'Target for 2010–15'],
    ['2.1. Percentage of technical cooperation proposals approved through quality control mechanism', 'TC results for 2008–09', '100 per cent'],
    ['2.2. Delivery rate (expenditure/allocation)', 'TC results for 2008–09', '90 per cent overall'],
    ['Biennial milestones'],
    ['2010–11', '2012–13', '2014–15'],
    ['2.1. Appraisal: 75 per cent', '90 per cent', '100 per cent'],
    ['2.2. Delivery: 75 per cent By the end of 2011 there will also be a results-based implementation monitoring system in place', '85 per cent', '90 per cent'],
  ],
  'Outcome 3': [
    ['Outcome 3', '', ''],
    ['Indicators', 'Baseline', 'Target for 2010–15'],
    ['3.1. Number of UNDAFs that reflect Decent Work Country Programme and/or other decent work priorities.', 'To be set in 2010', '50 per cent increase over baseline'],
    [
      '3.2. Number of Decent Work Country Programmes in which tripartite constituents participate to their satisfaction.',
      'To be set in 2010',
      '80 per cent increase over baseline',
    ],
    ['3.3. Number of UNDAFs in which tripartite constituents participate to their satisfaction.', 'To be set in 2010', '40 per cent increase over baseline'],
    ['Biennial milestones'],
    ['2010–11', '2012–13', '2014–15'],
    ['3.1. 20 per cent increase', '40 per cent increase', '50 per cent increase'],
    ['3.2. 30 per cent increase', '60 per cent increase', '80 per cent increase'],
    ['3.3. 20 per cent increase', '30 per cent increase', '40 per cent increase'],
  ],
};

// 002, Table 1. Estimated biennial cost of the enhanced Technical Cooperation Strategy ("US\$" unescaped)
const COSTING = [
  ['Outcomes', 'Estimated available resources', 'Key outputs', 'Resource gap'],
  [
    'Outcome 1',
    'Ca. US$3,600,000 (30 per cent)',
    'Resource mobilization Training on resource mobilization, technical cooperation planning in relation to outcome-based workplans Promotional strategy on public-private partnerships',
    'None',
  ],
  [
    'Outcome 2',
    'Ca. US$3,600,000 (30 per cent)',
    'Training on results-based project cycle management Quality control, monitoring and evaluation procedures and tools Knowledge-sharing procedures and tools',
    'None',
  ],
  [
    'Outcome 3',
    'Ca. US$4,800,000 (40 per cent)',
    'Promotion of decent work in the UN system Development of a strengthened capacity-building programme for constituents on Decent Work Country Programmes programming and in the context of UN reform',
    'US$1,480,000',
  ],
];

describe('the Governing Body tables reproduce the seed documents', () => {
  test('000 appendix: the status of the Plan of Action 2019–20 as at 2 March 2020, cell by cell', async () => {
    const doc = await buildReport(database.db, 'plan-progress', 'UNDS-POA-2019-20', '2020-03-02', actor, { symbol: 'GB.338/INS/9' });
    const t = table(doc.blocks, 'Appendix');
    assert.equal(
      t.caption,
      'Status of the Office Plan of Action 2019–20 to maximize the opportunities of the UN development system reform for the ILO and tripartite constituents',
    );
    const got = cells(t);
    assert.equal(got.length, APPENDIX_2019_20.length, 'as many rows as the seed');
    for (const [r, row] of APPENDIX_2019_20.entries()) assert.deepEqual(got[r], row, `row ${r + 1}`);
    assert.equal(doc.titleBlock.symbol, 'GB.338/INS/9');
    assert.equal(doc.titleBlock.date, 'Date: 2 March 2020');
  });

  test('002 measurement tables of the three outcomes, cell by cell', async () => {
    const doc = await buildReport(database.db, 'strategy-measurement', 'TC-STRATEGY-2010-15', '2011-06-30', actor);
    for (const [name, expected] of Object.entries(MEASUREMENT)) {
      const got = cells(table(doc.blocks, name));
      assert.equal(got.length, expected.length, `${name}: as many rows as the seed`);
      for (const [r, row] of expected.entries()) assert.deepEqual(got[r], row, `${name}, row ${r + 1}`);
    }
    const note = doc.blocks.find((b) => b.kind === 'paragraph' && b.note && b.text.startsWith('*'));
    assert.deepEqual(note, { kind: 'paragraph', note: true, text: '* To be reported to the Committee at the 307th Session (March 2010) of the Governing Body.' });
  });

  test('002 Table 1 (costing), cell by cell, with the shares computed from the amounts', async () => {
    const doc = await buildReport(database.db, 'strategy-measurement', 'TC-STRATEGY-2010-15', '2011-06-30', actor);
    const t = table(doc.blocks, 'Costing');
    assert.equal(t.caption, 'Table 1. Estimated biennial cost of the enhanced Technical Cooperation Strategy');
    const got = cells(t).map((row) => row.map((c) => c.replace(/\n/g, ' ')));
    assert.deepEqual(got, COSTING);
  });

  test('"status as at" reproduces what was reported then: nothing before the first update, the 2000 status for 004', async () => {
    const before = await buildReport(database.db, 'plan-progress', 'UNDS-POA-2019-20', '2019-12-31', actor);
    const statuses = table(before.blocks, 'Appendix').rows.flatMap((r) => ('cells' in r ? [r.cells[2]] : []));
    assert.deepEqual([...new Set(statuses)], ['No status reported yet']);
    const p1999 = await buildReport(database.db, 'plan-progress', 'TC-IMPL-1999', '2000-08-31', actor);
    const t = table(p1999.blocks, 'Appendix');
    assert.deepEqual(t.columns, ['Issues to be addressed', 'Context and elements for action', 'Time-frame', 'Status as at 31 August 2000']);
    assert.deepEqual(t.rows[0], { group: 'Part I – Enhancing the relevance and effectiveness of ILO technical cooperation' });
    assert.deepEqual((t.rows[1] as { cells: string[] }).cells.slice(2), [
      'Completed by April 2000',
      'Draft internal guidelines prepared and disseminated to all Executive and Regional Directors in July. Currently under discussion.',
    ]);
  });

  test('in French and Spanish: the frame follows the reader, the data stays as entered', async () => {
    const fr = await buildReport(database.db, 'plan-progress', 'UNDS-POA-2019-20', '2020-03-02', actor, {}, 'fr');
    const t = table(fr.blocks, 'Appendix');
    assert.deepEqual(t.columns, ['Mesure', 'Échéance', 'État']);
    assert.deepEqual(cells(t)[2], APPENDIX_2019_20[2], 'the items as entered');
    assert.equal(fr.titleBlock.body, "Conseil d'administration");
    assert.equal(fr.asAt, 'État au 2 mars 2020');
    assert.equal(fr.language, 'fr');
    const es = await buildReport(database.db, 'strategy-measurement', 'TC-STRATEGY-2010-15', '2011-06-30', actor, {}, 'es');
    assert.deepEqual(cells(table(es.blocks, 'Outcome 1'))[1], ['Indicadores', 'Línea de base', 'Meta para 2010–15']);
    assert.equal(es.asAt, 'Medición al 30 de junio de 2011');
    assert.deepEqual(cells(table(es.blocks, 'Costing'))[3]?.slice(0, 2), ['Resultado 3', 'Aprox. US$4,800,000 (40 por ciento)']);
  });

  test('overdue items as at 2 March 2020 are named under the appendix', async () => {
    const doc = await buildReport(database.db, 'plan-progress', 'UNDS-POA-2019-20', '2020-03-02', actor);
    const note = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('Overdue'));
    assert.ok(note && note.kind === 'paragraph');
    // due by end 2019 or October 2019 and not completed: 3, 4, 6, 8, 9, 11 (1, 10 and 12 are completed; 2, 5, 7 not yet due)
    const numbers = [...note.text.matchAll(/(?:: |; )(\d+) \(/g)].map((m) => m[1]);
    assert.deepEqual(numbers, ['3', '4', '6', '8', '9', '11']);
  });
});
