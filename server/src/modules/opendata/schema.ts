// The data dictionary of the open-data exports, public: the same definition the files follow (dictionary.ts).
import { builder } from '../../graphql/builder.ts';
import type { Dataset, DictionaryColumn } from './dictionary.ts';
import { openDataDictionary } from './service.ts';

type Dictionary = ReturnType<typeof openDataDictionary>;
type Downloads = Dictionary['datasets'][number]['downloads'];

const OpenDataLicence = builder.objectRef<Dictionary['licence']>('OpenDataLicence').implement({
  description: 'La licence des fichiers ouverts.',
  fields: (t) => ({
    name: t.exposeString('nom', { description: 'Nom de la licence (Licence Ouverte 2.0).' }),
    url: t.exposeString('url'),
    producer: t.exposeString('producteur', { description: 'Qui publie la licence (Etalab).' }),
  }),
});

const OpenDataColumn = builder.objectRef<DictionaryColumn>('OpenDataColumn').implement({
  description: 'Une colonne d’un jeu de données ouvert, dans l’ordre des fichiers (à la manière de schema.data.gouv.fr).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Nom de la colonne (snake_case, stable).' }),
    type: t.exposeString('type', { description: 'Type Table Schema : string, integer, number, boolean, date ou datetime.' }),
    description: t.exposeString('description'),
    example: t.exposeString('example', { description: 'Exemple de valeur (nombres avec un point décimal).' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Unité de la valeur, s’il y en a une.' }),
  }),
});

const OpenDataDownloads = builder.objectRef<Downloads>('OpenDataDownloads').implement({
  description: 'Adresses de téléchargement du jeu de données pour la France entière (relatives au site).',
  fields: (t) => ({
    csv: t.exposeString('csv', { description: 'CSV, convention française (« ; », virgule décimale, UTF-8 avec BOM).' }),
    csvStandard: t.exposeString('csvStandard', { description: 'CSV standard (« , », point décimal, UTF-8 sans BOM).' }),
    json: t.exposeString('json'),
  }),
});

const OpenDataDataset = builder.objectRef<Dataset & { downloads: Downloads }>('OpenDataDataset').implement({
  description: 'Un jeu de données ouvert de Mutualis et son dictionnaire.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Nom du jeu dans les adresses et les noms de fichiers (deploiements, chartes, statistiques).' }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    grain: t.exposeString('grain', { description: 'Ce que représente une ligne.' }),
    columns: t.field({ type: [OpenDataColumn], resolve: (d) => d.columns }),
    downloads: t.field({ type: OpenDataDownloads, resolve: (d) => d.downloads }),
  }),
});

const OpenDataDictionary = builder.objectRef<Dictionary>('OpenDataDictionary').implement({
  description: 'Le dictionnaire des données ouvertes : licence, source et colonnes de chaque jeu.',
  fields: (t) => ({
    licence: t.field({ type: OpenDataLicence, resolve: (d) => d.licence }),
    source: t.exposeString('source'),
    datasets: t.field({ type: [OpenDataDataset], resolve: (d) => d.datasets }),
  }),
});

builder.queryFields((t) => ({
  openDataDictionary: t.field({
    type: OpenDataDictionary,
    description: 'Le dictionnaire des jeux de données ouverts (public ; aussi en JSON à /donnees/dictionnaire.json).',
    resolve: () => openDataDictionary(),
  }),
}));
