import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const SignOutMutation = graphql(`
  mutation SignOutMutation {
    signOut {
      __typename
      ... on MutationSignOutSuccess {
        data
      }
      ...MutationError
    }
  }
`);

/**
 * Closes the session. Everything cached was read as the signed-in person (their organization's
 * pending members, their rights): the store is emptied and the queries on screen are fetched again.
 */
export const useSignOut = mutationHook(SignOutMutation, 'signOut', { resetStore: true });
