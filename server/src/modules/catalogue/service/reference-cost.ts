import type { PriceTier, PricingPlan } from '@mutualis/db/client';
import { cents, dec } from '../../../shared/money.ts';
import { cheapestYearlyCost } from '../../comparison/service.ts';
import { REFERENCE_PROFILE } from '../rules.ts';

type Plan = PricingPlan & { tiers: PriceTier[] };

export interface ReferenceCost<P extends Plan = Plan> {
  /** The plan that costs the reference profile least. */
  plan: P;
  /** Its « coût annuel estimé » in euros HT, to the cent: the yearly cost plus the setup fee spread over the years. */
  perYear: string;
}

/**
 * The reference cost of a tool (rules.ts REFERENCE_PROFILE): each plan's yearly cost by the comparison's cost rules,
 * plus its setup fee divided by the profile's years; the cheapest plan wins. Null when no plan applies to the profile.
 */
export function referenceCost<P extends Plan>(plans: readonly P[]): ReferenceCost<P> | null {
  let best: { plan: P; exact: ReturnType<typeof dec> } | null = null;
  for (const plan of plans) {
    const yearly = cheapestYearlyCost([plan], REFERENCE_PROFILE);
    if (yearly === null) continue;
    const exact = dec(yearly).plus(dec(plan.setupFee ?? 0).div(REFERENCE_PROFILE.years));
    if (!best || exact.lessThan(best.exact)) best = { plan, exact };
  }
  return best ? { plan: best.plan, perYear: cents(best.exact) } : null;
}
