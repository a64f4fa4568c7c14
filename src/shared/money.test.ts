import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { amountProblem, currencyDecimals, fromUnits, multiply, ratioPercent, roundUnits, sameDecimal, sum, toUnits, wholePercent } from './money.ts';

describe('money', () => {
  test('decimals per currency come from ISO 4217 (CLDR)', () => {
    assert.deepEqual([currencyDecimals('EUR'), currencyDecimals('JPY'), currencyDecimals('KWD'), currencyDecimals('CHF')], [2, 0, 3, 2]);
  });
  test('an amount with more decimals than its currency allows is refused with the reason', () => {
    assert.equal(amountProblem('100.50', 'EUR'), null);
    assert.equal(amountProblem('100.5', 'JPY'), 'JPY has 0 decimals; 100.5 has 1');
    assert.equal(amountProblem('100.000', 'JPY'), null, 'trailing zeros are not decimals');
    assert.equal(amountProblem('-5', 'USD'), 'must not be negative');
    assert.equal(amountProblem('1e5', 'USD'), 'a decimal amount such as 1250.50');
  });
  test('exact arithmetic: sums and levies without float error', () => {
    assert.equal(sum(['0.10', '0.20']), '0.30');
    assert.equal(multiply('1234567.89', '0.01'), '12345.68', '1% of 1,234,567.89, rounded half up to cents');
    assert.equal(multiply('150', '0.01', 0), '2', '1.5 rounds half away from zero');
    assert.equal(multiply('999999999999.99', '0.01'), '10000000000.00');
  });
  test('amounts compared exactly: equal however written, different where floats see one number', () => {
    assert.equal(sameDecimal('1250.5', '1250.5000'), true);
    assert.equal(Number('9007199254740993') === Number('9007199254740992'), true, 'the float comparison this replaces');
    assert.equal(sameDecimal('9007199254740993', '9007199254740992'), false);
    assert.equal(sameDecimal('1234567890123.4567', '1234567890123.4568'), false);
    assert.equal(sameDecimal('123456789012.12345678', '123456789012.12345679'), false, 'exchange rates: 20 digits');
    assert.deepEqual([sameDecimal('0012.50', '12.5'), sameDecimal('-0.00', '0'), sameDecimal('-1', '1'), sameDecimal('0.000', '0')], [true, true, false, true]);
  });
  test('percentages worded exactly, half away from zero, where floats round down', () => {
    assert.equal((Number('0.1235') * 100).toFixed(1), '12.3', 'a float: 12.35 is 12.3499… in binary');
    assert.deepEqual(
      [ratioPercent('0.1235'), ratioPercent('0.1234'), ratioPercent('0.5812', 2), ratioPercent('1.0000', 2), ratioPercent('0.0000')],
      ['12.4', '12.3', '58.12', '100.00', '0.0'],
    );
    assert.equal(Math.round((Number('0.29') * 100) / Number('2')), 14, 'a float: 14.5 is 14.4999… in binary');
    assert.deepEqual([wholePercent(toUnits('0.29'), toUnits('2')), wholePercent(toUnits('1'), toUnits('3')), wholePercent(toUnits('5'), 0n)], [15, 33, null]);
  });
  test('rounding in units: half away from zero, at the currency decimals', () => {
    const r = (a: string, d: number) => fromUnits(roundUnits(toUnits(a), d), 4);
    assert.deepEqual([r('2.345', 2), r('-2.345', 2), r('2.3449', 2), r('0.5', 0), r('-0.5', 0), r('1.0005', 3)], ['2.3500', '-2.3500', '2.3400', '1.0000', '-1.0000', '1.0010']);
  });
});
