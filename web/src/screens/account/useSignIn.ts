import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { SignInMutationMutationVariables } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';
import { safeReturnPath } from '../../lib/navigation';

export const SignInMutation = graphql(`
  mutation SignInMutation($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on MutationSignInSuccess {
        data {
          id
          name
          landingPath
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
const useSignInMutation = mutationHook(SignInMutation, 'signIn', {
  variables: (variables: SignInMutationMutationVariables) => variables,
  resetStore: true,
});

/** Where a sign-in leads: the `retour` page when the URL gives one (inside the app), else the page of the person's role. */
export function signInDestination(retour: string | null | undefined, landingPath: string | null | undefined): string {
  return safeReturnPath(retour, safeReturnPath(landingPath));
}

type SignInOutcome = Awaited<ReturnType<ReturnType<typeof useSignInMutation>[0]>>;

/**
 * Signs in with a password. On success the hook leads the person on itself — to `retour`, else to their
 * User.landingPath (an administrator to the pending memberships, an auditor to the statistics, a provider to its
 * tools, everyone else to their organization) — and its promise stays pending: the sign-in page is left, so what
 * the page would do after it (another navigation) must not happen. A failure settles as an Outcome, for the form.
 */
export function useSignIn() {
  const [signIn, state] = useSignInMutation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const retour = searchParams.get('retour');
  const run = useCallback(
    async (variables: SignInMutationMutationVariables): Promise<SignInOutcome> => {
      const outcome = await signIn(variables);
      if (!outcome.ok) return outcome;
      navigate(signInDestination(retour, outcome.data.landingPath), { replace: true });
      return new Promise(() => undefined);
    },
    [signIn, navigate, retour],
  );
  return [run, state] as const;
}
