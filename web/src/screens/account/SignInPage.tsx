import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { FormAlert, InputField, FormActions } from '../../components/Form';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { safeReturnPath } from '../../lib/navigation';
import { useSignIn } from './useSignIn';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [signIn, { loading }] = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
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
        <InputField
          label="Adresse électronique"
          error={errors?.fields['email']}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <InputField
          label="Mot de passe"
          error={errors?.fields['password']}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <FormActions submit="Se connecter" busy={loading} />
      </form>
      <p>
        Pas encore de compte ? <Link to="/inscription">Créer un compte</Link>
      </p>
    </>
  );
}
