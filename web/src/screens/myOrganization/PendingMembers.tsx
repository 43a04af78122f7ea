import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormSuccess } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
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

/** People who asked to join the collectivité, with « Approuver » and « Refuser ». */
export function PendingMembers({ siren }: { siren: string }) {
  const { data, error, refetch } = useQuery(PendingMembersQuery, { variables: { siren } });
  const [decide, { loading }] = useApproveMembership();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const act = async (user: { id: string; name: string }, approve: boolean) => {
    setMessage(undefined);
    const outcome = await decide(user.id, approve);
    setMessage(
      outcome.ok
        ? { ok: true, text: approve ? `L'adhésion de ${user.name} est approuvée.` : `L'adhésion de ${user.name} est refusée.` }
        : { ok: false, text: outcome.errors.message },
    );
  };

  return (
    <section className="panel" aria-labelledby="membres-en-attente">
      <h2 id="membres-en-attente">Membres en attente</h2>
      {message ? (
        message.ok ? (
          <FormSuccess>{message.text}</FormSuccess>
        ) : (
          <p role="alert" className="form-alert">
            {message.text}
          </p>
        )
      ) : null}
      <QueryState data={data} error={error} refetch={refetch}>
        {({ organization }) => {
          const users = organization?.pendingUsers ?? [];
          if (users.length === 0) return <p>Aucune demande d'adhésion en attente.</p>;
          return (
            <ul className="pending-list">
              {users.map((user) => (
                <li key={user.id} className="pending-list__item">
                  <span>
                    <strong id={`attente-${user.id}`}>{user.name}</strong>
                    {user.email ? <span className="muted"> · {user.email}</span> : null}
                    <span className="muted">
                      {' '}
                      · demande du <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
                    </span>
                  </span>
                  <span className="pending-list__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-describedby={`attente-${user.id}`}
                      disabled={loading}
                      onClick={() => void act(user, true)}
                    >
                      Approuver
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-describedby={`attente-${user.id}`}
                      disabled={loading}
                      onClick={() => void act(user, false)}
                    >
                      Refuser
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
