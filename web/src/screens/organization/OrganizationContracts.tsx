import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ContractsSection } from '../contracts/ContractsSection';

// $contractsAfter is a variable of the page query (OrganizationPageQuery), used for « Afficher plus ».
export const OrganizationContracts_organization = graphql(`
  fragment OrganizationContracts_organization on Organization {
    name
    publicContracts(first: 10, after: $contractsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ContractRow_contract
        }
      }
    }
  }
`);

/** The collectivité's public contracts for AI tools (DECP, confirmed), most recent first, with the tool bought. */
export function OrganizationContracts(props: {
  organization: FragmentType<typeof OrganizationContracts_organization>;
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const organization = getFragmentData(OrganizationContracts_organization, props.organization);
  return (
    <ContractsSection
      headingId="marches-ia"
      heading="Marchés publics d’IA"
      caption={`Marchés publics d’IA de ${organization.name}, les plus récents d’abord`}
      contracts={organization.publicContracts}
      empty="Aucun marché public d’IA confirmé pour cette collectivité."
      onLoadMore={props.onLoadMore}
      showTool
    />
  );
}
