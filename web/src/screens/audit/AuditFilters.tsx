import { useState, type FormEvent } from 'react';
import { FormAlert, InputField, SelectField } from '../../components/Form';
import { compactSiren, isSiren, OrganizationSearch, SirenField, SirenLookup } from '../../components/OrganizationSearch';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { NO_FILTER, type AuditParams } from './auditFilters';

const FILTER_FIELDS = ['siren', 'du', 'au'] as const;

export interface AuditCodes {
  actions: readonly { code: string; label: string }[];
  entityTypes: readonly { code: string; label: string }[];
}

/**
 * The filters, edited locally and applied (written to the URL) with « Filtrer ». The organization is found by name
 * (OrganizationSearch) or typed by SIREN; the person comes from a row of the log (« Voir ses actions »).
 */
export function AuditFilters(props: { params: AuditParams; codes: AuditCodes | undefined; actorName: string | undefined; onApply: (params: AuditParams) => void }) {
  const { params, codes, onApply } = props;
  const [draft, setDraft] = useState(params);
  const [errors, setErrors] = useState<FormErrors>();
  const set = (key: keyof AuditParams) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const siren = compactSiren(draft.siren);
    const local = clientValidation({
      ...(siren && !isSiren(siren) ? { siren: 'Le SIREN comporte 9 chiffres.' } : {}),
      ...(draft.du && draft.au && draft.du > draft.au ? { au: 'La date de fin doit suivre la date de début.' } : {}),
    });
    setErrors(local);
    if (!local) onApply({ ...draft, siren });
  };
  const actionOptions = (codes?.actions ?? []).map(({ code, label }) => ({ value: code, label }));
  // an action the URL names but the list does not know stays selectable, under its code
  if (draft.action && !actionOptions.some((option) => option.value === draft.action)) actionOptions.push({ value: draft.action, label: draft.action });
  const typeOptions = (codes?.entityTypes ?? []).map(({ code, label }) => ({ value: code, label }));
  if (draft.type && !typeOptions.some((option) => option.value === draft.type)) typeOptions.push({ value: draft.type, label: draft.type });

  return (
    <form className="filters" role="search" aria-label="Filtrer le journal" noValidate onSubmit={submit}>
      <FormAlert errors={errors} placed={FILTER_FIELDS} />
      <div className="filters__organization">
        <OrganizationSearch label="Organisation (nom)" clearOnChoose onChoose={set('siren')} />
        <SirenField label="SIREN de l'organisation" error={errors?.fields['siren']} value={draft.siren} onChange={set('siren')} />
        <SirenLookup siren={draft.siren}>{(organization) => <>Organisation : {organization.name}</>}</SirenLookup>
      </div>
      {draft.auteur ? (
        <p className="filters__actor">
          Auteur : <strong>{props.actorName ?? 'la personne choisie'}</strong>{' '}
          <button type="button" className="button button--small button--secondary" onClick={() => set('auteur')('')}>
            Retirer ce filtre
          </button>
        </p>
      ) : null}
      <SelectField label="Action" placeholder="Toutes" options={actionOptions} value={draft.action} onChange={set('action')} />
      <SelectField label="Type d'entité" placeholder="Tous" options={typeOptions} value={draft.type} onChange={set('type')} />
      <InputField label="Du" error={errors?.fields['du']} className="field--date" type="date" value={draft.du} onChange={set('du')} />
      <InputField label="Au" error={errors?.fields['au']} className="field--date" type="date" value={draft.au} onChange={set('au')} />
      <p className="form__actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDraft(NO_FILTER);
            setErrors(undefined);
            onApply(NO_FILTER);
          }}
        >
          Réinitialiser
        </button>
      </p>
    </form>
  );
}
