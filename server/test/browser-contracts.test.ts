import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

// Texts are compared with every run of spaces (the no-break ones Intl puts in French numbers too) as one space.
// The DECP journey of issue 13 in Chromium: the platform ADMIN imports the fictional fixture from the administration
// screen, follows the import to its end, confirms the framework agreement of the Ville de Besançon as a purchase of
// Le Chat Pro; the tool page then shows the contract (buyer, amount, source) and the comparison the prices paid.

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'decp');
const OBJECT = "Accord-cadre de services d'intelligence artificielle générative pour les services municipaux";
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!hasChromium)('browser journey: public contracts (DECP) imported, confirmed, shown (Chromium)', () => {
  const journey = browserJourney();
  // startDecpImport reads the import directory on each call: the fixtures of the contracts module.
  beforeAll(() => {
    process.env.DECP_IMPORT_DIR = FIXTURES;
  });

  it('imports the fixture from the admin screen, confirms a contract, then the tool page and the comparison show it', async () => {
    const { url } = journey.site;
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${url}/connexion`);
    await page.getByLabel('Adresse électronique').fill('admin@mutualis.test');
    await page.getByLabel('Mot de passe').fill('mutualis-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const account = page.getByRole('navigation', { name: 'Compte' });
    await account.getByRole('link', { name: 'Marchés publics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marchés publics (DECP)' }).waitFor();

    // A path outside the import directory is refused, in French, next to the field.
    const source = page.getByLabel('Fichier DECP');
    await source.fill('../contracts.test.ts');
    await page.getByRole('button', { name: 'Lancer l’importation' }).click();
    await page.getByText(/Indiquez le nom d’un fichier \.json du dossier d’import/).first().waitFor();

    // The fixture: 9 records read, 4 kept, 3 linked, 5 rejected (the server's own counts, contracts.test.ts).
    await source.fill('decp-v2.json');
    await page.getByRole('button', { name: 'Lancer l’importation' }).click();
    const progress = page.getByRole('region', { name: /Progression de l’importation n° \d+/ });
    await progress.getByText('Terminée').waitFor({ timeout: 20_000 });
    const figure = async (term: string) => flat(await progress.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd').innerText());
    expect(await figure('Lus')).toBe('9');
    expect(await figure('Retenus (IA)')).toBe('4');
    expect(await figure('Reliés')).toBe('3');
    expect(await figure('Écartés (pas d’IA)')).toBe('5');
    await page.getByRole('list', { name: 'Importations, les plus récentes d’abord' }).getByText('fichier decp-v2.json').first().waitFor();

    // The curation queue: the four kept contracts, each with why; confirm the framework agreement as Le Chat Pro.
    const queue = page.getByRole('region', { name: 'Vérification des marchés' });
    await expect.poll(() => queue.locator('article').count()).toBe(4);
    const item = queue.getByRole('article', { name: OBJECT });
    expect(flat(await item.innerText())).toContain('« intelligences artificielles génératives » (indice fort, +3 points)');
    expect(flat(await item.innerText())).toContain('72200000-7 (division 72, +1 point)');
    await item.getByRole('button', { name: 'Confirmer' }).click();
    await item.getByLabel('Outil du catalogue acheté').selectOption('le-chat-pro');
    await item.getByRole('button', { name: 'Confirmer et publier' }).click();
    await queue.getByText('Marché 2024AC017 confirmé et rattaché à Le Chat Pro : il est publié.').waitFor();
    await expect.poll(() => queue.locator('article').count()).toBe(3);

    // The tool page: the contract with its buyer, its amount (a maximum: framework agreement) and its source.
    await page.goto(`${url}/catalogue/le-chat-pro`);
    const section = page.getByRole('region', { name: 'Marchés publics attribués', exact: true });
    const table = section.getByRole('table', { name: /Marchés publics attribués pour Le Chat Pro/ });
    await table.waitFor();
    const row = flat(await table.locator('tbody tr').first().innerText());
    expect(row).toContain('Besançon');
    expect(row).toContain('240 000,50 € HT');
    expect(row).toContain('montant maximum (accord-cadre)');
    expect(row).toContain('2024AC017');
    expect(row).toContain('DECP · fichier decp-v2.json · publié le 28 mai 2024');
    await table.getByRole('link', { name: 'Besançon' }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/contracts.png', fullPage: false });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    fs.copyFileSync('/tmp/contracts.png', path.join(screenshotsDir, 'contracts.png'));

    // The comparison: « Prix payés par d’autres collectivités », worked out by hand from the buyer's population.
    const [besancon] = await journey.t.db.sql.query<{ population: number }>(`SELECT population FROM "Organization" WHERE siren = '212500565'`);
    const perInhabitant = (Math.round((240000.5 / besancon!.population) * 100) / 100).toFixed(2).replace('.', ',');
    await page.goto(`${url}/comparer?outils=le-chat-pro,albert&siren=242500361&sieges=50&requetes=20000&annees=3`);
    const comparison = page.getByRole('table', { name: 'Comparaison des outils' });
    const line = comparison.getByRole('row', { name: /Prix payés par d’autres collectivités/ });
    await line.waitFor();
    const cells = line.getByRole('cell');
    expect(flat(await cells.nth(0).innerText())).toBe(`Médiane : ${perInhabitant} € HT par habitant 1 marché public Source : DECP, marchés confirmés`);
    expect(flat(await cells.nth(1).innerText())).toBe('inconnu — aucun marché public rattaché');
  });
});
