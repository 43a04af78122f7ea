import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { groupPageRefetch } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const JoinPurchasingGroupMutation = graphql(`
  mutation JoinPurchasingGroupMutation($id: ID!, $estimatedVolume: Decimal!) {
    joinPurchasingGroup(id: $id, estimatedVolume: $estimatedVolume) {
      __typename
      ... on MutationJoinPurchasingGroupSuccess {
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

/** Makes the viewer's collectivité join a group (intéressée) with an estimated volume, in the group's unit. */
export function useJoinPurchasingGroup() {
  const [mutate, { loading }] = useMutation(JoinPurchasingGroupMutation, {
    refetchQueries: ({ data }) => groupPageRefetch(data?.joinPurchasingGroup),
    awaitRefetchQueries: true,
    update(cache, { data }) {
      if (data?.joinPurchasingGroup.__typename === 'MutationJoinPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const join = useCallback(
    (id: string, estimatedVolume: string) => settle(() => mutate({ variables: { id, estimatedVolume } }), (data) => data.joinPurchasingGroup),
    [mutate],
  );
  return [join, { loading }] as const;
}
