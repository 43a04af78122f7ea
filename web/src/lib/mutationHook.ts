import type { ApolloCache, ErrorLike, InternalRefetchQueriesInclude, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { isSuccess, settle, type Outcome, type ResultMember } from './mutationResult';

/** The data carried by the success member of a result union (`MutationXSuccess { data }`). */
export type SuccessData<R> = R extends { data: infer T } ? T : never;

/** What a mutation hook does besides sending the mutation: its variables, and what follows a success. */
export interface MutationHookOptions<R, TVariables, TArgs extends unknown[]> {
  /** The mutation's variables, from the arguments of the hook's function (none without it). */
  variables?: (...args: TArgs) => TVariables;
  /** The cache update after a success, given the success member's data. */
  onSuccess?: (cache: ApolloCache, data: SuccessData<R>) => void;
  /** The queries fetched again; as a function, given the result union (undefined when the request failed). */
  refetchQueries?: InternalRefetchQueriesInclude | ((result: R | undefined) => InternalRefetchQueriesInclude);
  /** The promise waits for `refetchQueries`, so that what follows shows their new data. */
  awaitRefetchQueries?: boolean;
  /**
   * After a success, the whole store is reset before the promise settles: what was cached was read as
   * someone else (signing in, up or out), so the queries on screen are fetched again.
   */
  resetStore?: boolean;
}

/** What a mutation hook returns: its function, which settles to an Outcome, and whether it is running. */
export type MutationHook<R, TArgs extends unknown[]> = () => readonly [
  (...args: TArgs) => Promise<Outcome<SuccessData<R>>>,
  { loading: boolean },
];

/**
 * Makes the hook of one mutation whose `field` is a result union (success or API error): its function
 * takes the arguments of `variables` and settles to an Outcome (see `settle`), never throws; the cache
 * update, the refetches and the store reset are those of `options`.
 */
export function mutationHook<
  K extends string,
  TData extends { [P in K]: ResultMember<unknown> },
  TVariables extends OperationVariables,
  TArgs extends unknown[] = [],
>(
  document: TypedDocumentNode<TData, TVariables>,
  field: K,
  options: MutationHookOptions<TData[K], TVariables, TArgs> = {},
): MutationHook<TData[K], TArgs> {
  type Result = TData[K];
  const { variables, onSuccess, refetchQueries, awaitRefetchQueries, resetStore = false } = options;
  const pick = (data: TData) => data[field] as ResultMember<SuccessData<Result>>;

  // Apollo is given only the options the hook asks for.
  const apolloOptions: useMutation.Options<TData, TVariables, ApolloCache, Record<never, never>> = {};
  if (refetchQueries !== undefined) {
    apolloOptions.refetchQueries =
      typeof refetchQueries === 'function'
        ? ({ data }) => refetchQueries(data ? (data as TData)[field] : undefined)
        : refetchQueries;
  }
  if (awaitRefetchQueries !== undefined) apolloOptions.awaitRefetchQueries = awaitRefetchQueries;
  if (onSuccess) {
    apolloOptions.update = (cache, { data }) => {
      const result = data ? pick(data as TData) : undefined;
      if (result && isSuccess(result)) onSuccess(cache, result.data);
    };
  }

  return function useResultMutation() {
    const client = useApolloClient();
    const [mutate, { loading }] = useMutation(document, apolloOptions);
    const run = useCallback(
      async (...args: TArgs) => {
        const send = mutate as (options?: { variables: TVariables }) => Promise<{ data?: TData | null; error?: ErrorLike }>;
        const outcome = await settle(() => send(variables ? { variables: variables(...args) } : undefined), pick);
        if (outcome.ok && resetStore) await client.resetStore().catch(() => undefined);
        return outcome;
      },
      [client, mutate],
    );
    return [run, { loading }] as const;
  };
}
