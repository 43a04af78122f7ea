import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { mutationHook } from '../../lib/mutationHook';

export const NotificationsQuery = graphql(`
  query NotificationsQuery {
    viewer {
      id
      unreadNotificationCount
      notifications(first: 50) {
        edges {
          node {
            id
            kind
            title
            body
            link
            createdAt
            read
          }
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsReadMutation($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all) {
      __typename
      ... on MutationMarkNotificationsReadSuccess {
        data {
          id
          unreadNotificationCount
        }
      }
      ...MutationError
    }
  }
`);

const useMarkRead = mutationHook(MarkNotificationsReadMutation, 'markNotificationsRead', {
  variables: (ids: string[] | null) => (ids ? { ids } : { all: true }),
  refetchQueries: [NotificationsQuery],
  awaitRefetchQueries: true,
});

/** The person's notifications, the unread ones marked, with « Tout marquer comme lu ». */
export function NotificationsPage() {
  const { data, error, refetch } = useQuery(NotificationsQuery);
  const [markRead, { loading }] = useMarkRead();
  const [failure, setFailure] = useState<string>();
  const mark = async (ids: string[] | null) => {
    setFailure(undefined);
    const outcome = await markRead(ids);
    if (!outcome.ok) setFailure(outcome.errors.message);
  };
  return (
    <>
      <title>Notifications — Mutualis</title>
      <h1>Notifications</h1>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ viewer }) => {
          if (!viewer) {
            return (
              <p className="notice">
                <Link to="/connexion?retour=%2Fnotifications">Connectez-vous</Link> pour lire vos notifications.
              </p>
            );
          }
          // Unread first; each group keeps the API's order, the most recent first (the sort is stable).
          const items = [...(viewer.notifications?.edges.map((edge) => edge.node) ?? [])].sort((a, b) => Number(a.read) - Number(b.read));
          const unread = viewer.unreadNotificationCount ?? 0;
          return (
            <>
              <p className="lead">
                {unread === 0 ? 'Aucune notification non lue.' : `${unread} notification${unread > 1 ? 's' : ''} non lue${unread > 1 ? 's' : ''}.`}{' '}
                {unread > 0 ? (
                  <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => void mark(null)}>
                    Tout marquer comme lu
                  </button>
                ) : null}
              </p>
              {failure ? (
                <p role="alert" className="form-alert">
                  {failure}
                </p>
              ) : null}
              {items.length === 0 ? <p>Vous n’avez reçu aucune notification.</p> : null}
              <ul className="pending-list">
                {items.map((item) => (
                  <li key={item.id} className={`pending-list__item${item.read ? '' : ' notification--unread'}`}>
                    <h2 className="queue__title">
                      {item.read ? null : <span className="badge badge--pending">non lue</span>} {item.title}
                    </h2>
                    <p>{item.body}</p>
                    <p className="muted">
                      <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
                      {item.link ? (
                        <>
                          {' · '}
                          <Link to={item.link}>Voir</Link>
                        </>
                      ) : null}
                      {item.read ? null : (
                        <>
                          {' · '}
                          <button type="button" className="link-button" disabled={loading} onClick={() => void mark([item.id])}>
                            Marquer comme lue
                          </button>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
