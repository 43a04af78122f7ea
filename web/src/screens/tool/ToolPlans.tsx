import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDecimal, formatEuros, isZeroDecimal } from '../../lib/format';
import { PRICE_SOURCE_LABELS, PRICING_UNIT_LABELS } from '../../lib/labels';

export const ToolPlans_tool = graphql(`
  fragment ToolPlans_tool on Tool {
    name
    plans {
      id
      name
      pricingModel
      unitPrice
      setupFee
      minimumQuantity
      minimumAnnualAmount
      source
      sourceUrl
      sourceDate
      notes
      isDemo
      tiers {
        minVolume
        unitPrice
      }
    }
  }
`);

/** Every pricing plan, with its unit, tiers, origin, source and date. */
export function ToolPlans(props: { tool: FragmentType<typeof ToolPlans_tool> }) {
  const tool = getFragmentData(ToolPlans_tool, props.tool);
  return (
    <section aria-labelledby="outil-tarifs" className="tool-section">
      <h2 id="outil-tarifs">Tarifs</h2>
      {tool.plans.length === 0 ? <p>Aucun tarif renseigné.</p> : null}
      <div className="plan-grid">
        {tool.plans.map((plan) => {
          const free = plan.pricingModel === 'FREE' || isZeroDecimal(plan.unitPrice);
          return (
            <div key={plan.id} className="plan">
              <h3 className="plan__name">
                {plan.name}
                <DemoBadge show={plan.isDemo} />
              </h3>
              <p className="plan__price">
                {free ? 'Gratuit' : `${formatEuros(plan.unitPrice)} ${PRICING_UNIT_LABELS[plan.pricingModel]}`}
              </p>
              {plan.tiers.length > 0 ? (
                <table className="table table--compact">
                  <caption>Paliers dégressifs</caption>
                  <thead>
                    <tr>
                      <th scope="col">À partir de</th>
                      <th scope="col" className="numeric">
                        Prix unitaire
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.tiers.map((tier) => (
                      <tr key={tier.minVolume}>
                        <td data-label="À partir de">{formatDecimal(tier.minVolume)} unités</td>
                        <td data-label="Prix unitaire" className="numeric">
                          {formatEuros(tier.unitPrice)} HT
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <ul className="plan__terms">
                {!isZeroDecimal(plan.setupFee) ? <li>Frais de mise en service : {formatEuros(plan.setupFee)} HT</li> : null}
                {plan.minimumQuantity ? <li>Quantité minimale : {formatDecimal(plan.minimumQuantity)}</li> : null}
                {plan.minimumAnnualAmount ? <li>Montant annuel minimal : {formatEuros(plan.minimumAnnualAmount)} HT</li> : null}
              </ul>
              {plan.notes ? <p className="plan__notes">{plan.notes}</p> : null}
              <p className="price__meta">
                {PRICE_SOURCE_LABELS[plan.source]} ·{' '}
                <SourceNote url={plan.sourceUrl} date={plan.sourceDate} context={`tarif « ${plan.name} » de ${tool.name}`} />
              </p>
            </div>
          );
        })}
      </div>
    </section>
  );
}
