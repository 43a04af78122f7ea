import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ContractsSection } from '../contracts/ContractsSection';
import { PricesPaidSummary } from '../contracts/PricesPaidSummary';

// $contractsAfter and $providerContractsAfter are variables of the page query (ToolPageQuery), for « Afficher plus ».
export const ToolContracts_tool = graphql(`
  fragment ToolContracts_tool on Tool {
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
    pricesPaid {
      ...PricesPaidSummary_prices
    }
    provider {
      id
      name
      publicContracts(first: 10, after: $providerContractsAfter) {
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
      pricesPaid {
        ...PricesPaidSummary_prices
      }
    }
  }
`);

/**
 * « Marchés publics attribués »: the confirmed DECP contracts of the tool, then those of its provider (any of its
 * tools, or where it is the holder), each with the prices paid per inhabitant.
 */
export function ToolContracts(props: {
  tool: FragmentType<typeof ToolContracts_tool>;
  onLoadMore: (after: string) => Promise<unknown>;
  onLoadMoreProvider: (after: string) => Promise<unknown>;
}) {
  const tool = getFragmentData(ToolContracts_tool, props.tool);
  const { provider } = tool;
  return (
    <>
      <ContractsSection
        headingId="outil-marches"
        heading="Marchés publics attribués"
        caption={`Marchés publics attribués pour ${tool.name}, les plus récents d’abord`}
        contracts={tool.publicContracts}
        empty={`Aucun marché public confirmé n’est rattaché à ${tool.name}.`}
        onLoadMore={props.onLoadMore}
      >
        <PricesPaidSummary prices={tool.pricesPaid} label="Prix payés par d’autres collectivités" />
      </ContractsSection>
      {/* The provider's list only when it holds more than this tool's (otherwise the same rows twice). */}
      {provider.publicContracts.totalCount > tool.publicContracts.totalCount ? (
        <ContractsSection
          headingId="fournisseur-marches"
          heading={`Marchés publics attribués au fournisseur ${provider.name}`}
          caption={`Marchés publics de ${provider.name} (tous ses outils), les plus récents d’abord`}
          contracts={provider.publicContracts}
          empty=""
          onLoadMore={props.onLoadMoreProvider}
          showTool
          level="h3"
        >
          <PricesPaidSummary prices={provider.pricesPaid} label={`Prix payés à ${provider.name}`} />
        </ContractsSection>
      ) : null}
    </>
  );
}
