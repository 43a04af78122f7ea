import { graphql } from '../../gql';
import type { SubmitReviewInput } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const SubmitReviewMutation = graphql(`
  mutation SubmitReviewMutation($input: SubmitReviewInput!) {
    submitReview(input: $input) {
      __typename
      ... on MutationSubmitReviewSuccess {
        data {
          id
          versionCount
          verified
        }
      }
      ...MutationError
    }
  }
`);

/**
 * Publishes (or updates) the collectivité's review. The tool's averages and its review list are
 * computed by the server: the tool page is fetched again, and the promise waits for it, so that the
 * confirmation shows with the review in the list.
 */
export const useSubmitReview = mutationHook(SubmitReviewMutation, 'submitReview', {
  variables: (input: SubmitReviewInput) => ({ input }),
  refetchQueries: ['ToolPageQuery'],
  awaitRefetchQueries: true,
});
