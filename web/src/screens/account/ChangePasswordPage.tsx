import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AccountMenuQuery } from '../../components/AccountMenu';
import { FormActions, FormAlert, FormSuccess, InputField, useFormValues } from '../../components/Form';
import { clientValidation } from '../../lib/mutationResult';
import { useChangePassword } from './useChangePassword';

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;
const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };

export function ChangePasswordPage() {
  const { data } = useQuery(AccountMenuQuery);
  const [changePassword, { loading }] = useChangePassword();
  const { values, setValues, bind, errors, setErrors } = useFormValues(EMPTY);
  const { currentPassword, newPassword, confirmation } = values;
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation({
      ...(currentPassword ? {} : { currentPassword: 'Saisissez votre mot de passe actuel.' }),
      ...(newPassword.length >= 12 ? {} : { newPassword: 'Le mot de passe doit compter au moins 12 caractères.' }),
      ...(confirmation === newPassword ? {} : { confirmation: 'Les deux saisies du nouveau mot de passe diffèrent.' }),
    });
    setErrors(local);
    if (local) return;
    const outcome = await changePassword(currentPassword, newPassword);
    if (outcome.ok) {
      setDone(true);
      setValues(EMPTY);
    } else setErrors(outcome.errors);
  };

  if (data && !data.viewer) {
    return (
      <>
        <title>Mot de passe — Mutualis</title>
        <h1>Changer de mot de passe</h1>
        <p className="notice">
          <Link to="/connexion?retour=%2Fmot-de-passe">Connectez-vous</Link> pour changer votre mot de passe.
        </p>
      </>
    );
  }

  return (
    <>
      <title>Mot de passe — Mutualis</title>
      <h1>Changer de mot de passe</h1>
      <p className="lead">Vos autres sessions (autres navigateurs, autres appareils) seront fermées.</p>
      {done ? (
        <FormSuccess>
          <p>Mot de passe changé. Vos autres sessions ont été fermées.</p>
        </FormSuccess>
      ) : null}
      <form className="form form--narrow" noValidate onSubmit={(event) => void submit(event)} aria-label="Changer de mot de passe">
        <FormAlert errors={errors} placed={FIELDS} />
        <InputField label="Mot de passe actuel" type="password" autoComplete="current-password" {...bind('currentPassword')} />
        <InputField label="Nouveau mot de passe (12 caractères au moins)" type="password" autoComplete="new-password" {...bind('newPassword')} />
        <InputField label="Nouveau mot de passe, une seconde fois" type="password" autoComplete="new-password" {...bind('confirmation')} />
        <FormActions submit="Changer de mot de passe" busy={loading} />
      </form>
    </>
  );
}
