import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { GroupPageQuery } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const OpenPurchasingGroupMutation = graphql(`
  mutation OpenPurchasingGroupMutation($id: ID!) {
    openPurchasingGroup(id: $id) {
      __typename
      ... on MutationOpenPurchasingGroupSuccess {
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

/** Opens a group in preparation to memberships (coordinator). The group comes back whole: the cache updates the page; after a conflict the page is fetched again. */
export function useOpenPurchasingGroup() {
  const [mutate, { loading }] = useMutation(OpenPurchasingGroupMutation, {
    refetchQueries: ({ data }) => (data?.openPurchasingGroup.__typename === 'ConflictError' ? [GroupPageQuery] : []),
    update(cache, { data }) {
      if (data?.openPurchasingGroup.__typename === 'MutationOpenPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const run = useCallback(
    (id: string) => settle(() => mutate({ variables: { id } }), (data) => data.openPurchasingGroup),
    [mutate],
  );
  return [run, { loading }] as const;
}
