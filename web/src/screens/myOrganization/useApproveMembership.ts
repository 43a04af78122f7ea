import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';

export const ApproveMembershipMutation = graphql(`
  mutation ApproveMembershipMutation($userId: ID!, $approve: Boolean!) {
    approveMembership(userId: $userId, approve: $approve) {
      __typename
      ... on MutationApproveMembershipSuccess {
        data {
          id
          name
          membershipStatus
          organization {
            id
          }
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

/** Approves or refuses a pending membership; the person leaves the organization's pending list. */
export function useApproveMembership() {
  const [mutate, { loading }] = useMutation(ApproveMembershipMutation, {
    update(cache, { data }) {
      const result = data?.approveMembership;
      if (result?.__typename !== 'MutationApproveMembershipSuccess') return;
      const user = result.data;
      cache.modify<{ pendingUsers: readonly Reference[] }>({
        id: cache.identify({ __typename: 'Organization', id: user.organization.id }),
        fields: {
          pendingUsers: (existing, { readField }) => existing.filter((ref) => readField('id', ref) !== user.id),
        },
      });
    },
  });
  const decide = useCallback(
    (userId: string, approve: boolean) =>
      settle(() => mutate({ variables: { userId, approve } }), (data) => data.approveMembership),
    [mutate],
  );
  return [decide, { loading }] as const;
}
