import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { DocumentHit } from '../library/LibraryPage';

export const ToolDocumentsQuery = graphql(`
  query ToolDocumentsQuery($toolSlug: String!) {
    documents(toolSlug: $toolSlug, first: 5) {
      totalCount
      edges {
        node {
          document {
            id
          }
          ...DocumentHit_hit
        }
      }
    }
  }
`);

/** « Documents partagés » on a tool page: the library documents linked to the tool (the five newest, then a link). */
export function ToolDocuments({ toolSlug }: { toolSlug: string }) {
  const { data } = useQuery(ToolDocumentsQuery, { variables: { toolSlug } });
  const documents = data?.documents;
  if (!documents) return null;
  return (
    <section aria-labelledby="outil-documents">
      <h2 id="outil-documents">Documents partagés</h2>
      {documents.totalCount === 0 ? (
        <p>
          Aucun document de la <Link to="/bibliotheque">bibliothèque</Link> n’est encore lié à cet outil.
        </p>
      ) : (
        <>
          <ul className="library-hits">
            {documents.edges.map((edge) => (
              <DocumentHit key={edge.node.document.id} hit={edge.node} heading="h3" />
            ))}
          </ul>
          {documents.totalCount > documents.edges.length ? (
            <p>
              <Link to={`/bibliotheque?outil=${encodeURIComponent(toolSlug)}`}>Voir les {formatInteger(documents.totalCount)} documents liés</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
