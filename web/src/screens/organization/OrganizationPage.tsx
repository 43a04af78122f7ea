import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { natureLabel } from '../../lib/labels';
import { CharterStatus } from './CharterStatus';
import { DeclaredTools } from './DeclaredTools';
import { OrganizationContracts } from './OrganizationContracts';
import { MemberList } from './MemberList';
import { OrganizationFacts } from './OrganizationFacts';
import { NotFound as NotFoundPage } from '../../components/NotFound';
import { DetailHeader } from '../../components/DetailHeader';

export const OrganizationPageQuery = graphql(`
  query OrganizationPageQuery($siren: String!, $membersAfter: String, $deploymentsAfter: String, $contractsAfter: String) {
    organization(siren: $siren) {
      id
      name
      kind
      epciType
      ...OrganizationFacts_organization
      ...CharterStatus_organization
      ...MemberList_organization
      ...DeclaredTools_organization
      ...OrganizationContracts_organization
    }
  }
`);

const SIREN = /^\d{9}$/;

function NotFound({ siren }: { siren: string }) {
  return (
    <NotFoundPage what="Collectivité" backTo="/territoires" backLabel="Retour à l'annuaire des territoires">
      Aucune collectivité ne correspond au SIREN « {siren} ». Vérifiez le numéro (9 chiffres) ou cherchez la collectivité par son nom.
    </NotFoundPage>
  );
}

export function OrganizationPage() {
  const siren = useParams().siren ?? '';
  const valid = SIREN.test(siren);
  const { data, error, refetch, fetchMore } = useQuery(OrganizationPageQuery, {
    variables: { siren },
    skip: !valid,
  });
  if (!valid) return <NotFound siren={siren} />;

  return (
    <QueryState data={data} error={error} refetch={refetch}>
      {({ organization }) => {
        if (!organization) return <NotFound siren={siren} />;
        return (
          <article className="organization">
            <DetailHeader heading={organization.name} documentTitle={`${organization.name} — Mutualis`} backTo="/territoires" backLabel="Territoires" />
            <p className="lead">{natureLabel(organization.kind, organization.epciType)}</p>
            <div className="organization__panels">
              <OrganizationFacts organization={organization} />
              <CharterStatus organization={organization} />
            </div>
            <DeclaredTools organization={organization} onLoadMore={(after) => fetchMore({ variables: { deploymentsAfter: after } })} />
            <OrganizationContracts organization={organization} onLoadMore={(after) => fetchMore({ variables: { contractsAfter: after } })} />
            {organization.kind === 'EPCI' ? (
              <MemberList
                organization={organization}
                onLoadMore={(after) => fetchMore({ variables: { membersAfter: after } })}
              />
            ) : null}
          </article>
        );
      }}
    </QueryState>
  );
}
