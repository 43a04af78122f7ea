import { useId, useState, type FormEvent } from 'react';
import { Field, FormAlert, FormSuccess } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { SubmitReviewInput } from '../../gql/graphql';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { CRITERIA, type Criterion } from './criteria';
import { useSubmitReview } from './useSubmitReview';

export const ReviewForm_review = graphql(`
  fragment ReviewForm_review on Review {
    id
    rating
    easeOfUse
    outputQuality
    support
    dataProtection
    valueForMoney
    accessibility
    title
    body
    pros
    cons
  }
`);

const FIELDS = ['rating', ...CRITERIA.map(([key]) => key), 'title', 'body', 'pros', 'cons', 'toolSlug'] as const;
const SCORES = ['1', '2', '3', '4', '5'] as const;

type Values = Record<'rating' | Criterion | 'title' | 'body' | 'pros' | 'cons', string>;

const text = (value: number | string | null | undefined) => (value == null ? '' : String(value));

/**
 * « Donner l'avis de ma collectivité ». One review per collectivité and tool: when one exists, the
 * form starts from it and publishing updates it (the server keeps the previous version).
 */
export function ReviewForm(props: {
  toolSlug: string;
  organizationName: string;
  existing?: FragmentType<typeof ReviewForm_review> | undefined;
}) {
  const existing = getFragmentData(ReviewForm_review, props.existing);
  const headingId = useId();
  const [submit, { loading }] = useSubmitReview();
  const [errors, setErrors] = useState<FormErrors>();
  const [published, setPublished] = useState<string>();
  const [values, setValues] = useState<Values>(() => ({
    rating: text(existing?.rating),
    easeOfUse: text(existing?.easeOfUse),
    outputQuality: text(existing?.outputQuality),
    support: text(existing?.support),
    dataProtection: text(existing?.dataProtection),
    valueForMoney: text(existing?.valueForMoney),
    accessibility: text(existing?.accessibility),
    title: text(existing?.title),
    body: text(existing?.body),
    pros: text(existing?.pros),
    cons: text(existing?.cons),
  }));
  const set = (key: keyof Values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setPublished(undefined);
    const local = clientValidation({
      ...(values.rating ? {} : { rating: 'Choisissez une note globale, de 1 à 5.' }),
      ...(values.title.trim() ? {} : { title: 'Donnez un titre à votre avis.' }),
      ...(values.body.trim() ? {} : { body: 'Rédigez votre avis.' }),
    });
    setErrors(local);
    if (local) return;
    const input: SubmitReviewInput = {
      toolSlug: props.toolSlug,
      rating: Number(values.rating),
      title: values.title.trim(),
      body: values.body.trim(),
    };
    for (const [key] of CRITERIA) if (values[key]) input[key] = Number(values[key]);
    if (values.pros.trim()) input.pros = values.pros.trim();
    if (values.cons.trim()) input.cons = values.cons.trim();
    const outcome = await submit(input);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setPublished(
      outcome.data.versionCount > 0
        ? `L'avis de ${props.organizationName} est mis à jour ; la version précédente est conservée.`
        : `L'avis de ${props.organizationName} est publié.`,
    );
  };

  const scoreSelect = (key: 'rating' | Criterion, label: string, optional: boolean) => (
    <Field key={key} label={label} error={errors?.fields[key]}>
      {(control) => (
        <select {...control} value={values[key]} onChange={(event) => set(key)(event.target.value)}>
          <option value="">{optional ? 'Non noté' : 'Choisir une note'}</option>
          {SCORES.map((score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    // Named by its heading only (no aria-labelledby): « avis » in a landmark name would make the
    // « Avis » field ambiguous for assistive technologies listing labelled elements.
    <section className="tool-section panel">
      <h2 id={headingId}>Donner l'avis de ma collectivité</h2>
      {existing ? (
        <p className="notice">
          {props.organizationName} a déjà donné son avis sur cet outil : publier ce formulaire met à jour cet avis (la
          version précédente est conservée).
        </p>
      ) : (
        <p className="muted">
          L'avis est publié au nom de {props.organizationName}. Il est marqué « Avis vérifié » quand votre collectivité a
          déclaré l'outil en expérimentation, en production ou abandonné.
        </p>
      )}
      {published ? <FormSuccess>{published}</FormSuccess> : null}
      <form className="form" noValidate aria-describedby={headingId} onSubmit={(event) => void send(event)}>
        <FormAlert errors={errors} placed={FIELDS} />
        {scoreSelect('rating', 'Note globale', false)}
        <fieldset className="form__group">
          <legend>Notes détaillées (facultatives), de 1 à 5</legend>
          <div className="form__grid">{CRITERIA.map(([key, label]) => scoreSelect(key, label, true))}</div>
        </fieldset>
        <Field label="Titre" hint="3 à 120 caractères." error={errors?.fields['title']}>
          {(control) => (
            <input {...control} type="text" maxLength={120} value={values.title} onChange={(event) => set('title')(event.target.value)} />
          )}
        </Field>
        <Field label="Avis" hint="10 à 5 000 caractères : usage, résultats, difficultés." error={errors?.fields['body']}>
          {(control) => (
            <textarea {...control} rows={6} maxLength={5000} value={values.body} onChange={(event) => set('body')(event.target.value)} />
          )}
        </Field>
        <div className="form__grid">
          <Field label="Points forts" error={errors?.fields['pros']}>
            {(control) => (
              <textarea {...control} rows={3} maxLength={1000} value={values.pros} onChange={(event) => set('pros')(event.target.value)} />
            )}
          </Field>
          <Field label="Points faibles" error={errors?.fields['cons']}>
            {(control) => (
              <textarea {...control} rows={3} maxLength={1000} value={values.cons} onChange={(event) => set('cons')(event.target.value)} />
            )}
          </Field>
        </div>
        <p className="form__actions">
          <button type="submit" className="button" disabled={loading}>
            Publier l'avis
          </button>
        </p>
      </form>
    </section>
  );
}
