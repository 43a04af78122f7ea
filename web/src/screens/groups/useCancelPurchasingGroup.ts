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
      ...MutationError
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
