import { describe, expect, it } from 'vitest';
import { sumDecimals, toDrawingNumber } from '../src/screens/groups/groupMath';

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
