import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, seriousViolations } from './browser.ts';

describe.skipIf(!hasChromium)('browser journey: the statistics (Chromium)', () => {
  const journey = browserJourney();

  it('drills down from the map to Grand Besançon Métropole and a commune, exports, and passes axe', async () => {
    // A commune with demonstration deployments, member of an EPCI seated in its département (from the seeded data):
    // one of the Doubs if there is one.
    const candidates = await journey.t.db.prisma.organization.findMany({
      where: { kind: 'COMMUNE', siren: { not: null }, deployments: { some: { isDemo: true } }, epciId: { not: null } },
      include: { epci: true },
      orderBy: { name: 'asc' },
    });
    const sameSeat = candidates.filter((c) => c.departementCode && c.epci?.siren && c.epci.departementCode === c.departementCode);
    const commune = sameSeat.find((c) => c.departementCode === '25') ?? sameSeat[0];
    expect(commune, 'a commune with demo deployments in the seeded data').toBeTruthy();
    const epci = commune!.epci!;

    const page = await journey.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true, // axe-core is injected as an inline script, which the app's CSP refuses.
      bypassCSP: true,
    });
    await page.goto(`${journey.site.url}/`);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Statistiques' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : France' }).waitFor();
    const map = page.getByRole('group', { name: /Carte de France des départements/ });
    await map.waitFor();
    // The DROM are drawn too, as links with their figure.
    await expect.poll(() => map.getByRole('link', { name: /^La Réunion : .* d’adoption$/ }).count()).toBe(1);

    expect(await seriousViolations(page), 'axe-core : violations graves de la page Statistiques').toEqual([]);
    const screenshot = '/tmp/statistiques.png';
    await page.screenshot({ path: screenshot, fullPage: true });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    fs.copyFileSync(screenshot, path.join(screenshotsDir, 'statistiques.png'));
    expect(fs.statSync(screenshot).size).toBeGreaterThan(50_000);

    // Click the Doubs on the map: the URL keeps the path région › département.
    await map.getByRole('link', { name: /^Doubs : .* d’adoption$/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/statistiques\?region=27&departement=25$/);
    await page.getByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : Doubs' }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
    await breadcrumb.getByRole('link', { name: 'Bourgogne-Franche-Comté' }).waitFor();

    // The EPCIs of the Doubs, then Grand Besançon Métropole: 67 communes and the EPCI itself.
    const epcis = page.getByRole('table', { name: 'Intercommunalités du département' });
    await epcis.getByRole('link', { name: 'Grand Besançon Métropole', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/region=27&departement=25&epci=242500361$/);
    await page.getByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : Grand Besançon Métropole' }).waitFor();
    const organizations = page.locator('.stat-figure', { hasText: 'Collectivités du périmètre' });
    await expect.poll(() => organizations.locator('.stat-figure__value').textContent()).toBe('68');
    await page.getByRole('heading', { name: 'Communes membres de Grand Besançon Métropole (67)' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: /Communes membres de Grand Besançon Métropole/ }).locator('tbody tr').count()).toBe(67);

    // The export follows the scope.
    const csv = page.getByRole('link', { name: 'CSV (tableur français) : Statistiques par territoire' });
    const href = await csv.getAttribute('href');
    expect(href).toBe('/donnees/statistiques.csv?region=27&departement=25&epciSiren=242500361');
    const response = await page.request.get(`${journey.site.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // Back up to France by the breadcrumb, then the département, the EPCI of a commune that declares tools, the commune's page.
    await breadcrumb.getByRole('link', { name: 'France' }).click();
    await expect.poll(() => page.url()).toBe(`${journey.site.url}/statistiques`);
    await map.locator(`[data-code="${commune!.departementCode}"]`).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`departement=${commune!.departementCode}$`));
    await epcis.getByRole('link', { name: epci.name, exact: true }).click();
    const members = page.getByRole('table', { name: new RegExp(`Communes membres de ${epci.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await members.getByRole('link', { name: commune!.name, exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${journey.site.url}/territoires/${commune!.siren}`);
    await page.getByRole('heading', { level: 1, name: commune!.name }).waitFor();
    const tools = page.getByRole('region', { name: 'Outils d’IA déclarés' });
    await expect.poll(() => tools.locator('tbody tr').count()).toBeGreaterThan(0);

    expect(await seriousViolations(page), 'axe-core : violations graves de la page de la collectivité').toEqual([]);
  });
});
