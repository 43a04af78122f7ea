import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ErrorLike } from '@apollo/client';
import { useState, type ReactNode } from 'react';

export interface QueryStateProps<TData> {
  /** Data to render; undefined until the first result arrives. */
  data: TData | undefined;
  error?: ErrorLike | undefined;
  /** Called by the « Réessayer » button (the query's refetch). */
  refetch: () => Promise<unknown>;
  /** Shown while there is no data yet. */
  loadingLabel?: string;
  children: (data: TData) => ReactNode;
}

/** A French sentence for the user; the technical detail stays available in a disclosure. */
export function describeError(error: ErrorLike): { summary: string; detail?: string } {
  if (CombinedGraphQLErrors.is(error)) {
    // The API's expected errors (refused filter, rights…) carry a code and a message written in French.
    const expected = error.errors.find((e) => typeof e.extensions?.['code'] === 'string' && e.extensions['code'] !== 'INTERNAL_SERVER_ERROR');
    if (expected) return { summary: expected.message };
    return {
      summary: 'Le serveur a refusé ou n’a pas pu traiter la demande.',
      detail: error.errors.map((e) => e.message).join(' ; '),
    };
  }
  if (ServerError.is(error)) {
    return { summary: `Le serveur a répondu par une erreur (HTTP ${error.statusCode}).`, detail: error.message };
  }
  if (ServerParseError.is(error)) {
    return { summary: 'La réponse du serveur est illisible.', detail: error.message };
  }
  return {
    summary: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
    detail: error.message,
  };
}

export function ErrorMessage({ error, onRetry }: { error: ErrorLike; onRetry: () => void }) {
  const { summary, detail } = describeError(error);
  return (
    <div role="alert" className="query-error">
      <p className="query-error__title">Impossible de charger les données.</p>
      <p>{summary}</p>
      {detail ? (
        <details>
          <summary>Détails techniques</summary>
          <p className="query-error__detail">{detail}</p>
        </details>
      ) : null}
      <button type="button" className="button" onClick={onRetry}>
        Réessayer
      </button>
    </div>
  );
}

/**
 * The three states of a query: loading (« Chargement… »), error (in French, with a retry) and data.
 * When a later request fails while data is already shown (« Afficher plus », refetch), the error is
 * shown above the data rather than replacing it.
 */
export function QueryState<TData>({ data, error, refetch, loadingLabel = 'Chargement…', children }: QueryStateProps<TData>) {
  const [retrying, setRetrying] = useState(false);
  const retry = () => {
    setRetrying(true);
    // The hook reports the outcome (data or a new error); the rejection carries nothing more.
    refetch()
      .catch(() => undefined)
      .finally(() => setRetrying(false));
  };
  const errorMessage = error && !retrying ? <ErrorMessage error={error} onRetry={retry} /> : null;
  if (data === undefined) {
    return (
      errorMessage ?? (
        <p role="status" className="query-loading">
          {loadingLabel}
        </p>
      )
    );
  }
  return (
    <>
      {errorMessage}
      {children(data)}
    </>
  );
}
