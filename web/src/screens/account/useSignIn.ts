import { graphql } from '../../gql';
import type { SignInMutationMutationVariables } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const SignInMutation = graphql(`
  mutation SignInMutation($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on MutationSignInSuccess {
        data {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

/**
 * Opens a session (the server sets an httpOnly cookie). What was cached was read anonymously: the
 * store is reset, so that the header and the pages on screen are fetched again as the person.
 */
export const useSignIn = mutationHook(SignInMutation, 'signIn', {
  variables: (variables: SignInMutationMutationVariables) => variables,
  resetStore: true,
});
