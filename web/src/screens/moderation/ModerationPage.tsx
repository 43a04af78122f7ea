import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { queryErrorCode } from '../../lib/mutationResult';
import { ModerationItem } from './ModerationItem';

export const ModerationPageQuery = graphql(`
  query ModerationPageQuery($after: String) {
    moderationQueue(first: 30, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ModerationItem_review
        }
      }
    }
  }
`);

export function ModerationPage() {
  const { data, error, refetch, fetchMore } = useQuery(ModerationPageQuery);
  const code = queryErrorCode(error);
  return (
    <>
      <title>Modération — Mutualis</title>
      <h1>Modération des avis</h1>
      {code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? (
        <p className="notice notice--warning" role="alert">
          La modération est réservée aux administrateurs de la plateforme.{' '}
          {code === 'UNAUTHENTICATED' ? <Link to="/connexion?retour=%2Fmoderation">Se connecter</Link> : null}
        </p>
      ) : (
        <>
          <p className="lead">Les avis signalés ou masqués, à examiner. Chaque décision demande un motif et reste dans le journal d'audit.</p>
          <QueryState data={data} error={error} refetch={refetch}>
            {({ moderationQueue }) => (
              <>
                <p className="results__count">
                  {moderationQueue.totalCount === 0 ? 'Aucun avis à examiner' : `${formatInteger(moderationQueue.totalCount)} avis à examiner`}
                </p>
                {moderationQueue.edges.map(({ node }) => (
                  <ModerationItem key={node.id} review={node} />
                ))}
                <LoadMore pageInfo={moderationQueue.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
