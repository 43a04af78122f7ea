import { useEffect, useRef, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box text, written to the URL once typing pauses. Returns the draft, its setter, and `flush`,
 * which writes the draft now (Enter, or a filter chosen while a search is still pending) and returns it.
 */
export function useDebouncedSearch(q: string, write: (q: string) => void) {
  const [draft, setDraft] = useState(q);
  const written = useRef(q);

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

  /** The draft, marked as written: the caller puts it in the URL (alone, or with another change). */
  const flush = (): string => {
    const next = draft.trim();
    written.current = next;
    return next;
  };

  return [draft, setDraft, flush] as const;
}
