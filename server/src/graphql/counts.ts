import DataLoader from 'dataloader';
import type { Context } from './context.ts';

// totalCount of a relation, batched per request. Prisma's relation counts (`_count`, what Pothos' `totalCount: true`
// plans) join a GROUP BY of the related table, which issue 11 measured at 184 ms for one tool page at national scale.
// Here every parent of a page asks for its count and one indexed statement answers them all.

export type CountRows = (ctx: Context, ids: readonly number[]) => Promise<{ id: number; count: number }[]>;

const loaders = new WeakMap<Context, Map<string, DataLoader<number, number>>>();

/** A per-request count loader: `count(ctx, id)` is batched with the other ids asked in the same tick. */
export function batchedCount(name: string, rows: CountRows): (ctx: Context, id: number) => Promise<number> {
  return (ctx, id) => {
    let byName = loaders.get(ctx);
    if (!byName) loaders.set(ctx, (byName = new Map()));
    let loader = byName.get(name);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly number[]) => {
        const counts = new Map((await rows(ctx, ids)).map((row) => [row.id, row.count]));
        return ids.map((key) => counts.get(key) ?? 0);
      });
      byName.set(name, loader);
    }
    return loader.load(id);
  };
}

/**
 * The connection options of a relatedConnection whose totalCount comes from a batched count (instead of
 * `totalCount: true`): Pothos hands the connection its parent row.
 */
export function countedConnection(count: (ctx: Context, id: number) => Promise<number>) {
  return {
    fields: <Ref>(t: { int: (options: { resolve: (connection: object, args: object, ctx: Context) => Promise<number> }) => Ref }) => ({
      totalCount: t.int({ resolve: (connection, _args, ctx) => count(ctx, (connection as { parent: { id: number } }).parent.id) }),
    }),
  };
}
