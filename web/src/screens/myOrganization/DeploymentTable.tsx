import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate, formatEurosHT, formatInteger } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS, PROCUREMENT_ROUTE_LABELS } from '../../lib/labels';
import { DeploymentForm_deployment } from './DeploymentForm';

export const DeploymentRow_deployment = graphql(`
  fragment DeploymentRow_deployment on Deployment {
    ...DeploymentForm_deployment
    isDemo
  }
`);

function DeploymentRow(props: {
  deployment: FragmentType<typeof DeploymentRow_deployment>;
  onEdit?: ((id: string) => void) | undefined;
}) {
  // The row shows what the edit form reads, and the demo badge.
  const row = getFragmentData(DeploymentRow_deployment, props.deployment);
  const deployment = { ...getFragmentData(DeploymentForm_deployment, row), isDemo: row.isDemo };
  return (
    <tr>
      <th scope="row" data-label="Outil" id={`deploiement-${deployment.id}`}>
        <Link to={`/catalogue/${deployment.tool.slug}`}>{deployment.tool.name}</Link>
        <DemoBadge show={deployment.isDemo} />
      </th>
      <td data-label="Statut">
        <span className={`status status--${deployment.status.toLowerCase()}`}>{DEPLOYMENT_STATUS_LABELS[deployment.status]}</span>
        {deployment.status === 'ABANDONED' && deployment.abandonReason ? (
          <span className="cell-note">{deployment.abandonReason}</span>
        ) : null}
      </td>
      <td data-label="Service">{deployment.service ?? '—'}</td>
      <td data-label="Utilisateurs" className="numeric">
        {formatInteger(deployment.users)}
      </td>
      <td data-label="Requêtes par mois" className="numeric">
        {formatInteger(deployment.monthlyRequests)}
      </td>
      <td data-label="Coût annuel" className="numeric">
        {formatEurosHT(deployment.annualCost)}
      </td>
      <td data-label="Voie d'achat">{deployment.procurementRoute ? PROCUREMENT_ROUTE_LABELS[deployment.procurementRoute] : '—'}</td>
      <td data-label="Début">{deployment.startDate ? <time dateTime={deployment.startDate}>{formatDate(deployment.startDate)}</time> : '—'}</td>
      <td data-label="Fin">{deployment.endDate ? <time dateTime={deployment.endDate}>{formatDate(deployment.endDate)}</time> : '—'}</td>
      {props.onEdit ? (
        <td>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={`deploiement-${deployment.id}`}
            onClick={() => props.onEdit?.(deployment.id)}
          >
            Modifier
          </button>
        </td>
      ) : null}
    </tr>
  );
}

// $deploymentsAfter is a variable of the page query (MyOrganizationQuery), used for « Afficher plus ».
export const DeploymentTable_organization = graphql(`
  fragment DeploymentTable_organization on Organization {
    deployments(first: 50, after: $deploymentsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...DeploymentRow_deployment
        }
      }
    }
  }
`);

/** The collectivité's declared tools, most recently changed first. */
export function DeploymentTable(props: {
  organization: FragmentType<typeof DeploymentTable_organization>;
  onEdit?: ((id: string) => void) | undefined;
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const { deployments } = getFragmentData(DeploymentTable_organization, props.organization);
  const rows = deployments.edges.map((edge) => edge.node);
  const { hasNextPage, endCursor } = deployments.pageInfo;
  if (rows.length === 0) {
    return <p>Aucun outil d'IA n'est encore déclaré pour votre collectivité.</p>;
  }
  return (
    <>
      <p className="results__count">
        {deployments.totalCount > 1 ? `${formatInteger(deployments.totalCount)} outils déclarés` : '1 outil déclaré'}
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Outils d'IA déclarés par la collectivité</caption>
          <thead>
            <tr>
              <th scope="col">Outil</th>
              <th scope="col">Statut</th>
              <th scope="col">Service</th>
              <th scope="col" className="numeric">
                Utilisateurs
              </th>
              <th scope="col" className="numeric">
                Requêtes par mois
              </th>
              <th scope="col" className="numeric">
                Coût annuel
              </th>
              <th scope="col">Voie d'achat</th>
              <th scope="col">Début</th>
              <th scope="col">Fin</th>
              {props.onEdit ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((deployment) => (
              <DeploymentRow key={deployment.id} deployment={deployment} onEdit={props.onEdit} />
            ))}
          </tbody>
        </table>
      </div>
      {hasNextPage && endCursor ? <LoadMoreButton onLoadMore={() => props.onLoadMore(endCursor)} /> : null}
    </>
  );
}
