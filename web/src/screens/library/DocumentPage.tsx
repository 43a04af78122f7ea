import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { DetailHeader } from '../../components/DetailHeader';
import { Fact } from '../../components/Fact';
import { FormAlert, FormSuccess } from '../../components/Form';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import type { FormErrors } from '../../lib/mutationResult';
import { DOCUMENT_TYPE_LABELS, formatBytes, LICENCE_SHORT_LABELS } from './libraryLabels';
import { EditDocumentForm } from './EditDocumentForm';
import { UploadVersionForm } from './UploadDocumentForm';
import { useMarkDocumentReused } from './useMarkDocumentReused';
import './library.css';

export const DocumentPageQuery = graphql(`
  query DocumentPageQuery($slug: String!) {
    document(slug: $slug) {
      id
      slug
      title
      summary
      type
      isDemo
      documentDate
      sourceUrl
      sourceDate
      downloadCount
      reuseCount
      viewerHasReused
      viewerCanMarkReused
      viewerCanAddVersion
      viewerCanEdit
      licence {
        code
        name
        url
      }
      organization {
        id
        name
        siren
      }
      tools {
        tool {
          id
          slug
          name
        }
      }
      categories {
        category {
          id
          slug
          name
        }
      }
      versions {
        number
        fileName
        mimeType
        byteSize
        createdAt
        downloadUrl
      }
      usedBy(first: 100) {
        totalCount
        edges {
          node {
            createdAt
            organization {
              id
              name
              siren
            }
          }
        }
      }
    }
  }
`);

function ReuseButton({ documentId }: { documentId: string }) {
  const [mark, { loading }] = useMarkDocumentReused();
  const [errors, setErrors] = useState<FormErrors>();
  return (
    <>
      <FormAlert errors={errors} placed={[]} />
      <button
        type="button"
        className="button"
        disabled={loading}
        onClick={() =>
          void mark(documentId).then((outcome) => {
            setErrors(outcome.ok ? undefined : outcome.errors);
          })
        }
      >
        Nous l’avons réutilisé
      </button>
    </>
  );
}

const FILE_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/markdown; charset=utf-8': 'Markdown',
};

/** /bibliotheque/:slug — a document: what it is, its licence in full, its versions to download, who reused it. */
export function DocumentPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const [uploadedVersion, setUploadedVersion] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const { data, error, refetch } = useQuery(DocumentPageQuery, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement du document…">
      {({ document }) => {
        if (!document) {
          return (
            <NotFound what="Document" backTo="/bibliotheque" backLabel="Retour à la bibliothèque">
              Aucun document de la bibliothèque ne porte cette adresse.
            </NotFound>
          );
        }
        const reusers = document.usedBy.edges.map((edge) => edge.node);
        return (
          <>
            <DetailHeader heading={document.title} documentTitle={`${document.title} — Bibliothèque — Mutualis`} backTo="/bibliotheque" backLabel="Bibliothèque">
              <p className="library-hit__meta">
                <span className="badge badge--type">{DOCUMENT_TYPE_LABELS[document.type]}</span>
                <span className="badge badge--licence">{LICENCE_SHORT_LABELS[document.licence.code]}</span>
                <DemoBadge show={document.isDemo} />
              </p>
            </DetailHeader>
            {(location.state as { uploaded?: boolean } | null)?.uploaded ? <FormSuccess>Votre document est publié dans la bibliothèque.</FormSuccess> : null}
            <p className="lead">{document.summary}</p>
            {document.viewerCanEdit && !editing ? (
              <p>
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  Modifier la description
                </button>
              </p>
            ) : null}
            {editing ? (
              <EditDocumentForm
                document={{
                  id: document.id,
                  title: document.title,
                  summary: document.summary,
                  type: document.type,
                  licence: document.licence.code,
                  documentDate: document.documentDate ?? null,
                  toolSlugs: document.tools.map(({ tool }) => tool.slug),
                  categorySlugs: document.categories.map(({ category }) => category.slug),
                }}
                onDone={() => setEditing(false)}
              />
            ) : null}
            <dl className="facts">
              <Fact term="Collectivité autrice">
                {document.organization.siren ? <Link to={`/territoires/${document.organization.siren}`}>{document.organization.name}</Link> : document.organization.name}
              </Fact>
              <Fact term="Date du document">{document.documentDate ? formatDate(document.documentDate) : 'non précisée'}</Fact>
              <Fact term="Licence">
                {document.licence.url ? <a href={document.licence.url}>{document.licence.name}</a> : document.licence.name}
              </Fact>
              <Fact term="Téléchargements">{formatInteger(document.downloadCount)}</Fact>
              {document.tools.length ? (
                <Fact term="Outils concernés">
                  {document.tools.map(({ tool }, index) => (
                    <span key={tool.id}>
                      {index ? ', ' : ''}
                      <Link to={`/catalogue/${tool.slug}`}>{tool.name}</Link>
                    </span>
                  ))}
                </Fact>
              ) : null}
              {document.categories.length ? <Fact term="Catégories">{document.categories.map(({ category }) => category.name).join(', ')}</Fact> : null}
              {document.sourceUrl ? (
                <Fact term="Source">
                  <a href={document.sourceUrl}>{document.sourceUrl}</a>
                  {document.sourceDate ? ` (consultée le ${formatDate(document.sourceDate)})` : ''}
                </Fact>
              ) : null}
            </dl>

            <section aria-labelledby="versions">
              <h2 id="versions">Versions</h2>
              {uploadedVersion ? <FormSuccess>La version {uploadedVersion} est déposée ; les précédentes restent téléchargeables.</FormSuccess> : null}
              {document.versions.length === 0 ? (
                <p>Aucun fichier n’est déposé pour ce document : consultez-le à sa source.</p>
              ) : (
                <table className="table library-versions">
                  <caption className="visually-hidden">Versions du document, la plus récente d’abord</caption>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Fichier</th>
                      <th scope="col">Format</th>
                      <th scope="col">Taille</th>
                      <th scope="col">Déposée le</th>
                    </tr>
                  </thead>
                  <tbody>
                    {document.versions.map((version) => (
                      <tr key={version.number}>
                        <td>{version.number}</td>
                        <td>
                          <a href={version.downloadUrl} download={version.fileName}>
                            Télécharger {version.fileName}
                          </a>
                        </td>
                        <td>{FILE_KINDS[version.mimeType] ?? version.mimeType}</td>
                        <td>{formatBytes(version.byteSize)}</td>
                        <td>{formatDateTime(version.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {document.viewerCanAddVersion ? (
                <UploadVersionForm
                  slug={document.slug}
                  onUploaded={(version) => {
                    setUploadedVersion(version);
                    void refetch();
                  }}
                />
              ) : null}
            </section>

            <section aria-labelledby="utilise-par">
              <h2 id="utilise-par">Utilisé par</h2>
              {reusers.length === 0 ? (
                <p>Aucune collectivité n’a encore indiqué avoir réutilisé ce document.</p>
              ) : (
                <ul>
                  {reusers.map((reuse) => (
                    <li key={reuse.organization.id}>
                      {reuse.organization.siren ? <Link to={`/territoires/${reuse.organization.siren}`}>{reuse.organization.name}</Link> : reuse.organization.name}{' '}
                      (depuis le {formatDate(reuse.createdAt)})
                    </li>
                  ))}
                </ul>
              )}
              {document.viewerHasReused ? <p role="status">Votre collectivité a indiqué avoir réutilisé ce document.</p> : null}
              {document.viewerCanMarkReused && !document.viewerHasReused ? <ReuseButton documentId={document.id} /> : null}
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
