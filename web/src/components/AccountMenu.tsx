import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { graphql } from '../gql';
import { useSignOut } from '../screens/account/useSignOut';

export const AccountMenuQuery = graphql(`
  query AccountMenuQuery {
    viewer {
      id
      name
      unreadNotificationCount
      organization {
        id
        name
      }
    }
    viewerCan {
      actForOrganization
      moderate
      readAudit
      pending
      rejected
    }
  }
`);

/** The account area of the header: sign-in links, or the person, their organization and their screens. */
export function AccountMenu() {
  const { data, error, refetch } = useQuery(AccountMenuQuery);
  const location = useLocation();
  const [signOut, { loading: signingOut }] = useSignOut();
  const [signOutError, setSignOutError] = useState<string>();

  if (data === undefined) {
    if (!error) return <div className="account" aria-busy="true" />;
    return (
      <div className="account">
        <p className="account__error">
          Session inconnue : le serveur est injoignable.{' '}
          <button type="button" className="link-button" onClick={() => void refetch().catch(() => undefined)}>
            Réessayer
          </button>
        </p>
      </div>
    );
  }

  const { viewer, viewerCan: can } = data;
  if (!viewer) {
    // Come back to the current page after signing in (not to the sign-in pages themselves).
    const here = `${location.pathname}${location.search}`;
    const back = /^\/(connexion|inscription)/.test(location.pathname) ? '' : `?retour=${encodeURIComponent(here)}`;
    return (
      <nav className="account" aria-label="Compte">
        <ul className="account__links">
          <li>
            <Link to={`/connexion${back}`} className="button button--secondary button--small">
              Se connecter
            </Link>
          </li>
          <li>
            <Link to="/inscription" className="account__link">
              Créer un compte
            </Link>
          </li>
        </ul>
      </nav>
    );
  }

  // « Mon organisation » is for the people of a collectivité, also while their membership waits or was refused.
  const isMember = can.actForOrganization || can.pending || can.rejected;
  return (
    <nav className="account" aria-label="Compte">
      <p className="account__identity">
        <span className="account__name">{viewer.name}</span>
        <span className="account__organization">{viewer.organization.name}</span>
        {can.pending ? <span className="badge badge--pending">adhésion en attente</span> : null}
      </p>
      <ul className="account__links">
        {isMember ? (
          <li>
            <Link to="/mon-organisation" className="account__link">
              Mon organisation
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/notifications" className="account__link">
            {viewer.unreadNotificationCount ? `Notifications (${viewer.unreadNotificationCount} non lue${viewer.unreadNotificationCount > 1 ? 's' : ''})` : 'Notifications'}
          </Link>
        </li>
        <li>
          <Link to="/mes-echanges" className="account__link">
            Mes échanges
          </Link>
        </li>
        {can.moderate ? (
          <li>
            <Link to="/administration/adhesions" className="account__link">
              Adhésions en attente
            </Link>
          </li>
        ) : null}
        {can.moderate ? (
          <li>
            <Link to="/moderation" className="account__link">
              Modération
            </Link>
          </li>
        ) : null}
        {can.moderate ? (
          <li>
            <Link to="/administration/marches" className="account__link">
              Marchés publics
            </Link>
          </li>
        ) : null}
        {can.readAudit ? (
          <li>
            <Link to="/journal" className="account__link">
              Journal d'audit
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/mot-de-passe" className="account__link">
            Mot de passe
          </Link>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={signingOut}
            onClick={() => {
              setSignOutError(undefined);
              void signOut().then((outcome) => {
                if (!outcome.ok) setSignOutError(outcome.errors.message);
              });
            }}
          >
            Se déconnecter
          </button>
        </li>
      </ul>
      {signOutError ? (
        <p role="alert" className="account__error">
          Déconnexion impossible : {signOutError}
        </p>
      ) : null}
    </nav>
  );
}
