import { useApolloClient } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormActions, FormAlert, SelectField, TextAreaField } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { CurationItem_ContractFragment } from '../../gql/graphql';
import { formatDate, formatDecimal } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { contractAmount } from './contractFormat';
import { BuyerName, ContractSource } from './ContractTable';
import { DECISION_BADGES, points, readEvidence, STRENGTH_LABELS } from './evidence';
import { forgetPublicLists, useConfirmContract, useDismissContract } from './useContractMutations';

export const CurationItem_contract = graphql(`
  fragment CurationItem_contract on PublicContract {
    id
    decpId
    object
    cpvCode
    buyerSiret
    buyer {
      id
      siren
      name
    }
    amount
    amountIsMaximum
    notificationDate
    publicationDate
    source
    relevanceScore
    evidence
    decision
    decisionReason
    tool {
      id
      slug
      name
      provider {
        id
      }
    }
    holders {
      identifier
      identifierType
      name
      siren
      provider {
        id
        name
      }
    }
  }
`);

export interface CatalogueTool {
  slug: string;
  name: string;
  provider: { id: string; name: string };
}

type Mode = 'confirm' | 'dismiss' | null;

/** Why the rules kept the contract: its score against the thresholds, the terms, the CPV code, the provider. */
function EvidenceList({ contract }: { contract: CurationItem_ContractFragment }) {
  const evidence = readEvidence(contract.evidence);
  const providerNames = new Map(contract.holders.flatMap((h) => (h.provider && h.siren ? [[h.siren, h.provider.name] as const] : [])));
  return (
    <dl className="facts curation__evidence">
      <div>
        <dt>Score de pertinence IA</dt>
        <dd>
          {formatDecimal(contract.relevanceScore)}
          {evidence.thresholds ? (
            <span className="muted">
              {' '}
              (retenu à partir de {evidence.thresholds.keep}, dont {evidence.thresholds.minText} au moins venant de l’objet
              {evidence.textScore != null ? ` : ici ${evidence.textScore}` : ''})
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>Termes trouvés dans l’objet</dt>
        <dd>
          {evidence.terms.length > 0 ? (
            <ul className="curation__terms">
              {evidence.terms.map((t) => (
                <li key={t.term}>
                  « {t.term} » <span className="muted">({STRENGTH_LABELS[t.strength] ?? t.strength}, {points(t.weight)})</span>
                </li>
              ))}
            </ul>
          ) : (
            'Aucun'
          )}
        </dd>
      </div>
      <div>
        <dt>Code CPV</dt>
        <dd>
          {evidence.cpv
            ? `${evidence.cpv.code} (division ${evidence.cpv.division}, ${points(evidence.cpv.weight)})`
            : `${contract.cpvCode ?? 'non renseigné'} (hors des divisions d’IA, aucun point)`}
        </dd>
      </div>
      <div>
        <dt>Fournisseur du catalogue</dt>
        <dd>
          {evidence.providers.length > 0
            ? evidence.providers.map((p) => `${providerNames.get(p.siren) ?? `SIREN ${p.siren}`} (${points(p.weight)})`).join(', ')
            : 'Aucun titulaire n’est un fournisseur du catalogue'}
        </dd>
      </div>
    </dl>
  );
}

/**
 * A contract of the curation queue: what it is, why the rules kept it, its buyer and holders (linked or not), and
 * « Confirmer » (with the catalogue tool it buys) or « Écarter » (with the reason).
 */
export function CurationItem(props: {
  contract: FragmentType<typeof CurationItem_contract>;
  tools: readonly CatalogueTool[];
  onDecided: (message: string) => void;
}) {
  const contract = getFragmentData(CurationItem_contract, props.contract);
  const client = useApolloClient();
  const [confirm, { loading: confirming }] = useConfirmContract();
  const [dismiss, { loading: dismissing }] = useDismissContract();
  const [mode, setMode] = useState<Mode>(null);
  const holderProviders = contract.holders.flatMap((h) => (h.provider ? [h.provider.id] : []));
  const suggested = contract.tool?.slug ?? props.tools.find((t) => holderProviders.includes(t.provider.id))?.slug ?? '';
  // Untouched (null), the picker shows the suggestion: the catalogue may arrive after the item.
  const [picked, setPicked] = useState<string | null>(null);
  const toolSlug = picked ?? suggested;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const titleId = useId();
  const amount = contractAmount(contract.amount, contract.amountIsMaximum);

  const touched = (tool: { id: string; provider: { id: string } } | null | undefined) => ({
    tools: [contract.tool?.id, tool?.id].filter((id): id is string => !!id),
    providers: [contract.tool?.provider.id, tool?.provider.id, ...holderProviders].filter((id): id is string => !!id),
    organizations: contract.buyer ? [contract.buyer.id] : [],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'confirm') {
      const local = clientValidation(toolSlug ? {} : { toolSlug: 'Choisissez l’outil du catalogue que ce marché achète.' });
      setErrors(local);
      if (local) return;
      const outcome = await confirm(contract.id, toolSlug);
      if (!outcome.ok) return setErrors(outcome.errors);
      const data = getFragmentData(CurationItem_contract, outcome.data);
      forgetPublicLists(client.cache, touched(data.tool));
      props.onDecided(`Marché ${contract.decpId} confirmé et rattaché à ${data.tool?.name ?? toolSlug} : il est publié.`);
    } else if (mode === 'dismiss') {
      const local = clientValidation(reason.trim().length >= 3 ? {} : { reason: 'Indiquez le motif (3 caractères au moins).' });
      setErrors(local);
      if (local) return;
      const outcome = await dismiss(contract.id, reason.trim());
      if (!outcome.ok) return setErrors(outcome.errors);
      forgetPublicLists(client.cache, touched(null));
      props.onDecided(`Marché ${contract.decpId} écarté.`);
    }
  };

  const open = (next: Mode) => {
    setErrors(undefined);
    setMode(next);
  };

  return (
    <article className="review curation" aria-labelledby={titleId}>
      <header className="review__header">
        <h3 id={titleId} className="review__title">
          {contract.object}
        </h3>
        <p className="review__meta">
          <span className={`badge badge--decision-${contract.decision.toLowerCase()}`}>{DECISION_BADGES[contract.decision]}</span> Acheteur :{' '}
          <BuyerName contract={contract} /> · {amount.value}
          {amount.note ? `, ${amount.note}` : ''} · notifié le <time dateTime={contract.notificationDate}>{formatDate(contract.notificationDate)}</time>
        </p>
        <p className="review__meta">
          Identifiant DECP <span className="contract-id">{contract.decpId}</span> · <ContractSource contract={contract} />
        </p>
      </header>
      <EvidenceList contract={contract} />
      <div className="curation__holders">
        <p>Titulaires :</p>
        <ul>
          {contract.holders.map((holder) => (
            <li key={holder.identifier}>
              {holder.name ?? `${holder.identifierType} ${holder.identifier}`}
              {holder.provider ? (
                <> — fournisseur du catalogue : {holder.provider.name}</>
              ) : (
                <span className="muted"> — non relié au catalogue{holder.siren ? ` (SIREN ${holder.siren})` : ''}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      {contract.tool ? (
        <p>
          Outil rattaché : <Link to={`/catalogue/${contract.tool.slug}`}>{contract.tool.name}</Link>
        </p>
      ) : null}
      {contract.decisionReason ? (
        <p className="muted">
          Motif : <q>{contract.decisionReason}</q>
        </p>
      ) : null}
      {mode ? (
        <form
          className="review__flag"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-label={mode === 'confirm' ? `Confirmer le marché ${contract.decpId}` : `Écarter le marché ${contract.decpId}`}
        >
          <FormAlert errors={errors} placed={mode === 'confirm' ? ['toolSlug'] : ['reason']} />
          {mode === 'confirm' ? (
            <SelectField
              label="Outil du catalogue acheté"
              hint={suggested ? 'Proposé d’après le titulaire reconnu ; vérifiez l’objet du marché.' : 'Choisissez l’outil que ce marché achète.'}
              placeholder="Choisir un outil"
              options={props.tools.map((t) => ({ value: t.slug, label: `${t.name} (${t.provider.name})` }))}
              value={toolSlug}
              onChange={setPicked}
              error={errors?.fields['toolSlug']}
            />
          ) : (
            <TextAreaField label="Motif" hint="3 à 500 caractères ; il reste dans le journal d’audit." error={errors?.fields['reason']} rows={2} maxLength={500} value={reason} onChange={setReason} />
          )}
          <FormActions
            submit={mode === 'confirm' ? 'Confirmer et publier' : 'Écarter le marché'}
            busy={confirming || dismissing}
            cancel="Annuler"
            onCancel={() => open(null)}
            small
          />
        </form>
      ) : (
        <footer className="review__actions">
          {contract.decision !== 'CONFIRMED' ? (
            <button type="button" className="button button--small" aria-describedby={titleId} onClick={() => open('confirm')}>
              Confirmer
            </button>
          ) : null}{' '}
          {contract.decision !== 'DISMISSED' ? (
            <button type="button" className="button button--secondary button--small" aria-describedby={titleId} onClick={() => open('dismiss')}>
              Écarter
            </button>
          ) : null}
        </footer>
      )}
    </article>
  );
}
