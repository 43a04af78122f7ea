import { Link, NavLink, Outlet } from 'react-router-dom';
import { AccountMenu } from './AccountMenu';

const NAVIGATION = [
  { to: '/catalogue', label: 'Catalogue' },
  { to: '/comparer', label: 'Comparer' },
  { to: '/groupements', label: 'Groupements' },
  { to: '/territoires', label: 'Territoires' },
  { to: '/bibliotheque', label: 'Bibliothèque' },
  { to: '/formations', label: 'Formations' },
  { to: '/statistiques', label: 'Statistiques' },
  { to: '/donnees', label: 'Données ouvertes' },
] as const;

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="container site-header__brand">
          <Link to="/" className="brand">
            <span className="brand__name">Mutualis</span>
          </Link>
          <p className="brand__tagline">Les ressources d'IA des collectivités, mutualisées</p>
          <AccountMenu />
        </div>
        <nav aria-label="Navigation principale" className="site-nav">
          <ul className="container site-nav__list">
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="site-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu" tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Sources des données :</p>
          <ul>
            <li>
              Référentiel des collectivités : @etalab/decoupage-administratif (licence MIT)
            </li>
            <li>Les données marquées « démonstration » sont fictives.</li>
          </ul>
        </div>
      </footer>
    </>
  );
}
