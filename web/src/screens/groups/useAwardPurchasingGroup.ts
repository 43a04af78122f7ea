import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const AwardPurchasingGroupMutation = graphql(`
  mutation AwardPurchasingGroupMutation($id: ID!, $toolSlug: String, $unitPrice: Decimal) {
    awardPurchasingGroup(id: $id, toolSlug: $toolSlug, unitPrice: $unitPrice) {
      __typename
      ... on MutationAwardPurchasingGroupSuccess {
        data {
          id
          ...GroupPage_group
        }
      }
      ...MutationError
    }
  }
`);

/** Awards a closed group: the chosen tool and, optionally, the final unit price (coordinator). */
export const useAwardPurchasingGroup = groupMutationHook(
  'coordinator',
  AwardPurchasingGroupMutation,
  'awardPurchasingGroup',
  (id: string, choice: { toolSlug?: string | null; unitPrice?: string | null } = {}) => ({ id, ...choice }),
);
