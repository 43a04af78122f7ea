import type { ErrorLike } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { isErrorLike } from '@apollo/client/errors';
import { useState } from 'react';
import { describeError } from '../../components/QueryState';
import { graphql } from '../../gql';
import { conventionBlob, downloadBlob, membersCsvFile, showBlobIn } from './groupExports';

// Asked on demand, never cached: the exports follow the group's latest memberships.
export const GroupMembersCsvQuery = graphql(`
  query GroupMembersCsvQuery($id: ID!) {
    purchasingGroup(id: $id) {
      id
      membersCsv
    }
  }
`);

export const GroupConventionQuery = graphql(`
  query GroupConventionQuery($id: ID!) {
    purchasingGroup(id: $id) {
      id
      conventionHtml
    }
  }
`);

type Export = 'csv' | 'convention';

/** « Télécharger les membres (CSV) » and « Projet de convention (HTML) ». */
export function GroupExports({ groupId }: { groupId: string }) {
  const client = useApolloClient();
  const [pending, setPending] = useState<Export | null>(null);
  const [failure, setFailure] = useState<{ what: Export; error: ErrorLike }>();

  const fail = (what: Export, reason: unknown) => setFailure({ what, error: isErrorLike(reason) ? reason : new Error(String(reason)) });

  const downloadCsv = async () => {
    setPending('csv');
    setFailure(undefined);
    try {
      const { data } = await client.query({ query: GroupMembersCsvQuery, variables: { id: groupId }, fetchPolicy: 'no-cache' });
      if (!data?.purchasingGroup) throw new Error('Groupement introuvable.');
      const { blob, filename } = membersCsvFile(groupId, data.purchasingGroup.membersCsv);
      downloadBlob(blob, filename);
    } catch (reason) {
      fail('csv', reason);
    } finally {
      setPending(null);
    }
  };

  const openConvention = async () => {
    // Opened now, on the click, so that pop-up blockers let it through; filled once the draft arrives.
    const target = window.open('', '_blank');
    if (target) target.opener = null;
    setPending('convention');
    setFailure(undefined);
    try {
      const { data } = await client.query({ query: GroupConventionQuery, variables: { id: groupId }, fetchPolicy: 'no-cache' });
      if (!data?.purchasingGroup) throw new Error('Groupement introuvable.');
      const blob = conventionBlob(data.purchasingGroup.conventionHtml);
      if (target) showBlobIn(target, blob);
      else downloadBlob(blob, `groupement-${groupId.replace(/[^A-Za-z0-9_-]/g, '')}-convention.html`);
    } catch (reason) {
      target?.close();
      fail('convention', reason);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="group-exports" aria-labelledby="exports-du-groupement">
      <h2 id="exports-du-groupement">Documents</h2>
      <p className="group-actions__buttons">
        <button type="button" className="button button--secondary" disabled={pending !== null} onClick={() => void downloadCsv()}>
          {pending === 'csv' ? 'Préparation…' : 'Télécharger les membres (CSV)'}
        </button>
        <button type="button" className="button button--secondary" disabled={pending !== null} onClick={() => void openConvention()}>
          {pending === 'convention' ? 'Préparation…' : 'Projet de convention (HTML)'}
        </button>
      </p>
      <p className="muted">Le projet de convention s’ouvre dans une nouvelle fenêtre, pour l’imprimer ; il est à faire valider par vos services juridiques.</p>
      {failure ? (
        <div role="alert" className="form-alert">
          <p className="form-alert__title">
            {failure.what === 'csv' ? 'La liste des membres n’a pas pu être téléchargée.' : 'Le projet de convention n’a pas pu être ouvert.'}
          </p>
          <p>{describeError(failure.error).summary}</p>
          <button type="button" className="button button--small" onClick={() => void (failure.what === 'csv' ? downloadCsv() : openConvention())}>
            Réessayer
          </button>
        </div>
      ) : null}
    </section>
  );
}
