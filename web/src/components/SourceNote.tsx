import { formatDate } from '../lib/format';

/** « Source · 12 mars 2025 » next to a figure; the hidden text tells screen readers which figure. */
export function SourceNote({ url, date, context }: { url?: string | null; date?: string | null; context: string }) {
  if (!url && !date) return <span className="source-note">Source non renseignée</span>;
  return (
    <span className="source-note">
      {url ? (
        <a href={url} rel="noopener noreferrer external">
          Source<span className="visually-hidden"> : {context}</span>
        </a>
      ) : (
        'Source non renseignée'
      )}
      {date ? (
        <>
          {' · '}
          <time dateTime={date}>{formatDate(date)}</time>
        </>
      ) : null}
    </span>
  );
}
