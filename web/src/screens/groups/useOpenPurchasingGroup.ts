import { graphql } from '../../gql';
import { groupMutationHook } from './groupMutation';

export const OpenPurchasingGroupMutation = graphql(`
  mutation OpenPurchasingGroupMutation($id: ID!) {
    openPurchasingGroup(id: $id) {
      __typename
      ... on MutationOpenPurchasingGroupSuccess {
        data {
          id
          ...GroupPage_group
        }
      }
      ...MutationError
    }
  }
`);

/** Opens a group in preparation to memberships (coordinator). */
export const useOpenPurchasingGroup = groupMutationHook(
  'coordinator',
  OpenPurchasingGroupMutation,
  'openPurchasingGroup',
  (id: string) => ({ id }),
);
