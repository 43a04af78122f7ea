import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { SignInMutationMutationVariables } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';

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
      ... on Error {
        code
        message
        fields {
          field
          message
        }
      }
    }
  }
`);

/**
 * Opens a session (the server sets an httpOnly cookie). What was cached was read anonymously: the
 * store is reset, so that the header and the pages on screen are fetched again as the person.
 */
export function useSignIn() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignInMutation);
  const signIn = useCallback(
    async (variables: SignInMutationMutationVariables) => {
      const outcome = await settle(() => mutate({ variables }), (data) => data.signIn);
      if (outcome.ok) await client.resetStore().catch(() => undefined);
      return outcome;
    },
    [client, mutate],
  );
  return [signIn, { loading }] as const;
}
