import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDecimal, formatEuros } from '../../lib/format';
import { ALLOCATION_RULE_LABELS, MEMBERSHIP_STATUS_LABELS, VOLUME_UNIT_WORDS } from './groupLabels';
import { sumDecimals } from './groupMath';

export const MemberTable_group = graphql(`
  fragment MemberTable_group on PurchasingGroup {
    id
    volumeUnit
    allocationRule
    memberships {
      id
      status
      estimatedVolume
      committedVolume
      organization {
        id
        siren
        name
      }
    }
    economics {
      basis
      committedVolume
      total
      totalSavingsVsAlone
      shares {
        organization {
          id
        }
        share
        aloneCost
        savingsVsAlone
        currentAnnualCost
        savingsVsCurrent
      }
    }
  }
`);

const euros = (value: string | null | undefined) => (value == null ? '—' : formatEuros(value));
const volume = (value: string | null | undefined) => (value == null ? '—' : formatDecimal(value));
/** The sum of the values given, or "—" when there is none. */
const total = (values: readonly (string | null | undefined)[], format: (value: string) => string) => {
  const present = values.filter((value): value is string => value != null);
  return present.length > 0 ? format(sumDecimals(present)) : '—';
};

/**
 * Members with their volumes and, for those who take part in the split, their yearly share (€ HT),
 * what their volume would cost bought alone, and what they say they pay today. The totals row adds
 * them up; the shares add up exactly to the group's total.
 */
export function MemberTable(props: { group: FragmentType<typeof MemberTable_group>; viewerOrganizationId?: string | undefined }) {
  const group = getFragmentData(MemberTable_group, props.group);
  const { economics } = group;
  const unit = VOLUME_UNIT_WORDS[group.volumeUnit].plural;
  const shareOf = (organizationId: string) => economics.shares.find((share) => share.organization.id === organizationId);
  const active = group.memberships.filter((membership) => membership.status !== 'WITHDRAWN');

  return (
    <section className="group-members" aria-labelledby="membres-du-groupement">
      <h2 id="membres-du-groupement">Membres</h2>
      <p className="muted">
        Répartition : {ALLOCATION_RULE_LABELS[group.allocationRule].toLowerCase()}.{' '}
        {economics.basis === 'COMMITTED'
          ? 'Dès qu’un membre s’est engagé, le coût est réparti entre les seuls membres engagés, sur leurs volumes fermes.'
          : 'Aucun membre ne s’est encore engagé : les parts sont calculées sur les volumes estimés des intéressés.'}
      </p>
      {group.memberships.length === 0 ? (
        <p>Aucune collectivité n’a encore adhéré à ce groupement.</p>
      ) : (
        <div className="table-scroll">
          <table className="table group-members__table">
            <caption>Membres et parts</caption>
            <thead>
              <tr>
                <th scope="col">Collectivité</th>
                <th scope="col">Statut</th>
                <th scope="col" className="numeric">
                  Volume estimé ({unit})
                </th>
                <th scope="col" className="numeric">
                  Volume ferme ({unit})
                </th>
                <th scope="col" className="numeric">
                  Part (€ HT/an)
                </th>
                <th scope="col" className="numeric">
                  Coût seul (€ HT/an)
                </th>
                <th scope="col" className="numeric">
                  Économie
                </th>
                <th scope="col" className="numeric">
                  Coût actuel (€ HT/an)
                </th>
                <th scope="col" className="numeric">
                  Économie sur le coût actuel
                </th>
              </tr>
            </thead>
            <tbody>
              {group.memberships.map((membership) => {
                const share = membership.status === 'WITHDRAWN' ? undefined : shareOf(membership.organization.id);
                const own = membership.organization.id === props.viewerOrganizationId;
                return (
                  <tr key={membership.id} className={membership.status === 'WITHDRAWN' ? 'group-members__withdrawn' : undefined}>
                    <th scope="row" data-label="Collectivité">
                      {membership.organization.siren ? (
                        <Link to={`/territoires/${membership.organization.siren}`}>{membership.organization.name}</Link>
                      ) : (
                        membership.organization.name
                      )}
                      {own ? <span className="cell-note">votre collectivité</span> : null}
                    </th>
                    <td data-label="Statut">{MEMBERSHIP_STATUS_LABELS[membership.status]}</td>
                    <td data-label="Volume estimé" className="numeric">
                      {volume(membership.estimatedVolume)}
                    </td>
                    <td data-label="Volume ferme" className="numeric">
                      {volume(membership.committedVolume)}
                    </td>
                    <td data-label="Part (€ HT/an)" className="numeric">
                      {euros(share?.share)}
                    </td>
                    <td data-label="Coût seul" className="numeric">
                      {euros(share?.aloneCost)}
                    </td>
                    <td data-label="Économie" className="numeric">
                      {euros(share?.savingsVsAlone)}
                    </td>
                    <td data-label="Coût actuel" className="numeric">
                      {euros(share?.currentAnnualCost)}
                    </td>
                    <td data-label="Économie sur le coût actuel" className="numeric">
                      {euros(share?.savingsVsCurrent)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{active.length > 1 ? `${active.length} membres` : `${active.length} membre`}</td>
                <td data-label="Volume estimé" className="numeric">
                  {total(active.map((membership) => membership.estimatedVolume), formatDecimal)}
                </td>
                <td data-label="Volume ferme" className="numeric">
                  {formatDecimal(economics.committedVolume)}
                </td>
                <td data-label="Part (€ HT/an)" className="numeric">
                  {formatEuros(economics.total)}
                </td>
                <td data-label="Coût seul" className="numeric">
                  {total(economics.shares.map((share) => share.aloneCost), formatEuros)}
                </td>
                <td data-label="Économie" className="numeric">
                  {formatEuros(economics.totalSavingsVsAlone)}
                </td>
                <td data-label="Coût actuel" className="numeric">
                  {total(economics.shares.map((share) => share.currentAnnualCost), formatEuros)}
                </td>
                <td data-label="Économie sur le coût actuel" className="numeric">
                  {total(economics.shares.map((share) => share.savingsVsCurrent), formatEuros)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
