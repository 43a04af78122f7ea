import { describe, expect, it } from 'vitest';
import { priceAtVolume, sumDecimals, toDrawingNumber } from '../src/screens/groups/groupMath';

// The tiers of the demo group on Leakmited: 0.12 € per inhabitant, 0.10 € from 50,000, 0.08 € from 150,000.
const tiers = [
  { minVolume: '150000', unitPrice: '0.08' },
  { minVolume: '50000', unitPrice: '0.10' },
];

describe('priceAtVolume: the tier a volume reaches (all units, threshold included)', () => {
  it.each([
    ['0', -1, '0.12'],
    ['49999', -1, '0.12'],
    // exactly at the threshold: the tier is reached
    ['50000', 0, '0.10'],
    ['50001', 0, '0.10'],
    ['149999.99', 0, '0.10'],
    ['150000', 1, '0.08'],
    ['150000.00', 1, '0.08'],
    ['1000000', 1, '0.08'],
  ])('%s → tier %i at %s €', (volume, tierIndex, unitPrice) => {
    expect(priceAtVolume(volume, '0.12', tiers)).toEqual({ tierIndex, unitPrice });
  });

  it('compares volumes as decimals, not as text: 9 is below a threshold of 10', () => {
    const small = [{ minVolume: '10', unitPrice: '1' }];
    expect(priceAtVolume('9', '2', small)).toEqual({ tierIndex: -1, unitPrice: '2' });
    expect(priceAtVolume('10', '2', small)).toEqual({ tierIndex: 0, unitPrice: '1' });
    expect(priceAtVolume('100', '2', small)).toEqual({ tierIndex: 0, unitPrice: '1' });
  });

  it('is the list price without tiers', () => {
    expect(priceAtVolume('1000000', '0.12', [])).toEqual({ tierIndex: -1, unitPrice: '0.12' });
  });
});

describe('sumDecimals', () => {
  it('adds decimal strings exactly', () => {
    // 0.1 + 0.2 = 0.3 exactly (0.30000000000000004 in floating point)
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    // 383.40 + 319.32 = 702.72
    expect(sumDecimals(['383.40', '319.32'])).toBe('702.72');
    // 9007199254740993 is not a double: 9007199254740993 + 0.01 = 9007199254740993.01
    expect(sumDecimals(['9007199254740993', '0.01'])).toBe('9007199254740993.01');
    expect(sumDecimals(['1.5', '-2.25'])).toBe('-0.75');
    expect(sumDecimals([])).toBe('0');
    expect(() => sumDecimals(['1e3'])).toThrow(RangeError);
  });

  it('draws only positive finite numbers', () => {
    expect(toDrawingNumber('12.5')).toBe(12.5);
    expect(toDrawingNumber(null)).toBe(0);
    expect(toDrawingNumber('-3')).toBe(0);
  });
});
