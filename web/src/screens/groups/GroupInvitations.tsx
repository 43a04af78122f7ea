import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormAlert, FormSuccess, TextAreaField } from '../../components/Form';
import { OrganizationLink } from '../../components/OrganizationLink';
import { OrganizationSearch, SirenLookup } from '../../components/OrganizationSearch';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { InvitationStatus } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { useInviteToPurchasingGroup } from './useInviteToPurchasingGroup';

export const GroupInvitations_group = graphql(`
  fragment GroupInvitations_group on PurchasingGroup {
    id
    status
    viewerCanCoordinate
    invitations(first: 100) {
      edges {
        node {
          id
          status
          createdAt
          answeredAt
          organization {
            id
            siren
            name
          }
        }
      }
    }
  }
`);

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  PENDING: 'En attente de réponse',
  ACCEPTED: 'Acceptée',
  DECLINED: 'Déclinée',
};

/**
 * The coordinator's invitations: those sent, with their answers, and — while the group is open — a collectivité to
 * invite, found by name with the ranked search, and an optional message. The API checks eligibility and duplicates.
 */
export function GroupInvitations(props: { group: FragmentType<typeof GroupInvitations_group> }) {
  const group = getFragmentData(GroupInvitations_group, props.group);
  const headingId = useId();
  const [invite, { loading }] = useInviteToPurchasingGroup();
  const [siren, setSiren] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [done, setDone] = useState<string>();

  if (!group.viewerCanCoordinate) return null;
  const invitations = group.invitations.edges.map((edge) => edge.node);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const invalid = clientValidation(siren ? {} : { organizationSiren: 'Choisissez d’abord la collectivité à inviter.' });
    setErrors(invalid);
    if (invalid) return;
    const outcome = await invite(group.id, siren, message);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setSiren('');
    setMessage('');
    setDone(`${outcome.data.organization.name} est invitée : ses administrateurs sont prévenus.`);
  };

  return (
    <section className="panel group-invitations" aria-labelledby={headingId}>
      <h2 id={headingId}>Invitations</h2>
      {invitations.length === 0 ? (
        <p className="muted">Aucune collectivité n’a encore été invitée.</p>
      ) : (
        <ul className="group-invitations__list" aria-label="Collectivités invitées">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <OrganizationLink organization={invitation.organization} /> —{' '}
              <span className={`invitation-status invitation-status--${invitation.status.toLowerCase()}`}>{INVITATION_STATUS_LABELS[invitation.status]}</span>
              <span className="muted">
                {' '}
                · invitée le {formatDate(invitation.createdAt)}
                {invitation.answeredAt ? `, réponse le ${formatDate(invitation.answeredAt)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      {group.status === 'OPEN' ? (
        <form className="form group-actions__form" noValidate aria-label="Inviter une collectivité" onSubmit={(event) => void submit(event)}>
          <FormAlert errors={errors} placed={['organizationSiren', 'message']} />
          <OrganizationSearch label="Collectivité à inviter" clearOnChoose onChoose={(chosen) => { setSiren(chosen); setErrors(undefined); }} />
          {siren ? <SirenLookup siren={siren}>{(organization) => <>Collectivité choisie : <strong>{organization.name}</strong> (SIREN {organization.siren})</>}</SirenLookup> : null}
          {errors?.fields['organizationSiren'] ? <p className="field__error">{errors.fields['organizationSiren']}</p> : null}
          <TextAreaField label="Message (facultatif)" error={errors?.fields['message']} rows={3} maxLength={1000} value={message} onChange={setMessage} />
          <FormActions submit="Envoyer l’invitation" busy={loading} />
        </form>
      ) : (
        <p className="muted">Les invitations s’envoient tant que le groupement est ouvert aux adhésions.</p>
      )}
    </section>
  );
}
