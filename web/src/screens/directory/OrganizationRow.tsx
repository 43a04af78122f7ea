import { Link } from 'react-router-dom';
import { OrganizationSummary_organization } from '../../components/OrganizationSearch';
import { getFragmentData, type FragmentType } from '../../gql';
import { formatInteger } from '../../lib/format';
import { natureLabel } from '../../lib/labels';

/** One collectivité in the directory table. */
export function OrganizationRow(props: { organization: FragmentType<typeof OrganizationSummary_organization> }) {
  const organization = getFragmentData(OrganizationSummary_organization, props.organization);
  return (
    <tr>
      <th scope="row" data-label="Nom">
        {organization.siren ? <Link to={`/territoires/${organization.siren}`}>{organization.name}</Link> : organization.name}
      </th>
      <td data-label="Nature">{natureLabel(organization.kind, organization.epciType)}</td>
      <td data-label="Département">{organization.departementCode ?? '—'}</td>
      <td data-label="Population" className="numeric">
        {formatInteger(organization.population)}
      </td>
      <td data-label="SIREN" className="siren">
        {organization.siren ?? '—'}
      </td>
    </tr>
  );
}
