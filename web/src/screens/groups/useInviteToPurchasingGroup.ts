import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const InviteToPurchasingGroupMutation = graphql(`
  mutation InviteToPurchasingGroupMutation($groupId: ID!, $organizationSiren: String!, $message: String) {
    inviteToPurchasingGroup(groupId: $groupId, organizationSiren: $organizationSiren, message: $message) {
      __typename
      ... on MutationInviteToPurchasingGroupSuccess {
        data {
          id
          status
          organization {
            id
            name
          }
        }
      }
      ...MutationError
    }
  }
`);

/** The coordinator invites a collectivité (by SIREN) to the group; the page's list of invitations is fetched again. */
export const useInviteToPurchasingGroup = groupMutationHook(
  'membership',
  InviteToPurchasingGroupMutation,
  'inviteToPurchasingGroup',
  (groupId: string, organizationSiren: string, message: string) => ({ groupId, organizationSiren, message: message.trim() || null }),
);
