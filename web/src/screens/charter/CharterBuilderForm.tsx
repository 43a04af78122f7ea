import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Fieldset, FormAlert, FormSuccess, InputField, TextAreaField } from '../../components/Form';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { CharterPrincipleKey } from '../../gql/graphql';
import { formatDate, formatInteger } from '../../lib/format';
import { CHARTER_STATUS_LABELS } from '../../lib/labels';
import type { FormErrors } from '../../lib/mutationResult';
import { CharterPreview } from './CharterPreview';
import { usePublishCharter, useSaveCharterDraft } from './useCharterMutations';

export const CharterBuilderForm_model = graphql(`
  fragment CharterBuilderForm_model on CharterModel {
    version
    date
    preamble
    principles {
      key
      title
      text
    }
    references {
      label
      url
    }
    limits {
      customPrinciples
      customTitle
      customText
      preamble
    }
  }
`);

export const CharterBuilder_organization = graphql(`
  fragment CharterBuilder_organization on Organization {
    id
    siren
    name
    charter {
      status
      adoptedAt
    }
    charterDraft {
      principles
      customPrinciples {
        title
        text
      }
      preamble
      updatedAt
      publishedAt
    }
  }
`);

type Own = { title: string; text: string };

/** The builder: the model's principles to tick, the collectivité's own ones, a preamble, a live preview, save and publish. */
export function CharterBuilderForm(props: {
  model: FragmentType<typeof CharterBuilderForm_model>;
  organization: FragmentType<typeof CharterBuilder_organization>;
}) {
  const model = getFragmentData(CharterBuilderForm_model, props.model);
  const organization = getFragmentData(CharterBuilder_organization, props.organization);
  const draft = organization.charterDraft;
  const headingId = useId();
  const [principles, setPrinciples] = useState<CharterPrincipleKey[]>(draft?.principles ?? []);
  const [own, setOwn] = useState<Own[]>(draft?.customPrinciples.map(({ title, text }) => ({ title, text })) ?? []);
  const [preamble, setPreamble] = useState(draft?.preamble ?? model.preamble);
  const [errors, setErrors] = useState<FormErrors>();
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [save, { loading: saving }] = useSaveCharterDraft();
  const [publish, { loading: publishing }] = usePublishCharter();
  const busy = saving || publishing;

  const toggle = (key: CharterPrincipleKey, on: boolean) =>
    setPrinciples((keys) => model.principles.map((p) => p.key).filter((k) => (k === key ? on : keys.includes(k))));
  const setOwnField = (index: number, field: keyof Own, value: string) => setOwn((list) => list.map((p, i) => (i === index ? { ...p, [field]: value } : p)));

  const saveDraft = async () => {
    setErrors(undefined);
    setMessage(undefined);
    const outcome = await save({
      organizationSiren: organization.siren ?? null,
      principles,
      customPrinciples: own.map((p) => ({ title: p.title.trim(), text: p.text.trim() })),
      preamble: preamble.trim() === model.preamble.trim() ? null : preamble.trim() || null,
    });
    if (!outcome.ok) setErrors(outcome.errors);
    return outcome.ok;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await saveDraft()) setMessage('Le brouillon est enregistré. Il n’est pas encore publié.');
  };

  const confirmPublish = async () => {
    if (!(await saveDraft())) {
      setConfirming(false);
      return;
    }
    const outcome = await publish(organization.siren ?? null);
    setConfirming(false);
    if (outcome.ok) setMessage('La charte est publiée : son statut est désormais « adoptée ».');
    else setErrors(outcome.errors);
  };

  const chosen = model.principles.filter((p) => principles.includes(p.key));
  const placed = ['principles', 'customPrinciples', 'preamble', ...own.flatMap((_, i) => [`customPrinciples.${i}.title`, `customPrinciples.${i}.text`])];
  const status = organization.charter.status;

  return (
    <>
      <h1>Charte éthique de l’IA</h1>
      <p className="lead">
        {organization.name} bâtit sa charte à partir du modèle partagé (version {model.version}, références vérifiées le {formatDate(model.date)}).
      </p>
      <p>
        Statut actuel : <span className={`status status--${status.toLowerCase()}`}>{CHARTER_STATUS_LABELS[status]}</span>
        {status === 'ADOPTED' && organization.charter.adoptedAt ? ` le ${formatDate(organization.charter.adoptedAt)}` : null}
        {draft?.publishedAt && organization.siren ? (
          <>
            {' · '}
            <Link to={`/territoires/${organization.siren}/charte`}>Voir la charte publiée</Link>
          </>
        ) : null}
      </p>
      {message ? (
        <FormSuccess>
          {message}
          {message.startsWith('La charte est publiée') && organization.siren ? (
            <>
              {' '}
              <Link to={`/territoires/${organization.siren}/charte`}>Ouvrir la charte imprimable</Link>
            </>
          ) : null}
        </FormSuccess>
      ) : null}
      <div className="charter-builder">
        <form className="form charter-builder__form" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
          <h2 id={headingId}>Composer la charte</h2>
          <FormAlert errors={errors} placed={placed} />
          <Fieldset legend="Principes du modèle" hint="Cochez les principes que la collectivité adopte ; leur texte est repris tel quel." error={errors?.fields['principles']}>
            {model.principles.map((p) => (
              <div key={p.key} className="charter-principle">
                <label className="checkbox">
                  <input type="checkbox" checked={principles.includes(p.key)} onChange={(event) => toggle(p.key, event.target.checked)} />
                  {p.title}
                </label>
                <p className="charter-principle__text">{p.text}</p>
              </div>
            ))}
          </Fieldset>
          <Fieldset
            legend="Principes propres à la collectivité"
            hint={`${model.limits.customPrinciples} au plus ; titre de ${formatInteger(model.limits.customTitle)} caractères, texte de ${formatInteger(model.limits.customText)} caractères au plus.`}
            error={errors?.fields['customPrinciples']}
          >
            {own.map((p, i) => (
              <div key={i} className="charter-own">
                <InputField
                  label={`Titre du principe ajouté n° ${i + 1}`}
                  maxLength={model.limits.customTitle}
                  value={p.title}
                  onChange={(value) => setOwnField(i, 'title', value)}
                  error={errors?.fields[`customPrinciples.${i}.title`]}
                />
                <TextAreaField
                  label={`Texte du principe ajouté n° ${i + 1}`}
                  rows={3}
                  maxLength={model.limits.customText}
                  value={p.text}
                  onChange={(value) => setOwnField(i, 'text', value)}
                  error={errors?.fields[`customPrinciples.${i}.text`]}
                />
                <button type="button" className="button button--secondary button--small" onClick={() => setOwn((list) => list.filter((_, j) => j !== i))}>
                  Retirer le principe n° {i + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button--secondary"
              disabled={own.length >= model.limits.customPrinciples}
              onClick={() => setOwn((list) => [...list, { title: '', text: '' }])}
            >
              Ajouter un principe
            </button>
          </Fieldset>
          <TextAreaField
            label="Préambule"
            hint="Proposé par le modèle ; modifiez-le librement."
            rows={6}
            maxLength={model.limits.preamble}
            value={preamble}
            onChange={setPreamble}
            error={errors?.fields['preamble']}
          />
          {confirming ? (
            <div role="alertdialog" aria-labelledby={`${headingId}-confirmer`} className="panel charter-confirm">
              <p id={`${headingId}-confirmer`}>
                <strong>Publier la charte ?</strong> Elle sera publiée sur la page publique de {organization.name} et déposée dans la bibliothèque.
                Le statut de la charte deviendra « adoptée » à la date d’aujourd’hui, et les statistiques d’adoption la compteront.
              </p>
              <p className="form__actions">
                <button type="button" className="button" disabled={busy} onClick={() => void confirmPublish()}>
                  Confirmer la publication
                </button>
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
                  Annuler
                </button>
              </p>
            </div>
          ) : (
            <p className="form__actions">
              <button type="submit" className="button button--secondary" disabled={busy}>
                Enregistrer le brouillon
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => { setMessage(undefined); setConfirming(true); }}>
                Publier la charte
              </button>
            </p>
          )}
        </form>
        <CharterPreview organizationName={organization.name} preamble={preamble.trim() || model.preamble} principles={[...chosen, ...own]} references={model.references} />
      </div>
    </>
  );
}
