import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

describe.skipIf(!hasChromium)('browser journey: the directory of collectivités (Chromium)', () => {
  const journey = browserJourney();

  it('searches "Besançon", opens Grand Besançon Métropole and sees its 67 communes', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${journey.site.url}/`);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Territoires' }).click();
    await page.getByRole('searchbox', { name: 'Rechercher une collectivité' }).fill('Besançon');
    await expect.poll(() => page.url()).toMatch(/q=Besan/);
    await page.getByRole('link', { name: 'Grand Besançon Métropole', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Grand Besançon Métropole' }).waitFor();
    const members = page.getByRole('region', { name: 'Communes membres' });
    await members.getByRole('heading', { name: 'Communes membres (67)' }).waitFor();
    await expect.poll(() => members.locator('tbody tr').count()).toBe(67);
    await expect.poll(() => members.getByText('Besançon', { exact: true }).count()).toBeGreaterThan(0);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, 'territoires-grand-besancon.png');
    await page.screenshot({ path: file, fullPage: false });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it('shows the catalogue with at least 20 tools', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${journey.site.url}/catalogue`);
    const catalogue = page.getByLabel('Catalogue des outils');
    await expect.poll(() => catalogue.locator('article').count()).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: path.join(screenshotsDir, 'catalogue.png') });
  });
});
