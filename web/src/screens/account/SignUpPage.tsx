import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Field, FormAlert, FormSuccess } from '../../components/Form';
import { ErrorMessage } from '../../components/QueryState';
import { graphql } from '../../gql';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { natureLabel } from '../../lib/labels';
import { PENDING_MESSAGE } from '../../lib/viewer';
import { useSignUp } from './useSignUp';

export const SignUpOrganizationQuery = graphql(`
  query SignUpOrganizationQuery($siren: String!) {
    organization(siren: $siren) {
      id
      siren
      name
      kind
      epciType
      departementCode
    }
  }
`);

export const SignUpSearchQuery = graphql(`
  query SignUpSearchQuery($search: String!) {
    organizations(filter: { search: $search }, first: 6) {
      edges {
        node {
          id
          siren
          name
          kind
          epciType
          departementCode
        }
      }
    }
  }
`);

const FIELDS = ['email', 'name', 'password', 'organizationSiren'] as const;
const SIREN = /^\d{9}$/;

/** The text once typing pauses, so that a lookup is not sent at every key. */
function useDebounced(value: string, delay = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The collectivité behind the typed SIREN, looked up as soon as nine digits are there. */
function SirenLookup({ siren }: { siren: string }) {
  const { data, error, refetch } = useQuery(SignUpOrganizationQuery, { variables: { siren }, skip: !SIREN.test(siren) });
  if (!SIREN.test(siren)) return null;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <p className="lookup lookup--pending">Recherche de la collectivité…</p>;
  const { organization } = data;
  if (!organization) return <p className="lookup lookup--missing">Aucune collectivité ne porte ce SIREN.</p>;
  return (
    <p className="lookup lookup--found" aria-live="polite">
      Collectivité : <strong>{organization.name}</strong> ({natureLabel(organization.kind, organization.epciType)}
      {organization.departementCode ? `, ${organization.departementCode}` : ''})
    </p>
  );
}

/** Finds a collectivité by name and fills in its SIREN. */
function SirenFinder({ onChoose }: { onChoose: (siren: string) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const active = search.length >= 2;
  // Not cached: a six-line suggestion list must not stand in for the directory's result of the same search.
  const { data, error, refetch } = useQuery(SignUpSearchQuery, {
    variables: { search },
    skip: !active,
    fetchPolicy: 'no-cache',
  });
  const results = data?.organizations.edges.map((edge) => edge.node).filter((node) => node.siren) ?? [];
  return (
    <div className="finder">
      <Field label="Retrouver le SIREN par le nom de la collectivité" hint="Tapez au moins deux lettres.">
        {(control) => (
          <input {...control} type="search" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      {active && error ? <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {active && !error && !data ? <p className="lookup lookup--pending">Recherche…</p> : null}
      {active && data ? (
        results.length > 0 ? (
          <ul className="finder__results" aria-label="Collectivités trouvées">
            {results.map((organization) => (
              <li key={organization.id}>
                <button type="button" className="link-button" onClick={() => onChoose(organization.siren ?? '')}>
                  {organization.name}
                </button>{' '}
                <span className="muted">
                  {natureLabel(organization.kind, organization.epciType)}
                  {organization.departementCode ? ` · ${organization.departementCode}` : ''} · SIREN {organization.siren}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="lookup lookup--missing">Aucune collectivité ne correspond à « {search} ».</p>
        )
      ) : null}
    </div>
  );
}

export function SignUpPage() {
  const [signUp, { loading }] = useSignUp();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [siren, setSiren] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [created, setCreated] = useState<{ name: string; organization: string }>();
  const compactSiren = siren.replace(/\s/g, '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation({
      ...(email.trim() ? {} : { email: 'Saisissez votre adresse électronique.' }),
      ...(name.trim() ? {} : { name: 'Saisissez votre nom et votre prénom.' }),
      ...(password.length >= 12 ? {} : { password: 'Le mot de passe doit compter au moins 12 caractères.' }),
      ...(SIREN.test(compactSiren) ? {} : { organizationSiren: 'Le SIREN doit comporter 9 chiffres.' }),
    });
    setErrors(local);
    if (local) return;
    const outcome = await signUp({ email: email.trim(), name: name.trim(), password, organizationSiren: compactSiren });
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
        <Field label="Adresse électronique" error={errors?.fields['email']}>
          {(control) => (
            <input {...control} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
        </Field>
        <Field label="Nom et prénom" error={errors?.fields['name']}>
          {(control) => (
            <input {...control} type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label="Mot de passe (12 caractères au moins)" error={errors?.fields['password']}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="form__group">
          <legend>Votre collectivité</legend>
          <Field
            label="SIREN de votre collectivité"
            hint="9 chiffres, par exemple 212500565 pour Besançon."
            error={errors?.fields['organizationSiren']}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={11}
                value={siren}
                onChange={(event) => setSiren(event.target.value)}
              />
            )}
          </Field>
          <SirenLookup siren={compactSiren} />
          <SirenFinder onChoose={setSiren} />
        </fieldset>
        <p className="form__actions">
          <button type="submit" className="button" disabled={loading}>
            Créer mon compte
          </button>
        </p>
      </form>
      <p>
        Déjà un compte ? <Link to="/connexion">Se connecter</Link>
      </p>
    </>
  );
}
