import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { formatVolume, GROUP_STATUS_LABELS } from './groupLabels';
import { OrganizationLink } from '../../components/OrganizationLink';
import { groupPath } from './groupPath';

export const GroupRow_group = graphql(`
  fragment GroupRow_group on PurchasingGroup {
    id
    title
    status
    interestDeadline
    volumeUnit
    isDemo
    tool {
      id
      slug
      name
    }
    category {
      id
      name
    }
    coordinator {
      id
      siren
      name
    }
    memberships {
      id
      status
    }
    economics {
      pooledVolume
      basis
    }
  }
`);

/** One group of the list: title, object, coordinator, status, deadline, pooled volume, members. */
export function GroupRow(props: { group: FragmentType<typeof GroupRow_group> }) {
  const group = getFragmentData(GroupRow_group, props.group);
  const members = group.memberships.filter((membership) => membership.status !== 'WITHDRAWN').length;
  return (
    <tr>
      <th scope="row" data-label="Groupement">
        <Link to={groupPath(group)}>{group.title}</Link>
        <DemoBadge show={group.isDemo} />
      </th>
      <td data-label="Objet">
        {group.tool ? (
          <Link to={`/catalogue/${group.tool.slug}`}>{group.tool.name}</Link>
        ) : group.category ? (
          `Catégorie : ${group.category.name}`
        ) : (
          '—'
        )}
      </td>
      <td data-label="Coordonnateur">
        <OrganizationLink organization={group.coordinator} />
      </td>
      <td data-label="Statut">
        <span className={`group-status group-status--${group.status.toLowerCase()}`}>{GROUP_STATUS_LABELS[group.status]}</span>
      </td>
      <td data-label="Date limite">
        <time dateTime={group.interestDeadline}>{formatDate(group.interestDeadline)}</time>
      </td>
      <td data-label="Volume mutualisé" className="numeric">
        {formatVolume(group.economics.pooledVolume, group.volumeUnit)}
        <span className="cell-note">{group.economics.basis === 'COMMITTED' ? 'engagé' : 'estimé'}</span>
      </td>
      <td data-label="Membres" className="numeric">
        {members}
      </td>
    </tr>
  );
}
