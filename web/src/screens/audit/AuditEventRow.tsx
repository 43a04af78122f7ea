import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { AuditEventRow_EventFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { OrganizationLink } from '../../components/OrganizationLink';
import { entityPath } from './auditFilters';

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
    actionLabel
    entityType
    entityTypeLabel
    entityId
    entityLabel
    entityLink {
      kind
      key
    }
    changes {
      field
      label
      before
      after
    }
    before
    after
    requestId
    createdAt
  }
`);

const json = (value: unknown) => (value == null ? '—' : JSON.stringify(value, null, 2));

/** The entity, named by the API (« Outil : Albert »), linked to its page when it has one. */
function Entity({ event }: { event: AuditEventRow_EventFragment }) {
  const label = event.entityLabel ?? `${event.entityTypeLabel} n° ${event.entityId}`;
  return event.entityLink ? <Link to={entityPath(event.entityLink)}>{label}</Link> : <>{label}</>;
}

/** One recorded change: the fields changed in French, the raw before/after snapshots on demand. */
export function AuditEventRow(props: { event: FragmentType<typeof AuditEventRow_event>; onActor?: (id: string) => void }) {
  const event = getFragmentData(AuditEventRow_event, props.event);
  const hasSnapshots = event.before != null || event.after != null;
  const { actor } = event;
  const { onActor } = props;
  return (
    <tr>
      <td data-label="Date">
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
      </td>
      <td data-label="Auteur">
        {actor ? (
          onActor ? (
            <button type="button" className="link-button" title="Voir les actions de cette personne" onClick={() => onActor(actor.id)}>
              {actor.name}
            </button>
          ) : (
            actor.name
          )
        ) : (
          <span className="muted">Système</span>
        )}
      </td>
      <td data-label="Organisation">{event.organization ? <OrganizationLink organization={event.organization} /> : '—'}</td>
      <td data-label="Action">
        {event.actionLabel} <code className="muted">{event.action}</code>
      </td>
      <td data-label="Entité">
        <Entity event={event} />
      </td>
      <td data-label="Identifiant de requête" className="request-id">
        <code>{event.requestId}</code>
      </td>
      <td data-label="Champs modifiés">
        {event.changes.length > 0 ? (
          <ul className="audit-changes">
            {event.changes.map((change) => (
              <li key={change.field}>
                <span className="audit-changes__field">{change.label}</span> : {change.before ?? '—'} → {change.after ?? '—'}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
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
        ) : null}
      </td>
    </tr>
  );
}
