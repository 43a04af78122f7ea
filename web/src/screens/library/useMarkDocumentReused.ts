import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const MarkDocumentReusedMutation = graphql(`
  mutation MarkDocumentReusedMutation($documentId: ID!) {
    markDocumentReused(documentId: $documentId) {
      __typename
      ... on MutationMarkDocumentReusedSuccess {
        data {
          createdAt
        }
      }
      ...MutationError
    }
  }
`);

/** « Nous l’avons réutilisé »: the document page is read again (count, « utilisé par », the button's state). */
export const useMarkDocumentReused = mutationHook(MarkDocumentReusedMutation, 'markDocumentReused', {
  variables: (documentId: string) => ({ documentId }),
  refetchQueries: (result) => (result?.__typename === 'MutationMarkDocumentReusedSuccess' ? ['DocumentPageQuery'] : []),
  awaitRefetchQueries: true,
});
