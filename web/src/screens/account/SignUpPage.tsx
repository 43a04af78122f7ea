import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormActions, FormAlert, FormSuccess, InputField, useFormValues } from '../../components/Form';
import { compactSiren, isSiren, OrganizationSearch, organizationOptionLabel, SirenField, SirenLookup, type OrganizationOption } from '../../components/OrganizationSearch';
import { clientValidation } from '../../lib/mutationResult';
import { natureLabel } from '../../lib/labels';
import { PENDING_MESSAGE } from '../../lib/messages';
import { useSignUp } from './useSignUp';

const FIELDS = ['email', 'name', 'password', 'organizationSiren'] as const;

export function SignUpPage() {
  const [signUp, { loading }] = useSignUp();
  const { values, set, bind, errors, setErrors } = useFormValues({ email: '', name: '', password: '', siren: '' });
  const { email, name, password, siren } = values;
  const [created, setCreated] = useState<{ name: string; organization: string }>();
  const [chosen, setChosen] = useState<OrganizationOption>();
  const organizationSiren = compactSiren(siren);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation({
      ...(email.trim() ? {} : { email: 'Saisissez votre adresse électronique.' }),
      ...(name.trim() ? {} : { name: 'Saisissez votre nom et votre prénom.' }),
      ...(password.length >= 12 ? {} : { password: 'Le mot de passe doit compter au moins 12 caractères.' }),
      ...(isSiren(organizationSiren) ? {} : { organizationSiren: 'Choisissez votre collectivité dans la liste (ou saisissez son SIREN à 9 chiffres).' }),
    });
    setErrors(local);
    if (local) return;
    const outcome = await signUp({ email: email.trim(), name: name.trim(), password, organizationSiren });
    if (outcome.ok) setCreated({ name: outcome.data.name, organization: outcome.data.organization.name });
    else setErrors(outcome.errors);
  };

  if (created) {
    return (
      <>
        <title>Compte créé — Mutualis</title>
        <h1>Compte créé</h1>
        <FormSuccess>
          <p>
            Bienvenue, {created.name}. Votre compte est rattaché à <strong>{created.organization}</strong>.
          </p>
        </FormSuccess>
        <p className="notice">
          {PENDING_MESSAGE} Dès qu'elle sera approuvée, vous pourrez déclarer les outils d'IA utilisés par votre
          collectivité et publier ses avis. En attendant, vous pouvez consulter le catalogue et l'annuaire.
        </p>
        <p>
          <Link to="/catalogue">Consulter le catalogue</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <title>Créer un compte — Mutualis</title>
      <h1>Créer un compte</h1>
      <p className="lead">
        Le compte est rattaché à votre collectivité : un administrateur de votre organisation approuve ensuite votre
        adhésion.
      </p>
      <form className="form form--narrow" noValidate onSubmit={(event) => void submit(event)} aria-label="Créer un compte">
        <FormAlert errors={errors} placed={FIELDS} />
        <InputField label="Adresse électronique" type="email" autoComplete="email" {...bind('email')} />
        <InputField label="Nom et prénom" type="text" autoComplete="name" {...bind('name')} />
        <InputField label="Mot de passe (12 caractères au moins)" type="password" autoComplete="new-password" {...bind('password')} />
        <fieldset className="form__group">
          <legend>Votre collectivité</legend>
          <OrganizationSearch
            label="Cherchez votre collectivité"
            hint="Son nom (par exemple « Saône »), son code INSEE ou son SIREN, puis choisissez-la dans la liste."
            error={errors?.fields['organizationSiren']}
            onChoose={set('siren')}
            onChooseOrganization={setChosen}
          />
          {chosen && chosen.siren === organizationSiren ? (
            <p className="lookup lookup--found" aria-live="polite">
              Collectivité choisie : <strong>{organizationOptionLabel(chosen)}</strong> (SIREN {chosen.siren})
            </p>
          ) : null}
          <details className="finder">
            <summary>Vous connaissez son SIREN ?</summary>
            <SirenField
              label="SIREN de votre collectivité"
              hint="9 chiffres, par exemple 212500565 pour Besançon."
              value={siren}
              onChange={set('siren')}
            />
            {chosen?.siren === organizationSiren ? null : (
              <SirenLookup siren={organizationSiren}>
                {(organization) => (
                  <>
                    Collectivité : <strong>{organization.name}</strong> ({natureLabel(organization.kind, organization.epciType)}
                    {organization.departementCode ? `, ${organization.departementCode}` : ''})
                  </>
                )}
              </SirenLookup>
            )}
          </details>
        </fieldset>
        <FormActions submit="Créer mon compte" busy={loading} />
      </form>
      <p>
        Déjà un compte ? <Link to="/connexion">Se connecter</Link>
      </p>
    </>
  );
}
