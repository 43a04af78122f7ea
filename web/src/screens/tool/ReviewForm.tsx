import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormAlert, FormSuccess, InputField, SelectField, TextAreaField, useFormValues } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { SubmitReviewInput } from '../../gql/graphql';
import { clientValidation } from '../../lib/mutationResult';
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
const SCORE_OPTIONS = ['1', '2', '3', '4', '5'].map((score) => ({ value: score, label: score }));

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
  const [published, setPublished] = useState<string>();
  const { values, set, bind, errors, setErrors } = useFormValues<Values>(() => ({
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
    <SelectField
      key={key}
      label={label}
      error={errors?.fields[key]}
      placeholder={optional ? 'Non noté' : 'Choisir une note'}
      options={SCORE_OPTIONS}
      value={values[key]}
      onChange={set(key)}
    />
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
        <InputField label="Titre" hint="3 à 120 caractères." {...bind('title')} type="text" maxLength={120} />
        <TextAreaField label="Avis" hint="10 à 5 000 caractères : usage, résultats, difficultés." {...bind('body')} rows={6} maxLength={5000} />
        <div className="form__grid">
          <TextAreaField label="Points forts" {...bind('pros')} rows={3} maxLength={1000} />
          <TextAreaField label="Points faibles" {...bind('cons')} rows={3} maxLength={1000} />
        </div>
        <FormActions submit="Publier l'avis" busy={loading} />
      </form>
    </section>
  );
}
