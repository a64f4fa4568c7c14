import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reasonText } from '../../shared/warning-reasons.ts';
import { evaluateWarnings, type ProjectFacts, type WarningRule } from './warning.rules.ts';

const rules: WarningRule[] = [
  { code: 'behind', name: 'Behind the time curve', kind: 'below_time_curve', params: { points: 20 } },
  { code: 'silent', name: 'No expenditure', kind: 'no_expenditure', params: { months: 3 } },
  { code: 'ending', name: 'Ending underspent', kind: 'ending_low_delivery', params: { months: 6, below: 70 } },
  { code: 'idle', name: 'Allocation idle', kind: 'allocation_not_committed', params: { share: 50, months: 3 } },
];
const facts = (over: Partial<ProjectFacts>): ProjectFacts => ({
  projectId: 'p',
  code: 'P',
  plannedEnd: '2027-12-31',
  allocation: '100000',
  expenditure: '60000',
  commitments: '0',
  lastExpenditure: '2024-06-01',
  ...over,
});

describe('early-warning rules (hand-checked)', () => {
  test('below the time curve: on 1 Oct 2024 (74.9% of a leap year elapsed) 40% delivered is 34.9 points behind', () => {
    const w = evaluateWarnings([facts({ expenditure: '40000', lastExpenditure: '2024-09-01' })], rules.slice(0, 1), '2024-10-01');
    assert.deepEqual(
      w.map((x) => x.reason),
      ['Delivery 40% while 74.9% of the year has elapsed: 34.9 points behind (threshold 20)'],
    );
    assert.deepEqual(evaluateWarnings([facts({ expenditure: '60000' })], rules.slice(0, 1), '2024-10-01'), [], '60% is 14.9 points behind: under the threshold');
  });
  test('no expenditure for three months', () => {
    const [w] = evaluateWarnings([facts({ lastExpenditure: '2024-06-01' })], rules.slice(1, 2), '2024-09-15');
    assert.equal(w?.reason, 'No expenditure since 2024-06: 3 months (threshold 3)');
    assert.deepEqual(evaluateWarnings([facts({ lastExpenditure: '2024-07-01' })], rules.slice(1, 2), '2024-09-15'), []);
  });
  test('ending within six months with delivery below 70%', () => {
    const [w] = evaluateWarnings([facts({ plannedEnd: '2025-03-31', expenditure: '55000' })], rules.slice(2, 3), '2024-10-01');
    assert.equal(w?.reason, 'Ends 2025-03-31 (5 months) with delivery at 55%, below 70%');
  });
  test('allocation neither spent nor committed late in the year', () => {
    const [w] = evaluateWarnings([facts({ expenditure: '30000', commitments: '10000' })], rules.slice(3), '2024-10-15');
    assert.equal(w?.reason, '60% of the allocation is neither spent nor committed with 2 months of the year left (threshold 50%)');
    assert.deepEqual(evaluateWarnings([facts({ expenditure: '30000', commitments: '10000' })], rules.slice(3), '2024-06-15'), [], 'too early in the year');
  });
  test('the reasons in French and Spanish: the same numbers, decimal commas', () => {
    const [behind] = evaluateWarnings([facts({ expenditure: '40000', lastExpenditure: '2024-09-01' })], rules.slice(0, 1), '2024-10-01');
    assert.equal(reasonText(behind?.why ?? { kind: 'no_expenditure_ever' }, 'fr'), 'Exécution de 40 % alors que 74,9 % de l’année est écoulé : 34,9 points de retard (seuil 20)');
    assert.equal(
      reasonText(behind?.why ?? { kind: 'no_expenditure_ever' }, 'es'),
      'Ejecución del 40 % cuando ha transcurrido el 74,9 % del año: 34,9 puntos de retraso (umbral 20)',
    );
    const [idle] = evaluateWarnings([facts({ expenditure: '30000', commitments: '10000' })], rules.slice(3), '2024-10-15');
    assert.equal(reasonText(idle?.why ?? { kind: 'no_expenditure_ever' }, 'fr'), '60 % de l’allocation n’est ni dépensé ni engagé à 2 mois de la fin de l’année (seuil 50 %)');
  });
  test('one month is singular in each language, more are plural', () => {
    const [one] = evaluateWarnings([facts({ expenditure: '30000', commitments: '10000' })], rules.slice(3), '2024-11-15');
    assert.equal(one?.reason, '60% of the allocation is neither spent nor committed with 1 month of the year left (threshold 50%)');
    const why = { kind: 'ending_low_delivery' as const, end: '2024-12-31', months: 1, delivery: 55, below: 70 };
    assert.equal(reasonText(why, 'es'), 'Termina el 2024-12-31 (en 1 mes) con una ejecución del 55 %, por debajo del 70 %');
    assert.equal(reasonText({ ...why, months: 2 }, 'es'), 'Termina el 2024-12-31 (en 2 meses) con una ejecución del 55 %, por debajo del 70 %');
    assert.equal(reasonText({ ...why, months: 0 }, 'en'), 'Ends 2024-12-31 (0 months) with delivery at 55%, below 70%');
    assert.equal(reasonText(why, 'fr'), 'Se termine le 2024-12-31 (dans 1 mois) avec une exécution de 55 %, sous 70 %');
  });
});
