import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle, type Outcome } from '../../lib/mutationResult';

export const SignOutMutation = graphql(`
  mutation SignOutMutation {
    signOut {
      __typename
      ... on MutationSignOutSuccess {
        data
        logoutUrl
      }
      ...MutationError
    }
  }
`);

/** Leaves the site for the provider's logout page (a function of its own, so that tests can watch it). */
export const leaveFor = {
  assign: (url: string) => window.location.assign(url),
};

/**
 * Closes the session. A session opened with ProConnect is also closed at ProConnect: the browser goes to its
 * end-session page (the API gives its address), which comes back to the home page. Otherwise, everything cached was
 * read as the signed-in person (their organization's pending members, their rights): the store is emptied and the
 * queries on screen are fetched again.
 */
export function useSignOut() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutMutation);
  const run = useCallback(async (): Promise<Outcome<boolean>> => {
    let logoutUrl: string | null = null;
    const outcome = await settle(
      () => mutate(),
      (data) => {
        if (data.signOut.__typename === 'MutationSignOutSuccess') logoutUrl = data.signOut.logoutUrl ?? null;
        return data.signOut;
      },
    );
    if (outcome.ok && logoutUrl) leaveFor.assign(logoutUrl);
    else if (outcome.ok) await client.resetStore().catch(() => undefined);
    return outcome;
  }, [client, mutate]);
  return [run, { loading }] as const;
}
