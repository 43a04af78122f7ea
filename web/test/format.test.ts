import { describe, expect, it } from 'vitest';
import {
  compareDecimal,
  formatDecimal,
  formatEuros,
  formatEurosHT,
  formatInhabitants,
  formatRating,
  isZeroDecimal,
  parseAmountInput,
  parseIntegerInput,
} from '../src/lib/format';
import { nextDeploymentStatuses } from '../src/lib/labels';
import { safeReturnPath } from '../src/lib/navigation';
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

describe('form input conversion', () => {
  it('reads amounts typed in French as the decimal string the API takes', () => {
    expect(parseAmountInput('1234,50')).toBe('1234.50');
    expect(parseAmountInput('1234.50')).toBe('1234.50');
    expect(parseAmountInput(' 1\u202f234,5 € ')).toBe('1234.5');
    expect(parseAmountInput('12,34,5')).toBeNull();
    expect(parseAmountInput('-3')).toBeNull();
    expect(parseAmountInput('abc')).toBeNull();
    expect(parseIntegerInput('12 000')).toBe(12000);
    expect(parseIntegerInput('2,5')).toBeNull();
  });

  it('formats amounts HT, mean ratings and raw decimals in French', () => {
    expect(normalizeSpaces(formatEurosHT('1234.5'))).toBe('1 234,50 € HT');
    expect(formatEurosHT(null)).toBe('—');
    expect(formatRating('4.17')).toBe('4,2');
    expect(formatRating('4')).toBe('4,0');
    expect(normalizeSpaces(formatDecimal('12345.0042'))).toBe('12 345,0042');
  });

  it('offers only the statuses a deployment may move to', () => {
    expect(nextDeploymentStatuses()).toEqual(['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED']);
    expect(nextDeploymentStatuses('PILOT')).toEqual(['PILOT', 'PRODUCTION', 'ABANDONED']);
    expect(nextDeploymentStatuses('ABANDONED')).toEqual(['ABANDONED']);
  });

  it('only returns to a path of the app after signing in', () => {
    expect(safeReturnPath('/catalogue/albert')).toBe('/catalogue/albert');
    expect(safeReturnPath('//evil.example')).toBe('/mon-organisation');
    expect(safeReturnPath('https://evil.example')).toBe('/mon-organisation');
    expect(safeReturnPath(null)).toBe('/mon-organisation');
  });
});
