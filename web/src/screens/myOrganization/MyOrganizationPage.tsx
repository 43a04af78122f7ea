import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormSuccess } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { natureLabel, ROLE_LABELS } from '../../lib/labels';
import { PENDING_MESSAGE, REJECTED_MESSAGE } from '../../lib/messages';
import { CharterStatus } from '../organization/CharterStatus';
import { AdminRequest } from './AdminRequest';
import { CharterForm } from './CharterForm';
import { DeploymentForm } from './DeploymentForm';
import { DeploymentTable } from './DeploymentTable';
import { CancelledNotice, PendingApplication } from './PendingApplication';
import { PendingMembers } from './PendingMembers';

export const MyOrganizationQuery = graphql(`
  query MyOrganizationQuery($deploymentsAfter: String) {
    viewer {
      id
      name
      roles
      ...PendingApplication_viewer
      ...AdminRequest_viewer
      organization {
        id
        siren
        name
        kind
        epciType
        viewerCanActFor
        viewerCanAdminister
        ...CharterStatus_organization
        ...CharterForm_organization
        ...DeploymentTable_organization
        deployments(first: 50, after: $deploymentsAfter) {
          edges {
            node {
              id
              ...DeploymentForm_deployment
            }
          }
        }
      }
    }
    viewerCan {
      pending
      rejected
    }
  }
`);

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

export function MyOrganizationPage() {
  const { data, error, refetch, fetchMore } = useQuery(MyOrganizationQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string>();

  return (
    <>
      <title>Mon organisation — Mutualis</title>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ viewer, viewerCan: can }) => {
          if (!viewer) {
            return (
              <>
                <h1>Mon organisation</h1>
                <CancelledNotice />
                <p className="notice">
                  <Link to="/connexion?retour=%2Fmon-organisation">Connectez-vous</Link> pour déclarer les outils d'IA de
                  votre collectivité. Pas encore de compte ? <Link to="/inscription">Créer un compte</Link>.
                </p>
              </>
            );
          }
          const { organization } = viewer;
          const canWrite = organization.viewerCanActFor;
          const isOrgAdmin = organization.viewerCanAdminister;
          const editedDeployment =
            editing?.kind === 'edit' ? organization.deployments.edges.find((edge) => edge.node.id === editing.id)?.node : undefined;
          const close = (message?: string) => {
            setEditing(null);
            setSaved(message);
          };
          return (
            <>
              <h1>Mon organisation</h1>
              <p className="lead">
                <strong className="organization-name">{organization.name}</strong>
                {' · '}
                {natureLabel(organization.kind, organization.epciType)}
                {organization.siren ? (
                  <>
                    {' · '}
                    <Link to={`/territoires/${organization.siren}`}>Fiche de la collectivité</Link>
                  </>
                ) : null}
              </p>
              <p className="muted">
                Connecté en tant que {viewer.name} ({viewer.roles.map((role) => ROLE_LABELS[role]).join(', ')}).
              </p>
              {can.pending ? <PendingApplication viewer={viewer} organizationName={organization.name} fallback={PENDING_MESSAGE} /> : null}
              {can.rejected ? <p className="notice notice--warning">{REJECTED_MESSAGE}</p> : null}

              <div className="organization__panels">
                <CharterStatus organization={organization} />
                {isOrgAdmin ? (
                  <p className="panel">
                    <Link to="/mon-organisation/charte">Bâtir la charte à partir du modèle partagé</Link> : choisir les principes, ajouter les
                    vôtres, imprimer et publier.
                  </p>
                ) : null}
                {isOrgAdmin ? <CharterForm organization={organization} /> : null}
              </div>

              {isOrgAdmin && organization.siren ? <PendingMembers siren={organization.siren} /> : null}
              {isOrgAdmin ? null : <AdminRequest viewer={viewer} />}

              <section aria-labelledby="deploiements" className="deployments">
                <div className="section-header">
                  <h2 id="deploiements">Déploiements déclarés</h2>
                  {canWrite && editing === null ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setSaved(undefined);
                        setEditing({ kind: 'new' });
                      }}
                    >
                      Déclarer un déploiement
                    </button>
                  ) : null}
                </div>
                {saved ? <FormSuccess>{saved}</FormSuccess> : null}
                {canWrite && editing?.kind === 'new' ? <DeploymentForm onSaved={close} onCancel={() => close()} /> : null}
                {canWrite && editedDeployment ? (
                  <DeploymentForm key={editedDeployment.id} deployment={editedDeployment} onSaved={close} onCancel={() => close()} />
                ) : null}
                <DeploymentTable
                  organization={organization}
                  onEdit={
                    canWrite
                      ? (id) => {
                          setSaved(undefined);
                          setEditing({ kind: 'edit', id });
                        }
                      : undefined
                  }
                  onLoadMore={(after) => fetchMore({ variables: { deploymentsAfter: after } })}
                />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
