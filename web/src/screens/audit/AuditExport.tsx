import type { ErrorLike } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { isErrorLike } from '@apollo/client/errors';
import { useState } from 'react';
import { describeError } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { downloadBlob } from '../groups/groupExports';
import { auditCsvFilename, toAuditFilter, type AuditParams } from './auditFilters';

// Asked on demand, never cached: the export follows the log as it is now.
export const AuditLogCsvQuery = graphql(`
  query AuditLogCsvQuery($filter: AuditEventFilter) {
    auditEventsCsv(filter: $filter) {
      csv
      exportedCount
      totalCount
      truncated
    }
  }
`);

/** The most events one export holds (the API's limit, which its answer confirms with `truncated`). */
export const CSV_MAX_EVENTS = 10_000;

/** « Exporter en CSV »: the filtered log as a file, journal-audit_<filtres>_<date>.csv. */
export function AuditExport({ params, totalCount }: { params: AuditParams; totalCount: number }) {
  const client = useApolloClient();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<{ exportedCount: number; totalCount: number; truncated: boolean }>();
  const [failure, setFailure] = useState<ErrorLike>();

  const download = async () => {
    setPending(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const { data } = await client.query({ query: AuditLogCsvQuery, variables: { filter: toAuditFilter(params) }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('Le serveur n’a pas renvoyé le fichier.');
      const { csv, ...counts } = data.auditEventsCsv;
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), auditCsvFilename(params, new Date()));
      setDone(counts);
    } catch (reason) {
      setFailure(isErrorLike(reason) ? reason : new Error(String(reason)));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="audit-export">
      <button type="button" className="button button--secondary" disabled={pending || totalCount === 0} onClick={() => void download()}>
        {pending ? 'Préparation…' : 'Exporter en CSV'}
      </button>
      {totalCount > CSV_MAX_EVENTS && !done ? (
        <p className="muted">
          L’export contiendra les {formatInteger(CSV_MAX_EVENTS)} événements les plus récents sur {formatInteger(totalCount)} : affinez les filtres pour
          obtenir les autres.
        </p>
      ) : null}
      {done ? (
        <p role="status" className={done.truncated ? 'notice notice--warning' : 'muted'}>
          {done.truncated
            ? `Export limité aux ${formatInteger(done.exportedCount)} événements les plus récents sur ${formatInteger(done.totalCount)} (la dernière ligne du fichier le rappelle) : affinez les filtres pour obtenir les autres.`
            : `${formatInteger(done.exportedCount)} ${done.exportedCount > 1 ? 'événements exportés' : 'événement exporté'}.`}
        </p>
      ) : null}
      {failure ? (
        <div role="alert" className="form-alert">
          <p className="form-alert__title">Le journal n’a pas pu être exporté.</p>
          <p>{describeError(failure).summary}</p>
          <button type="button" className="button button--small" onClick={() => void download()}>
            Réessayer
          </button>
        </div>
      ) : null}
    </div>
  );
}
