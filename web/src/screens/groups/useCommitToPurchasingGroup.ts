import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const CommitToPurchasingGroupMutation = graphql(`
  mutation CommitToPurchasingGroupMutation($id: ID!, $volume: Decimal!) {
    commitToPurchasingGroup(id: $id, volume: $volume) {
      __typename
      ... on MutationCommitToPurchasingGroupSuccess {
        data {
          ...MembershipChange_membership
        }
      }
      ...MutationError
    }
  }
`);

/** Commits the viewer's collectivité to a firm volume (engagée); again to change that volume. */
export const useCommitToPurchasingGroup = groupMutationHook(
  'membership',
  CommitToPurchasingGroupMutation,
  'commitToPurchasingGroup',
  (id: string, volume: string) => ({ id, volume }),
);
