import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export const SEARCH_DEBOUNCE_MS = 250;

/** The value once it has stopped changing for `delay` ms, so that a lookup is not sent at every key. */
export function useDebounced<T>(value: T, delay = SEARCH_DEBOUNCE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * The search box of a page whose criteria live in the URL: its text `q` is written there once typing
 * pauses, replacing the history entry (choosing a filter adds one). `withSearch` puts a search into the
 * current query string. Returns the draft and its setter; `flush`, which marks the draft as written and
 * returns it, for the caller to put it in the URL (alone, or with another change such as a filter
 * chosen while a search is still pending); and `write`, which puts a search in the URL now (Enter).
 */
export function useDebouncedSearch(q: string, withSearch: (current: URLSearchParams, q: string) => URLSearchParams) {
  const [, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState(q);
  const written = useRef(q);

  // The writer must keep its identity across renders (a new one would restart the timer), so it reads
  // the latest setter.
  const latest = useRef({ setSearchParams, withSearch });
  useEffect(() => {
    latest.current = { setSearchParams, withSearch };
  });
  const write = useCallback(
    (next: string) => latest.current.setSearchParams((current) => latest.current.withSearch(current, next), { replace: true }),
    [],
  );

  // The URL changed without typing (back button, link): show its search in the box.
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setDraft(q);
    }
  }, [q]);

  useEffect(() => {
    const next = draft.trim();
    if (next === q.trim()) return;
    const timer = setTimeout(() => {
      written.current = next;
      write(next);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, q, write]);

  const flush = (): string => {
    const next = draft.trim();
    written.current = next;
    return next;
  };

  return { draft, setDraft, flush, write };
}
