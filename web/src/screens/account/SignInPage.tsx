import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { FormActions, FormAlert, InputField, useFormValues } from '../../components/Form';
import { clientValidation } from '../../lib/mutationResult';
import { safeReturnPath } from '../../lib/navigation';
import { useSignIn } from './useSignIn';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [signIn, { loading }] = useSignIn();
  const { values, bind, errors, setErrors } = useFormValues({ email: '', password: '' });
  const { email, password } = values;
  const back = safeReturnPath(searchParams.get('retour'));

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
