import { Link } from 'react-router-dom';
import type { StatsScopeInput } from '../../gql/graphql';
import { exportSearch } from './statisticsParams';

const DATASETS = [
  { file: 'deploiements', label: 'Déploiements déclarés' },
  { file: 'chartes', label: 'Chartes éthiques de l’IA' },
  { file: 'statistiques', label: 'Statistiques par territoire' },
] as const;

/**
 * The open-data files of the scope being looked at (served by the API under /donnees/, not by the app: plain
 * links), in French CSV (semicolons, decimal commas), standard CSV (commas, decimal points) and JSON.
 */
export function ExportLinks({ scope }: { scope: StatsScopeInput }) {
  const french = exportSearch(scope);
  const standard = exportSearch(scope, true);
  return (
    <section aria-labelledby="telecharger" className="stat-section">
      <h2 id="telecharger">Télécharger les données</h2>
      <p>
        Les jeux de données ouverts du périmètre affiché (licence ouverte). Leur contenu et leurs colonnes sont décrits dans le{' '}
        <Link to="/donnees">dictionnaire des données</Link>.
      </p>
      <ul className="stat-exports">
        {DATASETS.map((dataset) => (
          <li key={dataset.file}>
            <span className="stat-exports__name">{dataset.label}</span>
            <a className="button button--small" href={`/donnees/${dataset.file}.csv${french}`} download>
              CSV<span className="visually-hidden"> (tableur français) : {dataset.label}</span>
            </a>
            <a className="button button--small button--secondary" href={`/donnees/${dataset.file}.csv${standard}`} download>
              CSV standard<span className="visually-hidden"> (virgules, point décimal) : {dataset.label}</span>
            </a>
            <a className="button button--small button--secondary" href={`/donnees/${dataset.file}.json${french}`} download>
              JSON<span className="visually-hidden"> : {dataset.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
