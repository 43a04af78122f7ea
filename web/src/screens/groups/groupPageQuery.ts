import { graphql } from '../../gql';

// The group page's data, in a module of its own: the page renders it and the mutation hooks refetch it
// (or select its fragment), without importing one another.

/** Everything the group page shows, as its components declare it; the coordinator's mutations return it. */
export const GroupPage_group = graphql(`
  fragment GroupPage_group on PurchasingGroup {
    id
    title
    description
    status
    isDemo
    ...GroupFacts_group
    ...DemandChart_group
    ...MemberTable_group
    ...MembershipActions_group
    ...CoordinatorActions_group
    ...GroupInvitations_group
    ...InvitationAnswer_group
  }
`);

export const GroupPageQuery = graphql(`
  query GroupPageQuery($id: ID!) {
    viewer {
      id
      organization {
        id
        name
        population
      }
    }
    viewerCan {
      pending
    }
    purchasingGroup(id: $id) {
      id
      ...GroupPage_group
    }
  }
`);

/**
 * After a membership change (which returns the membership alone), the group page is fetched again so
 * that its pooled volume, tier, unit price and shares follow. Also after a conflict: the group may have
 * changed meanwhile (closed, deadline passed), and the page should show it.
 */
export function groupPageRefetch(result: { __typename?: string } | undefined) {
  if (!result) return [];
  const succeeded = result.__typename?.endsWith('Success') ?? false;
  return succeeded || result.__typename === 'ConflictError' ? [GroupPageQuery] : [];
}
