import type { ApolloCache, Reference } from '@apollo/client';
import { isReference } from '@apollo/client/utilities';
import { graphql } from '../../gql';
import type { DeclareDeploymentInput } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const DeclareDeploymentMutation = graphql(`
  mutation DeclareDeploymentMutation($input: DeclareDeploymentInput!) {
    declareDeployment(input: $input) {
      __typename
      ... on MutationDeclareDeploymentSuccess {
        data {
          id
          organization {
            id
          }
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

interface ConnectionEdge {
  __typename: string;
  cursor: string;
  node: Reference;
}

interface Connection {
  totalCount: number;
  edges: readonly ConnectionEdge[];
}

/**
 * A deployment decides whether the collectivité's review of the tool is « vérifié »: the tool's
 * reviews and ratings are dropped from the cache, to be fetched again when next shown.
 */
export function forgetToolReviews(cache: ApolloCache, toolId: string) {
  const id = cache.identify({ __typename: 'Tool', id: toolId });
  if (!id) return;
  cache.evict({ id, fieldName: 'reviews' });
  cache.evict({ id, fieldName: 'ratings' });
  cache.gc();
}

/** Declares a tool used by the collectivité; the new row is put at the top of its deployments. */
export const useDeclareDeployment = mutationHook(DeclareDeploymentMutation, 'declareDeployment', {
  variables: (input: DeclareDeploymentInput) => ({ input }),
  onSuccess(cache, deployment) {
    const node = cache.identify({ __typename: 'Deployment', id: deployment.id });
    const organization = cache.identify({ __typename: 'Organization', id: deployment.organization.id });
    if (node && organization) {
      cache.modify<{ deployments: Connection }>({
        id: organization,
        fields: {
          deployments(existing, { readField, toReference }) {
            const ref = toReference(node);
            if (isReference(existing) || !ref || existing.edges.some((edge) => readField('id', edge.node) === deployment.id)) return existing;
            // The list is ordered by last change: the new declaration comes first. Its cursor is never
            // used to page (« Afficher plus » continues from pageInfo.endCursor).
            const edge: ConnectionEdge = { __typename: 'OrganizationDeploymentsConnectionEdge', cursor: `nouveau:${deployment.id}`, node: ref };
            return { ...existing, totalCount: existing.totalCount + 1, edges: [edge, ...existing.edges] };
          },
        },
      });
    }
    forgetToolReviews(cache, deployment.tool.id);
  },
});
