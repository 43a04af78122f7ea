import type { FieldPolicy } from '@apollo/client/cache';

type KeyArgs = FieldPolicy['keyArgs'];

interface Edge {
  cursor: string;
}

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

interface Connection {
  edges: readonly Edge[];
  pageInfo: PageInfo;
  // Extra connection fields (totalCount, __typename) are carried over from the latest page.
  [field: string]: unknown;
}

/**
 * Field policy for Relay cursor connections paged forwards (`first` / `after`).
 *
 * A page fetched with `after` is appended to the cached edges, right after the edge holding that
 * cursor; a request without `after` (first load, refetch) replaces them. Pages are stored under
 * the field's `keyArgs` only, so `first` and `after` never split the cache: give the arguments that
 * select a different list (a search filter, for instance).
 */
export function cursorConnectionPagination(keyArgs: KeyArgs = false): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      const after = args?.['after'];
      if (!existing || typeof after !== 'string') return incoming;
      const index = existing.edges.findIndex((edge) => edge.cursor === after);
      const kept = index >= 0 ? existing.edges.slice(0, index + 1) : existing.edges;
      return {
        ...incoming,
        edges: [...kept, ...incoming.edges],
        pageInfo: {
          ...incoming.pageInfo,
          hasPreviousPage: existing.pageInfo.hasPreviousPage,
          startCursor: existing.pageInfo.startCursor ?? null,
        },
      };
    },
  };
}
