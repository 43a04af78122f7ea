import { useQuery } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Field, FormActions, FormAlert, InputField, labelledOptions, SelectField, TextAreaField, useFormValues } from '../../components/Form';
import { graphql } from '../../gql';
import type { DocumentLicence, DocumentType } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';
import { DOCUMENT_TYPE_LABELS, LICENCE_SHORT_LABELS } from './libraryLabels';
import { UploadChoicesQuery } from './UploadDocumentForm';

export const UpdateDocumentMutation = graphql(`
  mutation UpdateDocumentMutation($id: ID!, $input: UpdateDocumentInput!) {
    updateDocument(id: $id, input: $input) {
      __typename
      ... on MutationUpdateDocumentSuccess {
        data {
          id
          title
        }
      }
      ...MutationError
    }
  }
`);

const useUpdateDocument = mutationHook(UpdateDocumentMutation, 'updateDocument', {
  variables: (id: string, input: { title: string; summary: string; type: DocumentType; licence: DocumentLicence; documentDate: string | null; toolSlugs: string[]; categorySlugs: string[] }) => ({
    id,
    input,
  }),
  refetchQueries: (result) => (result?.__typename === 'MutationUpdateDocumentSuccess' ? ['DocumentPageQuery'] : []),
  awaitRefetchQueries: true,
});

export interface EditableDocument {
  id: string;
  title: string;
  summary: string;
  type: DocumentType;
  licence: DocumentLicence;
  documentDate: string | null;
  toolSlugs: string[];
  categorySlugs: string[];
}

/** The description and links of a document, changed by its author organization's ORG_ADMIN. */
export function EditDocumentForm(props: { document: EditableDocument; onDone: () => void }) {
  const { data } = useQuery(UploadChoicesQuery);
  const { values, bind, set, errors, setErrors } = useFormValues({ ...props.document, documentDate: props.document.documentDate ?? '' });
  const [update, { loading }] = useUpdateDocument();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await update(props.document.id, {
      title: values.title,
      summary: values.summary,
      type: values.type,
      licence: values.licence,
      documentDate: values.documentDate || null,
      toolSlugs: values.toolSlugs,
      categorySlugs: values.categorySlugs,
    });
    if (outcome.ok) props.onDone();
    else setErrors(outcome.errors);
  };
  const tools = data?.tools.edges.map((edge) => edge.node) ?? [];
  return (
    <form className="form library-upload" aria-labelledby="modifier-titre" onSubmit={(event) => void submit(event)}>
      <h2 id="modifier-titre">Modifier la description</h2>
      <FormAlert errors={errors} placed={['title', 'summary', 'type', 'licence', 'documentDate', 'toolSlugs', 'categorySlugs']} />
      <InputField label="Titre" maxLength={200} required {...bind('title')} />
      <TextAreaField label="Résumé" maxLength={2000} rows={3} required {...bind('summary')} />
      <SelectField label="Type de document" options={labelledOptions(DOCUMENT_TYPE_LABELS)} {...bind('type')} />
      <SelectField label="Licence" options={labelledOptions(LICENCE_SHORT_LABELS)} {...bind('licence')} />
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
      <FormActions submit="Enregistrer" busy={loading} cancel="Annuler" onCancel={props.onDone} />
    </form>
  );
}
