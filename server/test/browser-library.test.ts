import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, signIn } from './browser.ts';

// The library in Chromium: Besançon's ORG_ADMIN deposits a tender clause (Markdown fixture) from /bibliotheque;
// Dijon's ORG_ADMIN, in another browser session, finds it by a word of its text in another inflection (« serveur »
// for « serveurs »), sees the word marked in the excerpt, downloads it (the very bytes of the fixture) and marks it
// reused; the page then lists Dijon Métropole under « Utilisé par ».

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'library', 'clause-environnementale.md');
const TITLE = 'Clause environnementale — parcours navigateur';

describe.skipIf(!hasChromium)('browser journey: a tender clause shared, found by its text and downloaded (Chromium)', () => {
  const journey = browserJourney();

  it('uploads as an ORG_ADMIN, then another collectivité finds it, downloads the same bytes and marks it reused', async () => {
    const base = journey.site.url;
    const author = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR' });
    await signIn(author, base, 'dsi@besancon.test', 'DSI de la Ville de Besançon');
    await author.goto(`${base}/bibliotheque`);
    await author.getByRole('button', { name: 'Déposer un document' }).click();
    const form = author.getByRole('form', { name: 'Déposer un document' });
    await expect.poll(() => form.getByText('10 Mo au plus').count()).toBe(1);
    await form.getByLabel('Titre').fill(TITLE);
    await form.getByLabel('Résumé').fill('Clause type sur la consommation électrique et le lieu d’hébergement.');
    await form.getByLabel('Type de document').selectOption({ label: 'Clause de marché' });
    await form.getByLabel('Licence').selectOption({ label: 'Licence Ouverte 2.0' });
    await form.getByLabel('Date du document').fill('2025-06-02');
    expect(await form.getByLabel('Fichier').getAttribute('accept')).toBe('.pdf,.odt,.docx,.md');
    await form.getByLabel('Fichier').setInputFiles(FIXTURE);
    await form.getByRole('button', { name: 'Déposer le document' }).click();
    await author.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await author.getByText('Votre document est publié dans la bibliothèque.').waitFor();
    expect(await author.getByRole('link', { name: 'Licence Ouverte / Open Licence version 2.0 (Etalab)' }).getAttribute('href')).toBe(
      'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    );

    // another person, another collectivité, another browser session
    const reader = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR', acceptDownloads: true });
    await signIn(reader, base, 'dsi@dijon.test', 'DSI de Dijon Métropole');
    await reader.goto(`${base}/bibliotheque`);
    await reader.getByLabel('Rechercher dans les documents').fill('serveur');
    await reader.getByRole('button', { name: 'Rechercher' }).click();
    const hit = reader.getByRole('listitem').filter({ has: reader.getByRole('link', { name: TITLE }) });
    await hit.waitFor();
    expect(await hit.locator('mark').allInnerTexts()).toContain('serveurs');
    expect(await hit.getByText('Clause de marché', { exact: true }).count()).toBe(1);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await reader.screenshot({ path: path.join(screenshotsDir, 'bibliotheque.png'), fullPage: true });

    await hit.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Télécharger clause-environnementale.md' }).click()]);
    expect(download.suggestedFilename()).toBe('clause-environnementale.md');
    expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(FIXTURE))).toBe(true);

    await reader.getByRole('button', { name: 'Nous l’avons réutilisé' }).click();
    await reader.getByText('Votre collectivité a indiqué avoir réutilisé ce document.').waitFor();
    const usedBy = reader.getByRole('region', { name: 'Utilisé par' });
    expect(await usedBy.getByRole('link').allInnerTexts()).toEqual(['Dijon Métropole']);
    await reader.screenshot({ path: path.join(screenshotsDir, 'bibliotheque-document.png'), fullPage: true });
    const [row] = await journey.t.db.sql.query<{ downloadCount: number; reuses: number }>(
      `SELECT d."downloadCount", (SELECT count(*)::int FROM "DocumentReuse" r WHERE r."documentId" = d.id) AS reuses FROM "Document" d WHERE d.title = $1`,
      [TITLE],
    );
    expect(row).toEqual({ downloadCount: 1, reuses: 1 });
  });
});
