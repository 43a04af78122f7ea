import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';
import type { ResultMember } from '../../lib/mutationResult';
import { forgetGroupLists } from './groupCache';
import { GroupPageQuery, groupPageRefetch } from './groupPageQuery';

/** What join, commit and withdraw send back: the viewer's membership, as the group page shows it. */
export const MembershipChange_membership = graphql(`
  fragment MembershipChange_membership on GroupMembership {
    id
    status
    estimatedVolume
    committedVolume
  }
`);

type GroupResult = ResultMember<unknown> & { __typename?: string };

/** What follows each kind of group mutation, besides dropping the lists of groups after a success. */
const AFTER = {
  // Open, close, award, cancel: the group comes back whole and the cache updates the page; after a
  // conflict the page is fetched again.
  coordinator: {
    refetchQueries: (result: GroupResult | undefined) => (result?.__typename === 'ConflictError' ? [GroupPageQuery] : []),
  },
  // Join, commit, withdraw: the membership comes back alone, so the group page is fetched again (see
  // `groupPageRefetch`), and the promise waits for it.
  membership: { refetchQueries: groupPageRefetch, awaitRefetchQueries: true },
};

/**
 * The hook of a group mutation (one a mutation): `field` is its result union, `variables` makes its
 * variables from the hook's arguments. After a success, the lists of groups are dropped from the cache
 * (a status or a membership changes their rows).
 */
export function groupMutationHook<
  K extends string,
  TData extends { [P in K]: GroupResult },
  TVariables extends OperationVariables,
  TArgs extends unknown[],
>(kind: keyof typeof AFTER, document: TypedDocumentNode<TData, TVariables>, field: K, variables: (...args: TArgs) => TVariables) {
  return mutationHook(document, field, { variables, onSuccess: forgetGroupLists, ...AFTER[kind] });
}
