import { NumericCell, Table } from '../../components/Table';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDecimal, formatEuros } from '../../lib/format';
import { ALLOCATION_RULE_LABELS, MEMBERSHIP_STATUS_LABELS, VOLUME_UNIT_WORDS } from './groupLabels';
import { sumDecimals } from './groupMath';
import { OrganizationLink } from '../../components/OrganizationLink';

export const MemberTable_group = graphql(`
  fragment MemberTable_group on PurchasingGroup {
    id
    coordinator {
      id
    }
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

/** The labels of the figure cells of a row, for the stacked layout of narrow screens. */
const FIGURE_LABELS = ['Volume estimé', 'Volume ferme', 'Part (€ HT/an)', 'Coût seul', 'Économie', 'Coût actuel', 'Économie sur le coût actuel'];

/** The seven figures of a member row or of the totals row, in the order of FIGURE_LABELS. */
function FigureCells({ figures }: { figures: readonly string[] }) {
  return figures.map((figure, index) => (
    <NumericCell key={FIGURE_LABELS[index]} label={FIGURE_LABELS[index] ?? ''}>
      {figure}
    </NumericCell>
  ));
}

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
        <Table
          caption="Membres et parts"
          showCaption
          className="group-members__table"
          scroll
          columns={[
            'Collectivité',
            'Statut',
            { label: `Volume estimé (${unit})`, numeric: true },
            { label: `Volume ferme (${unit})`, numeric: true },
            { label: 'Part (€ HT/an)', numeric: true },
            { label: 'Coût seul (€ HT/an)', numeric: true },
            { label: 'Économie', numeric: true },
            { label: 'Coût actuel (€ HT/an)', numeric: true },
            { label: 'Économie sur le coût actuel', numeric: true },
          ]}
          footer={
            <tr>
              <th scope="row">Total</th>
              <td>{active.length > 1 ? `${active.length} membres` : `${active.length} membre`}</td>
              <FigureCells
                figures={[
                  total(active.map((membership) => membership.estimatedVolume), formatDecimal),
                  formatDecimal(economics.committedVolume),
                  formatEuros(economics.total),
                  total(economics.shares.map((share) => share.aloneCost), formatEuros),
                  formatEuros(economics.totalSavingsVsAlone),
                  total(economics.shares.map((share) => share.currentAnnualCost), formatEuros),
                  total(economics.shares.map((share) => share.savingsVsCurrent), formatEuros),
                ]}
              />
            </tr>
          }
        >
          {group.memberships.map((membership) => {
            const share = membership.status === 'WITHDRAWN' ? undefined : shareOf(membership.organization.id);
            const own = membership.organization.id === props.viewerOrganizationId;
            return (
              <tr key={membership.id} className={membership.status === 'WITHDRAWN' ? 'group-members__withdrawn' : undefined}>
                <th scope="row" data-label="Collectivité">
                  <OrganizationLink organization={membership.organization} />
                  {membership.organization.id === group.coordinator.id ? <span className="cell-note">coordonnateur</span> : null}
                  {own ? <span className="cell-note">votre collectivité</span> : null}
                </th>
                <td data-label="Statut">{MEMBERSHIP_STATUS_LABELS[membership.status]}</td>
                <FigureCells
                  figures={[
                    volume(membership.estimatedVolume),
                    volume(membership.committedVolume),
                    euros(share?.share),
                    euros(share?.aloneCost),
                    euros(share?.savingsVsAlone),
                    euros(share?.currentAnnualCost),
                    euros(share?.savingsVsCurrent),
                  ]}
                />
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
