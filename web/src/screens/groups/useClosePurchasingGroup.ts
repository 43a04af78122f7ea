import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { GroupPageQuery } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const ClosePurchasingGroupMutation = graphql(`
  mutation ClosePurchasingGroupMutation($id: ID!) {
    closePurchasingGroup(id: $id) {
      __typename
      ... on MutationClosePurchasingGroupSuccess {
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

/** Closes an open group: commitments are frozen (coordinator). The group comes back whole: the cache updates the page; after a conflict the page is fetched again. */
export function useClosePurchasingGroup() {
  const [mutate, { loading }] = useMutation(ClosePurchasingGroupMutation, {
    refetchQueries: ({ data }) => (data?.closePurchasingGroup.__typename === 'ConflictError' ? [GroupPageQuery] : []),
    update(cache, { data }) {
      if (data?.closePurchasingGroup.__typename === 'MutationClosePurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const run = useCallback(
    (id: string) => settle(() => mutate({ variables: { id } }), (data) => data.closePurchasingGroup),
    [mutate],
  );
  return [run, { loading }] as const;
}
