import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { ModerationAction } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';

export const ModerateReviewMutation = graphql(`
  mutation ModerateReviewMutation($reviewId: ID!, $action: ModerationAction!, $reason: String!) {
    moderateReview(reviewId: $reviewId, action: $action, reason: $reason) {
      __typename
      ... on MutationModerateReviewSuccess {
        data {
          id
          tool {
            id
          }
          ...ModerationItem_review
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

/**
 * Hides or restores a review. The queue row is updated by id; the tool's public list and averages
 * change too, so they are dropped from the cache and fetched again when next shown.
 */
export function useModerateReview() {
  const [mutate, { loading }] = useMutation(ModerateReviewMutation, {
    update(cache, { data }) {
      const result = data?.moderateReview;
      if (result?.__typename !== 'MutationModerateReviewSuccess') return;
      const tool = cache.identify({ __typename: 'Tool', id: result.data.tool.id });
      if (!tool) return;
      cache.evict({ id: tool, fieldName: 'reviews' });
      cache.evict({ id: tool, fieldName: 'ratings' });
    },
  });
  const moderate = useCallback(
    (reviewId: string, action: ModerationAction, reason: string) =>
      settle(() => mutate({ variables: { reviewId, action, reason } }), (data) => data.moderateReview),
    [mutate],
  );
  return [moderate, { loading }] as const;
}
