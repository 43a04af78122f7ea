import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const JoinPurchasingGroupMutation = graphql(`
  mutation JoinPurchasingGroupMutation($id: ID!, $estimatedVolume: Decimal!) {
    joinPurchasingGroup(id: $id, estimatedVolume: $estimatedVolume) {
      __typename
      ... on MutationJoinPurchasingGroupSuccess {
        data {
          ...MembershipChange_membership
        }
      }
      ...MutationError
    }
  }
`);

/** Makes the viewer's collectivité join a group (intéressée) with an estimated volume, in the group's unit. */
export const useJoinPurchasingGroup = groupMutationHook(
  'membership',
  JoinPurchasingGroupMutation,
  'joinPurchasingGroup',
  (id: string, estimatedVolume: string) => ({ id, estimatedVolume }),
);
