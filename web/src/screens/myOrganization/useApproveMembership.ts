import type { Reference } from '@apollo/client';
import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const DecideOrganizationMembershipMutation = graphql(`
  mutation DecideOrganizationMembershipMutation($userId: ID!, $approve: Boolean!, $reason: String) {
    decideMembership(userId: $userId, approve: $approve, reason: $reason) {
      __typename
      ... on MutationDecideMembershipSuccess {
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

/**
 * Approves or refuses a pending membership with a reason (required to refuse; the person is told it); the person
 * leaves the organization's pending list.
 */
export const useApproveMembership = mutationHook(DecideOrganizationMembershipMutation, 'decideMembership', {
  variables: (userId: string, approve: boolean, reason: string) => ({ userId, approve, reason: reason.trim() || null }),
  onSuccess(cache, user) {
    cache.modify<{ pendingUsers: readonly Reference[] }>({
      id: cache.identify({ __typename: 'Organization', id: user.organization.id }),
      fields: {
        pendingUsers: (existing, { readField }) => existing.filter((ref) => readField('id', ref) !== user.id),
      },
    });
  },
});
