import { describe, expect, it } from 'vitest';
import { cheapestPlan, computeTco, tierFor, yearlyQuantity, type PlanInput } from '../src/modules/comparison/tco-rules.ts';
import { dec } from '../src/shared/money.ts';

const known = (plan: PlanInput, profile: Parameters<typeof computeTco>[1]) => {
  const result = computeTco(plan, profile);
  if (!result.known) throw new Error(result.reason);
  return result;
};

describe('TCO for each pricing model', () => {
  it('FREE costs nothing but its setup fee', () => {
    expect(known({ pricingModel: 'FREE', unitPrice: '99', setupFee: '500' }, { years: 3 })).toMatchObject({ perYear: '0.00', total: '500.00' });
  });

  it('FLAT_YEAR: the yearly fee, whatever the volume', () => {
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '12000', setupFee: '3000' }, { years: 3, population: 1 })).toMatchObject({
      setup: '3000.00', perYear: '12000.00', total: '39000.00', cumulative: ['15000.00', '27000.00', '39000.00'],
    });
  });

  it('PER_SEAT_MONTH: seats × price × 12', () => {
    expect(known({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '14.99' }, { years: 2, seats: 50 })).toMatchObject({
      quantity: '50', perYear: '8994.00', total: '17988.00',
    });
  });

  it('PER_INHABITANT_YEAR: population × price, and the cost per inhabitant', () => {
    expect(known({ pricingModel: 'PER_INHABITANT_YEAR', unitPrice: '0.12' }, { years: 3, population: 198387 })).toMatchObject({
      perYear: '23806.44', total: '71419.32', perInhabitantPerYear: '0.12',
    });
  });

  it('PER_1K_REQUESTS: yearly thousands of requests × price', () => {
    expect(known({ pricingModel: 'PER_1K_REQUESTS', unitPrice: '40' }, { years: 1, requestsPerMonth: 20000 })).toMatchObject({
      quantity: '240', perYear: '9600.00',
    });
  });

  it('PER_MILLION_TOKENS: yearly tokens (1,000 per request by default) in millions × price', () => {
    expect(known({ pricingModel: 'PER_MILLION_TOKENS', unitPrice: '2.5596' }, { years: 1, requestsPerMonth: 20000 })).toMatchObject({
      quantity: '240', perYear: '614.30',
    });
    expect(known({ pricingModel: 'PER_MILLION_TOKENS', unitPrice: '2' }, { years: 1, requestsPerMonth: 1000, tokensPerRequest: 500 }).perYear).toBe('12.00');
  });

  it('says why a cost is unknown instead of returning zero', () => {
    expect(computeTco({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '10' }, { years: 3 })).toEqual({ known: false, reason: 'nombre d’utilisateurs (sièges) inconnu' });
    expect(computeTco({ pricingModel: 'PER_INHABITANT_YEAR', unitPrice: '1' }, { years: 3, population: null })).toEqual({ known: false, reason: 'population inconnue' });
    expect(computeTco({ pricingModel: 'PER_1K_REQUESTS', unitPrice: '1' }, { years: 3 })).toMatchObject({ known: false });
    expect(computeTco({ pricingModel: 'FLAT_YEAR', unitPrice: '1' }, { years: 0 })).toMatchObject({ known: false });
  });
});

describe('volume tiers (all units at the tier reached)', () => {
  const plan: PlanInput = {
    pricingModel: 'PER_INHABITANT_YEAR',
    unitPrice: '0.25',
    tiers: [
      { minVolume: '50000', unitPrice: '0.20' },
      { minVolume: '100000', unitPrice: '0.15' },
    ],
  };
  it.each([
    [49999, '0.25', -1, '12499.75'],
    [50000, '0.2', 0, '10000.00'],
    [50001, '0.2', 0, '10000.20'],
    [99999, '0.2', 0, '19999.80'],
    [100000, '0.15', 1, '15000.00'],
    [100001, '0.15', 1, '15000.15'],
  ])('%i inhabitants → %s €/inhabitant (tier %i), %s € a year', (population, unitPrice, tierIndex, perYear) => {
    expect(known(plan, { years: 1, population })).toMatchObject({ unitPrice, tierIndex, perYear });
  });

  it('finds the tier whatever the order the tiers are given in', () => {
    expect(tierFor([{ minVolume: '10', unitPrice: '1' }, { minVolume: '5', unitPrice: '2' }], dec(7))).toEqual({ index: 0, unitPrice: dec(2) });
  });
});

describe('setup fees, minimum commitments and rounding', () => {
  it('adds the setup fee once', () => {
    expect(known({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '10', setupFee: '1500' }, { years: 3, seats: 10 }).total).toBe('5100.00');
  });

  it('bills the minimum quantity (ChatGPT Business: two users at least)', () => {
    expect(known({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '25.60', minimumQuantity: '2' }, { years: 1, seats: 1 })).toMatchObject({
      quantity: '1', billedQuantity: '2', perYear: '614.40',
    });
  });

  it('applies the minimum annual amount only when the usage costs less', () => {
    const plan: PlanInput = { pricingModel: 'PER_1K_REQUESTS', unitPrice: '1', minimumAnnualAmount: '1000' };
    expect(known(plan, { years: 2, requestsPerMonth: 1000 })).toMatchObject({ perYear: '1000.00', total: '2000.00', minimumApplied: true });
    expect(known(plan, { years: 2, requestsPerMonth: 100000 })).toMatchObject({ perYear: '1200.00', minimumApplied: false });
  });

  it('rounds once, at the end, to the cent (half up)', () => {
    // 0.0021 € a year, three years: rounding each year would give 0.00 × 3, not 0.0063 → 0.01
    const plan: PlanInput = { pricingModel: 'PER_1K_REQUESTS', unitPrice: '0.000125' };
    expect(known(plan, { years: 3, requestsPerMonth: 1400 })).toMatchObject({ perYear: '0.00', total: '0.01' });
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '0.005' }, { years: 1 }).total).toBe('0.01');
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '0.004999' }, { years: 1 }).total).toBe('0.00');
    // no float drift: 0.1 + 0.2 style sums stay exact
    expect(known({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '0.1', setupFee: '0.2' }, { years: 1, seats: 1 }).total).toBe('1.40');
  });

  it('rounds a total that ends on half a cent up, once, and the cumulative values likewise', () => {
    // 4.115 € a year × 3 = 12.345 → 12.35 (half up; rounding down or half-even would give 12.34, and
    // rounding each year first would give 4.12 × 3 = 12.36). Cumulative: 4.115 → 4.12, 8.23, 12.345 → 12.35.
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '4.115' }, { years: 3 })).toMatchObject({
      perYear: '4.12', total: '12.35', cumulative: ['4.12', '8.23', '12.35'],
    });
  });

  it('gives the cumulative cost at the end of each year, the last one being the total', () => {
    // 20,000 requests × 12 × 1,000 tokens = 240 M tokens a year × 0.12798 € = 30.7152 € a year;
    // 61.4304 after two years; 92.1456 after three → 30.72, 61.43, 92.15
    expect(known({ pricingModel: 'PER_MILLION_TOKENS', unitPrice: '0.12798' }, { years: 3, requestsPerMonth: 20000 })).toMatchObject({
      perYear: '30.72', total: '92.15', cumulative: ['30.72', '61.43', '92.15'],
    });
  });

  it('applies the minimum annual amount strictly below it, not at it', () => {
    const plan: PlanInput = { pricingModel: 'PER_SEAT_MONTH', unitPrice: '10', minimumAnnualAmount: '1200' };
    // 10 seats × 10 € × 12 = 1,200 € = the minimum: the usage is billed, the minimum is not applied
    expect(known(plan, { years: 1, seats: 10 })).toMatchObject({ perYear: '1200.00', minimumApplied: false });
    // 9 seats × 10 € × 12 = 1,080 € < 1,200 €: the minimum applies
    expect(known(plan, { years: 1, seats: 9 })).toMatchObject({ perYear: '1200.00', minimumApplied: true });
    // 11 seats × 10 € × 12 = 1,320 €
    expect(known(plan, { years: 1, seats: 11 })).toMatchObject({ perYear: '1320.00', minimumApplied: false });
  });

  it('reaches the tier on the billed quantity (after the minimum quantity), not on the usage', () => {
    const plan: PlanInput = {
      pricingModel: 'PER_SEAT_MONTH', unitPrice: '20', minimumQuantity: '50',
      tiers: [{ minVolume: '50', unitPrice: '15' }, { minVolume: '100', unitPrice: '12' }],
    };
    // 10 seats used, 50 billed → tier 0 (50 and more) at 15 €: 50 × 15 × 12 = 9,000 € a year
    // (the tier of the 10 seats used would be the list price: 50 × 20 × 12 = 12,000 €)
    expect(known(plan, { years: 2, seats: 10 })).toMatchObject({
      quantity: '10', billedQuantity: '50', tierIndex: 0, unitPrice: '15', perYear: '9000.00', total: '18000.00',
    });
    // 120 seats → tier 1 at 12 €: 120 × 12 × 12 = 17,280 €
    expect(known(plan, { years: 1, seats: 120 })).toMatchObject({ billedQuantity: '120', tierIndex: 1, perYear: '17280.00' });
  });
});

describe('cost per inhabitant', () => {
  it('spreads the setup fee too: total ÷ years ÷ population', () => {
    // 3,000 € setup + 3 × 12,000 € = 39,000 €; ÷ 3 years ÷ 1,000 inhabitants = 13.00 € (12.00 without the setup fee)
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '12000', setupFee: '3000' }, { years: 3, population: 1000 })).toMatchObject({
      total: '39000.00', perInhabitantPerYear: '13.00',
    });
    // 50 seats × 14.99 € × 12 = 8,994 € a year, + 6,000 € setup = 14,994 € over one year;
    // ÷ 1 year ÷ 2,000 inhabitants = 7.497 → 7.50 (4.497 → 4.50 without the setup fee)
    expect(known({ pricingModel: 'PER_SEAT_MONTH', unitPrice: '14.99', setupFee: '6000' }, { years: 1, seats: 50, population: 2000 })).toMatchObject({
      total: '14994.00', perInhabitantPerYear: '7.50',
    });
  });

  it('is unknown without a population, rather than zero', () => {
    expect(known({ pricingModel: 'FLAT_YEAR', unitPrice: '100' }, { years: 1 }).perInhabitantPerYear).toBeNull();
  });
});

describe('cheapest applicable plan', () => {
  it('picks the lowest total among the plans that apply, with the reason when none does', () => {
    const plans: PlanInput[] = [
      { name: 'siège', pricingModel: 'PER_SEAT_MONTH', unitPrice: '30' },
      { name: 'forfait', pricingModel: 'FLAT_YEAR', unitPrice: '10000' },
      { name: 'habitant', pricingModel: 'PER_INHABITANT_YEAR', unitPrice: '0.01' },
    ];
    const best = cheapestPlan(plans, { years: 3, seats: 50, population: null });
    expect(best.plan?.name).toBe('forfait');
    expect(cheapestPlan([plans[0]!], { years: 3 })).toEqual({ plan: null, reason: 'aucune offre applicable : nombre d’utilisateurs (sièges) inconnu' });
    expect(cheapestPlan([], { years: 3 })).toMatchObject({ plan: null, reason: 'aucune offre tarifaire publiée ou déclarée' });
  });

  it('reads volumes in the unit of each model', () => {
    expect(yearlyQuantity('FLAT_YEAR', { years: 1 }).toString()).toBe('1');
    expect(yearlyQuantity('PER_1K_REQUESTS', { years: 1, requestsPerMonth: 500 }).toString()).toBe('6');
  });
});
