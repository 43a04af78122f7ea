import { useId, useState, type FormEvent } from 'react';
import { DecimalField, FormAlert, FormSuccess, SelectField, TextAreaField, FormActions } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { GroupStatus } from '../../gql/graphql';
import { formatDate, parseAmountInput } from '../../lib/format';
import { clientValidation, type FormErrors, type Outcome } from '../../lib/mutationResult';
import { formatUnitPrice, VOLUME_UNIT_WORDS } from './groupLabels';
import { useAwardPurchasingGroup } from './useAwardPurchasingGroup';
import { useCancelPurchasingGroup } from './useCancelPurchasingGroup';
import { useClosePurchasingGroup } from './useClosePurchasingGroup';
import { useOpenPurchasingGroup } from './useOpenPurchasingGroup';

export const CoordinatorActions_group = graphql(`
  fragment CoordinatorActions_group on PurchasingGroup {
    id
    status
    viewerCanCoordinate
    viewerNextStatuses
    volumeUnit
    interestDeadline
    tool {
      id
      slug
      name
    }
    candidateTools {
      id
      slug
      name
    }
    economics {
      unitPrice
    }
  }
`);

type Action = 'open' | 'close' | 'award' | 'cancel';

/** The action that moves a group to each status the API says the coordinator may reach (viewerNextStatuses). */
const ACTION_TO: Partial<Record<GroupStatus, Action>> = { OPEN: 'open', CLOSED: 'close', AWARDED: 'award', CANCELLED: 'cancel' };

const BUTTONS: Record<Action, string> = {
  open: 'Ouvrir aux adhésions',
  close: 'Clore',
  award: 'Attribuer',
  cancel: 'Annuler',
};

const DONE: Record<Action, string> = {
  open: 'Le groupement est ouvert aux adhésions.',
  close: 'Le groupement est clos : les engagements sont figés.',
  award: 'Le marché est attribué : le déploiement de chaque membre engagé est enregistré avec sa part.',
  cancel: 'Le groupement est annulé.',
};

/**
 * The coordinator's actions (ORG_ADMIN of the coordinating collectivité): open, close, award, cancel,
 * each confirmed first; award asks for an optional final price, cancel for a reason.
 */
export function CoordinatorActions(props: { group: FragmentType<typeof CoordinatorActions_group> }) {
  const group = getFragmentData(CoordinatorActions_group, props.group);
  const headingId = useId();
  const [openGroup, { loading: opening }] = useOpenPurchasingGroup();
  const [closeGroup, { loading: closing }] = useClosePurchasingGroup();
  const [awardGroup, { loading: awarding }] = useAwardPurchasingGroup();
  const [cancelGroup, { loading: cancelling }] = useCancelPurchasingGroup();
  const [action, setAction] = useState<Action | null>(null);
  const [unitPrice, setUnitPrice] = useState('');
  const [toolSlug, setToolSlug] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [done, setDone] = useState<string>();

  if (!group.viewerCanCoordinate) return null;
  const available = group.viewerNextStatuses.flatMap((status) => ACTION_TO[status] ?? []);
  const busy = opening || closing || awarding || cancelling;
  const unit = VOLUME_UNIT_WORDS[group.volumeUnit].singular;

  const start = (next: Action | null) => {
    setAction(next);
    setErrors(undefined);
    setDone(undefined);
    setUnitPrice('');
    setToolSlug('');
    setReason('');
  };

  const finish = (current: Action, outcome: Outcome<unknown>) => {
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setAction(null);
    setDone(DONE[current]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    if (action === 'open') return finish(action, await openGroup(group.id));
    if (action === 'close') return finish(action, await closeGroup(group.id));
    if (action === 'cancel') {
      const invalid = clientValidation(reason.trim().length < 3 ? { reason: 'Indiquez le motif de l’annulation (3 caractères au moins).' } : {});
      setErrors(invalid);
      if (invalid) return;
      return finish(action, await cancelGroup(group.id, reason.trim()));
    }
    const local: FormErrors['fields'] = {};
    const price = unitPrice.trim() ? parseAmountInput(unitPrice) : null;
    if (unitPrice.trim() && price === null) local['unitPrice'] = 'Saisissez un prix en euros, par exemple 0,09.';
    if (!group.tool && !toolSlug) local['toolSlug'] = 'Choisissez l’outil retenu parmi les candidats.';
    const invalid = clientValidation(local);
    setErrors(invalid);
    if (invalid) return;
    finish(action, await awardGroup(group.id, { ...(price ? { unitPrice: price } : {}), ...(group.tool ? {} : { toolSlug }) }));
  };

  const confirmLabel: Record<Action, string> = {
    open: 'Confirmer l’ouverture',
    close: 'Confirmer la clôture',
    award: 'Confirmer l’attribution',
    cancel: 'Confirmer l’annulation',
  };

  return (
    <section className="panel group-actions group-actions--coordinator" aria-labelledby={headingId}>
      <h2 id={headingId}>Coordination du groupement</h2>
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      {available.length === 0 ? <p className="muted">Le groupement est terminé : plus aucune action n’est possible.</p> : null}
      {action === null && available.length > 0 ? (
        <p className="group-actions__buttons">
          {available.map((next) => (
            <button
              key={next}
              type="button"
              className={next === 'cancel' ? 'button button--secondary' : 'button'}
              onClick={() => start(next)}
            >
              {BUTTONS[next]}
            </button>
          ))}
        </p>
      ) : null}
      {action ? (
        <form className="form group-actions__form" noValidate onSubmit={(event) => void submit(event)}>
          <FormAlert errors={errors} placed={action === 'award' ? ['unitPrice', 'toolSlug'] : action === 'cancel' ? ['reason'] : []} />
          {action === 'open' ? (
            <p>
              Ouvrir le groupement aux adhésions ? Les collectivités éligibles pourront adhérer et s’engager jusqu’au{' '}
              {formatDate(group.interestDeadline)}.
            </p>
          ) : null}
          {action === 'close' ? <p>Clore le groupement ? Les engagements seront figés : plus aucune adhésion, aucun retrait.</p> : null}
          {action === 'award' ? (
            <>
              <p>Attribuer le marché ? Le déploiement de chaque membre engagé sera enregistré, avec sa part comme coût annuel.</p>
              {!group.tool ? (
                <SelectField
                  label="Outil retenu"
                  error={errors?.fields['toolSlug']}
                  placeholder="Choisir parmi les candidats"
                  options={group.candidateTools.map((tool) => ({ value: tool.slug, label: tool.name }))}
                  value={toolSlug}
                  onChange={setToolSlug}
                />
              ) : null}
              <DecimalField
                label={`Prix unitaire final (€ HT par ${unit} et par an, facultatif)`}
                hint={`Laissez vide pour retenir le prix du palier atteint : ${formatUnitPrice(group.economics.unitPrice, group.volumeUnit)}.`}
                error={errors?.fields['unitPrice']}
                value={unitPrice}
                onChange={setUnitPrice}
              />
            </>
          ) : null}
          {action === 'cancel' ? (
            <TextAreaField label="Motif de l’annulation" error={errors?.fields['reason']} rows={3} maxLength={1000} value={reason} onChange={setReason} />
          ) : null}
          <FormActions submit={confirmLabel[action]} busy={busy} cancel="Fermer" onCancel={() => start(null)} />
        </form>
      ) : null}
    </section>
  );
}
