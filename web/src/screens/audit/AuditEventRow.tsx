import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { OrganizationLink } from '../../components/OrganizationLink';

export const AuditEventRow_event = graphql(`
  fragment AuditEventRow_event on AuditEvent {
    id
    actor {
      id
      name
    }
    organization {
      id
      name
      siren
    }
    action
    entityType
    entityId
    before
    after
    requestId
    createdAt
  }
`);

const json = (value: unknown) => (value == null ? '—' : JSON.stringify(value, null, 2));

/** One recorded change; the before/after snapshots open on demand. */
export function AuditEventRow(props: { event: FragmentType<typeof AuditEventRow_event> }) {
  const event = getFragmentData(AuditEventRow_event, props.event);
  const hasSnapshots = event.before != null || event.after != null;
  return (
    <tr>
      <td data-label="Date">
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
      </td>
      <td data-label="Acteur">{event.actor?.name ?? <span className="muted">Système</span>}</td>
      <td data-label="Organisation">
        {event.organization ? (
          <OrganizationLink organization={event.organization} />
        ) : (
          '—'
        )}
      </td>
      <td data-label="Action">
        <code>{event.action}</code>
      </td>
      <td data-label="Entité">
        {event.entityType} <span className="muted">n° {event.entityId}</span>
      </td>
      <td data-label="Identifiant de requête" className="request-id">
        <code>{event.requestId}</code>
      </td>
      <td data-label="Détails">
        {hasSnapshots ? (
          <details className="audit-details">
            <summary>Avant / après</summary>
            <div className={`audit-details__grid${event.before != null && event.after != null ? '' : ' audit-details__grid--single'}`}>
              {event.before != null ? (
                <div>
                  <p className="audit-details__title">Avant</p>
                  <pre>{json(event.before)}</pre>
                </div>
              ) : null}
              {event.after != null ? (
                <div>
                  <p className="audit-details__title">{event.before == null ? 'Après (aucun état antérieur)' : 'Après'}</p>
                  <pre>{json(event.after)}</pre>
                </div>
              ) : null}
            </div>
          </details>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
