import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormActions, FormAlert, InputField, TextAreaField, useFormValues } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { ContactStatus, ReferentContactsPageQueryQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { clientValidation } from '../../lib/mutationResult';
import { useAnswerReferentContact, useDeclineReferentContact, useReportReferentContact } from './referentMutations';

export const ReferentContactsPageQuery = graphql(`
  query ReferentContactsPageQuery {
    viewer {
      id
      referentContactsReceived(first: 50) {
        edges {
          node {
            id
            message
            status
            answer
            answeredAt
            reportReason
            createdAt
            senderName
            senderOrganization {
              id
              name
            }
            tool {
              id
              slug
              name
            }
          }
        }
      }
      referentContactsSent(first: 50) {
        edges {
          node {
            id
            message
            status
            answer
            answeredAt
            createdAt
            referentName
            referentEmail
            referentOrganization {
              id
              name
            }
            tool {
              id
              slug
              name
            }
          }
        }
      }
    }
  }
`);

type Viewer = NonNullable<ReferentContactsPageQueryQuery['viewer']>;
type Received = NonNullable<Viewer['referentContactsReceived']>['edges'][number]['node'];
type Sent = NonNullable<Viewer['referentContactsSent']>['edges'][number]['node'];

export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  SENT: 'en attente de réponse',
  ANSWERED: 'répondu',
  DECLINED: 'sans suite',
  REPORTED: 'signalé',
};

function Status({ status }: { status: ContactStatus }) {
  return <span className={`badge${status === 'SENT' ? ' badge--pending' : ''}`}>{CONTACT_STATUS_LABELS[status]}</span>;
}

/** What the referent does with a message: answer (the sender then sees their address), decline, or report it. */
function ReceivedActions({ contact }: { contact: Received }) {
  const [mode, setMode] = useState<'answer' | 'report' | null>(null);
  const { values, bind, errors, setErrors } = useFormValues({ answer: '', reason: '' });
  const [answer, answering] = useAnswerReferentContact();
  const [decline, declining] = useDeclineReferentContact();
  const [report, reporting] = useReportReferentContact();
  if (contact.status === 'ANSWERED' || contact.status === 'REPORTED') return null;
  const settle = (outcome: { ok: boolean; errors?: Parameters<typeof setErrors>[0] }) => {
    if (!outcome.ok) setErrors(outcome.errors);
    else setMode(null);
  };
  return (
    <>
      {mode === null ? (
        <p className="form__actions">
          {contact.status === 'SENT' ? (
            <>
              <button type="button" className="button button--small" onClick={() => setMode('answer')}>
                Répondre
              </button>
              <button type="button" className="button button--secondary button--small" disabled={declining.loading} onClick={() => void decline(contact.id).then(settle)}>
                Ne pas donner suite
              </button>
            </>
          ) : null}
          <button type="button" className="button button--secondary button--small" onClick={() => setMode('report')}>
            Signaler un abus
          </button>
        </p>
      ) : null}
      {mode === null ? <FormAlert errors={errors} placed={[]} /> : null}
      {mode === 'answer' ? (
        <form
          className="form"
          aria-label="Répondre au message"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const local = clientValidation(values.answer.trim().length < 2 ? { answer: 'Écrivez votre réponse.' } : {});
            setErrors(local);
            if (!local) void answer(contact.id, values.answer).then(settle);
          }}
        >
          <FormAlert errors={errors} placed={['answer']} />
          <TextAreaField
            label="Votre réponse"
            hint="En répondant, votre adresse électronique est communiquée à la personne qui vous a écrit."
            rows={4}
            maxLength={2000}
            {...bind('answer')}
          />
          <FormActions submit="Envoyer la réponse" busy={answering.loading} cancel="Annuler" onCancel={() => setMode(null)} small />
        </form>
      ) : null}
      {mode === 'report' ? (
        <form
          className="form"
          aria-label="Signaler ce message"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const local = clientValidation(values.reason.trim().length < 3 ? { reason: 'Donnez le motif du signalement.' } : {});
            setErrors(local);
            if (!local) void report(contact.id, values.reason).then(settle);
          }}
        >
          <FormAlert errors={errors} placed={['reason']} />
          <InputField label="Motif du signalement" hint="Les administrateurs de la plateforme sont prévenus ; la personne ne pourra plus vous écrire." maxLength={500} {...bind('reason')} />
          <FormActions submit="Signaler" busy={reporting.loading} cancel="Annuler" onCancel={() => setMode(null)} small />
        </form>
      ) : null}
    </>
  );
}

function ReceivedItem({ contact }: { contact: Received }) {
  return (
    <li className="pending-list__item">
      <h3 className="queue__title">
        {contact.senderName ?? 'Personne effacée'}
        {contact.senderOrganization ? ` (${contact.senderOrganization.name})` : ''} — <Link to={`/catalogue/${contact.tool.slug}`}>{contact.tool.name}</Link>{' '}
        <Status status={contact.status} />
      </h3>
      <p className="muted">
        Reçu le <time dateTime={contact.createdAt}>{formatDate(contact.createdAt)}</time>
      </p>
      <blockquote>{contact.message}</blockquote>
      {contact.answer ? (
        <p>
          <strong>Votre réponse :</strong> {contact.answer}
        </p>
      ) : null}
      {contact.reportReason ? <p className="muted">Signalé : {contact.reportReason}</p> : null}
      <ReceivedActions contact={contact} />
    </li>
  );
}

function SentItem({ contact }: { contact: Sent }) {
  return (
    <li className="pending-list__item">
      <h3 className="queue__title">
        À {contact.referentName} ({contact.referentOrganization.name}) — <Link to={`/catalogue/${contact.tool.slug}`}>{contact.tool.name}</Link>{' '}
        <Status status={contact.status} />
      </h3>
      <p className="muted">
        Envoyé le <time dateTime={contact.createdAt}>{formatDate(contact.createdAt)}</time>
      </p>
      <blockquote>{contact.message}</blockquote>
      {contact.status === 'ANSWERED' ? (
        <>
          <p>
            <strong>Réponse{contact.answeredAt ? ` du ${formatDate(contact.answeredAt)}` : ''} :</strong> {contact.answer}
          </p>
          {contact.referentEmail ? (
            <p>
              Son adresse : <a href={`mailto:${contact.referentEmail}`}>{contact.referentEmail}</a>
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">Son adresse ne vous est communiquée que s’il vous répond.</p>
      )}
    </li>
  );
}

/** « Mes échanges »: messages received as a referent (answer, decline, report) and sent to referents. */
export function ReferentContactsPage() {
  const { data, error, refetch } = useQuery(ReferentContactsPageQuery);
  return (
    <>
      <title>Mes échanges avec les référents — Mutualis</title>
      <h1>Mes échanges avec les référents</h1>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ viewer }) => {
          if (!viewer) {
            return (
              <p className="notice">
                <Link to="/connexion?retour=%2Fmes-echanges">Connectez-vous</Link> pour lire vos échanges.
              </p>
            );
          }
          const received = viewer.referentContactsReceived?.edges.map((edge) => edge.node) ?? [];
          const sent = viewer.referentContactsSent?.edges.map((edge) => edge.node) ?? [];
          return (
            <>
              <p className="lead">
                Les messages passent par la plateforme : l’adresse d’un référent n’est communiquée qu’à la personne à qui il répond.
              </p>
              <section aria-labelledby="echanges-recus">
                <h2 id="echanges-recus">Messages reçus en tant que référent</h2>
                {received.length === 0 ? <p>Vous n’avez reçu aucun message.</p> : null}
                <ul className="pending-list">
                  {received.map((contact) => (
                    <ReceivedItem key={contact.id} contact={contact} />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="echanges-envoyes">
                <h2 id="echanges-envoyes">Messages envoyés à des référents</h2>
                {sent.length === 0 ? <p>Vous n’avez écrit à aucun référent.</p> : null}
                <ul className="pending-list">
                  {sent.map((contact) => (
                    <SentItem key={contact.id} contact={contact} />
                  ))}
                </ul>
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
