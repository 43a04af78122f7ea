import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { GroupPageQuery } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const CancelPurchasingGroupMutation = graphql(`
  mutation CancelPurchasingGroupMutation($id: ID!, $reason: String!) {
    cancelPurchasingGroup(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelPurchasingGroupSuccess {
        data {
          id
          ...GroupPage_group
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

/** Cancels a group, with a reason (coordinator). The group comes back whole: the cache updates the page; after a conflict the page is fetched again. */
export function useCancelPurchasingGroup() {
  const [mutate, { loading }] = useMutation(CancelPurchasingGroupMutation, {
    refetchQueries: ({ data }) => (data?.cancelPurchasingGroup.__typename === 'ConflictError' ? [GroupPageQuery] : []),
    update(cache, { data }) {
      if (data?.cancelPurchasingGroup.__typename === 'MutationCancelPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const run = useCallback(
    (id: string, reason: string) => settle(() => mutate({ variables: { id, reason } }), (data) => data.cancelPurchasingGroup),
    [mutate],
  );
  return [run, { loading }] as const;
}
