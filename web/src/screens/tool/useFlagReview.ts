import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const FlagReviewMutation = graphql(`
  mutation FlagReviewMutation($reviewId: ID!, $reason: String!) {
    flagReview(reviewId: $reviewId, reason: $reason) {
      __typename
      ... on MutationFlagReviewSuccess {
        data {
          id
        }
      }
      ...MutationError
    }
  }
`);

/** Flags a review to the moderators; nothing shown on the page changes (the review stays visible). */
export const useFlagReview = mutationHook(FlagReviewMutation, 'flagReview', {
  variables: (reviewId: string, reason: string) => ({ reviewId, reason }),
});
