import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { UpdateDeploymentInput } from '../../gql/graphql';
import { settle } from '../../lib/mutationResult';
import { forgetToolReviews } from './useDeclareDeployment';

export const UpdateDeploymentMutation = graphql(`
  mutation UpdateDeploymentMutation($id: ID!, $input: UpdateDeploymentInput!) {
    updateDeployment(id: $id, input: $input) {
      __typename
      ... on MutationUpdateDeploymentSuccess {
        data {
          id
          tool {
            id
          }
          ...DeploymentRow_deployment
          ...DeploymentForm_deployment
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
 * Updates a declaration. The row is updated in place by the cache (same id); a status change can
 * make the collectivité's review « vérifié », so the tool's reviews are fetched again when next shown.
 */
export function useUpdateDeployment() {
  const [mutate, { loading }] = useMutation(UpdateDeploymentMutation, {
    update(cache, { data }) {
      const result = data?.updateDeployment;
      if (result?.__typename === 'MutationUpdateDeploymentSuccess') forgetToolReviews(cache, result.data.tool.id);
    },
  });
  const update = useCallback(
    (id: string, input: UpdateDeploymentInput) =>
      settle(() => mutate({ variables: { id, input } }), (data) => data.updateDeployment),
    [mutate],
  );
  return [update, { loading }] as const;
}
