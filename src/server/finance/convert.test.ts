import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convert, MissingRate, type RateTable } from './convert.ts';

const rates: RateTable = new Map([
  ['EUR/2024-03', { perUsd: '0.92', source: 'UN operational rates' }],
  ['NOK/2024-03', { perUsd: '10.5', source: 'UN operational rates' }],
  ['CHF/2024-03', { perUsd: '0.88', source: 'UN operational rates' }],
]);

describe('currency conversion at dated rates (hand-checked)', () => {
  test('into US dollars: 920 EUR at 0.92 EUR/USD is 1,000.00 USD, with the rate named', () => {
    const c = convert('920.00', 'EUR', '2024-03-01', 'USD', rates);
    assert.equal(c.amount, '1000.00');
    assert.equal(c.basis, '2024-03: 0.92 EUR/USD (UN operational rates)');
  });
  test('between two non-dollar currencies through the dollar: 1,050 NOK → 100 USD → 88.00 CHF', () => {
    assert.equal(convert('1050', 'NOK', '2024-03-01', 'CHF', rates).amount, '88.00');
  });
  test('no conversion, no basis, when the currency is the reporting currency', () => {
    assert.deepEqual(convert('12.5', 'USD', '2024-03-01', 'USD', rates), { amount: '12.50', basis: '' });
  });
  test('a month without a rate is a clear error', () => {
    assert.throws(
      () => convert('1', 'EUR', '2024-04-01', 'USD', rates),
      (e: Error) => e instanceof MissingRate && /no exchange rate for EUR in 2024-04/.test(e.message),
    );
  });
});
