import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { settle } from '../../lib/mutationResult';

export const FlagReviewMutation = graphql(`
  mutation FlagReviewMutation($reviewId: ID!, $reason: String!) {
    flagReview(reviewId: $reviewId, reason: $reason) {
      __typename
      ... on MutationFlagReviewSuccess {
        data {
          id
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

/** Flags a review to the moderators; nothing shown on the page changes (the review stays visible). */
export function useFlagReview() {
  const [mutate, { loading }] = useMutation(FlagReviewMutation);
  const flag = useCallback(
    (reviewId: string, reason: string) => settle(() => mutate({ variables: { reviewId, reason } }), (data) => data.flagReview),
    [mutate],
  );
  return [flag, { loading }] as const;
}
