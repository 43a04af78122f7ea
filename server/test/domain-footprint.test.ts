import { describe, expect, it } from 'vitest';
import { bestOn } from '../src/modules/comparison/rules.ts';
import { chooseFigure, computeFootprint, gridFor, type FigureInput, type GridInput } from '../src/modules/comparison/footprint-rules.ts';

const grids: GridInput[] = [
  { zone: 'FR', gco2ePerKwh: '56', year: 2023, basis: 'Ember life-cycle', waterLPerKwh: '3.67' },
  { zone: 'FR', gco2ePerKwh: '44.18', year: null, basis: 'EcoLogits 0.9.1 mix' },
  { zone: 'US', gco2ePerKwh: '383.55', year: null, basis: 'EcoLogits 0.9.1 mix', waterLPerKwh: '3.13' },
];

describe('footprint', () => {
  it('figure-based: every measure from the published figure', () => {
    const figure: FigureInput = { method: 'PROVIDER_DECLARED', energyWhPerRequest: '0.24', gco2ePerRequest: '0.03', waterMlPerRequest: '0.26' };
    const result = computeFootprint([figure], grids, { requestsPerMonth: 20000 }, 'US');
    // 240,000 requests × 0.24 Wh = 57.6 kWh; × 0.03 g = 7.2 kg; × 0.26 mL = 62.4 L (the US mix is not used)
    expect(result).toMatchObject({
      known: true,
      method: 'PROVIDER_DECLARED',
      requestsPerYear: 240000,
      kwh: { value: '57.600', basis: 'FIGURE' },
      kgco2e: { value: '7.200', basis: 'FIGURE' },
      waterL: { value: '62.400', basis: 'FIGURE' },
      derivedFromGrid: false,
    });
  });

  it('grid-based: CO2e and water from the energy and the hosting country’s mix when the figure has none', () => {
    const figure: FigureInput = { method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '2' };
    const result = computeFootprint([figure], grids, { requestsPerMonth: 1000 }, 'FR');
    // 12,000 requests × 2 Wh = 24 kWh; × 56 g/kWh (Ember 2023, the most recent year) = 1.344 kg; × 3.67 L/kWh = 88.08 L
    expect(result).toMatchObject({
      known: true,
      kwh: { value: '24.000', basis: 'FIGURE' },
      kgco2e: { value: '1.344', basis: 'GRID' },
      waterL: { value: '88.080', basis: 'GRID' },
      derivedFromGrid: true,
      grid: { zone: 'FR', basis: 'Ember life-cycle' },
    });
  });

  it('uses the country the impact figure carries, over the tool’s hosting country, for the grid intensity', () => {
    const figure: FigureInput = { method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '2', hostingCountry: 'FR' };
    const result = computeFootprint([figure], grids, { requestsPerMonth: 1000 }, 'US');
    // 12,000 requests × 2 Wh = 24 kWh; FR (the figure's country): × 56 g/kWh = 1.344 kg, × 3.67 L/kWh = 88.08 L.
    // With the tool's country (US) it would be 24 × 383.55 / 1000 = 9.205 kg and 24 × 3.13 = 75.12 L.
    expect(result).toMatchObject({
      known: true,
      kwh: { value: '24.000', basis: 'FIGURE' },
      kgco2e: { value: '1.344', basis: 'GRID' },
      waterL: { value: '88.080', basis: 'GRID' },
      grid: { zone: 'FR', basis: 'Ember life-cycle' },
    });
    // without a country of its own, the figure falls back to the tool's: US → 9.205 kg, 75.120 L
    const fallback = computeFootprint([{ method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '2' }], grids, { requestsPerMonth: 1000 }, 'US');
    expect(fallback).toMatchObject({ kgco2e: { value: '9.205', basis: 'GRID' }, waterL: { value: '75.120', basis: 'GRID' }, grid: { zone: 'US' } });
  });

  it('unknown: says why, never zero', () => {
    expect(computeFootprint([], grids, { requestsPerMonth: 10 })).toEqual({ known: false, reason: 'aucun chiffre d’impact publié pour cet outil' });
    expect(computeFootprint([{ method: 'MEASURED', energyWhPerRequest: '1' }], grids, {})).toEqual({ known: false, reason: 'nombre de requêtes mensuelles inconnu' });
    const noGrid = computeFootprint([{ method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '1' }], grids, { requestsPerMonth: 10 }, 'JP');
    expect(noGrid).toMatchObject({ known: true, kgco2e: { value: null, basis: 'UNKNOWN', reason: expect.stringMatching(/JP/) } });
    // 10 requests × 12 × 1.14 g = 136.8 g → 0.137 kg
    const noEnergy = computeFootprint([{ method: 'LCA_THIRD_PARTY', gco2ePerRequest: '1.14' }], grids, { requestsPerMonth: 10 }, 'SE');
    expect(noEnergy).toMatchObject({ kwh: { value: null, basis: 'UNKNOWN' }, kgco2e: { value: '0.137', basis: 'FIGURE' } });
  });

  it('never mixes methods: one figure, the most trustworthy method first, then the newest', () => {
    const figures: FigureInput[] = [
      { method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '8', sourceDate: '2025-11-12' },
      { method: 'LCA_THIRD_PARTY', gco2ePerRequest: '1.14', sourceDate: '2025-07-22' },
      { method: 'LCA_THIRD_PARTY', gco2ePerRequest: '2', sourceDate: '2024-01-01' },
    ];
    expect(chooseFigure(figures)?.gco2ePerRequest).toBe('1.14');
    // dates as the database gives them (Date objects): the newest wins, not the one whose text sorts last
    // (as text, 2025-01-01 is "Wed Jan 01 2025", after "Tue Jul 22 2025")
    const dated: FigureInput[] = [
      { method: 'LCA_THIRD_PARTY', gco2ePerRequest: 'old', sourceDate: new Date('2025-01-01') },
      { method: 'LCA_THIRD_PARTY', gco2ePerRequest: 'new', sourceDate: new Date('2025-07-22') },
      { method: 'LCA_THIRD_PARTY', gco2ePerRequest: 'older', sourceDate: new Date('2024-12-30') },
    ];
    expect(chooseFigure(dated)?.gco2ePerRequest).toBe('new');
  });

  it('breaks a tie of method and date on the first recorded figure, whatever the order the rows come in', () => {
    // API Mistral's two EcoLogits estimates of 2025-11-12: Mistral Large 2 (id 3) then Mistral Small 3 (id 4)
    const large = { id: 3, method: 'ECOLOGITS_ESTIMATE' as const, energyWhPerRequest: '7.9628', sourceDate: new Date('2025-11-12') };
    const small = { id: 4, method: 'ECOLOGITS_ESTIMATE' as const, energyWhPerRequest: '2.4052', sourceDate: new Date('2025-11-12') };
    expect(chooseFigure([large, small])).toBe(large);
    expect(chooseFigure([small, large])).toBe(large);
    expect(gridFor(grids, 'FR')?.basis).toBe('Ember life-cycle');
    expect(gridFor(grids, null)).toBeNull();
  });
});

describe('best on each dimension', () => {
  it('ignores unknown values, reports ties, and warns when footprint methods differ', () => {
    const best = bestOn([
      { slug: 'a', name: 'A', total: '100.00', kgco2e: '5.000', kwh: null, waterL: null, method: 'LCA_THIRD_PARTY', rating: '4.00', adoption: 3 },
      { slug: 'b', name: 'B', total: null, kgco2e: '2.000', kwh: '10.000', waterL: null, method: 'ECOLOGITS_ESTIMATE', rating: '4.00', adoption: 7 },
      { slug: 'c', name: 'C', total: '90.00', kgco2e: null, kwh: null, waterL: null, method: null, rating: null, adoption: 0 },
    ]);
    const get = (d: string) => best.find((b) => b.dimension === d)!;
    expect(get('COST')).toMatchObject({ toolSlugs: ['c'], note: 'Coût inconnu pour B.' });
    expect(get('CARBON')).toMatchObject({ toolSlugs: ['b'], note: 'Méthodes d’évaluation différentes : comparaison indicative. Émissions inconnues pour C.' });
    expect(get('RATING').note).toBe('Note inconnue pour C.');
    expect(get('RATING').toolSlugs).toEqual(['a', 'b']);
    expect(get('ADOPTION').toolSlugs).toEqual(['b']);
    expect(get('WATER').toolSlugs).toEqual([]);
  });
});
