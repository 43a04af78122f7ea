import { useQuery } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { FormActions, FormAlert, InputField, useFormValues } from '../../components/Form';
import { graphql } from '../../gql';
import { clientValidation } from '../../lib/mutationResult';
import { safeReturnPath } from '../../lib/navigation';
import { ProConnectButton } from './ProConnectButton';
import { useSignIn } from './useSignIn';

const FIELDS = ['email', 'password'] as const;

export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    authOptions {
      proconnect
    }
  }
`);

/** Shown after a ProConnect sign-in that failed (`?erreur=proconnect`): the server never says more to the page. */
export const PROCONNECT_FAILED =
  'La connexion avec ProConnect n’a pas abouti (demande expirée, annulée ou refusée). Réessayez ; si le problème persiste, ' +
  'connectez-vous avec votre adresse électronique et votre mot de passe.';

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [signIn, { loading }] = useSignIn();
  const { data: options } = useQuery(SignInOptionsQuery);
  const { values, bind, errors, setErrors } = useFormValues({ email: '', password: '' });
  const { email, password } = values;
  const back = safeReturnPath(searchParams.get('retour'));
  const retour = searchParams.get('retour') ? back : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation({
      ...(email.trim() ? {} : { email: 'Saisissez votre adresse électronique.' }),
      ...(password ? {} : { password: 'Saisissez votre mot de passe.' }),
    });
    setErrors(local);
    if (local) return;
    const outcome = await signIn({ email: email.trim(), password });
    if (outcome.ok) navigate(back, { replace: true });
    else setErrors(outcome.errors);
  };

  return (
    <>
      <title>Connexion — Mutualis</title>
      <h1>Connexion</h1>
      <p className="lead">Connectez-vous pour déclarer les outils de votre collectivité et donner son avis.</p>
      {searchParams.get('erreur') === 'proconnect' ? (
        <p className="notice notice--warning" role="alert">
          {PROCONNECT_FAILED}
        </p>
      ) : null}
      {options?.authOptions.proconnect ? (
        <section aria-label="Connexion avec ProConnect">
          <ProConnectButton retour={retour} />
          <p className="proconnect__or">Ou avec votre adresse électronique et votre mot de passe :</p>
        </section>
      ) : null}
      <form className="form form--narrow" noValidate onSubmit={(event) => void submit(event)} aria-label="Connexion">
        <FormAlert errors={errors} placed={FIELDS} />
        <InputField label="Adresse électronique" type="email" name="email" autoComplete="username" {...bind('email')} />
        <InputField label="Mot de passe" type="password" name="password" autoComplete="current-password" {...bind('password')} />
        <FormActions submit="Se connecter" busy={loading} />
      </form>
      <p>
        Pas encore de compte ? <Link to="/inscription">Créer un compte</Link>
      </p>
    </>
  );
}
