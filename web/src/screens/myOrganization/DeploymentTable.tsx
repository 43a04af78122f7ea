import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { LoadMore } from '../../components/LoadMoreButton';
import { NumericCell, Table } from '../../components/Table';
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
      <NumericCell label="Utilisateurs">{formatInteger(deployment.users)}</NumericCell>
      <NumericCell label="Requêtes par mois">{formatInteger(deployment.monthlyRequests)}</NumericCell>
      <NumericCell label="Coût annuel">
        <span>{formatEurosHT(deployment.annualCost)}</span>
        {deployment.annualCost != null ? <span className="cell-note">{deployment.annualCostPublic ? 'public' : 'non publié'}</span> : null}
      </NumericCell>
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

const DEPLOYMENT_COLUMNS = [
  'Outil',
  'Statut',
  'Service',
  { label: 'Utilisateurs', numeric: true },
  { label: 'Requêtes par mois', numeric: true },
  { label: 'Coût annuel', numeric: true },
  "Voie d'achat",
  'Début',
  'Fin',
];
const ACTIONS = { label: 'Actions', hidden: true };

/** The collectivité's declared tools, most recently changed first. */
export function DeploymentTable(props: {
  organization: FragmentType<typeof DeploymentTable_organization>;
  onEdit?: ((id: string) => void) | undefined;
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const { deployments } = getFragmentData(DeploymentTable_organization, props.organization);
  const rows = deployments.edges.map((edge) => edge.node);
  if (rows.length === 0) {
    return <p>Aucun outil d'IA n'est encore déclaré pour votre collectivité.</p>;
  }
  return (
    <>
      <p className="results__count">
        {deployments.totalCount > 1 ? `${formatInteger(deployments.totalCount)} outils déclarés` : '1 outil déclaré'}
      </p>
      <Table caption="Outils d'IA déclarés par la collectivité" scroll columns={props.onEdit ? [...DEPLOYMENT_COLUMNS, ACTIONS] : DEPLOYMENT_COLUMNS}>
        {rows.map((deployment) => (
          <DeploymentRow key={deployment.id} deployment={deployment} onEdit={props.onEdit} />
        ))}
      </Table>
      <LoadMore pageInfo={deployments.pageInfo} onLoadMore={props.onLoadMore} />
    </>
  );
}
