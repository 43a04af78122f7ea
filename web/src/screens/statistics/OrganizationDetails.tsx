import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DemoShare } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { NumericCell } from '../../components/Table';
import type { StatsScopeInput } from '../../gql/graphql';
import { formatCount, formatEurosHT, formatInteger } from '../../lib/format';
import { ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { OrganizationDetailsQuery, StatisticsViewerQuery } from './drilldownQueries';

export const DETAILS_PAGE_SIZE = 50;

const COLUMNS = ['Collectivité', 'Nature', 'Département', 'Population', 'Déploiements', 'En usage', 'Abandonnés', 'Dépense annuelle'];
const NUMERIC = new Set(['Population', 'Déploiements', 'En usage', 'Abandonnés', 'Dépense annuelle']);

/** The detail per collectivité, for the AUDITOR and ADMIN roles only (the field is refused to anyone else). */
export function OrganizationDetailsForAuditors({ scope }: { scope: StatsScopeInput }) {
  const { data } = useQuery(StatisticsViewerQuery);
  const roles = data?.viewer?.roles ?? [];
  if (!roles.includes('AUDITOR') && !roles.includes('ADMIN')) return null;
  return <OrganizationDetails scope={scope} key={JSON.stringify(scope)} />;
}

/**
 * A table of the collectivités of the scope that declare a tool, loaded page by page (« Charger plus »). Each page
 * is its own request, not cached: the page's figures of the same scope are cached under the same field.
 */
function OrganizationDetails({ scope }: { scope: StatsScopeInput }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="detail-collectivites" className="stat-section">
      <h2 id="detail-collectivites">Détail par collectivité (auditeurs)</h2>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Collectivités du périmètre qui déclarent un outil, par nom</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className={NUMERIC.has(column) ? 'numeric' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <DetailsPage
              key={after ?? 'first'}
              scope={scope}
              after={after}
              last={index === cursors.length - 1}
              onMore={(cursor) => setCursors((current) => [...current, cursor])}
            />
          ))}
        </table>
      </div>
    </section>
  );
}

function DetailsPage(props: { scope: StatsScopeInput; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { data, error, refetch } = useQuery(OrganizationDetailsQuery, {
    variables: { scope: props.scope, first: DETAILS_PAGE_SIZE, ...(props.after ? { after: props.after } : {}) },
    fetchPolicy: 'no-cache',
  });
  if (data === undefined) {
    // Loading or failed: the state in a row of its own (a table body holds rows only).
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS.length}>
            <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement du détail…">
              {() => null}
            </QueryState>
          </td>
        </tr>
      </tbody>
    );
  }
  const { adoptionStats } = data;
  if (adoptionStats.__typename !== 'QueryAdoptionStatsSuccess') {
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS.length}>{'message' in adoptionStats ? adoptionStats.message : 'Détail indisponible.'}</td>
        </tr>
      </tbody>
    );
  }
  const details = adoptionStats.data.organizationDetails;
  return (
    <tbody>
      {details.edges.map(({ node, cursor }) => (
        <tr key={cursor}>
          <th scope="row">{node.siren ? <Link to={`/territoires/${node.siren}`}>{node.name}</Link> : node.name}</th>
          <td data-label="Nature">{ORGANIZATION_KIND_LABELS[node.kind]}</td>
          <td data-label="Département">{node.departementCode ?? '—'}</td>
          <NumericCell label="Population">{formatInteger(node.population)}</NumericCell>
          <NumericCell label="Déploiements">
            {formatInteger(node.deployments)}
            <DemoShare total={node.deployments} demo={node.demo} />
          </NumericCell>
          <NumericCell label="En usage">{formatInteger(node.inUse)}</NumericCell>
          <NumericCell label="Abandonnés">{formatInteger(node.abandoned)}</NumericCell>
          <NumericCell label="Dépense annuelle">{formatEurosHT(node.spend)}</NumericCell>
        </tr>
      ))}
      {props.last ? (
        <tr>
          <td colSpan={COLUMNS.length}>
            {`${formatCount(details.totalCount, 'collectivité déclare', 'collectivités déclarent')} un outil. `}
            {details.pageInfo.hasNextPage && details.pageInfo.endCursor ? (
              <button type="button" className="button button--secondary" onClick={() => props.onMore(details.pageInfo.endCursor ?? '')}>
                Charger plus
              </button>
            ) : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
