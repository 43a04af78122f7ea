import type { Plugin } from 'graphql-yoga';

/** Query limits applied before execution (filled in by the query-limits work). */
export function limitPlugins(_options: { production: boolean }): Plugin[] {
  return [];
}
