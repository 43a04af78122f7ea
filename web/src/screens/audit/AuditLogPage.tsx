import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Field, FormAlert, InputField, IntegerField, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatInteger } from '../../lib/format';
import { clientValidation, queryErrorCode, type FormErrors } from '../../lib/mutationResult';
import { AuditEventRow } from './AuditEventRow';
import { ENTITY_TYPE_OPTIONS, KNOWN_ACTIONS, readAuditParams, toAuditFilter, writeAuditParams, type AuditParams } from './auditFilters';

export const AuditLogQuery = graphql(`
  query AuditLogQuery($filter: AuditEventFilter, $after: String) {
    auditEvents(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...AuditEventRow_event
        }
      }
    }
  }
`);

const FILTER_FIELDS = ['siren', 'du', 'au'] as const;

/** The filters, edited locally and applied (written to the URL) with « Filtrer ». */
function AuditFilters({ params, onApply }: { params: AuditParams; onApply: (params: AuditParams) => void }) {
  const [draft, setDraft] = useState(params);
  const [errors, setErrors] = useState<FormErrors>();
  const set = (key: keyof AuditParams) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const siren = draft.siren.replace(/\s/g, '');
    const local = clientValidation({
      ...(siren && !/^\d{9}$/.test(siren) ? { siren: 'Le SIREN comporte 9 chiffres.' } : {}),
      ...(draft.du && draft.au && draft.du > draft.au ? { au: 'La date de fin doit suivre la date de début.' } : {}),
    });
    setErrors(local);
    if (!local) onApply({ ...draft, siren });
  };
  return (
    <form className="filters" role="search" aria-label="Filtrer le journal" noValidate onSubmit={submit}>
      <FormAlert errors={errors} placed={FILTER_FIELDS} />
      <IntegerField label="SIREN de l'organisation" error={errors?.fields['siren']} maxLength={11} value={draft.siren} onChange={set('siren')} />
      <SelectField label="Type d'entité" options={ENTITY_TYPE_OPTIONS} value={draft.type} onChange={set('type')} />
      <Field label="Action" hint="Par exemple deployment.declare">
        {(control) => (
          <>
            <input {...control} type="text" list="actions-connues" autoComplete="off" value={draft.action} onChange={(event) => set('action')(event.target.value)} />
            <datalist id="actions-connues">
              {KNOWN_ACTIONS.map((action) => (
                <option key={action} value={action} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <InputField label="Du" error={errors?.fields['du']} className="field--date" type="date" value={draft.du} onChange={set('du')} />
      <InputField label="Au" error={errors?.fields['au']} className="field--date" type="date" value={draft.au} onChange={set('au')} />
      <p className="form__actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const empty = { siren: '', type: '', action: '', du: '', au: '' };
            setDraft(empty);
            setErrors(undefined);
            onApply(empty);
          }}
        >
          Réinitialiser
        </button>
      </p>
    </form>
  );
}

export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readAuditParams(searchParams);
  const { data, error, refetch, fetchMore } = useQuery(AuditLogQuery, { variables: { filter: toAuditFilter(params) } });
  const code = queryErrorCode(error);
  const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';

  return (
    <>
      <title>Journal d'audit — Mutualis</title>
      <h1>Journal d'audit</h1>
      {refused ? (
        <div className="notice notice--warning" role="alert">
          <p>Le journal d'audit est réservé aux auditeurs et aux administrateurs de la plateforme.</p>
          {code === 'UNAUTHENTICATED' ? (
            <p>
              <Link to="/connexion?retour=%2Fjournal">Se connecter</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="lead">
            Chaque modification (déclarations, avis, chartes, adhésions, connexions), avec son auteur, son organisation et
            l'état avant et après. Le journal n'est jamais modifié.
          </p>
          {/* Remounted when the URL changes (back button, link), so the form shows the applied filters. */}
          <AuditFilters key={searchParams.toString()} params={params} onApply={(next) => setSearchParams(writeAuditParams(next))} />
          <QueryState data={data} error={error} refetch={refetch}>
            {({ auditEvents }) => (
              <>
                <p className="results__count" aria-live="polite">
                  {auditEvents.totalCount === 0
                    ? 'Aucun événement'
                    : `${formatInteger(auditEvents.totalCount)} ${auditEvents.totalCount > 1 ? 'événements' : 'événement'}`}
                </p>
                {auditEvents.edges.length > 0 ? (
                  <div className="table-scroll">
                    <table className="table audit-table">
                      <caption className="visually-hidden">Journal d'audit, du plus récent au plus ancien</caption>
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Acteur</th>
                          <th scope="col">Organisation</th>
                          <th scope="col">Action</th>
                          <th scope="col">Entité</th>
                          <th scope="col">Identifiant de requête</th>
                          <th scope="col">Avant / après</th>
                        </tr>
                      </thead>
                      <tbody>
                        {auditEvents.edges.map(({ node }) => (
                          <AuditEventRow key={node.id} event={node} />
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                <LoadMore pageInfo={auditEvents.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
