import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** What a page shows when its address names nothing: « <what> introuvable », why, and a link back. */
export function NotFound(props: { what: string; backTo: string; backLabel: string; children: ReactNode }) {
  return (
    <>
      <title>{`${props.what} introuvable — Mutualis`}</title>
      <h1>{props.what} introuvable</h1>
      <p>{props.children}</p>
      <p>
        <Link to={props.backTo}>{props.backLabel}</Link>
      </p>
    </>
  );
}
