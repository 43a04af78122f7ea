import type { ApolloCache } from '@apollo/client';
import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const StartDecpImportMutation = graphql(`
  mutation StartDecpImportMutation($source: String!, $resume: Boolean) {
    startDecpImport(source: $source, resume: $resume) {
      __typename
      ... on MutationStartDecpImportSuccess {
        data {
          id
          ...DecpImportFields
        }
      }
      ...MutationError
    }
  }
`);

export const ConfirmContractMutation = graphql(`
  mutation ConfirmContractMutation($id: Int!, $toolSlug: String!) {
    confirmContract(id: $id, toolSlug: $toolSlug) {
      __typename
      ... on MutationConfirmContractSuccess {
        data {
          id
          ...CurationItem_contract
        }
      }
      ...MutationError
    }
  }
`);

export const DismissContractMutation = graphql(`
  mutation DismissContractMutation($id: Int!, $reason: String!) {
    dismissContract(id: $id, reason: $reason) {
      __typename
      ... on MutationDismissContractSuccess {
        data {
          id
          ...CurationItem_contract
        }
      }
      ...MutationError
    }
  }
`);

/** Starts an import in the background; the list of past imports is fetched again to show it. */
export const useStartDecpImport = mutationHook(StartDecpImportMutation, 'startDecpImport', {
  variables: (source: string, resume: boolean) => ({ source, resume }),
  refetchQueries: ['DecpImportsQuery'],
});

/** A curation decision moves the contract to another list: the queue on screen is fetched again (not after a refusal). */
const queueAfterSuccess = (result: object | undefined) => (result && 'data' in result ? ['CurationQueueQuery'] : []);

export const useConfirmContract = mutationHook(ConfirmContractMutation, 'confirmContract', {
  variables: (id: number, toolSlug: string) => ({ id, toolSlug }),
  refetchQueries: queueAfterSuccess,
  awaitRefetchQueries: true,
});

export const useDismissContract = mutationHook(DismissContractMutation, 'dismissContract', {
  variables: (id: number, reason: string) => ({ id, reason }),
  refetchQueries: queueAfterSuccess,
  awaitRefetchQueries: true,
});

/**
 * What a decision changes outside the queue: the contracts and prices paid shown on the tools, providers and
 * buyers it touched (before and after), and every comparison, are dropped from the cache and fetched when next shown.
 */
export function forgetPublicLists(cache: ApolloCache, touched: { tools: readonly string[]; providers: readonly string[]; organizations: readonly string[] }) {
  const evict = (typename: string, ids: readonly string[], fields: readonly string[]) => {
    for (const id of new Set(ids)) {
      const ref = cache.identify({ __typename: typename, id });
      if (ref) for (const fieldName of fields) cache.evict({ id: ref, fieldName });
    }
  };
  evict('Tool', touched.tools, ['publicContracts', 'pricesPaid']);
  evict('Provider', touched.providers, ['publicContracts', 'pricesPaid']);
  evict('Organization', touched.organizations, ['publicContracts']);
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'compareTools' });
  cache.gc();
}
