import { graphql } from '../../gql';
import type { UpdateDeploymentInput } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';
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
      ...MutationError
    }
  }
`);

/**
 * Updates a declaration. The row is updated in place by the cache (same id); a status change can
 * make the collectivité's review « vérifié », so the tool's reviews are fetched again when next shown.
 */
export const useUpdateDeployment = mutationHook(UpdateDeploymentMutation, 'updateDeployment', {
  variables: (id: string, input: UpdateDeploymentInput) => ({ id, input }),
  onSuccess: (cache, deployment) => forgetToolReviews(cache, deployment.tool.id),
});
