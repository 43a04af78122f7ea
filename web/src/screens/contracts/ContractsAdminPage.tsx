import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CurationQueue } from './CurationQueue';
import { ImportPanel } from './ImportPanel';
import './contracts.css';

export const ContractsAdminAccessQuery = graphql(`
  query ContractsAdminAccessQuery {
    viewer {
      id
    }
    viewerCan {
      moderate
    }
  }
`);

/** /administration/marches: the DECP imports and the curation queue, for the platform ADMIN. */
export function ContractsAdminPage() {
  const { data, error, refetch } = useQuery(ContractsAdminAccessQuery);
  return (
    <>
      <title>Marchés publics — Mutualis</title>
      <h1>Marchés publics (DECP)</h1>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ viewer, viewerCan }) =>
          viewerCan.moderate ? (
            <Administration />
          ) : (
            <p className="notice notice--warning" role="alert">
              L’importation et la vérification des marchés publics sont réservées aux administrateurs de la plateforme.{' '}
              {!viewer ? <Link to="/connexion?retour=%2Fadministration%2Fmarches">Se connecter</Link> : null}
            </p>
          )
        }
      </QueryState>
    </>
  );
}

function Administration() {
  return (
    <>
      <p className="lead">
        Les données essentielles de la commande publique (DECP) : chaque marché de 40 000 € HT ou plus, publié par son
        acheteur. L’importation retient les marchés d’IA ; vous confirmez ceux qui achètent un outil du catalogue.
      </p>
      <ImportPanel />
      <CurationQueue />
    </>
  );
}
