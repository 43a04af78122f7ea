import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { SignUpInput } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';

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

/** Creates the account; the server opens its session at once, so the store is reset as for a sign-in. */
export function useSignUp() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignUpMutation);
  const signUp = useCallback(
    async (input: SignUpInput) => {
      const outcome = await settle(() => mutate({ variables: { input } }), (data) => data.signUp);
      if (outcome.ok) await client.resetStore().catch(() => undefined);
      return outcome;
    },
    [client, mutate],
  );
  return [signUp, { loading }] as const;
}
