import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { labelledOptions, SearchField, SearchForm, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { DocumentLicence, DocumentType } from '../../gql/graphql';
import { formatDate, formatInteger } from '../../lib/format';
import { Excerpt } from './Excerpt';
import { DOCUMENT_TYPE_LABELS, documentPath, LICENCE_SHORT_LABELS, MAX_FILE_MB } from './libraryLabels';
import { UploadDocumentForm } from './UploadDocumentForm';
import './library.css';

export const DocumentHit_hit = graphql(`
  fragment DocumentHit_hit on DocumentSearchHit {
    excerpt {
      text
      highlighted
    }
    document {
      id
      slug
      title
      summary
      type
      isDemo
      documentDate
      licence {
        code
      }
      organization {
        id
        name
      }
      reuseCount
    }
  }
`);

export const LibraryPageQuery = graphql(`
  query LibraryPageQuery($query: String, $type: DocumentType, $licence: DocumentLicence, $categorySlug: String, $toolSlug: String, $first: Int!, $after: String) {
    viewerCan {
      actForOrganization
    }
    categories {
      id
      slug
      name
    }
    documents(query: $query, type: $type, licence: $licence, categorySlug: $categorySlug, toolSlug: $toolSlug, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
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

export const LIBRARY_PAGE_SIZE = 20;

/** One result: title, badges (type, licence, demo), author, date, then the excerpt with the words found marked. */
export function DocumentHit(props: { hit: FragmentType<typeof DocumentHit_hit>; heading?: 'h2' | 'h3' }) {
  const { document, excerpt } = getFragmentData(DocumentHit_hit, props.hit);
  const Heading = props.heading ?? 'h2';
  return (
    <li className="library-hit">
      <Heading>
        <Link to={documentPath(document.slug)}>{document.title}</Link>
      </Heading>
      <p className="library-hit__meta">
        <span className="badge badge--type">{DOCUMENT_TYPE_LABELS[document.type]}</span>
        <span className="badge badge--licence">{LICENCE_SHORT_LABELS[document.licence.code]}</span>
        <DemoBadge show={document.isDemo} />
        <span>
          {document.organization.name}
          {document.documentDate ? `, ${formatDate(document.documentDate)}` : ''}
          {document.reuseCount > 0 ? ` · réutilisé par ${formatInteger(document.reuseCount)} collectivité${document.reuseCount > 1 ? 's' : ''}` : ''}
        </span>
      </p>
      {excerpt ? <Excerpt pieces={excerpt} /> : <p className="library-hit__excerpt">{document.summary}</p>}
    </li>
  );
}

const countLabel = (count: number) => (count === 0 ? 'Aucun document' : `${formatInteger(count)} document${count > 1 ? 's' : ''}`);

/** /bibliotheque — the documents pooled by collectivités, searched in their text; members of a collectivité add theirs. */
export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const query = params.get('q') ?? '';
  const type = (params.get('type') ?? '') as DocumentType | '';
  const licence = (params.get('licence') ?? '') as DocumentLicence | '';
  const categorySlug = params.get('categorie') ?? '';
  const toolSlug = params.get('outil') ?? '';
  const [typed, setTyped] = useState(query);
  const [uploading, setUploading] = useState(false);
  const setParam = (name: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  const { data, previousData, error, refetch, fetchMore } = useQuery(LibraryPageQuery, {
    variables: {
      query: query || null,
      type: type || null,
      licence: licence || null,
      categorySlug: categorySlug || null,
      toolSlug: toolSlug || null,
      first: LIBRARY_PAGE_SIZE,
    },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (error ? undefined : previousData);
  const canUpload = shown?.viewerCan.actForOrganization ?? false;

  return (
    <>
      <title>Bibliothèque — Mutualis</title>
      <div className="section-header">
        <h1>Bibliothèque partagée</h1>
        {canUpload && !uploading ? (
          <button type="button" className="button" onClick={() => setUploading(true)}>
            Déposer un document
          </button>
        ) : null}
      </div>
      <p className="lead">
        Chartes, délibérations, clauses de marchés, analyses d’impact, dossiers de consultation et rapports d’évaluation partagés
        par les collectivités. La recherche porte aussi sur le texte des fichiers (PDF, ODT, DOCX ou Markdown, {MAX_FILE_MB} Mo au plus).
      </p>
      {uploading ? <UploadDocumentForm onUploaded={(slug) => void navigate(documentPath(slug), { state: { uploaded: true } })} onCancel={() => setUploading(false)} /> : null}

      <SearchForm label="Rechercher dans la bibliothèque" onSearch={() => setParam('q', typed.trim())}>
        <SearchField label="Rechercher dans les documents" placeholder="ex. réversibilité des données" value={typed} onChange={setTyped} />
        <p className="form__actions">
          <button type="submit" className="button">
            Rechercher
          </button>
        </p>
      </SearchForm>
      <form className="filters" aria-label="Filtrer les documents" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Type" placeholder="Tous les types" options={labelledOptions(DOCUMENT_TYPE_LABELS)} value={type} onChange={(value) => setParam('type', value)} />
        <SelectField label="Licence" placeholder="Toutes les licences" options={labelledOptions(LICENCE_SHORT_LABELS)} value={licence} onChange={(value) => setParam('licence', value)} />
        <SelectField
          label="Catégorie"
          placeholder="Toutes les catégories"
          options={(shown?.categories ?? []).map((c) => ({ value: c.slug, label: c.name }))}
          value={categorySlug}
          onChange={(value) => setParam('categorie', value)}
        />
      </form>
      {toolSlug ? (
        <p className="notice">
          Documents liés à l’outil « {toolSlug} ». <button type="button" className="button button--secondary button--small" onClick={() => setParam('outil', '')}>Tous les outils</button>
        </p>
      ) : null}

      <QueryState data={shown} error={error} refetch={refetch} loadingLabel="Chargement des documents…">
        {(result) => (
          <section aria-labelledby="resultats" aria-busy={!data}>
            <h2 id="resultats" className="visually-hidden">
              Résultats
            </h2>
            <p role="status">
              {countLabel(result.documents.totalCount)}
              {query ? ` pour « ${query} », les plus pertinents d’abord` : ', les plus récents d’abord'}
            </p>
            <ul className="library-hits">
              {result.documents.edges.map((edge) => (
                <DocumentHit key={edge.node.document.id} hit={edge.node} />
              ))}
            </ul>
            <LoadMore pageInfo={result.documents.pageInfo} onLoadMore={(after) =>
                fetchMore({
                  variables: { after },
                  // no field policy for this search: the next page is appended here
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    documents: { ...fetchMoreResult.documents, edges: [...previous.documents.edges, ...fetchMoreResult.documents.edges] },
                  }),
                })
              } />
          </section>
        )}
      </QueryState>
    </>
  );
}
