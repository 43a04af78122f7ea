import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildComparisonCsv, comparisonCsvFilename, csvCell } from '../src/screens/compare/comparisonCsv';
import { formatPerInhabitant } from '../src/screens/compare/compareFormat';
import {
  COMPARISON,
  comparePageMock,
  comparisonMock,
  organizationMock,
  PROFILE,
  SUCCESS,
} from './compareFixtures';
import { failOnConsoleErrors, normalizeSpaces, renderApp, viewerFixture } from './helpers';

failOnConsoleErrors();

const SLUGS = ['le-chat-pro', 'albert', 'yelda'];
const RESULT_URL = '/comparer?outils=le-chat-pro,albert,yelda&siren=242500361&sieges=50&requetes=20000&annees=3';

const location = () => decodeURIComponent(screen.getByTestId('location').textContent ?? '');

/** The cells of the table's row whose header is `label`, as text. */
function row(table: HTMLElement, label: string | RegExp): string[] {
  const header = within(table).getByRole('rowheader', { name: label });
  const cells = within(header.closest('tr') as HTMLElement).getAllByRole('cell');
  return cells.map((cell) => normalizeSpaces(cell.textContent));
}

/** The error tied to a control by aria-describedby. */
function describedError(control: HTMLElement): string | undefined {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains('field__error'))?.textContent ?? undefined;
}

describe('Comparison page: results', () => {
  it('renders the totals, the « Meilleur » badges, the unknown values with their reason, and both figures', async () => {
    renderApp(RESULT_URL, [comparePageMock(), organizationMock(), comparisonMock(SLUGS, PROFILE, SUCCESS)]);

    const table = await screen.findByRole('table', { name: 'Comparaison des outils' });
    expect(within(table).getAllByRole('columnheader').map((th) => normalizeSpaces(th.textContent))).toEqual([
      'Le Chat ProMistral AI (France)',
      'AlbertDINUM (France)',
      'YeldaYelda (France)',
    ]);
    expect(within(table).getByRole('link', { name: 'Albert' }).getAttribute('href')).toBe('/catalogue/albert');

    // Totals formatted from the exact decimal strings; an unknown cost is never zero.
    expect(row(table, 'Coût total sur 3 ans')).toEqual([
      '26 982,00 € HT',
      '0,00 € HTMeilleur',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
    ]);
    expect(row(table, 'Coût par an')).toEqual(['8 994,00 € HT', '0,00 € HT', 'inconnu — aucune offre tarifaire publiée ou déclarée']);
    expect(row(table, 'Coût par habitant et par an')[0]).toBe('0,05 € HT');
    expect(row(table, /^Offre retenue/)).toEqual([
      'Le Chat ProPar utilisateur et par mois · 14,99 € HTSource : tarif de Le Chat Pro · 6 février 2025',
      'Albert — accès gratuit pour les administrationsGratuitSource : tarif de Albert · 28 mai 2024',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
    ]);

    // Footprint: value, method, and the grid mention when derived from the electricity mix.
    expect(row(table, 'Émissions par an')).toEqual([
      '273,6 kg CO₂eméthode : analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025',
      '20,3 kg CO₂eméthode : estimation EcoLogits 0.8.2déduit du mix électrique (France)Meilleur',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
    ]);
    expect(row(table, 'Énergie par an')).toEqual([
      'inconnu — énergie par requête non publiée',
      '361,7 kWhméthode : estimation EcoLogits 0.8.2Meilleur',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
    ]);
    expect(row(table, 'Eau par an')).toEqual([
      '10 800 litresméthode : analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025Meilleur',
      'inconnu — eau par kWh du pays d’hébergement inconnue',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
    ]);
    expect(row(table, 'Note moyenne')).toEqual(['3,8 / 533 avis dont 33 vérifiés', '4,1 / 527 avis dont 27 vérifiés (100 % démonstration)Meilleur', 'inconnu — aucun avis publié']);
    expect(row(table, 'Adoption')).toEqual([
      '76 collectivités (expérimentation ou production)',
      '77 collectivités (expérimentation ou production) (dont 40 issues des données de démonstration)Meilleur',
      '12 collectivités (expérimentation ou production)',
    ]);
    expect(row(table, 'Hébergement')).toEqual(['Suède', 'France', 'inconnu — pays d’hébergement non renseigné']);
    expect(row(table, 'AI Act')[2]).toBe('inconnu — niveau de risque non évalué');
    expect(row(table, 'RGPD : accord de sous-traitance (DPA)')).toEqual(['Disponible', 'inconnu — non renseigné', 'Disponible']);
    expect(row(table, 'SecNumCloud')).toEqual(['Non qualifié', 'Non qualifié', 'Non qualifié']);
    // One badge per best tool and dimension (6 dimensions, no tie).
    expect(within(table).getAllByText('Meilleur')).toHaveLength(6);

    // The API's notes on the ranking, each said once.
    const notes = screen.getByRole('heading', { name: 'À savoir sur ce classement' }).nextElementSibling as HTMLElement;
    expect(within(notes).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Coût total : Coût inconnu pour yelda.',
      'Émissions de gaz à effet de serre, Énergie, Eau : Méthodes d’évaluation différentes : comparaison indicative.',
      'Note des collectivités : Note inconnu pour yelda.',
    ]);

    // The profile the API resolved.
    expect(normalizeSpaces(screen.getByText('Population').nextElementSibling?.textContent)).toBe(
      '198 387 habitants — population municipale, @etalab/decoupage-administratif 6.0.0',
    );

    const cost = screen.getByRole('figure', { name: 'Graphique du coût cumulé' });
    expect(within(cost).getByText('Coût cumulé sur 3 ans').tagName).toBe('FIGCAPTION');
    const costSvg = cost.querySelector('svg') as SVGSVGElement;
    // A line for each known cost, none for the unknown one.
    expect(costSvg.querySelectorAll('polyline')).toHaveLength(2);
    const ticks = [...costSvg.querySelectorAll('text.chart-tick')].map((text) => normalizeSpaces(text.textContent));
    expect(ticks).toEqual(['0 €', '10 000 €', '20 000 €', '30 000 €', 'Début', 'Année 1', 'Année 2', 'Année 3']);
    expect(within(cost).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Le Chat Pro : 26 982,00 € HT sur 3 ans',
      'Albert : 0,00 € HT sur 3 ans',
      'Yelda : coût inconnu — aucune offre tarifaire publiée ou déclarée (pas de courbe)',
    ]);

    const footprint = screen.getByRole('figure', { name: 'Graphique de l’empreinte annuelle' });
    expect(within(footprint).getByText('Empreinte annuelle').tagName).toBe('FIGCAPTION');
    const bars = [...footprint.querySelectorAll('svg > g rect')].map((rect) => normalizeSpaces(rect.textContent));
    expect(bars).toEqual([
      'Le Chat Pro : 273,6 kg CO₂e par an',
      'Albert : 20,3 kg CO₂e par an, déduit du mix électrique (France)',
      'Albert : 361,7 kWh par an',
    ]);
    expect(footprint.querySelectorAll('text.chart-unknown')).toHaveLength(3);
    expect(normalizeSpaces(footprint.textContent)).toContain('* Barre hachurée : valeur déduite du mix électrique du pays d’hébergement.');
    expect(within(footprint).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent)).slice(0, 3)).toEqual([
      'Le Chat Pro — énergie : inconnu — énergie par requête non publiée',
      'Yelda — émissions : inconnu — aucun chiffre d’impact publié pour cet outil',
      'Yelda — énergie : inconnu — aucun chiffre d’impact publié pour cet outil',
    ]);
  });

  it('downloads the CSV built from the data on screen, and prints', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:comparaison';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^comparaison-mutualis-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(this.href).toBe('blob:comparaison');
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);

    renderApp(RESULT_URL, [comparePageMock(), organizationMock(), comparisonMock(SLUGS, PROFILE, SUCCESS)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger le CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    // jsdom's Blob has no arrayBuffer(): read it as a browser would, through a FileReader.
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(created[0] as Blob);
    });
    // UTF-8 byte order mark, then the header.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(buildComparisonCsv(COMPARISON));

    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('Comparison page: the form', () => {
  it('pre-fills the viewer’s collectivité, adds a tool from the search, and writes the profile to the URL', async () => {
    const viewer = viewerFixture({ organization: { id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' } });
    renderApp(
      '/comparer?outils=le-chat-pro,albert',
      [
        comparePageMock({ siren: '242500361', name: 'Grand Besançon Métropole' }),
        organizationMock(),
        comparisonMock(SLUGS, { ...PROFILE, tokensPerRequest: 1500 }, SUCCESS),
      ],
      { viewer },
    );

    const siren = await screen.findByLabelText<HTMLInputElement>('SIREN de la collectivité');
    expect(siren.value).toBe('242500361');
    expect(normalizeSpaces((await screen.findByText('Grand Besançon Métropole', { selector: 'strong' })).parentElement?.textContent)).toBe(
      'Grand Besançon Métropole (EPCI · Métropole) — 198 387 habitants',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Durée (années)').value).toBe('3');
    // Nothing is compared before « Comparer ».
    expect(screen.queryByRole('table')).toBeNull();

    const picker = screen.getByRole('group', { name: 'Outils à comparer (2 à 4)' });
    fireEvent.change(within(picker).getByLabelText('Ajouter un outil'), { target: { value: 'yél' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Ajouter Yelda' }));
    expect(within(picker).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Le Chat Pro — Mistral AI Retirer Le Chat Pro',
      'Albert — DINUM Retirer Albert',
      'Yelda — Yelda Retirer Yelda',
    ]);

    fireEvent.change(screen.getByLabelText('Utilisateurs (sièges)'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Requêtes par mois'), { target: { value: '20 000' } });
    fireEvent.change(screen.getByLabelText('Jetons par requête (facultatif)'), { target: { value: '1500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comparer' }));

    expect(location()).toBe('/comparer?outils=le-chat-pro,albert,yelda&siren=242500361&sieges=50&requetes=20000&annees=3&jetons=1500');
    const table = await screen.findByRole('table', { name: 'Comparaison des outils' });
    expect(row(table, 'Coût total sur 3 ans')[0]).toBe('26 982,00 € HT');
    // The form starts again from the URL, with the values sent.
    expect(screen.getByLabelText<HTMLInputElement>('Requêtes par mois').value).toBe('20000');
  });

  it('checks the form in the browser: errors next to the fields, nothing sent', async () => {
    renderApp('/comparer?outils=albert', [comparePageMock()]);
    const siren = await screen.findByLabelText('SIREN de la collectivité');
    fireEvent.change(siren, { target: { value: '1234' } });
    fireEvent.change(screen.getByLabelText('Durée (années)'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Utilisateurs (sièges)'), { target: { value: 'cinquante' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comparer' }));

    expect(describedError(siren)).toBe('Le SIREN doit comporter 9 chiffres.');
    expect(describedError(screen.getByLabelText('Durée (années)'))).toBe('La durée doit être comprise entre 1 et 10 ans.');
    expect(describedError(screen.getByLabelText('Utilisateurs (sièges)'))).toBe(
      'Le nombre d’utilisateurs doit être un nombre entier positif ou nul.',
    );
    const picker = screen.getByRole('group', { name: 'Outils à comparer (2 à 4)' });
    expect(within(picker).getByText('Choisissez de 2 à 4 outils à comparer (1 choisi).').className).toBe('field__error');
    expect(screen.getByRole('alert').textContent).toBe('Le formulaire contient 4 erreurs : corrigez les champs signalés.');
    expect(location()).toBe('/comparer?outils=albert');
  });

  it('shows a NotFoundError of the API in French', async () => {
    renderApp('/comparer?outils=le-chat-pro,albert&siren=000000000&annees=3', [
      comparePageMock(),
      {
        ...organizationMock('000000000'),
        result: { data: { organization: null } },
      },
      comparisonMock(['le-chat-pro', 'albert'], { organizationSiren: '000000000', years: 3 }, {
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        message: 'Aucune collectivité ne porte ce SIREN.',
        fields: [],
      }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Aucune collectivité ne porte ce SIREN.');
    expect(screen.getByText('La comparaison n’a pas pu être calculée : voyez le message du formulaire ci-dessus.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the field errors of a ValidationError next to the profile fields', async () => {
    renderApp('/comparer?outils=le-chat-pro,albert&population=5000&annees=3', [
      comparePageMock(),
      comparisonMock(['le-chat-pro', 'albert'], { population: 5000, years: 3 }, {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Certains champs sont invalides : corrigez-les puis réessayez.',
        fields: [
          { __typename: 'FieldError', field: 'years', message: 'La durée doit être comprise entre 1 et 10 ans.' },
          { __typename: 'FieldError', field: 'population', message: 'La population doit être positive.' },
        ],
      }),
    ]);
    await waitFor(() => expect(describedError(screen.getByLabelText('Durée (années)'))).toBe('La durée doit être comprise entre 1 et 10 ans.'));
    expect(describedError(screen.getByLabelText('Population (habitants)'))).toBe('La population doit être positive.');
    expect(screen.getByRole('alert').textContent).toBe('Le formulaire contient 2 erreurs : corrigez les champs signalés.');
  });

  it('shows a failed request with « Réessayer », which runs the comparison again', async () => {
    renderApp(RESULT_URL, [
      comparePageMock(),
      organizationMock(),
      { ...comparisonMock(SLUGS, PROFILE, SUCCESS), result: undefined, error: new Error('Failed to fetch') },
      comparisonMock(SLUGS, PROFILE, SUCCESS),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le serveur est injoignable.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('table', { name: 'Comparaison des outils' })).toBeTruthy();
  });
});

describe('Comparison CSV', () => {
  const csv = buildComparisonCsv(COMPARISON);

  it('starts with a byte order mark and has a French header and one line per tool, separated by semicolons', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Outil;Fournisseur;Offre;Coût total sur 3 ans (€ HT);Coût par an (€ HT);Coût par habitant et par an (€ HT);' +
        'Énergie par an (kWh);Émissions par an (kg CO2e);Eau par an (litres);Méthode;Note moyenne (sur 5);Adoption (collectivités)',
    );
    expect(lines[1]?.split(';')).toEqual([
      'Le Chat Pro',
      'Mistral AI',
      'Le Chat Pro',
      '26982,00',
      '8994,00',
      '0,05',
      'inconnu — énergie par requête non publiée',
      '273,600',
      '10800,000',
      'analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025',
      '3,79',
      '76',
    ]);
    expect(lines[2]?.split(';')).toEqual([
      'Albert',
      'DINUM',
      'Albert — accès gratuit pour les administrations',
      '0,00',
      '0,00',
      '0,00',
      '361,728',
      '20,257',
      'inconnu — eau par kWh du pays d’hébergement inconnue',
      'estimation EcoLogits 0.8.2, en partie déduit du mix électrique (France)',
      '4,07',
      '77',
    ]);
    // Unknown values say so, with their reason: never 0.
    expect(lines[3]?.split(';')).toEqual([
      'Yelda',
      'Yelda',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
      'inconnu — aucune offre tarifaire publiée ou déclarée',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
      'inconnu — aucun chiffre d’impact publié pour cet outil',
      'inconnu — aucun avis publié',
      '12',
    ]);
  });

  it('quotes cells holding a separator, a quote or a line break, and disarms formulas', () => {
    expect(csvCell('Offre « Équipe » ; annuelle')).toBe('"Offre « Équipe » ; annuelle"');
    expect(csvCell('Le "Pro"')).toBe('"Le ""Pro"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-12,5')).toBe('-12,5');
    const first = COMPARISON.tools[0]!;
    const tricky = { ...COMPARISON, tools: [{ ...first, tool: { ...first.tool, name: 'Outil; "spécial"\nsur deux lignes' } }] };
    const lines = buildComparisonCsv(tricky).slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith('"Outil; ""spécial"" sur deux lignes";Mistral AI;')).toBe(true);
  });

  it('is named after the day', () => {
    expect(comparisonCsvFilename(new Date(2025, 10, 6, 23, 30))).toBe('comparaison-mutualis-2025-11-06.csv');
  });

  it('says « moins de 0,01 € » for a paying offer whose cost per inhabitant rounds to zero', () => {
    expect(formatPerInhabitant('0.00', '92.15')).toBe('moins de 0,01 € HT');
    expect(normalizeSpaces(formatPerInhabitant('0.00', '0.00'))).toBe('0,00 € HT');
    expect(normalizeSpaces(formatPerInhabitant('0.05', '26982.00'))).toBe('0,05 € HT');
  });
});
