import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { DemoBadge, DemoShare } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS } from '../../lib/labels';
import './home.css';

/** National figures (no scope): fetched without the cache, AdoptionStats has no identity (see statistics/queries.ts). */
export const HomeFiguresQuery = graphql(`
  query HomeFiguresQuery {
    adoptionStats {
      __typename
      ... on Error {
        message
      }
      ... on QueryAdoptionStatsSuccess {
        data {
          generatedAt
          organizations
          declaring { count demo }
          chartersAdopted { count demo }
          deployments { count demo }
        }
      }
    }
  }
`);

export const HomeRecentQuery = graphql(`
  query HomeRecentQuery {
    recentDeployments(first: 5) {
      id
      status
      isDemo
      createdAt
      organization { id siren name departementCode }
      tool { id slug name }
    }
  }
`);

export const HomeGroupsQuery = graphql(`
  query HomeGroupsQuery {
    purchasingGroups(filter: { status: [OPEN] }, first: 3) {
      totalCount
      edges { node { id title isDemo interestDeadline coordinator { id name } } }
    }
  }
`);

const ENTRIES = [
  { who: 'DSI, chef de projet numérique', what: 'Comparer les outils d’IA et leur coût réel pour votre collectivité.', links: [['/catalogue', 'Parcourir le catalogue'], ['/comparer', 'Comparer des outils']] },
  { who: 'Coordinateur de groupement', what: 'Réunir d’autres collectivités pour acheter ensemble à meilleur prix.', links: [['/groupements', 'Voir les groupements']] },
  { who: 'Auditeur, élu, journaliste', what: 'Suivre l’adoption de l’IA par les collectivités et réutiliser les données.', links: [['/statistiques', 'Statistiques'], ['/donnees', 'Données ouvertes']] },
  { who: 'Agent d’une collectivité', what: 'Déclarer les outils utilisés par votre collectivité et donner votre avis.', links: [['/connexion', 'Se connecter'], ['/inscription', 'Créer un compte']] },
] as const;

function Figures() {
  const { data, error, refetch } = useQuery(HomeFiguresQuery, { fetchPolicy: 'no-cache' });
  return (
    <section aria-labelledby="home-chiffres" className="home__section">
      <h2 id="home-chiffres">En France aujourd’hui</h2>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ adoptionStats }) => {
          if (adoptionStats.__typename !== 'QueryAdoptionStatsSuccess') return <p>{'message' in adoptionStats ? adoptionStats.message : 'Chiffres indisponibles.'}</p>;
          const stats = adoptionStats.data;
          const figures = [
            { term: 'collectivités déclarent un outil d’IA', count: stats.declaring, feminine: true },
            { term: 'déploiements déclarés', count: stats.deployments, feminine: false },
            { term: 'chartes éthiques de l’IA adoptées', count: stats.chartersAdopted, feminine: true },
          ];
          return (
            <>
              <dl className="home__figures">
                {figures.map((figure) => (
                  <div key={figure.term} className="home__figure">
                    <dt>{figure.term}</dt>
                    <dd>
                      <span className="home__figure-value">{formatInteger(figure.count.count)}</span>
                      <DemoShare total={figure.count.count} demo={figure.count.demo} feminine={figure.feminine} />
                    </dd>
                  </div>
                ))}
              </dl>
              <p className="home__source">
                Source : déclarations des collectivités sur Mutualis, sur {formatInteger(stats.organizations)} collectivités du référentiel
                officiel ; chiffres calculés le {formatDateTime(stats.generatedAt)}. <Link to="/statistiques">Toutes les statistiques</Link>
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function Recent() {
  const { data, error, refetch } = useQuery(HomeRecentQuery);
  return (
    <section aria-labelledby="home-recents" className="home__section">
      <h2 id="home-recents">Derniers outils déclarés</h2>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ recentDeployments }) =>
          recentDeployments.length ? (
            <ul className="home__list">
              {recentDeployments.map((d) => (
                <li key={d.id}>
                  <Link to={`/catalogue/${d.tool.slug}`}>{d.tool.name}</Link> —{' '}
                  {d.organization.siren ? <Link to={`/territoires/${d.organization.siren}`}>{d.organization.name}</Link> : d.organization.name}
                  {d.organization.departementCode ? ` (${d.organization.departementCode})` : ''}, {DEPLOYMENT_STATUS_LABELS[d.status].toLowerCase()},
                  déclaré le {formatDate(d.createdAt.slice(0, 10))} <DemoBadge show={d.isDemo} />
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun outil déclaré pour l’instant.</p>
          )
        }
      </QueryState>
    </section>
  );
}

function Groups() {
  const { data, error, refetch } = useQuery(HomeGroupsQuery);
  return (
    <section aria-labelledby="home-groupements" className="home__section">
      <h2 id="home-groupements">Groupements ouverts</h2>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ purchasingGroups }) =>
          purchasingGroups.edges.length ? (
            <>
              <ul className="home__list">
                {purchasingGroups.edges.map(({ node }) => (
                  <li key={node.id}>
                    <Link to={`/groupements/${encodeURIComponent(node.id)}`}>{node.title}</Link>, coordonné par {node.coordinator.name} — manifestations
                    d’intérêt jusqu’au {formatDate(node.interestDeadline.slice(0, 10))} <DemoBadge show={node.isDemo} />
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/groupements">{formatInteger(purchasingGroups.totalCount)} groupement(s) ouvert(s) : tous les voir</Link>
              </p>
            </>
          ) : (
            <p>Aucun groupement n’est ouvert en ce moment.</p>
          )
        }
      </QueryState>
    </section>
  );
}

/** The home page: what Mutualis is and for whom, where each person starts, national figures, what is new. */
export function HomePage() {
  return (
    <div className="home">
      <title>Mutualis — l’IA partagée des collectivités</title>
      <h1>Mutualis</h1>
      <div className="home__intro">
        <p>Mutualis est la place de marché partagée des ressources d’intelligence artificielle des collectivités françaises.</p>
        <p>Communes, intercommunalités, départements et régions y comparent les outils, leur coût réel et leurs avis.</p>
        <p>Elles y déclarent ce qu’elles utilisent et achètent ensemble, en groupement de commandes.</p>
      </div>
      <nav aria-label="Par où commencer" className="home__entries">
        {ENTRIES.map((entry) => (
          <section key={entry.who} className="home__entry">
            <h2>{entry.who}</h2>
            <p>{entry.what}</p>
            <ul>
              {entry.links.map(([to, label]) => (
                <li key={to}>
                  <Link to={to}>{label}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <Figures />
      <div className="home__columns">
        <Recent />
        <Groups />
      </div>
    </div>
  );
}
