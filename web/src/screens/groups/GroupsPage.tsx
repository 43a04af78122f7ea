import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Options, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { CreateGroupForm } from './CreateGroupForm';
import { GROUP_STATUS_LABELS, GROUP_STATUS_ORDER, LEGAL_BASIS } from './groupLabels';
import { readGroupListParams, toGroupFilter, writeGroupListParams, type GroupListParams } from './groupFilters';
import { GroupRow } from './GroupRow';
import { groupPath } from './groupPath';
import { ReceivedInvitations } from './ReceivedInvitations';
import './groups.css';
import { Table } from '../../components/Table';

export const GroupsPageQuery = graphql(`
  query GroupsPageQuery($filter: PurchasingGroupFilter, $first: Int!, $after: String) {
    viewer {
      id
    }
    viewerCan {
      administerOrganization
    }
    categories {
      id
      slug
      name
    }
    purchasingGroups(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...GroupRow_group
        }
      }
    }
  }
`);

export const GROUPS_PAGE_SIZE = 20;

/** "Aucun groupement", "1 groupement", "12 groupements". */
function groupCount(count: number): string {
  if (count === 0) return 'Aucun groupement';
  return `${formatInteger(count)} ${count > 1 ? 'groupements' : 'groupement'}`;
}

/** /groupements — the purchasing groups, filtered from the URL; an ORG_ADMIN can create one. */
const GROUP_COLUMNS = [
  'Groupement',
  'Objet',
  'Coordonnateur',
  'Statut',
  'Date limite',
  { label: 'Volume mutualisé', numeric: true },
  { label: 'Membres', numeric: true },
];

export function GroupsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readGroupListParams(searchParams);
  const navigate = useNavigate();
  const ids = { category: useId(), mine: useId() };
  const [creating, setCreating] = useState(false);

  const { data, previousData, error, refetch, fetchMore, loading } = useQuery(GroupsPageQuery, {
    variables: { filter: toGroupFilter(params), first: GROUPS_PAGE_SIZE },
    // Volumes and statuses change with other collectivités' actions: shown from the cache, then refreshed.
    fetchPolicy: 'cache-and-network',
  });
  // While another selection loads, keep the previous results on screen (marked busy) instead of flashing.
  const shown = data ?? (error ? undefined : previousData);
  const viewer = shown?.viewer;
  const canCreate = shown?.viewerCan.administerOrganization ?? false;
  const categories = shown?.categories ?? [];
  const setFilter = (change: Partial<GroupListParams>) => setSearchParams((current) => writeGroupListParams(current, change));

  return (
    <>
      <title>Groupements — Mutualis</title>
      <div className="section-header">
        <h1>Groupements de commandes</h1>
        {canCreate && !creating ? (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Créer un groupement
          </button>
        ) : null}
      </div>
      <p className="lead">
        Des collectivités s’associent pour acheter ensemble une ressource d’IA ({LEGAL_BASIS}) : plus le volume mutualisé
        est grand, plus le prix unitaire baisse, et chaque membre paie sa part.
      </p>
      {shown && !viewer ? (
        <p className="notice">
          <Link to="/connexion?retour=%2Fgroupements">Connectez-vous</Link> pour créer un groupement ou y faire adhérer votre
          collectivité.
        </p>
      ) : null}

      {viewer ? <ReceivedInvitations /> : null}

      {creating ? (
        <CreateGroupForm onCreated={(group) => void navigate(groupPath(group), { state: { created: true } })} onCancel={() => setCreating(false)} />
      ) : null}

      <form className="filters" aria-label="Filtrer les groupements" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Statut"
          placeholder="Tous les statuts"
          options={GROUP_STATUS_ORDER.map((status) => ({ value: status, label: GROUP_STATUS_LABELS[status] }))}
          value={params.status}
          onChange={(status) => setFilter({ status })}
        />
        <div className="field">
          <label htmlFor={ids.category}>Catégorie</label>
          <select id={ids.category} value={params.categorySlug} onChange={(event) => setFilter({ categorySlug: event.target.value })}>
            <option value="">Toutes les catégories</option>
            {/* A category read from the URL stays selectable while the categories load. */}
            {params.categorySlug && !categories.some((category) => category.slug === params.categorySlug) ? (
              <option value={params.categorySlug}>{params.categorySlug}</option>
            ) : null}
            <Options options={categories.map((category) => ({ value: category.slug, label: category.name }))} />
          </select>
        </div>
        {viewer || params.mine ? (
          <div className="groups-filter__mine">
            <input id={ids.mine} type="checkbox" checked={params.mine} onChange={(event) => setFilter({ mine: event.target.checked })} />
            <label htmlFor={ids.mine}>Mes groupements</label>
          </div>
        ) : null}
      </form>

      <QueryState data={shown} error={error} refetch={refetch}>
        {({ purchasingGroups }) => {
          const stale = data === undefined && loading;
          const rows = purchasingGroups.edges.map((edge) => edge.node);
          return (
            <div className="results" aria-busy={stale || undefined}>
              <p className="results__count" aria-live="polite">
                {groupCount(purchasingGroups.totalCount)}
                {stale ? <span className="results__pending"> — chargement…</span> : null}
              </p>
              {rows.length > 0 ? (
                <Table caption="Groupements de commandes" className="groups-table" scroll columns={GROUP_COLUMNS}>
                  {rows.map((group) => (
                    <GroupRow key={group.id} group={group} />
                  ))}
                </Table>
              ) : (
                <p>Aucun groupement ne correspond à ces critères.</p>
              )}
              {stale ? null : <LoadMore pageInfo={purchasingGroups.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
