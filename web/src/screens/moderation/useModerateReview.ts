import { graphql } from '../../gql';
import type { ModerationAction } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

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
      ...MutationError
    }
  }
`);

/**
 * Hides or restores a review. The queue row is updated by id; the tool's public list and averages
 * change too, so they are dropped from the cache and fetched again when next shown.
 */
export const useModerateReview = mutationHook(ModerateReviewMutation, 'moderateReview', {
  variables: (reviewId: string, action: ModerationAction, reason: string) => ({ reviewId, action, reason }),
  onSuccess(cache, review) {
    const tool = cache.identify({ __typename: 'Tool', id: review.tool.id });
    if (!tool) return;
    cache.evict({ id: tool, fieldName: 'reviews' });
    cache.evict({ id: tool, fieldName: 'ratings' });
  },
});
