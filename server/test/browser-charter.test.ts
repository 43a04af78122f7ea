import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, seriousViolations, signIn } from './browser.ts';

// Build and publish a charter, in Chromium: Besançon's ORG_ADMIN opens the builder from « Mon organisation », ticks two
// principles of the model, adds one of its own, sees them in the preview, publishes after the confirmation, sees the
// status « adoptée » and opens the printable charter, which holds the chosen principles and not the others.

describe.skipIf(!hasChromium)('browser journey: build and publish a charter (Chromium)', () => {
  const journey = browserJourney();

  it('builds a charter from the model (two principles and an own one), publishes it, sees « adoptée » and prints it', async () => {
    const base = journey.site.url;
    // axe-core is injected as an inline script, which the app's CSP refuses
    const page = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR', bypassCSP: true });
    await signIn(page, base, 'dsi@besancon.test', 'DSI de la Ville de Besançon');

    await page.goto(`${base}/mon-organisation`);
    await page.getByRole('link', { name: 'Bâtir la charte à partir du modèle partagé' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charte éthique de l’IA' }).waitFor();
    const form = page.getByRole('form', { name: 'Composer la charte' });
    await form.getByRole('checkbox', { name: 'Contrôle humain' }).check();
    await form.getByRole('checkbox', { name: 'Sobriété environnementale' }).check();
    await form.getByRole('button', { name: 'Ajouter un principe' }).click();
    await form.getByLabel('Titre du principe ajouté n° 1').fill('Associer les habitants');
    await form.getByLabel('Texte du principe ajouté n° 1').fill('Un comité d’habitants est consulté avant chaque nouvel usage de l’IA.');
    const preview = page.getByRole('region', { name: 'Aperçu' });
    await expect
      .poll(() => preview.getByRole('heading', { level: 4 }).allInnerTexts())
      .toEqual(['Préambule', '1. Contrôle humain', '2. Sobriété environnementale', '3. Associer les habitants', 'Références']);
    expect(await seriousViolations(page)).toEqual([]);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'charte-brouillon.png'), fullPage: true });

    await form.getByRole('button', { name: 'Publier la charte' }).click();
    const dialog = form.getByRole('alertdialog');
    expect(await dialog.innerText()).toContain('Le statut de la charte deviendra « adoptée »');
    await dialog.getByRole('button', { name: 'Confirmer la publication' }).click();
    await page.getByText('La charte est publiée : son statut est désormais « adoptée ».').waitFor();
    await page.getByText("Charte éthique de l'IA adoptée").first().waitFor();

    // « Mon organisation » shows the new status and links to the printable charter
    await page.goto(`${base}/mon-organisation`);
    await page.getByText("Charte éthique de l'IA adoptée").first().waitFor();
    await page.getByRole('link', { name: 'Consulter la charte imprimable' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charte éthique de l’intelligence artificielle — Besançon' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/territoires/212500565/charte');
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings).toEqual(expect.arrayContaining(['1. Contrôle humain', '2. Sobriété environnementale', '3. Associer les habitants']));
    expect(headings).not.toContain('Transparence envers les habitants');
    expect(await page.getByRole('button', { name: 'Imprimer' }).count()).toBe(1);
    await page.getByText(/Source : texte publié par Besançon sur Mutualis le/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotsDir, 'charte.png'), fullPage: true });
    await page.screenshot({ path: '/tmp/charter.png', fullPage: true });
    // as printed: the site's header and the buttons are gone
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/charter-print.png', fullPage: true });

    const [row] = await journey.t.db.sql.query<{ charterStatus: string; charterUrl: string }>(`SELECT "charterStatus", "charterUrl" FROM "Organization" WHERE siren = '212500565'`);
    expect(row).toEqual({ charterStatus: 'ADOPTED', charterUrl: '/territoires/212500565/charte' });
  });
});
