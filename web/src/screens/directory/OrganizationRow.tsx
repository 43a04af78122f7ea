import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatInteger } from '../../lib/format';
import { natureLabel } from '../../lib/labels';

export const OrganizationRow_organization = graphql(`
  fragment OrganizationRow_organization on Organization {
    id
    siren
    name
    kind
    epciType
    departementCode
    population
  }
`);

/** One collectivité in the directory table. */
export function OrganizationRow(props: { organization: FragmentType<typeof OrganizationRow_organization> }) {
  const organization = getFragmentData(OrganizationRow_organization, props.organization);
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
