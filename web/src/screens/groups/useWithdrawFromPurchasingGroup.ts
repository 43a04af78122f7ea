import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const WithdrawFromPurchasingGroupMutation = graphql(`
  mutation WithdrawFromPurchasingGroupMutation($id: ID!) {
    withdrawFromPurchasingGroup(id: $id) {
      __typename
      ... on MutationWithdrawFromPurchasingGroupSuccess {
        data {
          ...MembershipChange_membership
        }
      }
      ...MutationError
    }
  }
`);

/** Withdraws the viewer's collectivité from a group, while it is open. */
export const useWithdrawFromPurchasingGroup = groupMutationHook(
  'membership',
  WithdrawFromPurchasingGroupMutation,
  'withdrawFromPurchasingGroup',
  (id: string) => ({ id }),
);
