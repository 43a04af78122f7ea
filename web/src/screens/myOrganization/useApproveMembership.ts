import type { Reference } from '@apollo/client';
import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

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
      ...MutationError
    }
  }
`);

/** Approves or refuses a pending membership; the person leaves the organization's pending list. */
export const useApproveMembership = mutationHook(ApproveMembershipMutation, 'approveMembership', {
  variables: (userId: string, approve: boolean) => ({ userId, approve }),
  onSuccess(cache, user) {
    cache.modify<{ pendingUsers: readonly Reference[] }>({
      id: cache.identify({ __typename: 'Organization', id: user.organization.id }),
      fields: {
        pendingUsers: (existing, { readField }) => existing.filter((ref) => readField('id', ref) !== user.id),
      },
    });
  },
});
