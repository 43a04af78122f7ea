import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import './charter.css';

/** The day of a publication in Paris, as the charter's own adoption line says it (« 8 décembre 2026 »). */
const parisDay = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

export const CharterPrintPageQuery = graphql(`
  query CharterPrintPageQuery($siren: String!) {
    organization(siren: $siren) {
      id
      siren
      name
      charter {
        status
        adoptedAt
      }
      publishedCharter {
        publishedAt
        documentUrl
        blocks {
          kind
          text
        }
      }
    }
  }
`);

/** « /territoires/:siren/charte » : the charter a collectivité published from the model, as a clean printable document. */
export function CharterPrintPage() {
  const { siren = '' } = useParams();
  const { data, error, refetch } = useQuery(CharterPrintPageQuery, { variables: { siren } });
  return (
    <QueryState data={data} error={error} refetch={refetch}>
      {({ organization }) => {
        const charter = organization?.publishedCharter;
        if (!organization || !charter) {
          return (
            <NotFound what="Charte" backTo={organization ? `/territoires/${siren}` : '/territoires'} backLabel={organization ? `Retour à la fiche de ${organization.name}` : 'Retour à l’annuaire des collectivités'}>
              {organization
                ? `${organization.name} n’a pas publié de charte éthique bâtie sur le modèle de Mutualis.`
                : 'Aucune collectivité ne porte ce SIREN.'}
            </NotFound>
          );
        }
        const [title, ...rest] = charter.blocks;
        return (
          <>
            <title>{`Charte éthique de l’IA — ${organization.name} — Mutualis`}</title>
            <p className="charter-print__tools no-print">
              <button type="button" className="button" onClick={() => window.print()}>
                Imprimer
              </button>
              <Link to={`/territoires/${siren}`}>Fiche de {organization.name}</Link>
              {charter.documentUrl ? <Link to={charter.documentUrl}>Le document dans la bibliothèque</Link> : null}
            </p>
            <article className="charter-document charter-print" aria-labelledby="charte-imprimable">
              <h1 id="charte-imprimable" className="charter-document__title">
                {title?.kind === 'TITLE' ? title.text : `Charte éthique de l’intelligence artificielle — ${organization.name}`}
              </h1>
              {rest.map((block, i) =>
                block.kind === 'HEADING' ? <h2 key={i}>{block.text}</h2> : block.kind === 'TITLE' ? <h2 key={i}>{block.text}</h2> : <p key={i}>{block.text}</p>,
              )}
              <footer className="charter-print__source">
                Source : texte publié par {organization.name} sur Mutualis le{' '}
                <time dateTime={charter.publishedAt}>{parisDay.format(new Date(charter.publishedAt))}</time>
                {organization.charter.status === 'ADOPTED' && organization.charter.adoptedAt
                  ? ` ; charte déclarée adoptée le ${formatDate(organization.charter.adoptedAt)}.`
                  : '.'}
              </footer>
            </article>
          </>
        );
      }}
    </QueryState>
  );
}
