import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { LoadMore } from '../../components/LoadMoreButton';
import { NumericCell, Table } from '../../components/Table';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCount, formatDate, formatEurosHT, formatInteger } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS } from '../../lib/labels';

export const DeclaredToolRow_deployment = graphql(`
  fragment DeclaredToolRow_deployment on Deployment {
    id
    tool {
      id
      slug
      name
      provider {
        id
        name
      }
    }
    status
    service
    startDate
    annualCost
    annualCostHidden
    isDemo
  }
`);

/** The yearly cost a visitor may read: the amount when public, « coût non publié » when declared but private. */
function CostCell({ cost, hidden }: { cost: string | null | undefined; hidden: boolean }) {
  if (cost != null) return <>{formatEurosHT(cost)}</>;
  return hidden ? <span className="muted">coût non publié</span> : <>—</>;
}

function DeclaredToolRow(props: { deployment: FragmentType<typeof DeclaredToolRow_deployment> }) {
  const deployment = getFragmentData(DeclaredToolRow_deployment, props.deployment);
  return (
    <tr>
      <th scope="row" data-label="Outil">
        <Link to={`/catalogue/${deployment.tool.slug}`}>{deployment.tool.name}</Link> <DemoBadge show={deployment.isDemo} />
      </th>
      <td data-label="Fournisseur">{deployment.tool.provider.name}</td>
      <td data-label="Statut">
        <span className={`status status--${deployment.status.toLowerCase()}`}>{DEPLOYMENT_STATUS_LABELS[deployment.status]}</span>
      </td>
      <td data-label="Service">{deployment.service ?? '—'}</td>
      <td data-label="Depuis">{deployment.startDate ? <time dateTime={deployment.startDate}>{formatDate(deployment.startDate)}</time> : '—'}</td>
      <NumericCell label="Coût annuel">
        <CostCell cost={deployment.annualCost} hidden={deployment.annualCostHidden} />
      </NumericCell>
    </tr>
  );
}

// $deploymentsAfter is a variable of the page query (OrganizationPageQuery), used for « Afficher plus ».
export const DeclaredTools_organization = graphql(`
  fragment DeclaredTools_organization on Organization {
    name
    deployments(first: 20, after: $deploymentsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          isDemo
          ...DeclaredToolRow_deployment
        }
      }
    }
  }
`);

const COLUMNS = ['Outil', 'Fournisseur', 'Statut', 'Service', 'Depuis', { label: 'Coût annuel (HT)', numeric: true }];

/** « 2 des 3 outils affichés sont issus des données de démonstration. », or nothing when none is. */
function demoLine(shown: number, demo: number): string | null {
  if (demo === 0) return null;
  if (demo === shown) return shown > 1 ? `Les ${formatInteger(shown)} outils affichés sont issus des données de démonstration.` : 'L’outil affiché est issu des données de démonstration.';
  return `${formatInteger(demo)} des ${formatInteger(shown)} outils affichés ${demo > 1 ? 'sont issus' : 'est issu'} des données de démonstration.`;
}

/** The AI tools a collectivité declared, for everyone, most recently changed first, with « Afficher plus ». */
export function DeclaredTools(props: { organization: FragmentType<typeof DeclaredTools_organization>; onLoadMore: (after: string) => Promise<unknown> }) {
  const { name, deployments } = getFragmentData(DeclaredTools_organization, props.organization);
  const rows = deployments.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
  const demo = demoLine(rows.length, rows.filter((row) => row.isDemo).length);
  return (
    <section aria-labelledby="outils-declares" className="declared-tools">
      <h2 id="outils-declares">Outils d’IA déclarés</h2>
      {rows.length > 0 ? (
        <>
          <p className="results__count">{formatCount(deployments.totalCount, 'outil déclaré', 'outils déclarés')}</p>
          {demo ? <p className="declared-tools__demo">{demo}</p> : null}
          <Table caption={`Outils d’IA déclarés par ${name}, les plus récemment mis à jour d’abord`} scroll columns={COLUMNS}>
            {rows.map((deployment) => (
              <DeclaredToolRow key={deployment.id} deployment={deployment} />
            ))}
          </Table>
          <LoadMore pageInfo={deployments.pageInfo} onLoadMore={props.onLoadMore} />
        </>
      ) : (
        <p>Aucun outil d’IA n’est déclaré pour cette collectivité.</p>
      )}
    </section>
  );
}
