import { describe, expect, it } from 'vitest';
import { directoryConditions, normalizeOrganizationName, parseOrganizationSearch } from '../src/modules/organizations/rules.ts';

describe('normalizeOrganizationName', () => {
  it('writes a name as the searchName column holds it: lower case, no accents, hyphens and apostrophes as spaces', () => {
    expect(normalizeOrganizationName('Saône')).toBe('saone');
    expect(normalizeOrganizationName('  SAINT-DENIS ')).toBe('saint denis');
    expect(normalizeOrganizationName("Saint-Denis-de-l'Hôtel")).toBe('saint denis de l hotel');
    expect(normalizeOrganizationName('L’Haÿ-les-Roses')).toBe('l hay les roses');
    expect(normalizeOrganizationName('Œuilly')).toBe('oeuilly');
  });

  it('spells out « St » and « Ste » as the registry does, but not inside a word', () => {
    expect(normalizeOrganizationName('St-Denis')).toBe('saint denis');
    expect(normalizeOrganizationName('Ste Marie')).toBe('sainte marie');
    expect(normalizeOrganizationName('Stenay')).toBe('stenay');
    expect(normalizeOrganizationName('Ville-St-Jacques')).toBe('ville saint jacques');
  });
});

describe('parseOrganizationSearch', () => {
  it('reads nine digits as a SIREN, spaces allowed', () => {
    expect(parseOrganizationSearch('212505325')).toEqual({ by: 'siren', value: '212505325' });
    expect(parseOrganizationSearch(' 212 505 325 ')).toEqual({ by: 'siren', value: '212505325' });
  });

  it('reads five characters as a commune code, Corsica’s 2A/2B in either case', () => {
    expect(parseOrganizationSearch('25532')).toEqual({ by: 'insee', value: '25532' });
    expect(parseOrganizationSearch('2a004')).toEqual({ by: 'insee', value: '2A004' });
    expect(parseOrganizationSearch('97411')).toEqual({ by: 'insee', value: '97411' });
  });

  it('reads anything else as the words of a name', () => {
    expect(parseOrganizationSearch('Saint-Denis')).toEqual({ by: 'name', phrase: 'saint denis', words: ['saint', 'denis'] });
    // not a code: a letter other than A/B after 2, too few or too many digits
    expect(parseOrganizationSearch('2C004')).toEqual({ by: 'name', phrase: '2c004', words: ['2c004'] });
    expect(parseOrganizationSearch('2553')).toEqual({ by: 'name', phrase: '2553', words: ['2553'] });
    expect(parseOrganizationSearch('2125053250')).toEqual({ by: 'name', phrase: '2125053250', words: ['2125053250'] });
  });

  it('finds nothing to search in punctuation only', () => {
    expect(parseOrganizationSearch(' - ’ ')).toBeNull();
    expect(parseOrganizationSearch('')).toBeNull();
  });
});

describe('directoryConditions', () => {
  it('keeps the filters but the search, a département code in upper case', () => {
    expect(directoryConditions({ kind: 'COMMUNE', departement: '2a', search: 'ajaccio' })).toEqual({ kind: 'COMMUNE', departementCode: '2A' });
    expect(directoryConditions(null)).toEqual({});
  });
});
