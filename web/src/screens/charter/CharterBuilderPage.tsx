import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CharterBuilderForm } from './CharterBuilderForm';
import './charter.css';

export const CharterBuilderPageQuery = graphql(`
  query CharterBuilderPageQuery {
    charterModel {
      ...CharterBuilderForm_model
    }
    viewer {
      id
      organization {
        id
        name
        viewerCanAdminister
        ...CharterBuilder_organization
      }
    }
  }
`);

/** « Mon organisation › Charte éthique » : the charter built from the shared model, by the collectivité's ORG_ADMIN. */
export function CharterBuilderPage() {
  const { data, error, refetch } = useQuery(CharterBuilderPageQuery);
  return (
    <>
      <title>Charte éthique de l’IA — Mutualis</title>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ charterModel, viewer }) => {
          if (!viewer) {
            return (
              <>
                <h1>Charte éthique de l’IA</h1>
                <p className="notice">
                  <Link to="/connexion?retour=%2Fmon-organisation%2Fcharte">Connectez-vous</Link> pour bâtir la charte éthique de votre
                  collectivité à partir du modèle partagé.
                </p>
              </>
            );
          }
          if (!viewer.organization.viewerCanAdminister) {
            return (
              <>
                <h1>Charte éthique de l’IA</h1>
                <p className="notice">
                  Seuls les administrateurs de {viewer.organization.name} peuvent bâtir et publier sa charte éthique.{' '}
                  <Link to="/mon-organisation">Retour à mon organisation</Link>
                </p>
              </>
            );
          }
          return <CharterBuilderForm key={viewer.organization.id} model={charterModel} organization={viewer.organization} />;
        }}
      </QueryState>
    </>
  );
}
