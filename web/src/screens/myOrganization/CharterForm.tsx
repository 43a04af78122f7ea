import { useId, useState, type FormEvent } from 'react';
import { Fieldset, FormActions, FormAlert, FormSuccess, InputField, useFormValues } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { CharterStatus } from '../../gql/graphql';
import { CHARTER_STATUS_CHOICES } from '../../lib/labels';
import { clientValidation } from '../../lib/mutationResult';
import { useSetCharter } from './useSetCharter';

export const CharterForm_organization = graphql(`
  fragment CharterForm_organization on Organization {
    id
    siren
    charter {
      status
      adoptedAt
      url
    }
  }
`);

const FIELDS = ['status', 'adoptedAt', 'url'] as const;

/** The ethics charter of the collectivité, set by its administrators. */
export function CharterForm(props: { organization: FragmentType<typeof CharterForm_organization> }) {
  const organization = getFragmentData(CharterForm_organization, props.organization);
  const headingId = useId();
  const [setCharter, { loading }] = useSetCharter();
  const { values, set, bind, errors, setErrors } = useFormValues<{ status: CharterStatus; adoptedAt: string; url: string }>({
    status: organization.charter.status,
    adoptedAt: organization.charter.adoptedAt ?? '',
    url: organization.charter.url ?? '',
  });
  const { status, adoptedAt, url } = values;
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const local = clientValidation(status === 'ADOPTED' && !adoptedAt ? { adoptedAt: "Indiquez la date d'adoption de la charte." } : {});
    setErrors(local);
    if (local) return;
    const outcome = await setCharter({
      organizationSiren: organization.siren,
      status,
      adoptedAt: status === 'ADOPTED' ? adoptedAt : null,
      url: status === 'NONE' ? null : url.trim() || null,
    });
    if (outcome.ok) setSaved(true);
    else setErrors(outcome.errors);
  };

  return (
    <form className="form panel" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h2 id={headingId}>Renseigner la charte éthique de l'IA</h2>
      <FormAlert errors={errors} placed={FIELDS} />
      {saved ? <FormSuccess>La charte est enregistrée.</FormSuccess> : null}
      <Fieldset legend="Statut de la charte" error={errors?.fields['status']}>
        {(Object.keys(CHARTER_STATUS_CHOICES) as CharterStatus[]).map((choice) => (
          <label key={choice} className="radio">
            <input type="radio" name={`${headingId}-status`} value={choice} checked={status === choice} onChange={() => set('status')(choice)} />
            {CHARTER_STATUS_CHOICES[choice]}
          </label>
        ))}
      </Fieldset>
      {status === 'ADOPTED' ? (
        <InputField label="Date d'adoption" type="date" {...bind('adoptedAt')} />
      ) : null}
      {status !== 'NONE' ? (
        <InputField label="Adresse de la charte" hint="Lien vers le texte publié, commençant par https://" type="url" inputMode="url" {...bind('url')} />
      ) : null}
      <FormActions submit="Enregistrer la charte" busy={loading} />
    </form>
  );
}
