// Total cost of ownership of a pricing plan for a usage profile (DESIGN.md "Computations").
import { cents, D, dec, type Dec, type DecimalLike } from '../../shared/money.ts';
import { tierReached } from '../../shared/tiers.ts';

export type PricingModel = 'FREE' | 'FLAT_YEAR' | 'PER_SEAT_MONTH' | 'PER_INHABITANT_YEAR' | 'PER_1K_REQUESTS' | 'PER_MILLION_TOKENS';

export interface PlanInput {
  id?: number;
  name?: string;
  pricingModel: PricingModel;
  unitPrice: DecimalLike;
  setupFee?: DecimalLike | null;
  minimumQuantity?: DecimalLike | null;
  minimumAnnualAmount?: DecimalLike | null;
  /** All-units tiers: from minVolume units a year on, every unit costs unitPrice. */
  tiers?: { minVolume: DecimalLike; unitPrice: DecimalLike }[];
}

export interface UsageProfile {
  population?: number | null;
  seats?: number | null;
  requestsPerMonth?: number | null;
  years: number;
  /** Tokens per request for token-priced APIs (input and output together). */
  tokensPerRequest?: number | null;
}

export const DEFAULT_TOKENS_PER_REQUEST = 1000;

export type TcoResult =
  | {
      known: true;
      /** Yearly quantity in the plan's unit, before any minimum. */
      quantity: string;
      /** Quantity billed, after the minimum quantity. */
      billedQuantity: string;
      unit: string;
      unitPrice: string;
      /** Index of the tier reached (-1: list price). */
      tierIndex: number;
      setup: string;
      perYear: string;
      total: string;
      perInhabitantPerYear: string | null;
      /** Cumulative cost at the end of each year (setup paid in year one); the last one is the total. */
      cumulative: string[];
      /** The minimum annual amount was applied. */
      minimumApplied: boolean;
    }
  | { known: false; reason: string };

const UNITS: Record<PricingModel, string> = {
  FREE: 'gratuit',
  FLAT_YEAR: 'forfait annuel',
  PER_SEAT_MONTH: 'siège',
  PER_INHABITANT_YEAR: 'habitant',
  PER_1K_REQUESTS: 'millier de requêtes',
  PER_MILLION_TOKENS: 'million de jetons',
};

/** Yearly quantity in the plan's unit, or the reason it cannot be known. */
export function yearlyQuantity(model: PricingModel, profile: UsageProfile): Dec | string {
  switch (model) {
    case 'FREE':
    case 'FLAT_YEAR':
      return dec(1);
    case 'PER_SEAT_MONTH':
      return profile.seats && profile.seats > 0 ? dec(profile.seats) : 'nombre d’utilisateurs (sièges) inconnu';
    case 'PER_INHABITANT_YEAR':
      return profile.population && profile.population > 0 ? dec(profile.population) : 'population inconnue';
    case 'PER_1K_REQUESTS':
      return profile.requestsPerMonth != null && profile.requestsPerMonth >= 0
        ? dec(profile.requestsPerMonth).times(12).div(1000)
        : 'nombre de requêtes mensuelles inconnu';
    case 'PER_MILLION_TOKENS':
      return profile.requestsPerMonth != null && profile.requestsPerMonth >= 0
        ? dec(profile.requestsPerMonth).times(12).times(profile.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST).div(1_000_000)
        : 'nombre de requêtes mensuelles inconnu';
  }
}

/** The tier reached by a yearly volume (shared/tiers.ts), or null when the list price applies. */
export function tierFor(tiers: PlanInput['tiers'], volume: Dec): { index: number; unitPrice: Dec } | null {
  const reached = tierReached(tiers, volume);
  return reached.unitPrice ? { index: reached.index, unitPrice: reached.unitPrice } : null;
}

/** Cost of one year, unrounded. */
function yearlyCost(plan: PlanInput, quantity: Dec) {
  const minimumQuantity = plan.minimumQuantity != null ? dec(plan.minimumQuantity) : dec(0);
  const billed = D.max(quantity, minimumQuantity);
  const tier = plan.pricingModel === 'FREE' ? null : tierFor(plan.tiers, billed);
  const unitPrice = plan.pricingModel === 'FREE' ? dec(0) : (tier?.unitPrice ?? dec(plan.unitPrice));
  const months = plan.pricingModel === 'PER_SEAT_MONTH' ? 12 : 1;
  let perYear = billed.times(unitPrice).times(months);
  const minimumAnnual = plan.minimumAnnualAmount != null ? dec(plan.minimumAnnualAmount) : null;
  const minimumApplied = !!minimumAnnual && perYear.lessThan(minimumAnnual);
  if (minimumApplied) perYear = minimumAnnual!;
  return { billed, unitPrice, tierIndex: tier?.index ?? -1, perYear, minimumApplied };
}

/**
 * TCO over the profile's years: setup fee + years × yearly cost, where the yearly cost follows the pricing model,
 * the tier reached, the minimum quantity and the minimum annual amount. Rounded once, at the end, to the cent.
 */
export function computeTco(plan: PlanInput, profile: UsageProfile): TcoResult {
  if (!Number.isInteger(profile.years) || profile.years < 1) return { known: false, reason: 'durée (années) invalide' };
  const quantity = yearlyQuantity(plan.pricingModel, profile);
  if (typeof quantity === 'string') return { known: false, reason: quantity };
  const year = yearlyCost(plan, quantity);
  const setup = plan.setupFee != null ? dec(plan.setupFee) : dec(0);
  const total = setup.plus(year.perYear.times(profile.years));
  return {
    known: true,
    quantity: quantity.toString(),
    billedQuantity: year.billed.toString(),
    unit: UNITS[plan.pricingModel],
    unitPrice: year.unitPrice.toString(),
    tierIndex: year.tierIndex,
    setup: cents(setup),
    perYear: cents(year.perYear),
    total: cents(total),
    perInhabitantPerYear: profile.population && profile.population > 0 ? cents(total.div(profile.years).div(profile.population)) : null,
    cumulative: Array.from({ length: profile.years }, (_, i) => cents(setup.plus(year.perYear.times(i + 1)))),
    minimumApplied: year.minimumApplied,
  };
}

/** The applicable plan with the lowest total, or why none applies. */
export function cheapestPlan<P extends PlanInput>(
  plans: readonly P[],
  profile: UsageProfile,
): { plan: P; tco: Extract<TcoResult, { known: true }> } | { plan: null; reason: string } {
  if (plans.length === 0) return { plan: null, reason: 'aucune offre tarifaire publiée ou déclarée' };
  let best: { plan: P; tco: Extract<TcoResult, { known: true }> } | null = null;
  const reasons = new Set<string>();
  for (const plan of plans) {
    const tco = computeTco(plan, profile);
    if (!tco.known) {
      reasons.add(tco.reason);
      continue;
    }
    if (!best || dec(tco.total).lessThan(best.tco.total)) best = { plan, tco };
  }
  return best ?? { plan: null, reason: `aucune offre applicable : ${[...reasons].join(', ')}` };
}

