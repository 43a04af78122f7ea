import { graphql } from '../../gql';
import type { CreatePurchasingGroupInput } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const CreatePurchasingGroupMutation = graphql(`
  mutation CreatePurchasingGroupMutation($input: CreatePurchasingGroupInput!) {
    createPurchasingGroup(input: $input) {
      __typename
      ... on MutationCreatePurchasingGroupSuccess {
        data {
          id
          title
          status
        }
      }
      ...MutationError
    }
  }
`);

/**
 * Creates a group (in preparation) coordinated by the viewer's organization. Nothing to update in the
 * cache: the new group is shown by its own page, and the list is fetched again on each visit.
 */
export const useCreatePurchasingGroup = mutationHook(CreatePurchasingGroupMutation, 'createPurchasingGroup', {
  variables: (input: CreatePurchasingGroupInput) => ({ input }),
});
