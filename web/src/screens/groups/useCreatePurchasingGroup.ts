import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { CreatePurchasingGroupInput } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';

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
      ... on Error {
        code
        message
        fields {
          field
          message
        }
      }
    }
  }
`);

/**
 * Creates a group (in preparation) coordinated by the viewer's organization. Nothing to update in the
 * cache: the new group is shown by its own page, and the list is fetched again on each visit.
 */
export function useCreatePurchasingGroup() {
  const [mutate, { loading }] = useMutation(CreatePurchasingGroupMutation);
  const create = useCallback(
    (input: CreatePurchasingGroupInput) => settle(() => mutate({ variables: { input } }), (data) => data.createPurchasingGroup),
    [mutate],
  );
  return [create, { loading }] as const;
}
