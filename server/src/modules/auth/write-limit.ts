import { getOperationAST, GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.ts';
import { RateLimitedError } from '../../graphql/errors.ts';
import { countWrites } from './rate-limit.ts';

/** Root fields of a mutation, aliases included: `mutation { a: x, b: x }` is two writes, not one request. */
function rootFieldCount(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        count += rootFieldCount(fragment.selectionSet, fragments, seen);
      }
    }
  }
  return count;
}

function writesOf(document: DocumentNode, operationName: string | null | undefined): number {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return rootFieldCount(operation.selectionSet, fragments);
}

const retryAfter = new WeakMap<Request, number>();

/**
 * Every mutation is counted per account and per address, in the database (shared by all instances, one atomic
 * statement per key), before it runs; past the limit it is refused with a RATE_LIMITED error that carries
 * `retryAfterSeconds`, and the HTTP response a Retry-After header. Done here rather than in each resolver so
 * that no new mutation can forget it.
 */
export const writeLimitPlugin: Plugin<Context> = {
  async onExecute({ args, setResultAndStopExecution }) {
    const writes = writesOf(args.document, args.operationName);
    if (writes === 0) return;
    const ctx = args.contextValue as Context & { request?: Request };
    try {
      await countWrites(ctx.prisma, ctx.viewer?.id ?? null, ctx.clientAddress, writes);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      if (ctx.request) retryAfter.set(ctx.request, error.retryAfterSeconds);
      setResultAndStopExecution({
        errors: [
          new GraphQLError(error.message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds } }),
        ],
      });
    }
  },
  onResponse({ request, response }) {
    const seconds = retryAfter.get(request);
    if (seconds !== undefined) response.headers.set('retry-after', String(seconds));
  },
};
