import { useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { DecimalField, Fieldset, FormAlert, InputField, labelledOptions, SelectField, TextAreaField, FormActions } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AllocationRule, CreatePurchasingGroupInput, GroupEligibility, VolumeUnit } from '../../gql/graphql';
import { parseAmountInput } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { ALLOCATION_RULE_LABELS, ELIGIBILITY_LABELS, unitName, VOLUME_UNIT_WORDS } from './groupLabels';
import { useCreatePurchasingGroup } from './useCreatePurchasingGroup';

export const CreateGroupFormQuery = graphql(`
  query CreateGroupFormQuery {
    categories {
      id
      slug
      name
    }
    tools(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          slug
          name
          categoryDetails {
            id
            slug
          }
        }
      }
    }
  }
`);

const FIELDS = [
  'title',
  'description',
  'toolSlug',
  'categorySlug',
  'candidateToolSlugs',
  'interestDeadline',
  'eligibility',
  'allocationRule',
  'volumeUnit',
  'listUnitPrice',
  'tiers',
] as const;

interface TierRow {
  key: number;
  minVolume: string;
  unitPrice: string;
}

interface Values {
  title: string;
  description: string;
  object: 'TOOL' | 'CATEGORY';
  toolSlug: string;
  categorySlug: string;
  candidateToolSlugs: readonly string[];
  deadline: string;
  eligibility: GroupEligibility;
  allocationRule: AllocationRule | '';
  volumeUnit: VolumeUnit | '';
  listUnitPrice: string;
  tiers: readonly TierRow[];
}

const EMPTY: Values = {
  title: '',
  description: '',
  object: 'TOOL',
  toolSlug: '',
  categorySlug: '',
  candidateToolSlugs: [],
  deadline: '',
  eligibility: 'ALL',
  allocationRule: '',
  volumeUnit: '',
  listUnitPrice: '',
  tiers: [],
};

/** A calendar date chosen in the form → the end of that day, local time, as an ISO instant. */
export function endOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const instant = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The form's values, checked and converted to what the API takes (decimals with a point). */
function readValues(values: Values): { errors: FormErrors['fields']; input: CreatePurchasingGroupInput | null } {
  const errors: FormErrors['fields'] = {};
  if (!values.title.trim()) errors['title'] = 'Indiquez le titre du groupement.';
  if (values.object === 'TOOL' && !values.toolSlug) errors['toolSlug'] = 'Choisissez l’outil dans le catalogue.';
  if (values.object === 'CATEGORY') {
    if (!values.categorySlug) errors['categorySlug'] = 'Choisissez la catégorie.';
    else if (values.candidateToolSlugs.length === 0) errors['candidateToolSlugs'] = 'Cochez au moins un outil candidat.';
  }
  const interestDeadline = endOfDay(values.deadline);
  if (!interestDeadline) errors['interestDeadline'] = 'Indiquez la date limite de manifestation d’intérêt.';
  if (!values.allocationRule) errors['allocationRule'] = 'Choisissez la règle de répartition du coût.';
  if (!values.volumeUnit) errors['volumeUnit'] = 'Choisissez l’unité de volume.';
  let listUnitPrice: string | null = null;
  if (values.listUnitPrice.trim()) {
    listUnitPrice = parseAmountInput(values.listUnitPrice);
    if (listUnitPrice === null) errors['listUnitPrice'] = 'Saisissez un prix en euros, par exemple 0,12.';
  }
  const tiers: { minVolume: string; unitPrice: string }[] = [];
  values.tiers.forEach((tier, index) => {
    const minVolume = parseAmountInput(tier.minVolume);
    const unitPrice = parseAmountInput(tier.unitPrice);
    if (minVolume === null || unitPrice === null) {
      errors['tiers'] ??= `Palier ${index + 1} : saisissez un volume et un prix positifs, par exemple 50 000 et 0,10.`;
    } else {
      tiers.push({ minVolume, unitPrice });
    }
  });
  if (Object.keys(errors).length > 0 || !interestDeadline || !values.allocationRule || !values.volumeUnit) return { errors, input: null };
  const input: CreatePurchasingGroupInput = {
    title: values.title.trim(),
    interestDeadline,
    eligibility: values.eligibility,
    allocationRule: values.allocationRule,
    volumeUnit: values.volumeUnit,
  };
  if (values.description.trim()) input.description = values.description.trim();
  if (values.object === 'TOOL') input.toolSlug = values.toolSlug;
  else {
    input.categorySlug = values.categorySlug;
    input.candidateToolSlugs = [...values.candidateToolSlugs];
  }
  if (listUnitPrice) input.listUnitPrice = listUnitPrice;
  if (tiers.length > 0) input.tiers = tiers;
  return { errors, input };
}

/** The form of a new group; created, `onCreated` receives its id and title (the page then shows it, in preparation). */
export function CreateGroupForm(props: { onCreated: (group: { id: string; title: string }) => void; onCancel: () => void }) {
  const headingId = useId();
  const objectName = useId();
  const { data, error, refetch } = useQuery(CreateGroupFormQuery);
  const [create, { loading }] = useCreatePurchasingGroup();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>();
  const nextTierKey = useRef(0);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setTier = (key: number, change: Partial<TierRow>) =>
    set('tiers', values.tiers.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: local, input } = readValues(values);
    const invalid = clientValidation(local);
    setErrors(invalid);
    if (invalid || !input) return;
    const outcome = await create(input);
    if (outcome.ok) props.onCreated(outcome.data);
    else setErrors(outcome.errors);
  };

  const unit = values.volumeUnit ? VOLUME_UNIT_WORDS[values.volumeUnit] : null;
  const perUnit = unit ? `€ HT par ${unit.singular} et par an` : '€ HT par unité et par an';

  return (
    <section className="panel form-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Créer un groupement</h2>
      <p className="muted">
        Votre collectivité en sera le coordonnateur. Le groupement est créé en préparation : vous l’ouvrirez ensuite aux adhésions.
      </p>
      <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement du catalogue…">
        {({ categories, tools: catalogue }) => {
          const tools = catalogue.edges
            .map((edge) => edge.node)
            .sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
          const categoryTools = tools.filter((tool) => tool.categoryDetails.slug === values.categorySlug);
          return (
            <form className="form" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
              <FormAlert errors={errors} placed={FIELDS} />
              <div className="form__grid">
                <InputField
                  label="Titre"
                  className="field--wide"
                  error={errors?.fields['title']}
                  type="text"
                  maxLength={200}
                  value={values.title}
                  onChange={(title) => set('title', title)}
                />
                <TextAreaField
                  label="Description"
                  className="field--wide"
                  error={errors?.fields['description']}
                  rows={3}
                  maxLength={5000}
                  value={values.description}
                  onChange={(description) => set('description', description)}
                />
                <Fieldset legend="Objet du groupement" className="field--wide">
                  <label className="radio">
                    <input type="radio" name={objectName} checked={values.object === 'TOOL'} onChange={() => set('object', 'TOOL')} />
                    Un outil du catalogue
                  </label>
                  <label className="radio">
                    <input type="radio" name={objectName} checked={values.object === 'CATEGORY'} onChange={() => set('object', 'CATEGORY')} />
                    Une catégorie, avec des outils candidats (l’outil est choisi à l’attribution)
                  </label>
                </Fieldset>
                {values.object === 'TOOL' ? (
                  <SelectField
                    label="Outil"
                    error={errors?.fields['toolSlug']}
                    placeholder="Choisir un outil du catalogue"
                    options={tools.map((tool) => ({ value: tool.slug, label: tool.name }))}
                    value={values.toolSlug}
                    onChange={(toolSlug) => set('toolSlug', toolSlug)}
                  />
                ) : (
                  <>
                    <SelectField
                      label="Catégorie"
                      error={errors?.fields['categorySlug']}
                      placeholder="Choisir une catégorie"
                      options={categories.map((category) => ({ value: category.slug, label: category.name }))}
                      value={values.categorySlug}
                      onChange={(categorySlug) => setValues((current) => ({ ...current, categorySlug, candidateToolSlugs: [] }))}
                    />
                    {values.categorySlug ? (
                      <Fieldset legend="Outils candidats" error={errors?.fields['candidateToolSlugs']}>
                        {categoryTools.length === 0 ? <p className="muted">Aucun outil du catalogue dans cette catégorie.</p> : null}
                        {categoryTools.map((tool) => (
                          <label key={tool.slug} className="radio">
                            <input
                              type="checkbox"
                              checked={values.candidateToolSlugs.includes(tool.slug)}
                              onChange={(event) =>
                                set(
                                  'candidateToolSlugs',
                                  event.target.checked
                                    ? [...values.candidateToolSlugs, tool.slug]
                                    : values.candidateToolSlugs.filter((slug) => slug !== tool.slug),
                                )
                              }
                            />
                            {tool.name}
                          </label>
                        ))}
                      </Fieldset>
                    ) : null}
                  </>
                )}
                <InputField
                  label="Date limite de manifestation d’intérêt"
                  hint="Les collectivités adhèrent et s’engagent jusqu’à cette date incluse."
                  error={errors?.fields['interestDeadline']}
                  type="date"
                  value={values.deadline}
                  onChange={(deadline) => set('deadline', deadline)}
                />
                <SelectField
                  label="Éligibilité"
                  error={errors?.fields['eligibility']}
                  options={labelledOptions(ELIGIBILITY_LABELS)}
                  value={values.eligibility}
                  onChange={(eligibility) => set('eligibility', eligibility)}
                />
                <SelectField
                  label="Unité de volume"
                  error={errors?.fields['volumeUnit']}
                  placeholder="Choisir une unité"
                  options={(Object.keys(VOLUME_UNIT_WORDS) as VolumeUnit[]).map((volumeUnit) => ({ value: volumeUnit, label: unitName(volumeUnit) }))}
                  value={values.volumeUnit}
                  onChange={(volumeUnit) => set('volumeUnit', volumeUnit)}
                />
                <SelectField
                  label="Règle de répartition"
                  hint="Par sièges : unité sièges ; à l’usage : unité requêtes."
                  error={errors?.fields['allocationRule']}
                  placeholder="Choisir une règle"
                  options={labelledOptions(ALLOCATION_RULE_LABELS)}
                  value={values.allocationRule}
                  onChange={(allocationRule) => set('allocationRule', allocationRule)}
                />
                <DecimalField
                  label={`Prix catalogue (${perUnit}, facultatif)`}
                  hint="Par défaut, celui de l’offre catalogue de l’outil exprimée dans cette unité."
                  error={errors?.fields['listUnitPrice']}
                  value={values.listUnitPrice}
                  onChange={(listUnitPrice) => set('listUnitPrice', listUnitPrice)}
                />
                <Fieldset
                  legend="Paliers de prix (facultatif)"
                  hint="À partir d’un volume mutualisé, un prix unitaire plus bas. Par défaut, les paliers de l’offre catalogue."
                  error={errors?.fields['tiers']}
                  className="field--wide group-tiers"
                >
                  {values.tiers.map((tier, index) => (
                    <div key={tier.key} className="group-tiers__row">
                      <DecimalField
                        label={`Palier ${index + 1} : à partir de (${unit ? unit.plural : 'unités'})`}
                        value={tier.minVolume}
                        onChange={(minVolume) => setTier(tier.key, { minVolume })}
                      />
                      <DecimalField
                        label={`Palier ${index + 1} : prix (${perUnit})`}
                        value={tier.unitPrice}
                        onChange={(unitPrice) => setTier(tier.key, { unitPrice })}
                      />
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => set('tiers', values.tiers.filter((row) => row.key !== tier.key))}
                      >
                        Retirer le palier {index + 1}
                      </button>
                    </div>
                  ))}
                  <p>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => set('tiers', [...values.tiers, { key: nextTierKey.current++, minVolume: '', unitPrice: '' }])}
                    >
                      Ajouter un palier
                    </button>
                  </p>
                </Fieldset>
              </div>
              <FormActions submit="Créer le groupement" busy={loading} cancel="Fermer" onCancel={props.onCancel} />
            </form>
          );
        }}
      </QueryState>
    </section>
  );
}
