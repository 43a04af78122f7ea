import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';

export const SignOutMutation = graphql(`
  mutation SignOutMutation {
    signOut {
      __typename
      ... on MutationSignOutSuccess {
        data
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
 * Closes the session. Everything cached was read as the signed-in person (their organization's
 * pending members, their rights): the store is emptied and the queries on screen are fetched again.
 */
export function useSignOut() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutMutation);
  const signOut = useCallback(async () => {
    const outcome = await settle(() => mutate(), (data) => data.signOut);
    if (outcome.ok) await client.resetStore().catch(() => undefined);
    return outcome;
  }, [client, mutate]);
  return [signOut, { loading }] as const;
}
