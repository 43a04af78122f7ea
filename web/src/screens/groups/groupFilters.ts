import type { GroupStatus, PurchasingGroupFilter } from '../../gql/graphql';
import { GROUP_STATUS_ORDER } from './groupLabels';

// The list's filters live in the URL query string, so that a selection can be bookmarked, shared and
// restored by the back button: /groupements?statut=OPEN&categorie=reseaux-eau&mes=1

export interface GroupListParams {
  status: GroupStatus | '';
  categorySlug: string;
  mine: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the URL; unknown values are ignored rather than sent to the server. */
export function readGroupListParams(searchParams: URLSearchParams): GroupListParams {
  const status = searchParams.get('statut') ?? '';
  const categorySlug = searchParams.get('categorie') ?? '';
  return {
    status: GROUP_STATUS_ORDER.find((value) => value === status) ?? '',
    categorySlug: SLUG.test(categorySlug) ? categorySlug : '',
    mine: searchParams.get('mes') === '1',
  };
}

/** Applies a change to the URL parameters, keeping the ones it does not mention. */
export function writeGroupListParams(current: URLSearchParams, change: Partial<GroupListParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('statut', change.status);
  set('categorie', change.categorySlug);
  set('mes', change.mine === undefined ? undefined : change.mine ? '1' : '');
  return next;
}

/** The GraphQL filter: only the criteria actually chosen, so equal selections share a cache entry. */
export function toGroupFilter(params: GroupListParams): PurchasingGroupFilter {
  const filter: PurchasingGroupFilter = {};
  if (params.status) filter.status = [params.status];
  if (params.categorySlug) filter.categorySlug = params.categorySlug;
  if (params.mine) filter.mine = true;
  return filter;
}
