import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { mutationHook } from '../../lib/mutationHook';

export const PendingApplicationFragment = graphql(`
  fragment PendingApplication_viewer on User {
    id
    pendingDecision {
      kind
      deciders
      byPlatformTeam
      since
    }
  }
`);

export const CancelMembershipRequestMutation = graphql(`
  mutation CancelMembershipRequestMutation {
    cancelMembershipRequest {
      __typename
      ... on MutationCancelMembershipRequestSuccess {
        data
      }
      ...MutationError
    }
  }
`);

// The API closes every session of the person: what was cached was read as them.
const useCancelMembershipRequest = mutationHook(CancelMembershipRequestMutation, 'cancelMembershipRequest', { resetStore: true });

/** The notice shown after a withdrawal, on the signed-out page (the location carries it). */
export function CancelledNotice() {
  const location = useLocation();
  if ((location.state as { membershipCancelled?: boolean } | null)?.membershipCancelled !== true) return null;
  return (
    <div role="status" className="form-success">
      Votre demande d’adhésion est retirée et vous êtes déconnecté. Ce compte ne donne plus accès à la collectivité ; pour la
      rejoindre plus tard, écrivez à l’équipe Mutualis.
    </div>
  );
}

/**
 * A person whose membership waits: who will decide (never their addresses) and since when, and « Retirer ma
 * demande » after a confirmation, which signs them out.
 */
export function PendingApplication({ viewer, organizationName, fallback }: { viewer: FragmentType<typeof PendingApplicationFragment>; organizationName: string; fallback: string }) {
  const { pendingDecision: decision } = getFragmentData(PendingApplicationFragment, viewer);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [cancel, { loading }] = useCancelMembershipRequest();
  const navigate = useNavigate();

  if (decision?.kind !== 'MEMBERSHIP') return <p className="notice notice--warning">{fallback}</p>;

  const withdraw = async () => {
    setFailure(undefined);
    const outcome = await cancel();
    if (!outcome.ok) return setFailure(outcome.errors.message);
    void navigate('/mon-organisation', { replace: true, state: { membershipCancelled: true } });
  };

  return (
    <section className="notice notice--warning" style={{ marginBottom: '1.5rem' }} aria-labelledby="demande-en-attente">
      <h2 id="demande-en-attente">Votre demande d’adhésion est en attente</h2>
      <p>
        Demande envoyée le <time dateTime={decision.since}>{formatDate(decision.since)}</time> pour rejoindre {organizationName}. Qui décide :{' '}
        <strong>{decision.deciders}</strong>.
      </p>
      <p>
        {decision.byPlatformTeam
          ? `${organizationName} n’a pas encore d’administrateur sur Mutualis : l’équipe Mutualis vérifie votre lien avec la collectivité et vous répond par notification et par courriel.`
          : 'Vous serez prévenu par notification et par courriel dès la décision.'}{' '}
        En attendant, vous pouvez consulter le catalogue et les avis, mais pas écrire au nom de la collectivité.
      </p>
      {failure ? (
        <p role="alert" className="form-alert">
          {failure}
        </p>
      ) : null}
      {confirming ? (
        <div role="group" aria-labelledby="confirmer-retrait">
          <p id="confirmer-retrait">
            <strong>Retirer votre demande ?</strong> Votre compte ne sera plus rattaché à {organizationName} et vous serez déconnecté.
          </p>
          <span className="pending-list__actions">
            <button type="button" className="button button--small" disabled={loading} onClick={() => void withdraw()}>
              Oui, retirer ma demande
            </button>
            <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => setConfirming(false)}>
              Garder ma demande
            </button>
          </span>
        </div>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
          Retirer ma demande
        </button>
      )}
    </section>
  );
}
