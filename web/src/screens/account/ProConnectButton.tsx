import './proconnect.css';

/** The sign-in route on the server: it sends the browser to ProConnect, then back to `retour`. */
export function proconnectHref(retour: string | null): string {
  return `/auth/proconnect/connexion${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`;
}

/**
 * The official « S’identifier avec ProConnect » button (a link: the browser leaves for ProConnect), with
 * « Qu’est-ce que ProConnect ? » opening proconnect.gouv.fr in a new window, as the partner documentation asks.
 */
export function ProConnectButton({ retour }: { retour: string | null }) {
  return (
    <div className="proconnect">
      <a className="proconnect__button" href={proconnectHref(retour)}>
        <svg className="proconnect__logo" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
          <circle cx="20" cy="20" r="18" fill="#fff" />
          <path d="M14 11h8.5a7 7 0 0 1 0 14H18v5h-4zm4 4v6h4.5a3 3 0 0 0 0-6z" fill="#000091" />
        </svg>
        <span>
          <span className="proconnect__login">S’identifier avec</span>{' '}
          <span className="proconnect__brand">ProConnect</span>
        </span>
      </a>
      <p className="proconnect__about">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer" title="Qu’est-ce que ProConnect ? - nouvelle fenêtre">
          Qu’est-ce que ProConnect ?
        </a>
      </p>
    </div>
  );
}
