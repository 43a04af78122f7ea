import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { groupPath } from './groupPath';

/** The invitations waiting for the viewer's collectivité (empty for anyone else). */
export const ReceivedInvitationsQuery = graphql(`
  query ReceivedInvitationsQuery {
    receivedGroupInvitations(first: 20) {
      edges {
        node {
          id
          status
          createdAt
          group {
            id
            title
            interestDeadline
            coordinator {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/**
 * « Invitations reçues »: the groups the viewer's collectivité is invited to, each linked to its page (where its
 * ORG_ADMIN answers). Nothing is shown when there is none; exported for the other pages that list them.
 */
export function ReceivedInvitations() {
  const headingId = useId();
  const { data } = useQuery(ReceivedInvitationsQuery, { fetchPolicy: 'cache-and-network' });
  const pending = (data?.receivedGroupInvitations.edges ?? []).map((edge) => edge.node).filter((node) => node.status === 'PENDING');
  if (pending.length === 0) return null;
  return (
    <section className="panel group-invitations" aria-labelledby={headingId}>
      <h2 id={headingId}>Invitations reçues</h2>
      <ul className="group-invitations__list">
        {pending.map((invitation) => (
          <li key={invitation.id}>
            <Link to={groupPath(invitation.group)}>{invitation.group.title}</Link>
            <span className="muted">
              {' '}
              · de {invitation.group.coordinator.name}, le {formatDate(invitation.createdAt)} · adhésions jusqu’au {formatDate(invitation.group.interestDeadline)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
