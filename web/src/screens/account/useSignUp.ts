import { graphql } from '../../gql';
import type { SignUpInput } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const SignUpMutation = graphql(`
  mutation SignUpMutation($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on MutationSignUpSuccess {
        data {
          id
          name
          membershipStatus
          organization {
            id
            name
          }
        }
      }
      ...MutationError
    }
  }
`);

/** Creates the account; the server opens its session at once, so the store is reset as for a sign-in. */
export const useSignUp = mutationHook(SignUpMutation, 'signUp', {
  variables: (input: SignUpInput) => ({ input }),
  resetStore: true,
});
