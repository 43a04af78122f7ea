import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { QueryState } from '../../components/QueryState';
import { NumericCell, Table } from '../../components/Table';
import { getFragmentData, type FragmentType } from '../../gql';
import { formatDateTime, formatInteger } from '../../lib/format';
import { DecpImportFields, DecpImportQuery } from './adminQueries';
import { contractSource } from './contractFormat';
import { IMPORT_STATUS_LABELS } from './evidence';


/** The counters of an import run, and its rejected records with their position and reason. */
export function ImportFigures(props: { run: FragmentType<typeof DecpImportFields>; headingLevel?: 'h3' | 'h4' }) {
  const run = getFragmentData(DecpImportFields, props.run);
  const Heading = props.headingLevel ?? 'h3';
  const figures = [
    ['Lus', run.readCount],
    ['Retenus (IA)', run.keptCount],
    ['Reliés', run.linkedCount],
    ['Écartés (pas d’IA)', run.rejectedCount],
    ['Malformés', run.invalidCount],
  ] as const;
  return (
    <div className="decp-run">
      <p>
        <strong className={`import-status import-status--${run.status.toLowerCase()}`}>{IMPORT_STATUS_LABELS[run.status]}</strong> ·{' '}
        {contractSource(run.source).label}
        {run.formatVersion ? ` · format ${run.formatVersion}` : ''} · commencée le {formatDateTime(run.startedAt)}
        {run.finishedAt ? `, finie le ${formatDateTime(run.finishedAt)}` : ''}
      </p>
      <dl className="facts decp-run__figures">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{formatInteger(value)}</dd>
          </div>
        ))}
        <div>
          <dt>Débit</dt>
          <dd>{formatInteger(run.ratePerSecond)} enregistrements par seconde</dd>
        </div>
      </dl>
      {run.failure ? (
        <p className="notice notice--warning" role="alert">
          Importation en échec : {run.failure}
        </p>
      ) : null}
      {run.errors.length > 0 ? (
        <>
          <Heading>Enregistrements écartés ({formatInteger(run.invalidCount)})</Heading>
          <Table caption="Enregistrements malformés écartés, avec leur position dans le fichier et la raison" columns={[{ label: 'Position', numeric: true }, 'Chemin', 'Raison']} scroll>
            {run.errors.map((error) => (
              <tr key={`${error.position}-${error.path}`}>
                <NumericCell label="Position">{formatInteger(error.position)}</NumericCell>
                <td data-label="Chemin">
                  <code>{error.path}</code>
                </td>
                <td data-label="Raison">{error.reason}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}
    </div>
  );
}

/** The run just started, read every second while it runs; `onFinished` once it has stopped. */
export function ImportProgress({ id, onFinished }: { id: number; onFinished: () => void }) {
  const { data, error, refetch, startPolling, stopPolling } = useQuery(DecpImportQuery, { variables: { id } });
  const status = data?.decpImport ? getFragmentData(DecpImportFields, data.decpImport).status : undefined;
  const running = status === undefined || status === 'RUNNING';
  useEffect(() => {
    if (!running) {
      stopPolling();
      onFinished();
      return;
    }
    startPolling(1000);
    return () => stopPolling();
  }, [running, startPolling, stopPolling, onFinished]);
  return (
    <section aria-labelledby="import-en-cours" className="panel decp-progress">
      <h3 id="import-en-cours">Progression de l’importation n° {id}</h3>
      <div aria-live="polite" aria-busy={running}>
        <QueryState data={data} error={error} refetch={refetch} loadingLabel="Lecture de la progression…">
          {({ decpImport }) => (decpImport ? <ImportFigures run={decpImport} headingLevel="h4" /> : <p>Importation introuvable.</p>)}
        </QueryState>
      </div>
    </section>
  );
}
