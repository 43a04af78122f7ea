import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Field, FormActions, FormAlert, InputField, labelledOptions, SelectField, TextAreaField, useFormValues } from '../../components/Form';
import { graphql } from '../../gql';
import type { DocumentLicence, DocumentType } from '../../gql/graphql';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { ACCEPTED_FILES, DOCUMENT_TYPE_LABELS, LICENCE_SHORT_LABELS, MAX_FILE_MB } from './libraryLabels';
import { uploadDocument, type UploadFields } from './uploadDocument';

export const UploadChoicesQuery = graphql(`
  query UploadChoicesQuery {
    categories {
      id
      slug
      name
    }
    tools(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`);

const FILE_HINT = `PDF, ODT, DOCX ou Markdown (.md), ${MAX_FILE_MB} Mo au plus. Le type est vérifié sur le contenu du fichier, pas sur son extension.`;

interface Values {
  title: string;
  summary: string;
  type: DocumentType | '';
  licence: DocumentLicence | '';
  documentDate: string;
  toolSlugs: string[];
  categorySlugs: string[];
}

function FileField(props: { error: string | undefined; onChange: (file: File | null) => void }) {
  return (
    <Field label="Fichier" hint={FILE_HINT} error={props.error}>
      {(control) => <input {...control} type="file" accept={ACCEPTED_FILES} required onChange={(event) => props.onChange(event.target.files?.[0] ?? null)} />}
    </Field>
  );
}

/** The progress of a running upload, and the errors of a refused one. */
function useUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  const run = async (file: File, fields: UploadFields) => {
    setProgress(0);
    const outcome = await uploadDocument(file, fields, setProgress);
    setProgress(null);
    return outcome;
  };
  return { progress, run };
}

function Progress({ share }: { share: number | null }) {
  if (share === null) return null;
  const percent = Math.round(share * 100);
  return (
    <p role="status">
      <label>
        Envoi du fichier : {percent} % <progress max={100} value={percent} />
      </label>
    </p>
  );
}

const tooLarge = (file: File | null) => (file && file.size > MAX_FILE_MB * 1024 * 1024 ? `Le fichier dépasse ${MAX_FILE_MB} Mo.` : undefined);

/** « Déposer un document »: metadata, links and the first file of a new document, in the name of the viewer's collectivité. */
export function UploadDocumentForm(props: { onUploaded: (slug: string) => void; onCancel: () => void }) {
  const { data } = useQuery(UploadChoicesQuery);
  const { values, bind, set, errors, setErrors } = useFormValues<Values>({
    title: '',
    summary: '',
    type: '',
    licence: '',
    documentDate: '',
    toolSlugs: [],
    categorySlugs: [],
  });
  const [file, setFile] = useState<File | null>(null);
  const upload = useUpload();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = clientValidation({
      ...(values.title.trim().length < 3 ? { title: 'Le titre doit compter au moins 3 caractères.' } : {}),
      ...(values.summary.trim().length < 10 ? { summary: 'Le résumé doit compter au moins 10 caractères.' } : {}),
      ...(values.type ? {} : { type: 'Le type de document est obligatoire.' }),
      ...(values.licence ? {} : { licence: 'La licence est obligatoire.' }),
      ...(file ? {} : { file: 'Choisissez un fichier à téléverser.' }),
      ...(tooLarge(file) ? { file: tooLarge(file) } : {}),
    });
    if (invalid) return setErrors(invalid);
    setErrors(undefined);
    const outcome = await upload.run(file!, values);
    if (outcome.ok) props.onUploaded(outcome.data.slug);
    else setErrors(outcome.errors);
  };

  const tools = data?.tools.edges.map((edge) => edge.node) ?? [];
  return (
    <form className="form library-upload" aria-labelledby="depot-titre" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="depot-titre">Déposer un document</h2>
      <p className="field__hint">Le document est publié au nom de votre collectivité, avec la licence choisie.</p>
      <FormAlert errors={errors} placed={['title', 'summary', 'type', 'licence', 'documentDate', 'file', 'toolSlugs', 'categorySlugs']} />
      <InputField label="Titre" maxLength={200} required {...bind('title')} />
      <TextAreaField label="Résumé" hint="Ce que contient le document et à quoi il sert (2 000 caractères au plus)." maxLength={2000} rows={3} required {...bind('summary')} />
      <SelectField label="Type de document" placeholder="Choisir…" options={labelledOptions(DOCUMENT_TYPE_LABELS)} {...bind('type')} />
      <SelectField label="Licence" placeholder="Choisir…" options={labelledOptions(LICENCE_SHORT_LABELS)} {...bind('licence')} />
      <InputField label="Date du document" type="date" {...bind('documentDate')} />
      <Field label="Outils concernés" hint="Ctrl (ou Cmd) pour en choisir plusieurs." error={errors?.fields['toolSlugs']}>
        {(control) => (
          <select {...control} multiple size={5} value={values.toolSlugs} onChange={(event) => set('toolSlugs')([...event.target.selectedOptions].map((o) => o.value))}>
            {tools.map((tool) => (
              <option key={tool.id} value={tool.slug}>
                {tool.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Catégories" hint="Ctrl (ou Cmd) pour en choisir plusieurs." error={errors?.fields['categorySlugs']}>
        {(control) => (
          <select {...control} multiple size={5} value={values.categorySlugs} onChange={(event) => set('categorySlugs')([...event.target.selectedOptions].map((o) => o.value))}>
            {(data?.categories ?? []).map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FileField error={errors?.fields['file']} onChange={setFile} />
      <Progress share={upload.progress} />
      <FormActions submit="Déposer le document" busy={upload.progress !== null} cancel="Annuler" onCancel={props.onCancel} />
    </form>
  );
}

/** « Déposer une nouvelle version »: the previous versions stay downloadable. */
export function UploadVersionForm(props: { slug: string; onUploaded: (version: number) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>();
  const upload = useUpload();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = clientValidation({ ...(file ? {} : { file: 'Choisissez un fichier à téléverser.' }), ...(tooLarge(file) ? { file: tooLarge(file) } : {}) });
    if (invalid) return setErrors(invalid);
    setErrors(undefined);
    const outcome = await upload.run(file!, { document: props.slug });
    if (outcome.ok) props.onUploaded(outcome.data.version);
    else setErrors(outcome.errors);
  };
  return (
    <form className="form library-upload" aria-labelledby="version-titre" noValidate onSubmit={(event) => void submit(event)}>
      <h3 id="version-titre">Déposer une nouvelle version</h3>
      <FormAlert errors={errors} placed={['file']} />
      <FileField error={errors?.fields['file']} onChange={setFile} />
      <Progress share={upload.progress} />
      <FormActions submit="Déposer la version" busy={upload.progress !== null} />
    </form>
  );
}

export type { FormErrors };
