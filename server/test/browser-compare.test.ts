import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

describe.skipIf(!hasChromium)('browser journey: compare EU-hosted chatbots for Grand Besançon Métropole (Chromium)', () => {
  const journey = browserJourney();

  it('searches "chatbot", keeps EU-hosted tools, compares three, sees totals and both charts, downloads the CSV', async () => {
    const page = await journey.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', acceptDownloads: true });

    await page.goto(`${journey.site.url}/catalogue`);
    await page.getByRole('searchbox', { name: 'Rechercher un outil' }).fill('chatbot');
    await page.getByLabel('Hébergé dans l’UE uniquement').check();
    await expect.poll(() => page.url()).toMatch(/chatbot/);
    const catalogue = page.getByLabel('Catalogue des outils');
    await expect.poll(() => catalogue.locator('article').count()).toBeGreaterThanOrEqual(3);
    // a shared link gives the same filtered list
    const shared = page.url();
    const sharedCount = await catalogue.locator('article').count();
    const names = (await catalogue.locator('article h2, article h3').allInnerTexts()).slice(0, 3).map((n) => n.trim());
    for (const name of names) await page.getByRole('checkbox', { name: `Comparer ${name}` }).check();
    await page.getByRole('link', { name: 'Comparer (3)' }).or(page.getByRole('button', { name: 'Comparer (3)' })).first().click();

    await page.getByLabel('SIREN de la collectivité').fill('242500361');
    await page.getByLabel(/Utilisateurs/).fill('50');
    await page.getByLabel(/Requêtes par mois/).fill('20000');
    await page.getByLabel(/Durée/).fill('3');
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();

    const table = page.getByRole('table', { name: 'Comparaison des outils' });
    await table.waitFor();
    const text = await table.innerText();
    for (const name of names) expect(text).toContain(name);
    expect(text).toMatch(/€/);
    expect(text).toMatch(/Meilleur/);
    await page.getByRole('figure', { name: 'Graphique du coût cumulé' }).locator('svg').waitFor();
    await page.getByRole('figure', { name: 'Graphique de l’empreinte annuelle' }).locator('svg').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(4);
    for (const name of names) expect(csv).toContain(name);

    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'comparaison.png'), fullPage: true });

    const again = await journey.newPage();
    await again.goto(shared);
    await expect.poll(() => again.getByLabel('Catalogue des outils').locator('article').count()).toBe(sharedCount);
  });
});
