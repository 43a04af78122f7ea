import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { groupPageRefetch } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const WithdrawFromPurchasingGroupMutation = graphql(`
  mutation WithdrawFromPurchasingGroupMutation($id: ID!) {
    withdrawFromPurchasingGroup(id: $id) {
      __typename
      ... on MutationWithdrawFromPurchasingGroupSuccess {
        data {
          id
          status
          estimatedVolume
          committedVolume
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

/** Withdraws the viewer's collectivité from a group, while it is open. */
export function useWithdrawFromPurchasingGroup() {
  const [mutate, { loading }] = useMutation(WithdrawFromPurchasingGroupMutation, {
    refetchQueries: ({ data }) => groupPageRefetch(data?.withdrawFromPurchasingGroup),
    awaitRefetchQueries: true,
    update(cache, { data }) {
      if (data?.withdrawFromPurchasingGroup.__typename === 'MutationWithdrawFromPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const withdraw = useCallback(
    (id: string) => settle(() => mutate({ variables: { id } }), (data) => data.withdrawFromPurchasingGroup),
    [mutate],
  );
  return [withdraw, { loading }] as const;
}
