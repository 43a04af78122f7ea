import { isVisible, type Actor, type Visibility } from '../shared/permissions.ts';
import type { Context } from './context.ts';

/**
 * The visibility of a restricted Node type, on every path, from one rule:
 * - its authScopes refuse an invisible row wherever a relation or a list reaches it;
 * - node(id:) and nodes(ids:) load such a type by id alone, which Prisma batches into one statement per call (a
 *   `findUnique` carrying the rule in its `where` is not batched: 14 statements per review), then hide every row
 *   the rule refuses, as null like an unknown id, so that an id's existence does not show either.
 */
const rules = new Map<string, (row: unknown, ctx: Context) => boolean>();

export function visibleTo<Row>(typename: string, rule: (viewer: Actor | null) => Visibility<Row>) {
  const visible = (row: Row, ctx: Context) => isVisible(rule(ctx.viewer), row);
  rules.set(typename, visible as (row: unknown, ctx: Context) => boolean);
  return { authScopes: visible, nullable: true } as const;
}

/** The row node(id:) loaded, or null when its type's rule hides it from the viewer. */
export function visibleNode(typename: string, row: unknown, ctx: Context): unknown {
  const visible = rules.get(typename);
  return row != null && visible && !visible(row, ctx) ? null : row;
}
