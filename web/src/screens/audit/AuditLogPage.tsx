import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { getFragmentData, graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { queryErrorCode } from '../../lib/mutationResult';
import { AuditEventRow, AuditEventRow_event } from './AuditEventRow';
import { AuditExport } from './AuditExport';
import { AuditFilters } from './AuditFilters';
import { readAuditParams, toAuditFilter, writeAuditParams } from './auditFilters';

/** The actions and entity types the filters offer, with their French labels (the API's lists, asked once). */
export const AuditCodesQuery = graphql(`
  query AuditCodesQuery {
    auditActions {
      code
      label
    }
    auditEntityTypes {
      code
      label
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLogQuery($filter: AuditEventFilter, $after: String) {
    auditEvents(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...AuditEventRow_event
        }
      }
    }
  }
`);

export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readAuditParams(searchParams);
  const { data, error, refetch, fetchMore } = useQuery(AuditLogQuery, { variables: { filter: toAuditFilter(params) } });
  const code = queryErrorCode(error);
  const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
  const apply = (next: typeof params) => setSearchParams(writeAuditParams(next));
  // asked once the log has answered (a refused visitor is not sent the lists), then kept
  const [listsWanted, setListsWanted] = useState(false);
  useEffect(() => {
    if (data) setListsWanted(true);
  }, [data]);
  const codesQuery = useQuery(AuditCodesQuery, { skip: !listsWanted });
  const codes = codesQuery.data ? { actions: codesQuery.data.auditActions, entityTypes: codesQuery.data.auditEntityTypes } : undefined;
  // every event listed is the chosen person's: the first one names them
  const firstEvent = data?.auditEvents.edges[0] ? getFragmentData(AuditEventRow_event, data.auditEvents.edges[0].node) : undefined;
  const actorName = params.auteur && firstEvent?.actor?.id === params.auteur ? firstEvent.actor.name : undefined;

  return (
    <>
      <title>Journal d'audit — Mutualis</title>
      <h1>Journal d'audit</h1>
      {refused ? (
        <div className="notice notice--warning" role="alert">
          <p>Le journal d'audit est réservé aux auditeurs et aux administrateurs de la plateforme.</p>
          {code === 'UNAUTHENTICATED' ? (
            <p>
              <Link to="/connexion?retour=%2Fjournal">Se connecter</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="lead">
            Chaque modification (déclarations, avis, chartes, adhésions, connexions), avec son auteur, son organisation et
            l'état avant et après. Le journal n'est jamais modifié.
          </p>
          {/* Remounted when the URL changes (back button, link), so the form shows the applied filters. */}
          <AuditFilters key={searchParams.toString()} params={params} codes={codes} actorName={actorName} onApply={apply} />
          <QueryState data={data} error={error} refetch={refetch}>
            {({ auditEvents }) => (
              <>
                <div className="results__header">
                  <p className="results__count" aria-live="polite">
                    {auditEvents.totalCount === 0
                      ? 'Aucun événement'
                      : `${formatInteger(auditEvents.totalCount)} ${auditEvents.totalCount > 1 ? 'événements' : 'événement'}`}
                  </p>
                  <AuditExport params={params} totalCount={auditEvents.totalCount} />
                </div>
                {auditEvents.edges.length > 0 ? (
                  <div className="table-scroll">
                    <table className="table audit-table">
                      <caption className="visually-hidden">Journal d'audit, du plus récent au plus ancien</caption>
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Auteur</th>
                          <th scope="col">Organisation</th>
                          <th scope="col">Action</th>
                          <th scope="col">Entité</th>
                          <th scope="col">Identifiant de requête</th>
                          <th scope="col">Champs modifiés</th>
                        </tr>
                      </thead>
                      <tbody>
                        {auditEvents.edges.map(({ node }) => (
                          <AuditEventRow key={node.id} event={node} onActor={(auteur) => apply({ ...params, auteur })} />
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                <LoadMore pageInfo={auditEvents.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
