import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

describe.skipIf(!hasChromium)('browser journey: a member commune joins and commits to a purchasing group (Chromium)', () => {
  const journey = browserJourney();

  it('opens the group, sees the demand chart, joins and commits as Besançon, and sees its share change', async () => {
    const [group] = await journey.t.db.sql.query<{ title: string }>(
      `SELECT g.title FROM "PurchasingGroup" g JOIN "Tool" t ON t.id = g."toolId" WHERE t.slug = 'leakmited' AND g."isDemo" LIMIT 1`,
    );
    const page = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR' });

    await page.goto(`${journey.site.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill('dsi@besancon.test');
    await page.getByLabel('Mot de passe').fill('mutualis-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('DSI de la Ville de Besançon').first().waitFor();

    await page.goto(`${journey.site.url}/groupements`);
    await page.getByRole('link', { name: group!.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: group!.title }).waitFor();
    const chart = page.getByRole('figure', { name: 'Demande mutualisée et paliers de prix' });
    await chart.locator('svg').waitFor();
    const members = page.getByRole('table', { name: 'Membres et parts' });
    await members.waitFor();
    expect(await members.getByText('Besançon', { exact: true }).count()).toBe(0);
    const chartBefore = await chart.innerHTML();

    await page.getByRole('button', { name: 'Adhérer' }).click();
    await page.getByLabel('Volume estimé (habitants)').fill('118489');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('button', { name: 'M’engager' }).waitFor();
    await page.getByRole('button', { name: 'M’engager' }).click();
    await page.getByLabel('Volume ferme (habitants)').fill('118489');
    await page.getByRole('button', { name: 'Confirmer' }).click();

    const row = members.locator('tr', { hasText: 'Besançon' });
    await row.waitFor();
    // Oracle by hand (seeded demo group, BY_POPULATION, tiers 50,000 → 0.10 € and 150,000 → 0.08 €): committed
    // volumes Saône 3,195 + Miserey-Salines 2,661 + Les Auxons 2,533 + Avanne-Aveney 2,256 + Besançon 118,489
    // = 129,134 inhabitants ≥ 50,000 → 0.10 €; total 12,913.40 €; Besançon's share 12,913.40 × 118,489 / 129,134
    // = 11,848.90 € (populations equal the volumes, so no remainder).
    await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toContain('11 848,90 €');
    expect((await members.innerText()).replace(/\s+/g, ' ')).toContain('319,50 €'); // Saône: 3,195 × 0.10
    await expect.poll(() => chart.innerHTML()).not.toBe(chartBefore);
    await page.getByRole('button', { name: 'Me retirer' }).waitFor();

    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'groupement.png'), fullPage: true });
    const [membership] = await journey.t.db.sql.query<{ status: string; committedVolume: string }>(
      `SELECT m.status::text AS status, m."committedVolume"::text AS "committedVolume" FROM "GroupMembership" m
         JOIN "Organization" o ON o.id = m."organizationId" JOIN "PurchasingGroup" g ON g.id = m."groupId"
        WHERE o.siren = '212500565' AND g.title = $1`,
      [group!.title],
    );
    expect(membership).toEqual({ status: 'COMMITTED', committedVolume: '118489.00' });
  });
});
