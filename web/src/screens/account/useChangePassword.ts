import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const ChangePasswordMutation = graphql(`
  mutation ChangePasswordMutation($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on MutationChangePasswordSuccess {
        data {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

/** Changes the password; the server closes every other session and gives this browser a new one. */
export const useChangePassword = mutationHook(ChangePasswordMutation, 'changePassword', {
  variables: (currentPassword: string, newPassword: string) => ({ currentPassword, newPassword }),
});
