import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, seriousViolations, signIn } from './browser.ts';

// Training in Chromium: Besançon's ORG_ADMIN opens « Formations », reads the catalogue (demo entries badged, each with
// its source and date), filters it by public, declares the agents and elected officials trained in 2025, sees the
// declaration listed, then finds the figures on the Doubs statistics page. Screenshots: /tmp/training.png and
// test-results/formations.png, test-results/statistiques-formations.png.

describe.skipIf(!hasChromium)('browser journey: the training catalogue and a declaration seen in the statistics (Chromium)', () => {
  const journey = browserJourney();

  it('reads the catalogue, declares 37 agents and 4 élus for 2025, and sees them in the Doubs statistics', async () => {
    const base = journey.site.url;
    // axe-core is injected as an inline script, which the app's CSP refuses
    const page = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR', bypassCSP: true });
    await signIn(page, base, 'dsi@besancon.test', 'DSI de la Ville de Besançon');

    await page.getByRole('link', { name: 'Formations' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Formations à l’IA' }).waitFor();
    await page.getByText('6 formations, les entrées sourcées d’abord').waitFor();
    const elus = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /enjeux et décisions pour les élus/ }) });
    expect(await elus.getByText('démonstration', { exact: true }).count()).toBe(1);
    expect(await elus.getByText('350,00 € HT par personne').count()).toBe(1);
    expect(await elus.getByRole('link', { name: 'https://mutualis.example/demonstration/formations/demo-ia-enjeux-elus' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Public').selectOption({ label: 'Élus' });
    await page.getByText('2 formations, les entrées sourcées d’abord').waitFor();
    expect(page.url()).toContain('public=ELECTED_OFFICIALS');

    const form = page.getByRole('form', { name: 'Déclarer les personnes formées' });
    await form.getByLabel('Année').selectOption('2025');
    await form.getByLabel(/Agents formés/).fill('37');
    await form.getByLabel(/Élus formés/).fill('4');
    await form.getByRole('button', { name: 'Enregistrer la déclaration' }).click();
    await page.getByText('Déclaration enregistrée pour 2025 : 37 agents formés et 4 élus formés.').waitFor();
    const declarations = page.getByRole('table', { name: 'Déclarations de Besançon' });
    await declarations.getByRole('rowheader', { name: /2025/ }).waitFor();
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'formations.png'), fullPage: true });
    await page.screenshot({ path: '/tmp/training.png', fullPage: true });

    const [row] = await journey.t.db.sql.query<{ agentsTrained: number; electedTrained: number; isDemo: boolean }>(
      `SELECT d."agentsTrained", d."electedTrained", d."isDemo" FROM "TrainingDeclaration" d JOIN "Organization" o ON o.id = d."organizationId" WHERE o.siren = '212500565' AND d.year = 2025`,
    );
    expect(row).toEqual({ agentsTrained: 37, electedTrained: 4, isDemo: false });

    await page.goto(`${base}/statistiques?region=27&departement=25`);
    const section = page.getByRole('region', { name: 'Formation des agents et des élus' });
    await section.waitFor();
    const figure = (term: string) => section.locator('.stat-figure').filter({ has: page.getByText(term, { exact: true }) }).locator('.stat-figure__value').innerText();
    expect(await figure('Agents formés')).toBe('37');
    expect(await figure('Élus formés')).toBe('4');
    expect(await section.getByRole('table', { name: 'Formations déclarées par année' }).getByRole('row').nth(1).innerText()).toMatch(/^2025\s+1\s+37\s+4$/);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotsDir, 'statistiques-formations.png'), fullPage: true });
    await section.screenshot({ path: '/tmp/training-stats.png' });
  });
});
