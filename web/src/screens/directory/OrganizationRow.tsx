import { OrganizationSummary_organization } from '../../components/OrganizationSearch';
import { getFragmentData, type FragmentType } from '../../gql';
import { formatInteger } from '../../lib/format';
import { natureLabel } from '../../lib/labels';
import { OrganizationLink } from '../../components/OrganizationLink';
import { NumericCell } from '../../components/Table';

/** One collectivité in the directory table. */
export function OrganizationRow(props: { organization: FragmentType<typeof OrganizationSummary_organization> }) {
  const organization = getFragmentData(OrganizationSummary_organization, props.organization);
  return (
    <tr>
      <th scope="row" data-label="Nom">
        <OrganizationLink organization={organization} />
      </th>
      <td data-label="Nature">{natureLabel(organization.kind, organization.epciType)}</td>
      <td data-label="Département">{organization.departementCode ?? '—'}</td>
      <NumericCell label="Population">{formatInteger(organization.population)}</NumericCell>
      <td data-label="SIREN" className="siren">
        {organization.siren ?? '—'}
      </td>
    </tr>
  );
}
