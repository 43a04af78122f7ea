import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OpenDataPageQuery } from '../src/screens/opendata/OpenDataPage';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, type Fixture } from './helpers';

failOnConsoleErrors();

type Dictionary = Fixture<typeof OpenDataPageQuery>['openDataDictionary'];
type Dataset = Dictionary['datasets'][number];

const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

function column(name: string, type: string, description: string, example: string, unit: string | null = null): Dataset['columns'][number] {
  return { __typename: 'OpenDataColumn', name, type, description, example, unit };
}

function dataset(key: string, title: string, columns: Dataset['columns']): Dataset {
  return {
    __typename: 'OpenDataDataset',
    key,
    title,
    description: `Description de ${title}.`,
    grain: `une ligne de ${key}`,
    columns,
    downloads: { __typename: 'OpenDataDownloads', csv: `/donnees/${key}.csv`, csvStandard: `/donnees/${key}.csv?format=standard`, json: `/donnees/${key}.json` },
  };
}

const dictionary: Dictionary = {
  __typename: 'OpenDataDictionary',
  licence: { __typename: 'OpenDataLicence', name: 'Licence Ouverte 2.0', url: LICENCE_URL, producer: 'Etalab' },
  source: 'Mutualis : déclarations des collectivités territoriales.',
  datasets: [
    dataset('deploiements', 'Déploiements d’outils d’IA', [
      column('siren_collectivite', 'string', 'SIREN de la collectivité.', '212500565'),
      column('cout_annuel_ht', 'number', 'Coût annuel public, vide sinon.', '1234.50', 'euros HT par an'),
      column('donnees_demo', 'boolean', 'Données de démonstration.', 'false'),
    ]),
    dataset('chartes', 'Chartes éthiques de l’IA des collectivités', [column('statut_charte', 'string', 'NONE, PLANNED ou ADOPTED.', 'ADOPTED')]),
    dataset('statistiques', 'Statistiques d’adoption de l’IA', [column('taux_adoptantes', 'number', 'Part des collectivités adoptantes.', '0.0543', 'proportion (0 à 1)')]),
  ],
};

describe('Données ouvertes: the data dictionary page', () => {
  it('lists each dataset with its columns in a table, the licence and the three downloads', async () => {
    renderApp('/donnees', [answer(OpenDataPageQuery, {}, { openDataDictionary: dictionary })]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeTruthy();
    const licence = await screen.findByRole('link', { name: 'Licence Ouverte 2.0' });
    expect(licence.getAttribute('href')).toBe(LICENCE_URL);
    expect(screen.getByText(/Mutualis : déclarations des collectivités territoriales/)).toBeTruthy();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Formats', 'Déploiements d’outils d’IA', 'Chartes éthiques de l’IA des collectivités', 'Statistiques d’adoption de l’IA']);

    const deployments = screen.getByRole('region', { name: 'Déploiements d’outils d’IA' });
    const table = within(deployments).getByRole('table', { name: 'Colonnes du jeu « Déploiements d’outils d’IA », dans l’ordre des fichiers' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Colonne', 'Type', 'Description', 'Exemple', 'Unité']);
    expect(rows.slice(1).map((row) => [...row.querySelectorAll('th, td')].map((c) => normalizeSpaces(c.textContent)))).toEqual([
      ['siren_collectivite', 'Texte', 'SIREN de la collectivité.', '212500565', '—'],
      ['cout_annuel_ht', 'Décimal', 'Coût annuel public, vide sinon.', '1234.50', 'euros HT par an'],
      ['donnees_demo', 'Booléen (true / false)', 'Données de démonstration.', 'false', '—'],
    ]);
    expect(within(rows[2]!).getByRole('rowheader').textContent).toBe('cout_annuel_ht');

    const downloads = within(deployments).getByRole('list', { name: 'Télécharger « Déploiements d’outils d’IA »' });
    expect(
      within(downloads)
        .getAllByRole('link')
        .map((a) => [normalizeSpaces(a.textContent), a.getAttribute('href')]),
    ).toEqual([
      ['CSV, convention française : Déploiements d’outils d’IA', '/donnees/deploiements.csv'],
      ['CSV standard : Déploiements d’outils d’IA', '/donnees/deploiements.csv?format=standard'],
      ['JSON : Déploiements d’outils d’IA', '/donnees/deploiements.json'],
    ]);

    const statistics = screen.getByRole('region', { name: 'Statistiques d’adoption de l’IA' });
    expect(within(statistics).getAllByRole('row').slice(1).map((row) => normalizeSpaces(row.textContent))).toEqual([
      'taux_adoptantesDécimalPart des collectivités adoptantes.0.0543proportion (0 à 1)',
    ]);
    expect(screen.getByRole('link', { name: 'dictionnaire.json' }).getAttribute('href')).toBe('/donnees/dictionnaire.json');
  });

  it('is in the main navigation', async () => {
    renderApp('/donnees', [answer(OpenDataPageQuery, {}, { openDataDictionary: dictionary })]);
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const link = within(nav).getByRole('link', { name: 'Données ouvertes' });
    expect(link.getAttribute('href')).toBe('/donnees');
    await screen.findByRole('link', { name: 'Licence Ouverte 2.0' });
  });
});
