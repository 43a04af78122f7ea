import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { QueryState } from '../../components/QueryState';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';

export const OpenDataPageQuery = graphql(`
  query OpenDataPageQuery {
    openDataDictionary {
      licence {
        name
        url
        producer
      }
      source
      datasets {
        key
        title
        description
        grain
        columns {
          name
          type
          description
          example
          unit
        }
        downloads {
          csv
          csvStandard
          json
        }
      }
    }
  }
`);

type Dataset = ResultOf<typeof OpenDataPageQuery>['openDataDictionary']['datasets'][number];

/** The Table Schema types of the dictionary, in French. */
const TYPE_LABELS: Record<string, string> = {
  string: 'Texte',
  integer: 'Entier',
  number: 'Décimal',
  boolean: 'Booléen (true / false)',
  date: 'Date (AAAA-MM-JJ)',
  datetime: 'Date et heure (ISO 8601, UTC)',
};

const COLUMNS = ['Colonne', 'Type', 'Description', 'Exemple', 'Unité'];

function DatasetSection({ dataset }: { dataset: Dataset }) {
  const headingId = `jeu-${dataset.key}`;
  return (
    <section aria-labelledby={headingId} className="opendata-dataset">
      <h2 id={headingId}>{dataset.title}</h2>
      <p>{dataset.description}</p>
      <p>
        Une ligne : {dataset.grain}. Nom du jeu dans les adresses : <code>{dataset.key}</code>.
      </p>
      <ul className="opendata-downloads" aria-label={`Télécharger « ${dataset.title} »`}>
        <li>
          <a href={dataset.downloads.csv} download>
            CSV, convention française<span className="visually-hidden"> : {dataset.title}</span>
          </a>
        </li>
        <li>
          <a href={dataset.downloads.csvStandard} download>
            CSV standard<span className="visually-hidden"> : {dataset.title}</span>
          </a>
        </li>
        <li>
          <a href={dataset.downloads.json} download>
            JSON<span className="visually-hidden"> : {dataset.title}</span>
          </a>
        </li>
      </ul>
      <Table caption={`Colonnes du jeu « ${dataset.title} », dans l’ordre des fichiers`} showCaption scroll columns={COLUMNS}>
        {dataset.columns.map((column) => (
          <tr key={column.name}>
            <th scope="row" data-label="Colonne">
              <code>{column.name}</code>
            </th>
            <td data-label="Type">{TYPE_LABELS[column.type] ?? column.type}</td>
            <td data-label="Description">{column.description}</td>
            <td data-label="Exemple">
              <code>{column.example}</code>
            </td>
            <td data-label="Unité">{column.unit ?? '—'}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** /donnees — the open-data files: licence, formats, the dictionary of each dataset and its downloads. */
export function OpenDataPage() {
  const { data, error, refetch } = useQuery(OpenDataPageQuery);
  return (
    <>
      <title>Données ouvertes — Mutualis</title>
      <h1>Données ouvertes</h1>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ openDataDictionary: dictionary }) => (
          <>
            <p className="lead">
              Les déploiements d’outils d’IA, les chartes éthiques et les statistiques d’adoption des collectivités, en
              fichiers réutilisables sous{' '}
              <a href={dictionary.licence.url} rel="license noopener noreferrer external">
                {dictionary.licence.name}
              </a>{' '}
              ({dictionary.licence.producer}).
            </p>
            <p>Source : {dictionary.source}</p>
            <h2>Formats</h2>
            <ul>
              <li>
                <strong>CSV, convention française</strong> : séparateur « ; », virgule décimale (<code>1234,50</code>),
                UTF-8 avec BOM, fins de ligne CRLF — ce qu’un tableur réglé en français ouvre directement.
              </li>
              <li>
                <strong>CSV standard</strong> (<code>?format=standard</code>) : séparateur « , », point décimal (
                <code>1234.50</code>), UTF-8 sans BOM, fins de ligne CRLF.
              </li>
              <li>
                <strong>JSON</strong> : la licence, la source, la date de génération, le périmètre et ce dictionnaire,
                puis les lignes.
              </li>
            </ul>
            <p>
              Les liens ci-dessous couvrent toute la France. Pour un territoire, ajoutez à l’adresse les paramètres des
              statistiques : <code>region</code>, <code>departement</code>, <code>epciSiren</code>, <code>epciType</code>,{' '}
              <code>organizationKind</code>, <code>populationBand</code> (par exemple{' '}
              <code>/donnees/deploiements.csv?departement=25</code>). Le dictionnaire est aussi publié en JSON :{' '}
              <a href="/donnees/dictionnaire.json">dictionnaire.json</a>.
            </p>
            {dictionary.datasets.map((dataset) => (
              <DatasetSection key={dataset.key} dataset={dataset} />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
