import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { OrganizationLink } from '../../components/OrganizationLink';
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
      <div>
        <dt>Objet</dt>
        <dd>
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
        </dd>
      </div>
      <div>
        <dt>Coordonnateur</dt>
        <dd>
          <OrganizationLink organization={group.coordinator} />
        </dd>
      </div>
      <div>
        <dt>Statut</dt>
        <dd>
          <span className={`group-status group-status--${group.status.toLowerCase()}`}>{GROUP_STATUS_LABELS[group.status]}</span>
        </dd>
      </div>
      <div>
        <dt>Date limite de manifestation d’intérêt</dt>
        <dd>
          <time dateTime={group.interestDeadline}>{formatDate(group.interestDeadline)}</time>
        </dd>
      </div>
      <div>
        <dt>Éligibilité</dt>
        <dd>{ELIGIBILITY_LABELS[group.eligibility]}</dd>
      </div>
      <div>
        <dt>Règle de répartition</dt>
        <dd>{ALLOCATION_RULE_LABELS[group.allocationRule]}</dd>
      </div>
      <div>
        <dt>Unité de volume</dt>
        <dd>{unitName(group.volumeUnit)}</dd>
      </div>
      <div>
        <dt>Prix catalogue</dt>
        <dd>{formatUnitPrice(group.listUnitPrice, group.volumeUnit)}</dd>
      </div>
      {group.status === 'AWARDED' ? (
        <>
          <div>
            <dt>Attributaire</dt>
            <dd>{group.awardedProvider?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Prix unitaire attribué</dt>
            <dd>{group.awardedUnitPrice ? formatUnitPrice(group.awardedUnitPrice, group.volumeUnit) : '—'}</dd>
          </div>
          <div>
            <dt>Date d’attribution</dt>
            <dd>{group.awardedAt ? <time dateTime={group.awardedAt}>{formatDate(group.awardedAt)}</time> : '—'}</dd>
          </div>
        </>
      ) : null}
      {group.status === 'CANCELLED' && group.cancelReason ? (
        <div className="facts__wide">
          <dt>Motif de l’annulation</dt>
          <dd>{group.cancelReason}</dd>
        </div>
      ) : null}
      <div className="facts__wide">
        <dt>Fondement juridique</dt>
        <dd>Groupement de commandes, {LEGAL_BASIS}</dd>
      </div>
    </dl>
  );
}
