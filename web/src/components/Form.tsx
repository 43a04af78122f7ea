import { useId, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { FormErrors } from '../lib/mutationResult';

/** Props for the control of a Field: its id, and the hint and error that describe it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** What every field shows around its control: a label, a hint, the error refusing its value. */
export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
}

/**
 * The ids of a hint and an error, the aria-describedby naming those shown, and `describe`, which puts
 * the hint before the control (or controls) and the error after it.
 */
function useDescription(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const describe = (children: ReactNode) => (
    <>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </>
  );
  return { id, describedBy, describe };
}

/**
 * A labelled form control with its hint and, when the API (or the browser check) refused the value,
 * the error right below it, tied to the control by aria-describedby.
 */
export function Field({ label, hint, error, className, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { id, describedBy, describe } = useDescription(hint, error);
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {describe(children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined }))}
    </div>
  );
}

/**
 * A group of controls (radios, checkboxes, rows) under a legend, with the hint and the error of the
 * group tied to it by aria-describedby.
 */
export function Fieldset({ legend, hint, error, className, children }: Omit<FieldProps, 'label'> & { legend: ReactNode; children: ReactNode }) {
  const { describedBy, describe } = useDescription(hint, error);
  return (
    <fieldset className={['form__group', className, error ? 'field--error' : null].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {describe(children)}
    </fieldset>
  );
}

/** A field's own props, and those of its control. */
function splitField<P extends FieldProps>({ label, hint, error, className, ...control }: P) {
  return [{ label, hint, error, className }, control] as const;
}

type TextControlProps<T> = FieldProps & Omit<T, 'id' | 'className' | 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

/** A Field with an input; its text goes to `onChange`, the other props to the input. */
export function InputField(props: TextControlProps<InputHTMLAttributes<HTMLInputElement>>) {
  const [field, { value, onChange, ...input }] = splitField(props);
  return <Field {...field}>{(control) => <input {...control} {...input} value={value} onChange={(event) => onChange(event.target.value)} />}</Field>;
}

/** The search box of a page: it takes the free width of its row, and its label is also its `aria-label`. */
export function SearchField(props: Omit<Parameters<typeof InputField>[0], 'className' | 'type' | 'aria-label'> & { label: string }) {
  return <InputField className="field--grow" type="search" aria-label={props.label} autoComplete="off" {...props} />;
}

/** A Field for a whole number (« 12 000 »): text, with the numeric keypad. */
export function IntegerField(props: Parameters<typeof InputField>[0]) {
  return <InputField type="text" inputMode="numeric" {...props} />;
}

/** A Field for an amount or a volume typed the French way (« 1 234,50 »): text, with the decimal keypad. */
export function DecimalField(props: Parameters<typeof InputField>[0]) {
  return <InputField type="text" inputMode="decimal" autoComplete="off" {...props} />;
}

/** A Field with a textarea; its text goes to `onChange`, the other props to the textarea. */
export function TextAreaField(props: TextControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const [field, { value, onChange, ...textarea }] = splitField(props);
  return (
    <Field {...field}>{(control) => <textarea {...control} {...textarea} value={value} onChange={(event) => onChange(event.target.value)} />}</Field>
  );
}

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** The options of a select, from a record of labels in display order. */
export function labelledOptions<T extends string>(labels: Record<T, string>): SelectOption<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** The options of a select, one per value. */
export function Options({ options }: { options: readonly { value: string; label: string }[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A Field with a select of `options`, after an empty option labelled `placeholder` when given (then `T` includes ''). */
export function SelectField<T extends string>(
  props: FieldProps & { value: T; onChange: (value: T) => void; options: readonly SelectOption<T>[]; placeholder?: string | undefined },
) {
  const [field, { value, onChange, options, placeholder }] = splitField(props);
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as T)}>
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          <Options options={options} />
        </select>
      )}
    </Field>
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

/**
 * The buttons under a form: the submit button, disabled while `busy`, then with `onCancel` a secondary
 * button (`cancel`: « Annuler », « Fermer »). `small` for the forms opened inside a list item.
 */
export function FormActions(props: {
  submit: ReactNode;
  busy?: boolean;
  cancel?: string;
  onCancel?: () => void;
  small?: boolean;
}) {
  const size = props.small ? ' button--small' : '';
  return (
    <p className="form__actions">
      <button type="submit" className={`button${size}`} disabled={props.busy}>
        {props.submit}
      </button>
      {props.onCancel ? (
        <button type="button" className={`button button--secondary${size}`} onClick={props.onCancel}>
          {props.cancel}
        </button>
      ) : null}
    </p>
  );
}

/**
 * A form's values and errors, with `set(name)` to change one value and `bind(name)`, the value, change
 * handler and error a field of that name takes (`<InputField label="…" {...bind('email')} />`).
 */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors>();
  const set =
    <K extends keyof V>(name: K) =>
    (value: V[K]) =>
      setValues((current) => ({ ...current, [name]: value }));
  const bind = <K extends keyof V & string>(name: K) => ({ value: values[name], onChange: set(name), error: errors?.fields[name] });
  return { values, setValues, set, bind, errors, setErrors };
}

/** The search form of a page (role search, named by `label`): Enter runs `onSearch` instead of submitting. */
export function SearchForm(props: { label: string; className?: string; onSearch: () => void; children: ReactNode }) {
  return (
    <form
      className={props.className ? `filters ${props.className}` : 'filters'}
      role="search"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch();
      }}
    >
      {props.children}
    </form>
  );
}
