import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { monthlyTransactions } from './iati-money.ts';

describe('IATI money', () => {
  test('monthly transactions are the differences of cumulative figures at the currency decimals, disbursements apart', () => {
    const out = monthlyTransactions({ project_id: 'p', year: 2024, currency: 'JPY', e: ['100.4', '100.4', '300.6', null], c: null, d: [null, null, '50'] }, '2024-03-15');
    // JPY has no decimals: 100.4 → 100, 300.6 → 301; March spends 201 of which 50 is a disbursement; April is after today.
    assert.deepEqual(
      out.map((t) => [t.kind, t.period, t.amount]),
      [
        ['expenditure', '2024-01-01', '100'],
        ['disbursement', '2024-03-01', '50'],
        ['expenditure', '2024-03-01', '151'],
      ],
    );
  });
});
