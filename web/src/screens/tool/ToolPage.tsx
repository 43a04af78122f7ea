import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { PENDING_MESSAGE } from '../../lib/messages';
import { RatingsSummary } from './RatingsSummary';
import { ReviewForm } from './ReviewForm';
import { ReviewList } from './ReviewList';
import { ToolAdoption } from './ToolAdoption';
import { ToolDetails } from './ToolDetails';
import { ToolImpact } from './ToolImpact';
import { ToolPlans } from './ToolPlans';
import { ToolContracts } from './ToolContracts';
import { ToolDocuments } from './ToolDocuments';
import { ToolReferents } from './ToolReferents';
import { NotFound as NotFoundPage } from '../../components/NotFound';
import { DetailHeader } from '../../components/DetailHeader';

export const ToolPageQuery = graphql(`
  query ToolPageQuery($slug: String!, $reviewsAfter: String, $contractsAfter: String, $providerContractsAfter: String) {
    viewer {
      id
      organization {
        id
        siren
        name
      }
    }
    viewerCan {
      pending
    }
    tool(slug: $slug) {
      id
      slug
      name
      isDemo
      declaredByProvider
      viewerCanReview
      ...ToolDetails_tool
      ...ToolAdoption_tool
      ...ToolPlans_tool
      ...ToolImpact_tool
      ...ToolContracts_tool
      ...RatingsSummary_tool
      ...ReviewList_tool
      reviews(first: 20, after: $reviewsAfter) {
        edges {
          node {
            id
            organization {
              id
            }
            ...ReviewForm_review
          }
        }
      }
    }
  }
`);

function NotFound({ slug }: { slug: string }) {
  return (
    <NotFoundPage what="Outil" backTo="/catalogue" backLabel="Retour au catalogue">
      Aucun outil du catalogue ne correspond à l'adresse « {slug} ».
    </NotFoundPage>
  );
}

export function ToolPage() {
  const slug = useParams().slug ?? '';
  const { data, error, refetch, fetchMore } = useQuery(ToolPageQuery, { variables: { slug } });
  return (
    <QueryState data={data} error={error} refetch={refetch}>
      {({ viewer, viewerCan: can, tool }) => {
        if (!tool) return <NotFound slug={slug} />;
        const ownReview = viewer
          ? tool.reviews.edges.find((edge) => edge.node.organization.id === viewer.organization.id)?.node
          : undefined;
        return (
          <article className="tool-page">
            <DetailHeader heading={tool.name} documentTitle={`${tool.name} — Mutualis`} backTo="/catalogue" backLabel="Catalogue">
              <DemoBadge show={tool.isDemo} />
              {tool.declaredByProvider ? (
                <span className="badge badge--declared" title="Fiche renseignée par le fournisseur lui-même, non vérifiée par Mutualis">
                  Déclaré par le fournisseur
                </span>
              ) : null}
            </DetailHeader>
            <ToolDetails tool={tool} />
            <ToolPlans tool={tool} />
            <ToolImpact tool={tool} />
            <ToolAdoption tool={tool} viewerSiren={viewer?.organization.siren ?? null} />
            <ToolContracts
              tool={tool}
              onLoadMore={(after) => fetchMore({ variables: { contractsAfter: after } })}
              onLoadMoreProvider={(after) => fetchMore({ variables: { providerContractsAfter: after } })}
            />
            <ToolReferents toolSlug={tool.slug} />
            <ToolDocuments toolSlug={tool.slug} />
            <RatingsSummary tool={tool} />
            {viewer && tool.viewerCanReview ? (
              <ReviewForm toolSlug={tool.slug} organizationName={viewer.organization.name} existing={ownReview} />
            ) : null}
            {can.pending ? <p className="notice notice--warning">{PENDING_MESSAGE}</p> : null}
            {!viewer ? (
              <p className="notice">
                <Link to={`/connexion?retour=${encodeURIComponent(`/catalogue/${tool.slug}`)}`}>Connectez-vous</Link> pour
                donner l'avis de votre collectivité sur {tool.name}.
              </p>
            ) : null}
            <ReviewList
              tool={tool}
              onLoadMore={(after) => fetchMore({ variables: { reviewsAfter: after } })}
            />
          </article>
        );
      }}
    </QueryState>
  );
}
