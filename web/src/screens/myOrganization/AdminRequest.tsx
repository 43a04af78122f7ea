import { useState } from 'react';
import { FormSuccess, TextAreaField } from '../../components/Form';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { mutationHook } from '../../lib/mutationHook';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';

export const AdminRequestFragment = graphql(`
  fragment AdminRequest_viewer on User {
    id
    viewerCanRequestOrganizationAdmin
    adminRequestStatus
    adminDecisionReason
    pendingDecision {
      kind
      since
    }
  }
`);

export const RequestOrganizationAdminMutation = graphql(`
  mutation RequestOrganizationAdminMutation($reason: String!) {
    requestOrganizationAdmin(reason: $reason) {
      __typename
      ... on MutationRequestOrganizationAdminSuccess {
        data {
          ...AdminRequest_viewer
          ...PendingApplication_viewer
        }
      }
      ...MutationError
    }
  }
`);

export const CancelAdminRequestMutation = graphql(`
  mutation CancelAdminRequestMutation {
    cancelAdminRequest {
      __typename
      ... on MutationCancelAdminRequestSuccess {
        data {
          ...AdminRequest_viewer
          ...PendingApplication_viewer
        }
      }
      ...MutationError
    }
  }
`);

// The answer is the viewer with the request's new state, and all « Mon organisation » reads of what waits a decision:
// the cache updates the page by itself.
const useRequestOrganizationAdmin = mutationHook(RequestOrganizationAdminMutation, 'requestOrganizationAdmin', {
  variables: (reason: string) => ({ reason: reason.trim() }),
});
const useCancelAdminRequest = mutationHook(CancelAdminRequestMutation, 'cancelAdminRequest');

const REASON_MAX = 500;

/** The request's state, for the person who made it. */
function RequestState({ status, reason, since }: { status: string; reason: string | null | undefined; since: string | undefined }) {
  const [cancel, { loading }] = useCancelAdminRequest();
  const [failure, setFailure] = useState<string>();
  if (status === 'PENDING') {
    return (
      <>
        <p>
          Votre demande du rôle d’administrateur est <strong>en cours d’examen par l’équipe Mutualis</strong>
          {since ? (
            <>
              {' '}
              depuis le <time dateTime={since}>{formatDate(since)}</time>
            </>
          ) : null}
          . Vous serez prévenu de sa décision par notification.
        </p>
        {failure ? (
          <p role="alert" className="form-alert">
            {failure}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={loading}
          onClick={() => {
            setFailure(undefined);
            void cancel().then((outcome) => {
              if (!outcome.ok) setFailure(outcome.errors.message);
            });
          }}
        >
          Retirer ma demande du rôle
        </button>
      </>
    );
  }
  if (status === 'REFUSED') {
    return <p>Votre demande du rôle d’administrateur a été refusée par l’équipe Mutualis{reason ? ` : ${reason}` : '.'}</p>;
  }
  return null;
}

/**
 * « Demander le rôle d’administrateur »: offered to the first verified member of a collectivité that has no
 * ORG_ADMIN (the API says when, viewerCanRequestOrganizationAdmin); afterwards, the state of the request.
 */
export function AdminRequest({ viewer }: { viewer: FragmentType<typeof AdminRequestFragment> }) {
  const person = getFragmentData(AdminRequestFragment, viewer);
  const [request, { loading }] = useRequestOrganizationAdmin();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [sent, setSent] = useState(false);
  const status = person.adminRequestStatus;
  const showState = status === 'PENDING' || status === 'REFUSED';
  if (!person.viewerCanRequestOrganizationAdmin && !showState) return null;

  const submit = async () => {
    setErrors(undefined);
    const refused = clientValidation(reason.trim().length < 3 ? { reason: 'Expliquez votre demande (3 caractères au moins) : votre fonction, votre service.' } : {});
    if (refused) return setErrors(refused);
    const outcome = await request(reason);
    if (!outcome.ok) return setErrors(outcome.errors);
    setSent(true);
    setReason('');
  };

  const since = person.pendingDecision?.kind === 'ORGANIZATION_ADMIN' ? person.pendingDecision.since : undefined;
  return (
    <section className="panel" aria-labelledby="role-administrateur">
      <h2 id="role-administrateur">Administrateur de l’organisation</h2>
      {sent && status === 'PENDING' ? <FormSuccess>Votre demande est envoyée à l’équipe Mutualis.</FormSuccess> : null}
      {showState ? <RequestState status={status} reason={person.adminDecisionReason} since={since} /> : null}
      {person.viewerCanRequestOrganizationAdmin ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <p>
            Votre collectivité n’a pas encore d’administrateur sur Mutualis. L’administrateur approuve les nouveaux membres et
            adopte la charte ; l’équipe Mutualis examine chaque demande.
          </p>
          <TextAreaField
            label="Motif de la demande"
            hint="Votre fonction et pourquoi vous administrerez la collectivité sur Mutualis (500 caractères au plus)."
            value={reason}
            onChange={setReason}
            maxLength={REASON_MAX}
            rows={3}
            error={errors?.fields['reason']}
          />
          {errors && !errors.fields['reason'] ? (
            <p role="alert" className="form-alert">
              {errors.message}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={loading}>
            Demander le rôle d’administrateur
          </button>
        </form>
      ) : null}
    </section>
  );
}
