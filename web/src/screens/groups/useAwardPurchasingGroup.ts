import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';
import { GroupPageQuery } from './groupPageQuery';
import { forgetGroupLists } from './groupCache';

export const AwardPurchasingGroupMutation = graphql(`
  mutation AwardPurchasingGroupMutation($id: ID!, $toolSlug: String, $unitPrice: Decimal) {
    awardPurchasingGroup(id: $id, toolSlug: $toolSlug, unitPrice: $unitPrice) {
      __typename
      ... on MutationAwardPurchasingGroupSuccess {
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

/** Awards a closed group: the chosen tool and, optionally, the final unit price (coordinator). The group comes back whole: the cache updates the page; after a conflict the page is fetched again. */
export function useAwardPurchasingGroup() {
  const [mutate, { loading }] = useMutation(AwardPurchasingGroupMutation, {
    refetchQueries: ({ data }) => (data?.awardPurchasingGroup.__typename === 'ConflictError' ? [GroupPageQuery] : []),
    update(cache, { data }) {
      if (data?.awardPurchasingGroup.__typename === 'MutationAwardPurchasingGroupSuccess') forgetGroupLists(cache);
    },
  });
  const run = useCallback(
    (id: string, choice: { toolSlug?: string | null; unitPrice?: string | null } = {}) => settle(() => mutate({ variables: { id, ...choice } }), (data) => data.awardPurchasingGroup),
    [mutate],
  );
  return [run, { loading }] as const;
}
