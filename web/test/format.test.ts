import { describe, expect, it } from 'vitest';
import { compareDecimal, formatEuros, formatInhabitants, isZeroDecimal } from '../src/lib/format';
import { normalizeSpaces } from './helpers';

describe('decimal formatting', () => {
  it('formats exact decimal strings as euros without rounding small unit prices away', () => {
    expect(normalizeSpaces(formatEuros('14.99'))).toBe('14,99 €');
    expect(normalizeSpaces(formatEuros('1234567.5'))).toBe('1 234 567,50 €');
    expect(normalizeSpaces(formatEuros('0.0042'))).toBe('0,0042 €');
    // Beyond float precision: formatted from the string, not from a Number.
    expect(normalizeSpaces(formatEuros('12345678901234567.89'))).toBe('12 345 678 901 234 567,89 €');
    expect(formatEuros('abc')).toBe('abc €');
  });

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('14.99', '30.00')).toBeLessThan(0);
    expect(compareDecimal('9.5', '10')).toBeLessThan(0);
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-1', '0')).toBeLessThan(0);
    expect(compareDecimal('9007199254740993.01', '9007199254740993.001')).toBeGreaterThan(0);
    expect(isZeroDecimal('0.000')).toBe(true);
    expect(() => compareDecimal('1e3', '1')).toThrow(RangeError);
  });

  it('spells out populations', () => {
    expect(normalizeSpaces(formatInhabitants(198387))).toBe('198 387 habitants');
    expect(formatInhabitants(null)).toBe('non renseignée');
  });
});
