import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { pricesPaidText } from './contractFormat';

export const PricesPaidSummary_prices = graphql(`
  fragment PricesPaidSummary_prices on PricesPaid {
    contractCount
    withPopulationCount
    medianPerInhabitant
    minPerInhabitant
    maxPerInhabitant
    totalAmount
  }
`);

/** « Prix payés par d’autres collectivités : médiane … par habitant », from the confirmed contracts. */
export function PricesPaidSummary(props: { prices: FragmentType<typeof PricesPaidSummary_prices>; label: string }) {
  const prices = getFragmentData(PricesPaidSummary_prices, props.prices);
  if (prices.contractCount === 0) return null;
  const { main, detail } = pricesPaidText(prices);
  return (
    <p className="prices-paid">
      <strong>{props.label} :</strong> {main}
      {detail ? <span className="muted"> ({detail})</span> : null}
    </p>
  );
}
