import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

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
      ...MutationError
    }
  }
`);

/** Closes an open group: commitments are frozen (coordinator). */
export const useClosePurchasingGroup = groupMutationHook(
  'coordinator',
  ClosePurchasingGroupMutation,
  'closePurchasingGroup',
  (id: string) => ({ id }),
);
