import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormSuccess, TextAreaField } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { useApproveMembership } from './useApproveMembership';

// Only asked when the viewer administers this organization: the API refuses pendingUsers to anyone else.
export const PendingMembersQuery = graphql(`
  query PendingMembersQuery($siren: String!) {
    organization(siren: $siren) {
      id
      pendingUsers {
        id
        name
        email
        createdAt
      }
    }
  }
`);

interface Applicant {
  id: string;
  name: string;
  email?: string | null | undefined;
  createdAt: string;
}

/** The reason the API accepts: 3 to 500 characters, required to refuse. */
const REASON_MAX = 500;

/** One applicant: « Approuver » at once, « Refuser » after a reason the person will read. */
function PendingMember({ user, onDone }: { user: Applicant; onDone: (text: string) => void }) {
  const [decide, { loading }] = useApproveMembership();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();

  const act = async (approve: boolean) => {
    setErrors(undefined);
    if (!approve) {
      const refused = clientValidation(reason.trim().length < 3 ? { reason: 'Indiquez le motif du refus (3 caractères au moins) : la personne le lira.' } : {});
      if (refused) return setErrors(refused);
    }
    const outcome = await decide(user.id, approve, approve ? '' : reason);
    if (!outcome.ok) return setErrors(outcome.errors);
    onDone(approve ? `L'adhésion de ${user.name} est approuvée.` : `L'adhésion de ${user.name} est refusée : le motif lui est transmis.`);
  };

  return (
    <li className="pending-list__item">
      <span>
        <strong id={`attente-${user.id}`}>{user.name}</strong>
        {user.email ? <span className="muted"> · {user.email}</span> : null}
        <span className="muted">
          {' '}
          · demande du <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
        </span>
      </span>
      {refusing ? (
        <form
          className="queue__decision"
          aria-label={`Refuser l'adhésion de ${user.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            void act(false);
          }}
        >
          <TextAreaField
            label="Motif du refus (transmis à la personne)"
            value={reason}
            onChange={setReason}
            maxLength={REASON_MAX}
            rows={2}
            error={errors?.fields['reason']}
          />
          {errors && !errors.fields['reason'] ? (
            <p role="alert" className="form-alert">
              {errors.message}
            </p>
          ) : null}
          <span className="pending-list__actions">
            <button type="submit" className="button button--small" disabled={loading}>
              Confirmer le refus
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={loading}
              onClick={() => {
                setRefusing(false);
                setErrors(undefined);
              }}
            >
              Annuler
            </button>
          </span>
        </form>
      ) : (
        <>
          {errors ? (
            <p role="alert" className="form-alert">
              {errors.message}
            </p>
          ) : null}
          <span className="pending-list__actions">
            <button type="button" className="button button--small" aria-describedby={`attente-${user.id}`} disabled={loading} onClick={() => void act(true)}>
              Approuver
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-describedby={`attente-${user.id}`}
              disabled={loading}
              onClick={() => setRefusing(true)}
            >
              Refuser
            </button>
          </span>
        </>
      )}
    </li>
  );
}

/** People who asked to join the collectivité, with « Approuver » and « Refuser » (with a reason). */
export function PendingMembers({ siren }: { siren: string }) {
  const { data, error, refetch } = useQuery(PendingMembersQuery, { variables: { siren } });
  const [message, setMessage] = useState<string>();

  return (
    <section className="panel" aria-labelledby="membres-en-attente">
      <h2 id="membres-en-attente">Membres en attente</h2>
      {message ? <FormSuccess>{message}</FormSuccess> : null}
      <QueryState data={data} error={error} refetch={refetch}>
        {({ organization }) => {
          const users = organization?.pendingUsers ?? [];
          if (users.length === 0) return <p>Aucune demande d'adhésion en attente.</p>;
          return (
            <ul className="pending-list">
              {users.map((user) => (
                <PendingMember key={user.id} user={user} onDone={setMessage} />
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
