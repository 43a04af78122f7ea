import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';
import { backends } from './helpers.ts';

// The three tools of the API oracle (catalogue.test.ts, « compares three chatbots … worked out by hand »), picked by
// name in the catalogue, in this order: the comparison keeps the order in which they are ticked.
const TOOLS = [
  { slug: 'api-mistral', name: 'API Mistral AI (La Plateforme)', provider: 'Mistral AI (France)' },
  { slug: 'le-chat-pro', name: 'Le Chat Pro', provider: 'Mistral AI (France)' },
  { slug: 'albert', name: 'Albert', provider: 'DINUM (Direction interministérielle du numérique) (France)' },
] as const;

// How the page writes numbers (Intl fr-FR, in the browser): a narrow no-break space groups thousands, a no-break
// space stands before the euro sign, « HT » follows after an ordinary space.
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const ht = (amount: string) => `${amount}${NBSP}€ HT`;

// The figures, by hand, for Grand Besançon Métropole (SIREN 242500361, population municipale 198,387), 50 seats,
// 20,000 requests a month (240,000 a year), 3 years. Nothing here is computed by the server's code.
//
// Costs
//   API Mistral, plans per million tokens blended 3 input : 1 output, at 0.8532 € per $: Small 3.2 (0.10 $, 0.30 $)
//     → 0.15 $ → 0.12798 € per M tokens, the cheapest of its plans; 20,000 × 12 × 1,000 tokens = 240 M tokens a year:
//     240 × 0.12798 = 30.7152 € a year → 30.72 €; × 3 = 92.1456 → 92.15 €; cumulative 30.7152, 61.4304, 92.1456
//     → 30.72, 61.43, 92.15; per inhabitant 30.7152 / 198,387 = 0.000155 → 0.00, shown « moins de 0,01 € HT »
//     because the offer is not free.
//   Le Chat Pro: 50 seats × 14.99 € × 12 = 8,994.00 € a year; × 3 = 26,982.00 €; cumulative 8,994.00, 17,988.00,
//     26,982.00; per inhabitant 8,994 / 198,387 = 0.0453 → 0.05 €.
//   Albert: free for administrations: 0.00 € everywhere.
//   No setup fee for any of them (total = 3 × a year's cost). Best cost: Albert (0.00 < 92.15 < 26,982.00).
// Footprint a year (240,000 requests)
//   API Mistral: EcoLogits, Mistral Large 2, 19,907 Wh per M tokens × 400 tokens = 7.9628 Wh a request;
//     × 240,000 = 1,911.072 kWh (shown 1 911,1); Swedish grid 40.7 g/kWh: 1,911.072 × 40.7 / 1000 = 77.7806304
//     → 77.781 kg (shown 77,8); no water per kWh for SE → unknown.
//   Le Chat Pro: LCA by Carbone 4 / ADEME, 1.14 g and 45 mL a request, no energy: 240,000 × 1.14 g = 273.600 kg
//     (shown 273,6); 240,000 × 45 mL = 10,800 L (shown 10 800); energy unknown.
//   Albert: EcoLogits, Llama 3.1 8B, 3,768 Wh per M tokens × 400 = 1.5072 Wh; × 240,000 = 361.728 kWh (shown 361,7);
//     French grid 56 g/kWh: 361.728 × 56 / 1000 = 20.256768 → 20.257 kg (shown 20,3); water unknown.
//   Best: energy Albert (361.728 < 1,911.072, Le Chat Pro unknown), emissions Albert (20.257 < 77.781 < 273.600),
//     water Le Chat Pro (the only known one).
const ECOLOGITS = 'méthode : estimation EcoLogits 0.8.2';
const LCA = 'méthode : analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025 (méthode AFNOR « IA frugale », GHG Protocol, ISO 14040/44)';
const NO_WATER = 'inconnu — eau par kWh du pays d’hébergement inconnue';

/** Each cell as the user reads it (innerText: one line per block, no-break spaces kept), tools in column order. */
const EXPECTED_ROWS: Record<string, [string, string, string]> = {
  'Mise en service': [ht('0,00'), ht('0,00'), ht('0,00')],
  'Coût par an': [ht('30,72'), ht(`8${NNBSP}994,00`), ht('0,00')],
  'Coût total sur 3 ans': [ht('92,15'), ht(`26${NNBSP}982,00`), `${ht('0,00')}\nMeilleur`],
  'Coût par habitant et par an': ['moins de 0,01 € HT', ht('0,05'), ht('0,00')],
  'Énergie par an': [
    `1${NNBSP}911,1 kWh\n${ECOLOGITS}`,
    'inconnu — énergie par requête non publiée',
    `361,7 kWh\n${ECOLOGITS}\nMeilleur`,
  ],
  'Émissions par an': [
    `77,8 kg CO₂e\n${ECOLOGITS}\ndéduit du mix électrique (Suède)`,
    `273,6 kg CO₂e\n${LCA}`,
    `20,3 kg CO₂e\n${ECOLOGITS}\ndéduit du mix électrique (France)\nMeilleur`,
  ],
  'Eau par an': [NO_WATER, `10${NNBSP}800 litres\n${LCA}\nMeilleur`, NO_WATER],
};

// The CSV keeps the exact decimal strings of the API, with a decimal comma and no thousands separator.
const CSV_HEADER = [
  'Outil',
  'Fournisseur',
  'Offre',
  'Coût total sur 3 ans (€ HT)',
  'Coût par an (€ HT)',
  'Coût par habitant et par an (€ HT)',
  'Énergie par an (kWh)',
  'Émissions par an (kg CO2e)',
  'Eau par an (litres)',
  'Méthode',
  'Note moyenne (sur 5)',
  'Adoption (collectivités)',
];
/** The first ten columns of each tool's line (the rating and adoption columns come from demo data, not the oracle). */
const CSV_ROWS = [
  [
    'API Mistral AI (La Plateforme)', 'Mistral AI', 'Mistral Small 3.2 — prix mixte par million de jetons',
    '92,15', '30,72', '0,00', '1911,072', '77,781', NO_WATER, 'estimation EcoLogits 0.8.2, en partie déduit du mix électrique (Suède)',
  ],
  [
    'Le Chat Pro', 'Mistral AI', 'Le Chat Pro',
    '26982,00', '8994,00', '0,05', 'inconnu — énergie par requête non publiée', '273,600', '10800,000', LCA.replace('méthode : ', ''),
  ],
  [
    'Albert', 'DINUM (Direction interministérielle du numérique)', 'Albert — accès gratuit pour les administrations',
    '0,00', '0,00', '0,00', '361,728', '20,257', NO_WATER, 'estimation EcoLogits 0.8.2, en partie déduit du mix électrique (France)',
  ],
];

describe.skipIf(!hasChromium).each(backends)('browser journey on %s: compare EU-hosted chatbots for Grand Besançon Métropole (Chromium)', (backend) => {
  const journey = browserJourney(backend);

  it('searches "chatbot", keeps EU-hosted tools, compares the three of the oracle and sees their exact figures, charts and CSV', async () => {
    const page = await journey.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', acceptDownloads: true });

    await page.goto(`${journey.site.url}/catalogue`);
    await page.getByRole('searchbox', { name: 'Rechercher un outil' }).fill('chatbot');
    await page.getByLabel('Hébergé dans l’UE uniquement').check();
    await expect.poll(() => page.url()).toMatch(/chatbot/);
    const catalogue = page.getByLabel('Catalogue des outils');
    const cardNames = async () => (await catalogue.locator('article h2').allInnerTexts()).map((name) => name.trim());
    await expect.poll(cardNames).toEqual(expect.arrayContaining(TOOLS.map((tool) => tool.name)));
    // a shared link gives the same filtered list
    const shared = page.url();
    const sharedNames = await cardNames();
    for (const tool of TOOLS) await page.getByRole('checkbox', { name: `Comparer ${tool.name}`, exact: true }).check();
    await page.getByRole('link', { name: 'Comparer (3)' }).click();

    await page.getByLabel('SIREN de la collectivité').fill('242500361');
    await page.getByLabel(/Utilisateurs/).fill('50');
    await page.getByLabel(/Requêtes par mois/).fill('20000');
    await page.getByLabel(/Durée/).fill('3');
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();

    const table = page.getByRole('table', { name: 'Comparaison des outils' });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.get('outils')).toBe(TOOLS.map((tool) => tool.slug).join(','));
    // one column per tool, in the order ticked
    expect(await table.locator('thead th').allInnerTexts()).toEqual(TOOLS.map((tool) => `${tool.name}\n${tool.provider}`));
    // the table, cell by cell
    const rows = new Map<string, string[]>();
    for (const row of await table.locator('tbody tr').all()) {
      rows.set(await row.locator('th').innerText(), await row.locator('td').allInnerTexts());
    }
    for (const [label, cells] of Object.entries(EXPECTED_ROWS)) expect(rows.get(label), label).toEqual(cells);
    // the offer each cost is computed on, with its unit price (0.12798 € per M tokens, 14.99 € per seat and month)
    expect(rows.get('Offre retenue (la moins chère applicable)')!.map((cell) => cell.split('\n').slice(0, 2))).toEqual([
      ['Mistral Small 3.2 — prix mixte par million de jetons', `Par million de jetons · ${ht('0,12798')}`],
      ['Le Chat Pro', `Par utilisateur et par mois · ${ht('14,99')}`],
      ['Albert — accès gratuit pour les administrations', 'Gratuit'],
    ]);

    // the charts say the same figures: their text alternative, and one tooltip per point of the cumulative cost
    const costChart = page.getByRole('figure', { name: 'Graphique du coût cumulé' });
    expect(await costChart.locator('svg > title').textContent()).toBe(
      `Coût cumulé sur 3 ans, en euros HT. ${TOOLS[0].name} : ${ht('92,15')} ; Le Chat Pro : ${ht(`26${NNBSP}982,00`)} ; Albert : ${ht('0,00')}.`,
    );
    const cumulative: Record<string, string[]> = {
      [TOOLS[0].name]: ['0,00', '30,72', '61,43', '92,15'],
      'Le Chat Pro': ['0,00', `8${NNBSP}994,00`, `17${NNBSP}988,00`, `26${NNBSP}982,00`],
      Albert: ['0,00', '0,00', '0,00', '0,00'],
    };
    expect(await costChart.locator('svg g > title').allTextContents()).toEqual(
      Object.entries(cumulative).flatMap(([name, amounts]) =>
        amounts.map((amount, year) => `${name}, ${year === 0 ? 'mise en service' : `fin de l’année ${year}`} : ${ht(amount)}`),
      ),
    );
    const footprintChart = page.getByRole('figure', { name: 'Graphique de l’empreinte annuelle' });
    expect(await footprintChart.locator('svg > title').textContent()).toBe(
      `Empreinte annuelle par outil. ${TOOLS[0].name}, émissions : 77,8 kg CO₂e, ${TOOLS[0].name}, énergie : 1${NNBSP}911,1 kWh ; ` +
        'Le Chat Pro, émissions : 273,6 kg CO₂e, Le Chat Pro, énergie : inconnu ; Albert, émissions : 20,3 kg CO₂e, Albert, énergie : 361,7 kWh.',
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^comparaison-mutualis-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1, -2).split('\r\n').map((line) => line.split(';'));
    expect(lines[0]).toEqual(CSV_HEADER);
    expect(lines.slice(1).map((cells) => cells.slice(0, 10))).toEqual(CSV_ROWS);
    for (const cells of lines.slice(1)) expect(cells).toHaveLength(CSV_HEADER.length);

    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, `comparaison-${backend}.png`), fullPage: true });

    const again = await journey.newPage();
    await again.goto(shared);
    const againNames = async () => (await again.getByLabel('Catalogue des outils').locator('article h2').allInnerTexts()).map((n) => n.trim());
    await expect.poll(againNames).toEqual(sharedNames);
  });
});
