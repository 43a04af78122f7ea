import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const CancelPurchasingGroupMutation = graphql(`
  mutation CancelPurchasingGroupMutation($id: ID!, $reason: String!) {
    cancelPurchasingGroup(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelPurchasingGroupSuccess {
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

/** Cancels a group, with a reason (coordinator). */
export const useCancelPurchasingGroup = groupMutationHook(
  'coordinator',
  CancelPurchasingGroupMutation,
  'cancelPurchasingGroup',
  (id: string, reason: string) => ({ id, reason }),
);
