import { useId, useState } from 'react';
import { DecimalField, FormAlert, FormSuccess } from '../../components/Form';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDate, parseAmountInput } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { VOLUME_UNIT_WORDS } from './groupLabels';
import { useAnswerGroupInvitation } from './useAnswerGroupInvitation';

export const InvitationAnswer_group = graphql(`
  fragment InvitationAnswer_group on PurchasingGroup {
    id
    volumeUnit
    coordinator {
      id
      name
    }
    viewerInvitation {
      id
      status
      message
      createdAt
      viewerCanAnswer
    }
  }
`);

/**
 * The invitation the viewer's collectivité received to this group, while it waits: who invites, the message, and —
 * for its ORG_ADMIN — « Accepter » (with an optional estimated volume) or « Décliner ».
 */
export function InvitationAnswer(props: { group: FragmentType<typeof InvitationAnswer_group> }) {
  const group = getFragmentData(InvitationAnswer_group, props.group);
  const headingId = useId();
  const [answer, { loading }] = useAnswerGroupInvitation();
  const [volume, setVolume] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [done, setDone] = useState<string>();
  const invitation = group.viewerInvitation;
  const unit = VOLUME_UNIT_WORDS[group.volumeUnit];

  if (done) return <FormSuccess>{done}</FormSuccess>;
  if (!invitation || invitation.status !== 'PENDING') return null;

  const send = async (accept: boolean) => {
    const parsed = volume.trim() ? parseAmountInput(volume) : null;
    const invalid = clientValidation(accept && volume.trim() && parsed === null ? { estimatedVolume: `Saisissez un volume en ${unit.plural}, par exemple 12 000.` } : {});
    setErrors(invalid);
    if (invalid) return;
    const outcome = await answer(invitation.id, accept, accept ? parsed : null);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setDone(accept ? 'Invitation acceptée : votre collectivité adhère au groupement, intéressée.' : 'Invitation déclinée.');
  };

  return (
    <section className="panel group-actions group-invitation" aria-labelledby={headingId}>
      <h2 id={headingId}>Invitation</h2>
      <p>
        {group.coordinator.name} invite votre collectivité à rejoindre ce groupement (invitation du {formatDate(invitation.createdAt)}).
      </p>
      {invitation.message ? <blockquote className="group-invitation__message">{invitation.message}</blockquote> : null}
      {invitation.viewerCanAnswer ? (
        <div className="form group-actions__form">
          <FormAlert errors={errors} placed={['estimatedVolume']} />
          <DecimalField
            label={`Volume estimé (${unit.plural}, facultatif)`}
            hint="Une estimation : vous la confirmerez en vous engageant."
            error={errors?.fields['estimatedVolume']}
            value={volume}
            onChange={setVolume}
          />
          <p className="form__actions">
            <button type="button" className="button" disabled={loading} onClick={() => void send(true)}>
              Accepter l’invitation
            </button>
            <button type="button" className="button button--secondary" disabled={loading} onClick={() => void send(false)}>
              Décliner
            </button>
          </p>
        </div>
      ) : (
        <p className="muted">Un administrateur de votre collectivité peut accepter ou décliner l’invitation.</p>
      )}
    </section>
  );
}
