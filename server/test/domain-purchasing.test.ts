import { describe, expect, it } from 'vitest';
import { dec } from '../src/shared/money.ts';
import { csvText, frenchNumber } from '../src/modules/purchasing/exports.ts';
import {
  allocate,
  allocationRuleError,
  answerError,
  eligibilityError,
  groupEconomics,
  groupPath,
  invitationError,
  membershipChangeError,
  populationWeights,
  priceFor,
  transitionError,
  type MemberInput,
} from '../src/modules/purchasing/rules.ts';

const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), dec(0)).toFixed(2);
const member = (over: Partial<MemberInput>): MemberInput => ({
  organizationId: 1, status: 'COMMITTED', estimatedVolume: null, committedVolume: '10', population: 1000, currentAnnualCost: null, ...over,
});
const tiers = [
  { minVolume: '100', unitPrice: '90' },
  { minVolume: '200', unitPrice: '80' },
];

describe('pooled price and tiers', () => {
  it.each([
    ['99', -1, '100', '1'],
    ['100', 0, '90', '100'],
    ['101', 0, '90', '99'],
    ['199', 0, '90', '1'],
    ['200', 1, '80', null],
  ])('volume %s → tier %i at %s €, %s missing to the next tier', (volume, tierIndex, unitPrice, missing) => {
    const price = priceFor(volume, '100', tiers);
    expect(price.tierIndex).toBe(tierIndex);
    expect(price.unitPrice.toString()).toBe(unitPrice);
    expect(price.nextTier?.missingVolume ?? null).toBe(missing);
  });
});

describe('largest-remainder allocation', () => {
  it('adds up exactly to the total, to the cent', () => {
    const shares = allocate('100.00', [1, 1, 1]);
    expect(shares).toEqual(['33.34', '33.33', '33.33']);
    expect(sum(shares)).toBe('100.00');
  });

  it('splits 5 ways by the largest remainder, to the exact cent', () => {
    // 123,457 cents by weights summing to 118489 + 9123 + 5412 + 1 + 77777 = 210,802:
    //   123457 × 118489 / 210802 = 69393.537…  → 69393, remainder .537
    //   123457 ×   9123 / 210802 =  5342.920…  →  5342, remainder .920
    //   123457 ×   5412 / 210802 =  3169.559…  →  3169, remainder .559
    //   123457 ×      1 / 210802 =     0.586…  →     0, remainder .586
    //   123457 ×  77777 / 210802 = 45550.398…  → 45550, remainder .398
    // floors sum to 123,454: the 3 cents left go to the largest remainders (.920, .586, .559)
    const odd = allocate('1234.57', ['118489', '9123', '5412', '1', '77777']);
    expect(odd).toEqual(['693.93', '53.43', '31.70', '0.01', '455.50']);
    expect(sum(odd)).toBe('1234.57');
  });

  it('breaks ties between equal remainders in input order', () => {
    // 1.00 € in 6 equal shares: 100 / 6 = 16.67 cents each → 16 each (96), the 4 cents left go to the first four
    expect(allocate('1.00', [1, 1, 1, 1, 1, 1])).toEqual(['0.17', '0.17', '0.17', '0.17', '0.16', '0.16']);
  });

  it('gives a zero-weight member nothing, and splits equally when every weight is zero', () => {
    expect(allocate('10.00', [0, 1])).toEqual(['0.00', '10.00']);
    expect(allocate('10.00', [0, 0])).toEqual(['5.00', '5.00']);
    expect(allocate('0.01', [1, 1, 1])).toEqual(['0.01', '0.00', '0.00']);
  });
});

describe('group economics by allocation rule', () => {
  const members = [
    member({ organizationId: 1, committedVolume: '60', population: 100000 }),
    member({ organizationId: 2, committedVolume: '30', population: 20000 }),
    member({ organizationId: 3, committedVolume: '30', population: 10000, currentAnnualCost: '3500' }),
  ];
  it.each(['BY_POPULATION', 'BY_SEATS', 'BY_USAGE', 'EQUAL'] as const)('%s: shares sum exactly to the total', (rule) => {
    const e = groupEconomics({ listUnitPrice: '100', tiers, allocationRule: rule, members });
    expect(e).toMatchObject({ pooledVolume: '120', tierIndex: 0, unitPrice: '90', total: '10800.00', basis: 'COMMITTED' });
    expect(sum(e.shares.map((s) => s.share))).toBe('10800.00');
  });

  it('weights by population, by volume, or equally', () => {
    const share = (rule: 'BY_POPULATION' | 'BY_SEATS' | 'EQUAL') =>
      groupEconomics({ listUnitPrice: '100', tiers, allocationRule: rule, members }).shares.map((s) => s.share);
    expect(share('BY_POPULATION')).toEqual(['8307.69', '1661.54', '830.77']);
    expect(share('BY_SEATS')).toEqual(['5400.00', '2700.00', '2700.00']);
    expect(share('EQUAL')).toEqual(['3600.00', '3600.00', '3600.00']);
  });

  it('computes savings against buying alone at list price and against what members pay today', () => {
    const e = groupEconomics({ listUnitPrice: '100', tiers, allocationRule: 'BY_SEATS', members });
    expect(e.shares[0]).toMatchObject({ aloneCost: '6000.00', savingsVsAlone: '600.00', currentAnnualCost: null, savingsVsCurrent: null });
    expect(e.shares[2]).toMatchObject({ aloneCost: '3000.00', savingsVsAlone: '300.00', currentAnnualCost: '3500.00', savingsVsCurrent: '800.00' });
    expect(e.totalSavingsVsAlone).toBe('1200.00');
  });

  it('rounds a group total with a fraction of a cent once, half up, and the shares add up to it', () => {
    // 1 + 2 = 3 units × 0.335 € = 1.005 € → 1.01 (rounded down it would be 1.00)
    const e = groupEconomics({
      listUnitPrice: '0.335', tiers: [], allocationRule: 'BY_USAGE',
      members: [member({ organizationId: 1, committedVolume: '1' }), member({ organizationId: 2, committedVolume: '2' })],
    });
    expect(e.total).toBe('1.01');
    // 101 cents × 1/3 = 33.67 → 33, × 2/3 = 67.33 → 67; the cent left goes to the larger remainder (.67)
    expect(e.shares.map((s) => s.share)).toEqual(['0.34', '0.67']);
    expect(sum(e.shares.map((s) => s.share))).toBe(e.total);
    // alone: 1 × 0.335 = 0.335 → 0.34 and 2 × 0.335 = 0.67
    expect(e.shares.map((s) => s.aloneCost)).toEqual(['0.34', '0.67']);
  });

  it('prices a member buying alone at the tier its own volume reaches', () => {
    const e = groupEconomics({
      listUnitPrice: '100', tiers, allocationRule: 'BY_USAGE',
      members: [member({ organizationId: 1, committedVolume: '150' }), member({ organizationId: 2, committedVolume: '60' })],
    });
    // pooled 150 + 60 = 210 ≥ 200 → tier 1 at 80 €: 210 × 80 = 16,800 €; by usage 16,800 × 150/210 = 12,000 and × 60/210 = 4,800
    expect(e).toMatchObject({ pooledVolume: '210', tierIndex: 1, unitPrice: '80', total: '16800.00' });
    // alone, member 1 reaches tier 0 with its own 150: 150 × 90 = 13,500 € (not 150 × 100 = 15,000 at list price);
    // member 2's 60 stays at list price: 60 × 100 = 6,000 €
    expect(e.shares[0]).toMatchObject({ share: '12000.00', aloneCost: '13500.00', savingsVsAlone: '1500.00' });
    expect(e.shares[1]).toMatchObject({ share: '4800.00', aloneCost: '6000.00', savingsVsAlone: '1200.00' });
    // 1,500 + 1,200
    expect(e.totalSavingsVsAlone).toBe('2700.00');
  });

  it('counts a member with zero volume for nothing but keeps it in the table', () => {
    const e = groupEconomics({ listUnitPrice: '100', tiers, allocationRule: 'BY_SEATS', members: [...members, member({ organizationId: 4, committedVolume: '0' })] });
    expect(e.pooledVolume).toBe('120');
    expect(e.shares.find((s) => s.organizationId === 4)?.share).toBe('0.00');
  });

  it('drops a member that withdraws after committing, and the price follows the volume', () => {
    const withdrawn = members.map((m) => (m.organizationId === 1 ? { ...m, status: 'WITHDRAWN' as const } : m));
    const e = groupEconomics({ listUnitPrice: '100', tiers, allocationRule: 'BY_SEATS', members: withdrawn });
    expect(e).toMatchObject({ pooledVolume: '60', tierIndex: -1, unitPrice: '100', total: '6000.00', nextTier: { missingVolume: '40' } });
    expect(e.shares.map((s) => s.organizationId)).toEqual([2, 3]);
  });

  it('projects from the estimates of interested members before the first commitment', () => {
    const e = groupEconomics({
      listUnitPrice: '100', tiers, allocationRule: 'EQUAL',
      members: [member({ status: 'INTERESTED', estimatedVolume: '150', committedVolume: null })],
    });
    expect(e).toMatchObject({ basis: 'PROJECTED', pooledVolume: '150', committedVolume: '0', unitPrice: '90' });
  });
});

describe('projected unit price: the price if every interested member commits', () => {
  const interested = (organizationId: number, estimatedVolume: string) =>
    member({ organizationId, status: 'INTERESTED', estimatedVolume, committedVolume: null });

  it('prices the projected volume while the pooled volume is the committed one', () => {
    const e = groupEconomics({
      listUnitPrice: '100', tiers, allocationRule: 'BY_SEATS',
      members: [member({ organizationId: 1, committedVolume: '60' }), interested(2, '150')],
    });
    // committed 60 < 100 → list price 100 €; projected 60 + 150 = 210 ≥ 200 → tier 1 at 80 €
    expect(e).toMatchObject({ basis: 'COMMITTED', pooledVolume: '60', unitPrice: '100', projectedVolume: '210', projectedUnitPrice: '80' });
  });

  it('is the awarded price once the group is awarded (the awarded price replaces the list price and its tiers)', () => {
    // awarded at 85 €: the loader passes listUnitPrice 85 and no tiers, so 210 projected units stay at 85 € (not 80 €)
    const e = groupEconomics({
      listUnitPrice: '85', tiers: [], allocationRule: 'BY_SEATS',
      members: [member({ organizationId: 1, committedVolume: '60' }), interested(2, '150')],
    });
    expect(e).toMatchObject({ unitPrice: '85', projectedUnitPrice: '85' });
  });

  // The tiers of the demo group on Leakmited: 0.12 € per inhabitant, 0.10 € from 50,000, 0.08 € from 150,000
  // (given out of order: the rule sorts them). Threshold included: exactly 50,000 reaches 0.10 €.
  const leakmited = [
    { minVolume: '150000', unitPrice: '0.08' },
    { minVolume: '50000', unitPrice: '0.10' },
  ];
  it.each([
    ['0', '0.12'],
    ['49999', '0.12'],
    ['50000', '0.1'],
    ['50001', '0.1'],
    ['149999.99', '0.1'],
    ['150000', '0.08'],
    ['150000.00', '0.08'],
    ['1000000', '0.08'],
  ])('projected %s inhabitants → %s € each', (volume, unitPrice) => {
    const e = groupEconomics({ listUnitPrice: '0.12', tiers: leakmited, allocationRule: 'EQUAL', members: [interested(1, volume)] });
    expect(e.projectedUnitPrice).toBe(unitPrice);
  });

  it('compares volumes as decimals, not as text (9 is below a threshold of 10), and is the list price without tiers', () => {
    const small = [{ minVolume: '10', unitPrice: '1' }];
    const projected = (volume: string, tierList: typeof small) =>
      groupEconomics({ listUnitPrice: '2', tiers: tierList, allocationRule: 'EQUAL', members: [interested(1, volume)] }).projectedUnitPrice;
    expect([projected('9', small), projected('10', small), projected('100', small)]).toEqual(['2', '1', '1']);
    expect(projected('1000000', [])).toBe('2');
  });
});

describe('group rules', () => {
  const epci = { id: 10, kind: 'EPCI', epciId: null, departementCode: '25', regionCode: '27' };
  const member_ = { id: 11, kind: 'COMMUNE', epciId: 10, departementCode: '25', regionCode: '27' };
  const outsider = { id: 12, kind: 'EPCI', epciId: null, departementCode: '21', regionCode: '27' };
  it('checks eligibility', () => {
    expect(eligibilityError('EPCI_MEMBERS', epci, member_)).toBeNull();
    expect(eligibilityError('EPCI_MEMBERS', epci, outsider)).toMatch(/communes membres/);
    expect(eligibilityError('DEPARTEMENT', epci, outsider)).toMatch(/département/);
    expect(eligibilityError('REGION', epci, outsider)).toBeNull();
    expect(eligibilityError('EPCI_MEMBERS', epci, epci)).toBeNull();
  });
  it('follows the lifecycle and the deadline', () => {
    expect(transitionError('DRAFT', 'OPEN')).toBeNull();
    expect(transitionError('OPEN', 'AWARDED')).toMatch(/ouvert/);
    expect(transitionError('AWARDED', 'CANCELLED')).toMatch(/attribué/);
    const deadline = new Date('2026-12-31T23:59:59Z');
    expect(membershipChangeError('OPEN', deadline, new Date('2026-12-01'))).toBeNull();
    expect(membershipChangeError('OPEN', deadline, new Date('2027-01-01'))).toMatch(/date limite/);
    expect(membershipChangeError('CLOSED', deadline, new Date('2026-12-01'))).toMatch(/figés/);
    expect(allocationRuleError('BY_SEATS', 'INHABITANTS')).toMatch(/sièges/);
    expect(allocationRuleError('BY_POPULATION', 'SEATS')).toBeNull();
  });
});

describe('an EPCI beside its own communes (the coordinator as a member)', () => {
  // EPCI 10 (200,000 inhabitants, its communes included) with its commune 11 (120,000) and commune 12 of another EPCI (30,000):
  // the EPCI weighs 200,000 − 120,000 = 80,000; weights 80,000 / 120,000 / 30,000 (sum 230,000)
  const epci = member({ organizationId: 10, committedVolume: '80000', population: 200000 });
  const own = member({ organizationId: 11, committedVolume: '120000', population: 120000, epciId: 10 });
  const other = member({ organizationId: 12, committedVolume: '30000', population: 30000, epciId: 99 });

  it('counts no inhabitant twice', () => {
    expect(populationWeights([epci, own, other]).map(String)).toEqual(['80000', '120000', '30000']);
    // without its commune, the EPCI weighs its whole population
    expect(populationWeights([epci, other]).map(String)).toEqual(['200000', '30000']);
  });

  it('splits by those weights: 230,000 inhabitants at 0.01 € = 2,300 € → 800 / 1,200 / 300 €', () => {
    const e = groupEconomics({ listUnitPrice: '0.01', tiers: [], allocationRule: 'BY_POPULATION', members: [epci, own, other] });
    expect(e.total).toBe('2300.00');
    expect(e.shares.map((s) => s.share)).toEqual(['800.00', '1200.00', '300.00']);
  });

  it('never weighs an EPCI below zero', () => {
    expect(populationWeights([member({ organizationId: 10, population: 100 }), member({ organizationId: 11, population: 150, epciId: 10 })]).map(String)).toEqual(['0', '150']);
  });
});

describe('invitations', () => {
  const deadline = new Date('2030-06-30T00:00:00Z');
  const before = new Date('2030-06-01T00:00:00Z');
  it('are sent while the group is open and before its deadline', () => {
    expect(invitationError('OPEN', deadline, before)).toBeNull();
    expect(invitationError('DRAFT', deadline, before)).toMatch(/Ouvrez le groupement/);
    expect(invitationError('CLOSED', deadline, before)).toMatch(/figés/);
    expect(invitationError('OPEN', deadline, new Date('2030-07-01T00:00:00Z'))).toMatch(/date limite/);
  });
  it('are answered once', () => {
    expect(answerError('PENDING')).toBeNull();
    expect(answerError('ACCEPTED')).toBe('Cette invitation a déjà été acceptée.');
    expect(answerError('DECLINED')).toBe('Cette invitation a déjà été déclinée.');
  });
});

describe('readable group addresses', () => {
  it.each([
    [12, 'IA générative pour les communes du Doubs', '/groupements/12-ia-generative-pour-les-communes-du-doubs'],
    [3, 'Œuvres d’art & « IA » — Côte-d’Or', '/groupements/3-oeuvres-d-art-ia-cote-d-or'],
    [4, '!!!', '/groupements/4'],
    [5, 'Détection des fuites sur les réseaux d’eau potable des communes du Grand Besançon', '/groupements/5-detection-des-fuites-sur-les-reseaux-d-eau-potable-des'],
  ])('%i « %s » → %s', (id, title, path) => {
    expect(groupPath(id, title)).toBe(path);
  });
});

describe('export cells', () => {
  it('neutralises formulas and quotes separators', () => {
    expect(csvText('=HYPERLINK("http://x")', ';')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+33 1', ';')).toBe("'+33 1");
    expect(csvText('-1', ';')).toBe("'-1");
    expect(csvText('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvText('Saint-Vit; Doubs', ';')).toBe('"Saint-Vit; Doubs"');
    expect(csvText('Saint-Vit, Doubs', ',')).toBe('"Saint-Vit, Doubs"');
    expect(csvText('Saint-Vit, Doubs', ';')).toBe('Saint-Vit, Doubs');
  });
  it('writes French numbers from their Decimal text', () => {
    expect(frenchNumber('1234567.891', 2)).toBe('1\u202F234\u202F567,89');
    expect(frenchNumber('-1200.5', 2)).toBe('−1\u202F200,50');
    expect(frenchNumber('118489')).toBe('118\u202F489');
    expect(frenchNumber('0.07')).toBe('0,07');
  });
});
