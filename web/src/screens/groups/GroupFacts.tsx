import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { OrganizationLink } from '../../components/OrganizationLink';
import { Fact } from '../../components/Fact';
import {
  ALLOCATION_RULE_LABELS,
  ELIGIBILITY_LABELS,
  formatUnitPrice,
  GROUP_STATUS_LABELS,
  LEGAL_BASIS,
  unitName,
} from './groupLabels';

export const GroupFacts_group = graphql(`
  fragment GroupFacts_group on PurchasingGroup {
    id
    status
    interestDeadline
    eligibility
    allocationRule
    volumeUnit
    listUnitPrice
    tool {
      id
      slug
      name
      provider {
        id
        name
      }
      categoryDetails {
        id
        slug
        name
      }
    }
    category {
      id
      slug
      name
    }
    candidateTools {
      id
      slug
      name
    }
    coordinator {
      id
      siren
      name
    }
    awardedProvider {
      id
      name
    }
    awardedUnitPrice
    awardedAt
    cancelReason
  }
`);

/** The group's facts: object, coordinator, status, calendar, rules, unit, list price, legal basis. */
export function GroupFacts(props: { group: FragmentType<typeof GroupFacts_group> }) {
  const group = getFragmentData(GroupFacts_group, props.group);
  return (
    <dl className="facts group-facts">
      <Fact term="Objet">
        {group.tool ? (
          <>
            <Link to={`/catalogue/${group.tool.slug}`}>{group.tool.name}</Link>
            <span className="muted"> · {group.tool.provider.name}</span>
          </>
        ) : group.category ? (
          <>
            Catégorie « {group.category.name} »
            {group.candidateTools.length > 0 ? (
              <span className="cell-note">Outils candidats : {group.candidateTools.map((tool) => tool.name).join(', ')}</span>
            ) : null}
          </>
        ) : (
          '—'
        )}
      </Fact>
      <Fact term="Coordonnateur">
        <OrganizationLink organization={group.coordinator} />
      </Fact>
      <Fact term="Statut">
        <span className={`group-status group-status--${group.status.toLowerCase()}`}>{GROUP_STATUS_LABELS[group.status]}</span>
      </Fact>
      <Fact term="Date limite de manifestation d’intérêt">
        <time dateTime={group.interestDeadline}>{formatDate(group.interestDeadline)}</time>
      </Fact>
      <Fact term="Éligibilité">{ELIGIBILITY_LABELS[group.eligibility]}</Fact>
      <Fact term="Règle de répartition">{ALLOCATION_RULE_LABELS[group.allocationRule]}</Fact>
      <Fact term="Unité de volume">{unitName(group.volumeUnit)}</Fact>
      <Fact term="Prix catalogue">{formatUnitPrice(group.listUnitPrice, group.volumeUnit)}</Fact>
      {group.status === 'AWARDED' ? (
        <>
          <Fact term="Attributaire">{group.awardedProvider?.name ?? '—'}</Fact>
          <Fact term="Prix unitaire attribué">{group.awardedUnitPrice ? formatUnitPrice(group.awardedUnitPrice, group.volumeUnit) : '—'}</Fact>
          <Fact term="Date d’attribution">{group.awardedAt ? <time dateTime={group.awardedAt}>{formatDate(group.awardedAt)}</time> : '—'}</Fact>
        </>
      ) : null}
      {group.status === 'CANCELLED' && group.cancelReason ? (
        <Fact term="Motif de l’annulation" className="facts__wide">{group.cancelReason}</Fact>
      ) : null}
      <Fact term="Fondement juridique" className="facts__wide">Groupement de commandes, {LEGAL_BASIS}</Fact>
    </dl>
  );
}
