import { describe, expect, it } from 'vitest';
import { sumDecimals, toDrawingNumber } from '../src/screens/groups/groupMath';
import { groupIdFromSegment, groupNumber, groupPath } from '../src/screens/groups/groupPath';

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

describe('readable group addresses', () => {
  // the same examples as the server's (server/test/domain-purchasing.test.ts), which writes these links in notifications
  const id = (n: number) => btoa(`PurchasingGroup:${n}`);
  it.each([
    [12, 'IA générative pour les communes du Doubs', '/groupements/12-ia-generative-pour-les-communes-du-doubs'],
    [3, 'Œuvres d’art & « IA » — Côte-d’Or', '/groupements/3-oeuvres-d-art-ia-cote-d-or'],
    [4, '!!!', '/groupements/4'],
    [5, 'Détection des fuites sur les réseaux d’eau potable des communes du Grand Besançon', '/groupements/5-detection-des-fuites-sur-les-reseaux-d-eau-potable-des'],
  ])('%i « %s » → %s', (n, title, path) => {
    expect(groupPath({ id: id(n), title })).toBe(path);
  });

  it('reads the group back from the new and the old addresses', () => {
    expect(groupIdFromSegment('12-ia-generative-pour-les-communes-du-doubs')).toBe(id(12));
    expect(groupIdFromSegment('12')).toBe(id(12));
    expect(groupIdFromSegment(id(12))).toBe(id(12));
    expect(groupNumber(id(12))).toBe(12);
    expect(groupNumber(btoa('Tool:12'))).toBeNull();
    expect(groupNumber('pas du base64 !')).toBeNull();
    expect(groupPath({ id: 'inconnu', title: 'Titre' })).toBe('/groupements/inconnu');
  });
});
