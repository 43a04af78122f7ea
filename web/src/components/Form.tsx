import { useId, type ReactNode } from 'react';
import type { FormErrors } from '../lib/mutationResult';

/** Props for the control of a Field: its id, and the hint and error that describe it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form control with its hint and, when the API (or the browser check) refused the value,
 * the error right below it, tied to the control by aria-describedby.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The general error of a form, in an alert. Field errors are shown next to their fields; those naming
 * a field the form does not show are listed here, so that no error is dropped.
 */
export function FormAlert({ errors, placed }: { errors: FormErrors | undefined; placed: readonly string[] }) {
  if (!errors) return null;
  const placedErrors = Object.keys(errors.fields).filter((field) => placed.includes(field));
  // Errors naming no field of this form; one repeating the general message adds nothing.
  const others = Object.entries(errors.fields).filter(([field, message]) => !placed.includes(field) && message !== errors.message);
  const onlyFields = errors.code === 'VALIDATION' && placedErrors.length > 0 && others.length === 0;
  return (
    <div role="alert" className="form-alert">
      <p className="form-alert__title">
        {onlyFields
          ? placedErrors.length > 1
            ? `Le formulaire contient ${placedErrors.length} erreurs : corrigez les champs signalés.`
            : 'Le formulaire contient une erreur : corrigez le champ signalé.'
          : errors.message}
      </p>
      {others.length > 0 ? (
        <ul>
          {others.map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A success message, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="form-success">
      {children}
    </div>
  );
}
