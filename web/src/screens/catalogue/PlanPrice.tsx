import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { isZeroDecimal } from '../../lib/format';
import { PRICE_SOURCE_LABELS, PRICING_UNIT_LABELS } from '../../lib/labels';
import { exactPrice, formatPrice } from './priceFormat';

export const PlanPrice_plan = graphql(`
  fragment PlanPrice_plan on PricingPlan {
    name
    pricingModel
    unitPrice
    source
    sourceUrl
    sourceDate
    isDemo
  }
`);

/** « à partir de 14,99 € HT / utilisateur / mois » (the exact price in its title), with the price's origin, source and date. */
export function PlanPrice(props: { plan: FragmentType<typeof PlanPrice_plan>; toolName: string }) {
  const plan = getFragmentData(PlanPrice_plan, props.plan);
  const free = plan.pricingModel === 'FREE' || isZeroDecimal(plan.unitPrice);
  return (
    <p className="price">
      <span className="price__amount">
        {free ? (
          'Offre gratuite'
        ) : (
          <>
            à partir de <span title={exactPrice(plan.unitPrice)}>{formatPrice(plan.unitPrice)}</span> {PRICING_UNIT_LABELS[plan.pricingModel]}
          </>
        )}
      </span>
      <DemoBadge show={plan.isDemo} />
      <span className="price__meta">
        Offre « {plan.name} », {PRICE_SOURCE_LABELS[plan.source]} ·{' '}
        <SourceNote url={plan.sourceUrl} date={plan.sourceDate} context={`prix de ${props.toolName}`} />
      </span>
    </p>
  );
}
