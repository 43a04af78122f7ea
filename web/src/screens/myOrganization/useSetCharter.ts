import { graphql } from '../../gql';
import type { SetCharterMutationMutationVariables } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const SetCharterMutation = graphql(`
  mutation SetCharterMutation($organizationSiren: String, $status: CharterStatus!, $adoptedAt: Date, $url: String) {
    setCharter(organizationSiren: $organizationSiren, status: $status, adoptedAt: $adoptedAt, url: $url) {
      __typename
      ... on MutationSetCharterSuccess {
        data {
          id
          ...CharterStatus_organization
          ...CharterForm_organization
        }
      }
      ...MutationError
    }
  }
`);

/** Sets the ethics charter; the organization comes back with its charter, which the cache merges by id. */
export const useSetCharter = mutationHook(SetCharterMutation, 'setCharter', {
  variables: (variables: SetCharterMutationMutationVariables) => variables,
});
