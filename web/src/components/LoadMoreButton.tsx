import type { ErrorLike } from '@apollo/client';
import { isErrorLike } from '@apollo/client/errors';
import { useState } from 'react';
import { ErrorMessage } from './QueryState';

/**
 * « Afficher plus » for a cursor connection. A failed fetchMore only rejects its promise (the query
 * hook keeps its data and reports no error), so the failure is kept and shown here, with a retry.
 */
export function LoadMoreButton({ onLoadMore }: { onLoadMore: () => Promise<unknown> }) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorLike>();
  const load = () => {
    setLoading(true);
    setError(undefined);
    onLoadMore().then(
      () => setLoading(false),
      (reason: unknown) => {
        setLoading(false);
        setError(isErrorLike(reason) ? reason : new Error(String(reason)));
      },
    );
  };
  if (error) return <ErrorMessage error={error} onRetry={load} />;
  return (
    <p className="load-more">
      <button type="button" className="button button--secondary" disabled={loading} onClick={load}>
        {loading ? 'Chargement…' : 'Afficher plus'}
      </button>
    </p>
  );
}

/** « Afficher plus » while a connection has a next page; `onLoadMore` is given the cursor to fetch after. */
export function LoadMore({
  pageInfo,
  onLoadMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const { hasNextPage, endCursor } = pageInfo;
  return hasNextPage && endCursor ? <LoadMoreButton onLoadMore={() => onLoadMore(endCursor)} /> : null;
}
