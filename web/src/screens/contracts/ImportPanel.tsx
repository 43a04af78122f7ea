import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useState, type FormEvent } from 'react';
import { FormActions, FormAlert, InputField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { formatInteger } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { DecpImportsQuery } from './adminQueries';
import { ImportFigures, ImportProgress } from './ImportProgress';
import { useStartDecpImport } from './useContractMutations';

/** « Lancer une importation »: a file of the server's import directory or an http(s) address, resumable. */
function StartImportForm({ onStarted }: { onStarted: (id: number) => void }) {
  const [start, { loading }] = useStartDecpImport();
  const [source, setSource] = useState('');
  const [resume, setResume] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation(source.trim() ? {} : { source: 'Indiquez le nom du fichier ou son adresse.' });
    setErrors(local);
    if (local) return;
    const outcome = await start(source.trim(), resume);
    if (!outcome.ok) return setErrors(outcome.errors);
    onStarted(outcome.data.id);
  };
  return (
    <form className="form decp-import-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="import-lancer">
      <h3 id="import-lancer">Lancer une importation</h3>
      <FormAlert errors={errors} placed={['source']} />
      <InputField
        label="Fichier DECP"
        hint="Le nom d’un fichier .json du dossier d’import du serveur (DECP_IMPORT_DIR, par exemple decp-2025.json), ou une adresse http(s) du fichier consolidé. Formats 2.0 et 1.x."
        autoComplete="off"
        spellCheck={false}
        value={source}
        onChange={setSource}
        error={errors?.fields['source']}
      />
      <div className="field field--checkbox">
        <input id="import-reprendre" type="checkbox" checked={resume} onChange={(event) => setResume(event.target.checked)} />
        <label htmlFor="import-reprendre">Reprendre la dernière importation inachevée de ce fichier</label>
      </div>
      <FormActions submit="Lancer l’importation" busy={loading} />
    </form>
  );
}

/** The import of DECP files from the administration: start one, follow it, and the past runs. */
export function ImportPanel() {
  const [current, setCurrent] = useState<number>();
  const { data, error, refetch, fetchMore } = useQuery(DecpImportsQuery);
  const client = useApolloClient();
  const finished = useCallback(() => {
    void client.refetchQueries({ include: ['DecpImportsQuery', 'CurationQueueQuery'] });
  }, [client]);
  return (
    <section aria-labelledby="marches-imports" className="tool-section">
      <h2 id="marches-imports">Importations DECP</h2>
      <div className="organization__panels">
        <StartImportForm onStarted={setCurrent} />
        {current !== undefined ? <ImportProgress key={current} id={current} onFinished={finished} /> : null}
      </div>
      <h3>Importations précédentes</h3>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ decpImports }) =>
          decpImports.edges.length === 0 ? (
            <p>Aucune importation pour l’instant.</p>
          ) : (
            <>
              <p className="results__count">{formatInteger(decpImports.totalCount)} importation(s)</p>
              <ol className="decp-runs" aria-label="Importations, les plus récentes d’abord">
                {decpImports.edges.map(({ node }) => (
                  <li key={node.id}>
                    <p className="decp-runs__title">Importation n° {node.id}</p>
                    <ImportFigures run={node} headingLevel="h4" />
                  </li>
                ))}
              </ol>
              <LoadMore pageInfo={decpImports.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
