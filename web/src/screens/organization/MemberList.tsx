import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { LoadMore } from '../../components/LoadMoreButton';
import { formatInteger } from '../../lib/format';
import { NumericCell, POPULATION, Table } from '../../components/Table';
import { OrganizationLink } from '../../components/OrganizationLink';

export const MemberRow_organization = graphql(`
  fragment MemberRow_organization on Organization {
    id
    siren
    name
    population
  }
`);

function MemberRow(props: { organization: FragmentType<typeof MemberRow_organization> }) {
  const member = getFragmentData(MemberRow_organization, props.organization);
  return (
    <tr>
      <th scope="row" data-label="Commune">
        <OrganizationLink organization={member} />
      </th>
      <NumericCell label="Population">{formatInteger(member.population)}</NumericCell>
      <td data-label="SIREN" className="siren">
        {member.siren ?? '—'}
      </td>
    </tr>
  );
}

// $membersAfter is a variable of the page query (OrganizationPageQuery), used for « Afficher plus ».
export const MemberList_organization = graphql(`
  fragment MemberList_organization on Organization {
    members(first: 100, after: $membersAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...MemberRow_organization
        }
      }
    }
  }
`);

/** The member communes of an EPCI, alphabetically, with « Afficher plus » when there are more. */
export function MemberList(props: {
  organization: FragmentType<typeof MemberList_organization>;
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const { members } = getFragmentData(MemberList_organization, props.organization);
  const rows = members.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
  return (
    <section aria-label="Communes membres" className="members">
      <h2>Communes membres ({formatInteger(members.totalCount)})</h2>
      {rows.length > 0 ? (
        <Table caption="Communes membres, par ordre alphabétique" columns={['Commune', POPULATION, 'SIREN']}>
          {rows.map((member) => (
            <MemberRow key={member.id} organization={member} />
          ))}
        </Table>
      ) : (
        <p>Aucune commune membre n'est enregistrée.</p>
      )}
      <LoadMore pageInfo={members.pageInfo} onLoadMore={props.onLoadMore} />
    </section>
  );
}
