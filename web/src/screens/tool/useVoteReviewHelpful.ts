import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';

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

/** « Utile » on a review: the new count comes back on the review, which the cache merges by id. */
export function useVoteReviewHelpful() {
  const [mutate, { loading }] = useMutation(VoteReviewHelpfulMutation);
  const vote = useCallback(
    (reviewId: string) => settle(() => mutate({ variables: { reviewId } }), (data) => data.voteReviewHelpful),
    [mutate],
  );
  return [vote, { loading }] as const;
}
