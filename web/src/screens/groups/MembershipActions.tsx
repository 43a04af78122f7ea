import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { DecimalField, FormAlert, FormSuccess, FormActions } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatInteger, parseAmountInput } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { formatVolume, VOLUME_UNIT_WORDS } from './groupLabels';
import { groupPath } from './groupPath';
import { useCommitToPurchasingGroup } from './useCommitToPurchasingGroup';
import { useJoinPurchasingGroup } from './useJoinPurchasingGroup';
import { useWithdrawFromPurchasingGroup } from './useWithdrawFromPurchasingGroup';

export const MembershipActions_group = graphql(`
  fragment MembershipActions_group on PurchasingGroup {
    id
    title
    volumeUnit
    viewerMembership {
      id
      status
      estimatedVolume
      committedVolume
    }
    viewerCanJoin {
      allowed
      reason
    }
  }
`);

type Step = 'join' | 'commit' | 'withdraw' | null;

/** The volume as typed back in French ("1234.5" → "1234,5"). */
const volumeText = (value: string | null | undefined) => (value ? value.replace('.', ',') : '');

/**
 * What the viewer's collectivité can do in the group: « Adhérer » (estimated volume), « M’engager »
 * (firm volume), « Me retirer » — offered as the API's viewerCanJoin allows, with its reason otherwise.
 */
export function MembershipActions(props: {
  group: FragmentType<typeof MembershipActions_group>;
  signedIn: boolean;
  organization?: { name: string; population?: number | null | undefined } | undefined;
}) {
  const group = getFragmentData(MembershipActions_group, props.group);
  const headingId = useId();
  const [join, { loading: joining }] = useJoinPurchasingGroup();
  const [commit, { loading: committing }] = useCommitToPurchasingGroup();
  const [withdraw, { loading: withdrawing }] = useWithdrawFromPurchasingGroup();
  const [step, setStep] = useState<Step>(null);
  const [volume, setVolume] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [done, setDone] = useState<string>();

  const unit = VOLUME_UNIT_WORDS[group.volumeUnit];
  const membership = group.viewerMembership?.status === 'WITHDRAWN' ? null : group.viewerMembership;
  const { allowed, reason } = group.viewerCanJoin;
  const busy = joining || committing || withdrawing;

  const start = (next: Step, initial = '') => {
    setStep(next);
    setVolume(initial);
    setErrors(undefined);
    setDone(undefined);
  };

  const submitVolume = async (event: FormEvent, field: 'estimatedVolume' | 'volume') => {
    event.preventDefault();
    const parsed = parseAmountInput(volume);
    const invalid = clientValidation(parsed === null ? { [field]: `Saisissez un volume en ${unit.plural}, par exemple 12 000.` } : {});
    setErrors(invalid);
    if (invalid || parsed === null) return;
    const outcome = field === 'estimatedVolume' ? await join(group.id, parsed) : await commit(group.id, parsed);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setStep(null);
    setDone(
      field === 'estimatedVolume'
        ? `Votre collectivité a adhéré au groupement, avec un volume estimé de ${formatVolume(parsed, group.volumeUnit)}.`
        : `Votre collectivité s’est engagée sur un volume ferme de ${formatVolume(parsed, group.volumeUnit)}.`,
    );
  };

  const confirmWithdraw = async () => {
    setErrors(undefined);
    const outcome = await withdraw(group.id);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setStep(null);
    setDone('Votre collectivité s’est retirée du groupement.');
  };

  const volumeForm = (field: 'estimatedVolume' | 'volume', label: string, hint: string | undefined) => (
    <form className="form group-actions__form" noValidate onSubmit={(event) => void submitVolume(event, field)}>
      <FormAlert errors={errors} placed={[field]} />
      <DecimalField label={`${label} (${unit.plural})`} hint={hint} error={errors?.fields[field]} autoFocus value={volume} onChange={setVolume} />
      <FormActions submit="Confirmer" busy={busy} cancel="Fermer" onCancel={() => start(null)} />
    </form>
  );

  const populationHint =
    group.volumeUnit === 'INHABITANTS' && props.organization?.population != null
      ? `Population municipale de ${props.organization.name} : ${formatInteger(props.organization.population)} habitants.`
      : undefined;

  return (
    <section className="panel group-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>Votre collectivité</h2>
      {membership ? (
        <p className="group-actions__membership">
          {membership.status === 'COMMITTED'
            ? `${props.organization?.name ?? 'Votre collectivité'} est engagée sur un volume ferme de ${formatVolume(
                membership.committedVolume ?? '0',
                group.volumeUnit,
              )}.`
            : `${props.organization?.name ?? 'Votre collectivité'} est intéressée, avec un volume estimé de ${formatVolume(
                membership.estimatedVolume ?? '0',
                group.volumeUnit,
              )}.`}
        </p>
      ) : props.signedIn ? (
        <p className="group-actions__membership">{props.organization?.name ?? 'Votre collectivité'} n’adhère pas à ce groupement.</p>
      ) : null}
      {done ? <FormSuccess>{done}</FormSuccess> : null}

      {!props.signedIn ? (
        <p className="notice">
          <Link to={`/connexion?retour=${encodeURIComponent(groupPath(group))}`}>Connectez-vous</Link> pour faire adhérer votre
          collectivité.
        </p>
      ) : !allowed ? (
        <>
          {/* A refusal that came with the group's new state (closed meanwhile, deadline passed) stays shown. */}
          <FormAlert errors={errors} placed={[]} />
          <p className="notice notice--warning group-actions__refusal">{reason ?? 'Vous ne pouvez pas modifier l’adhésion de votre collectivité.'}</p>
        </>
      ) : (
        <>
          {step === null ? (
            <p className="group-actions__buttons">
              {membership ? (
                <>
                  <button
                    type="button"
                    className="button"
                    onClick={() => start('commit', volumeText(membership.committedVolume ?? membership.estimatedVolume))}
                  >
                    {membership.status === 'COMMITTED' ? 'Modifier mon engagement' : 'M’engager'}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => start('withdraw')}>
                    Me retirer
                  </button>
                </>
              ) : (
                <button type="button" className="button" onClick={() => start('join')}>
                  Adhérer
                </button>
              )}
            </p>
          ) : null}
          {step === 'join' ? volumeForm('estimatedVolume', 'Volume estimé', populationHint ?? 'Une estimation : vous la confirmerez en vous engageant.') : null}
          {step === 'commit'
            ? volumeForm('volume', 'Volume ferme', 'Le volume sur lequel votre collectivité s’engage ; il est figé à la clôture du groupement.')
            : null}
          {step === 'withdraw' ? (
            <div className="group-actions__confirm">
              <p>
                Retirer votre collectivité du groupement ? Le volume mutualisé baisse, et le coût est réparti entre les autres membres.
              </p>
              <FormAlert errors={errors} placed={[]} />
              <p className="form__actions">
                <button type="button" className="button" disabled={busy} onClick={() => void confirmWithdraw()}>
                  Confirmer le retrait
                </button>
                <button type="button" className="button button--secondary" onClick={() => start(null)}>
                  Fermer
                </button>
              </p>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
