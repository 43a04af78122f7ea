import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { groupPageRefetch } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const CommitToPurchasingGroupMutation = graphql(`
  mutation CommitToPurchasingGroupMutation($id: ID!, $volume: Decimal!) {
    commitToPurchasingGroup(id: $id, volume: $volume) {
      __typename
      ... on MutationCommitToPurchasingGroupSuccess {
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

/** Commits the viewer's collectivité to a firm volume (engagée); again to change that volume. */
export function useCommitToPurchasingGroup() {
  const [mutate, { loading }] = useMutation(CommitToPurchasingGroupMutation, {
    refetchQueries: ({ data }) => groupPageRefetch(data?.commitToPurchasingGroup),
    awaitRefetchQueries: true,
    update(cache, { data }) {
      if (data?.commitToPurchasingGroup.__typename === 'MutationCommitToPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const commit = useCallback(
    (id: string, volume: string) => settle(() => mutate({ variables: { id, volume } }), (data) => data.commitToPurchasingGroup),
    [mutate],
  );
  return [commit, { loading }] as const;
}
