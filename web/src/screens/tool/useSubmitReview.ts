import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { SubmitReviewInput } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';

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
 * Publishes (or updates) the collectivité's review. The tool's averages and its review list are
 * computed by the server: the tool page is fetched again, and the promise waits for it, so that the
 * confirmation shows with the review in the list.
 */
export function useSubmitReview() {
  const [mutate, { loading }] = useMutation(SubmitReviewMutation, {
    refetchQueries: ['ToolPageQuery'],
    awaitRefetchQueries: true,
  });
  const submit = useCallback(
    (input: SubmitReviewInput) => settle(() => mutate({ variables: { input } }), (data) => data.submitReview),
    [mutate],
  );
  return [submit, { loading }] as const;
}
