import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeLevy } from './levy.rules.ts';

const rules = [{ rate: '0.0100', earmarking: 'tightly_earmarked', effective_from: '2019-01-01', source: 'GA 72/279' }];
const exemptions = [{ partner_type: 'programme_country', partner_id: null, reason: 'Domestic resources' }];
const agreement = (earmarking: string, partner_type = 'government', currency = 'EUR') => ({ earmarking, currency, partner_id: 'p1', partner_type });

describe('the 1% coordination levy (hand-checked)', () => {
  test('1% of each year of a tightly earmarked contribution from the year the rule took effect', () => {
    const lines = computeLevy(
      agreement('tightly_earmarked'),
      [
        { year: 2018, amount: '500000.00' },
        { year: 2019, amount: '1234567.89' },
        { year: 2020, amount: '250000.00' },
      ],
      rules,
      exemptions,
    );
    // 2018: before the rule → 0; 2019: 12,345.6789 → 12,345.68; 2020: 2,500.00
    assert.deepEqual(
      lines.map((l) => l.levy),
      ['0.00', '12345.68', '2500.00'],
    );
    assert.equal(lines[1]?.rule, 'GA 72/279');
  });
  test('no levy on softly earmarked or core funding', () => {
    assert.deepEqual(
      computeLevy(agreement('softly_earmarked'), [{ year: 2020, amount: '1000000' }], rules, exemptions).map((l) => l.levy),
      ['0.00'],
    );
  });
  test('an exempt partner type owes nothing, and the line says why', () => {
    const [line] = computeLevy(agreement('tightly_earmarked', 'programme_country'), [{ year: 2020, amount: '1000000' }], rules, exemptions);
    assert.equal(line?.levy, '0.00');
    assert.equal(line?.exemption, 'Domestic resources');
  });
  test("rounded to the currency's decimals (JPY has none)", () => {
    assert.deepEqual(
      computeLevy(agreement('tightly_earmarked', 'government', 'JPY'), [{ year: 2021, amount: '123456789' }], rules, exemptions).map((l) => l.levy),
      ['1234568'],
    );
  });
});
