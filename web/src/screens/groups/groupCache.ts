import type { ApolloCache } from '@apollo/client';

/**
 * The lists of groups (every filter) are dropped from the cache after a change that moves a group in
 * or out of them or changes its row (a status, a membership): they are fetched again when next shown.
 */
export function forgetGroupLists(cache: ApolloCache) {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'purchasingGroups' });
  cache.gc();
}
