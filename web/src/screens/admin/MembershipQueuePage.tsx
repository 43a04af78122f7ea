import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormSuccess, TextAreaField } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { MembershipQueueQueryQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { mutationHook } from '../../lib/mutationHook';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';

export const MembershipQueueQuery = graphql(`
  query MembershipQueueQuery {
    pendingMemberships(first: 50) {
      totalCount
      edges {
        node {
          kind
          since
          emailDomain
          domainHint
          domainMatchesOrganization
          proconnectVerifiedAt
          adminRequestReason
          person {
            id
            name
            email
          }
          organization {
            id
            name
            kind
            departementCode
            population
          }
        }
      }
    }
  }
`);

export const DecideMembershipMutation = graphql(`
  mutation DecideMembershipMutation($userId: ID!, $approve: Boolean!, $reason: String) {
    decideMembership(userId: $userId, approve: $approve, reason: $reason) {
      __typename
      ... on MutationDecideMembershipSuccess {
        data {
          id
          membershipStatus
        }
      }
      ...MutationError
    }
  }
`);

export const DecideAdminRequestMutation = graphql(`
  mutation DecideAdminRequestMutation($userId: ID!, $approve: Boolean!, $reason: String) {
    decideAdminRequest(userId: $userId, approve: $approve, reason: $reason) {
      __typename
      ... on MutationDecideAdminRequestSuccess {
        data {
          id
          roles
        }
      }
      ...MutationError
    }
  }
`);

// The queue is read again after a decision only: a refused request leaves it as it was, the reason typed kept.
const refetch = {
  refetchQueries: (result: { __typename: string } | undefined) => (result?.__typename.endsWith('Success') ? [MembershipQueueQuery] : []),
  awaitRefetchQueries: true,
};
const useDecideMembership = mutationHook(DecideMembershipMutation, 'decideMembership', {
  variables: (userId: string, approve: boolean, reason: string) => ({ userId, approve, reason: reason || null }),
  ...refetch,
});
const useDecideAdminRequest = mutationHook(DecideAdminRequestMutation, 'decideAdminRequest', {
  variables: (userId: string, approve: boolean, reason: string) => ({ userId, approve, reason: reason || null }),
  ...refetch,
});

const HINTS: Record<string, string> = {
  ORGANIZATION_NAME: 'le domaine contient le nom de la collectivité',
  PUBLIC_SECTOR: 'domaine public',
  PERSONAL_MAILBOX: 'messagerie personnelle : aucun lien établi',
  UNRELATED: 'domaine sans rapport apparent avec la collectivité',
};

type Item = MembershipQueueQueryQuery['pendingMemberships']['edges'][number]['node'];

function Decision({ item, onDone }: { item: Item; onDone: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [decideMembership, { loading: a }] = useDecideMembership();
  const [decideAdmin, { loading: b }] = useDecideAdminRequest();
  const isAdminRequest = item.kind === 'ORGANIZATION_ADMIN';
  const act = async (approve: boolean) => {
    setErrors(undefined);
    // The person reads the reason of a refusal: it is required (3 to 500 characters, as the API checks).
    const refused = approve ? undefined : clientValidation(reason.trim().length < 3 ? { reason: 'Indiquez le motif du refus (3 caractères au moins) : la personne le lira.' } : {});
    if (refused) return setErrors(refused);
    const decide = isAdminRequest ? decideAdmin : decideMembership;
    const outcome = await decide(item.person.id, approve, reason.trim());
    if (!outcome.ok) return setErrors(outcome.errors);
    const what = isAdminRequest ? 'La demande du rôle d’administrateur' : 'L’adhésion';
    onDone(`${what} de ${item.person.name} (${item.organization.name}) est ${approve ? 'acceptée' : 'refusée'}.`);
  };
  return (
    <form className="queue__decision" aria-label={`Décision pour ${item.person.name}`} onSubmit={(event) => event.preventDefault()}>
      <TextAreaField
        label="Motif (obligatoire pour refuser, transmis à la personne)"
        value={reason}
        onChange={setReason}
        maxLength={500}
        rows={2}
        error={errors?.fields['reason']}
      />
      {errors && !errors.fields['reason'] ? (
        <p role="alert" className="form-alert">
          {errors.message}
        </p>
      ) : null}
      <span className="pending-list__actions">
        <button type="button" className="button button--small" disabled={a || b} onClick={() => void act(true)}>
          {isAdminRequest ? 'Accorder le rôle' : 'Approuver'}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={a || b} onClick={() => void act(false)}>
          Refuser
        </button>
      </span>
    </form>
  );
}

/** The platform team's queue: people of organizations without administrator, oldest first, with what helps decide. */
export function MembershipQueuePage() {
  const { data, error, refetch: reload } = useQuery(MembershipQueueQuery);
  const [done, setDone] = useState<string>();
  return (
    <>
      <title>Adhésions en attente — Mutualis</title>
      <h1>Adhésions en attente</h1>
      <p className="lead">Collectivités sans administrateur : l’équipe Mutualis décide, les plus anciennes demandes d’abord.</p>
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      <QueryState data={data} error={error} refetch={reload}>
        {({ pendingMemberships }) =>
          pendingMemberships.edges.length === 0 ? (
            <p>Aucune adhésion en attente.</p>
          ) : (
            <ul className="pending-list">
              {pendingMemberships.edges.map(({ node: item }) => (
                <li key={`${item.kind}-${item.person.id}`} className="pending-list__item">
                  <div className="queue__facts">
                    <h2 className="queue__title">
                      {item.person.name} — {item.organization.name}
                      {item.organization.departementCode ? ` (${item.organization.departementCode})` : ''}
                    </h2>
                    <p>
                      {item.kind === 'ORGANIZATION_ADMIN' ? 'Demande le rôle d’administrateur' : 'Demande d’adhésion'} depuis le{' '}
                      <time dateTime={item.since}>{formatDate(item.since)}</time>
                      {item.organization.population ? ` · ${item.organization.population.toLocaleString('fr-FR')} habitants` : ''}
                    </p>
                    <ul className="queue__hints">
                      <li>
                        Adresse : {item.person.email} — <strong>{item.emailDomain}</strong> :{' '}
                        <span className={item.domainMatchesOrganization ? 'badge' : 'badge badge--pending'}>{HINTS[item.domainHint]}</span>
                      </li>
                      <li>{item.proconnectVerifiedAt ? `Appartenance vérifiée par ProConnect le ${formatDate(item.proconnectVerifiedAt)}` : 'Non vérifiée par ProConnect'}</li>
                      {item.adminRequestReason ? <li>Motif de la demande : {item.adminRequestReason}</li> : null}
                    </ul>
                  </div>
                  <Decision item={item} onDone={setDone} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
