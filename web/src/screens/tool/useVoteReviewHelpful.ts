import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const VoteReviewHelpfulMutation = graphql(`
  mutation VoteReviewHelpfulMutation($reviewId: ID!) {
    voteReviewHelpful(reviewId: $reviewId) {
      __typename
      ... on MutationVoteReviewHelpfulSuccess {
        data {
          id
          helpfulCount
        }
      }
      ...MutationError
    }
  }
`);

/** « Utile » on a review: the new count comes back on the review, which the cache merges by id. */
export const useVoteReviewHelpful = mutationHook(VoteReviewHelpfulMutation, 'voteReviewHelpful', {
  variables: (reviewId: string) => ({ reviewId }),
});
