import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

describe.skipIf(!hasChromium)('browser journey: an agent declares a deployment and writes a verified review (Chromium)', () => {
  const journey = browserJourney();

  it('signs in as the agent, declares a deployment, publishes a review and sees the verified badge', async () => {
    // a catalogue tool that Besançon has not declared yet
    const [tool] = await journey.t.db.sql.query<{ name: string; slug: string }>(
      `SELECT name, slug FROM "Tool" t WHERE NOT EXISTS (SELECT 1 FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId"
         WHERE d."toolId" = t.id AND o.siren = '212500565') ORDER BY name LIMIT 1`,
    );
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });

    await page.goto(`${journey.site.url}/catalogue`);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse électronique').fill('agent@besancon.test');
    await page.getByLabel('Mot de passe').fill('mutualis-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Agent de la Ville de Besançon').first().waitFor();

    await page.goto(`${journey.site.url}/mon-organisation`);
    await page.getByRole('button', { name: 'Déclarer un déploiement' }).click();
    await page.getByLabel('Outil').selectOption({ label: tool!.name });
    await page.getByLabel('Statut').selectOption({ label: 'Production' });
    await page.getByLabel('Service', { exact: true }).fill('Accueil et relation usagers');
    await page.getByLabel('Coût annuel payé (€ HT)').fill('1234,50');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const row = page.locator('tbody tr', { hasText: tool!.name });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/1\s?234,50\s?€ HT/);

    await row.getByRole('link', { name: tool!.name }).click();
    await page.getByRole('heading', { level: 1, name: tool!.name }).waitFor();
    await page.getByLabel('Note globale').selectOption('4');
    await page.getByLabel('Titre').fill('Un outil utile à l’accueil');
    await page.getByRole('textbox', { name: 'Avis', exact: true }).fill('Nos agents l’utilisent chaque jour depuis janvier, avec un vrai gain de temps.');
    await page.getByRole('button', { name: /Publier l.avis/ }).click();
    const mine = page.getByRole('region', { name: 'Avis' }).getByRole('article').filter({ hasText: 'Un outil utile à l’accueil' });
    await mine.waitFor();
    await expect.poll(() => mine.getByText('Avis vérifié', { exact: true }).count()).toBe(1);
    await mine.scrollIntoViewIfNeeded();
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'avis-verifie.png') });

    // what the browser showed is what the database holds
    const [saved] = await journey.t.db.sql.query<{ annualCost: string; status: string }>(
      `SELECT d."annualCost"::text AS "annualCost", d.status::text AS status FROM "Deployment" d
         JOIN "Organization" o ON o.id = d."organizationId" JOIN "Tool" t ON t.id = d."toolId" WHERE o.siren = '212500565' AND t.slug = $1`,
      [tool!.slug],
    );
    expect(saved).toEqual({ annualCost: '1234.50', status: 'PRODUCTION' });
  });
});
