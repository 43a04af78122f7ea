import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, signIn } from './browser.ts';

// Nobody stays pending (issue 14), as people live it. Saône (SIREN 212505325, commune of the Doubs) has no ORG_ADMIN in
// the seed: the platform team decides for it, from its queue. The platform ADMIN of the seed is admin@mutualis.test
// (prisma/src/seed/demo-accounts.ts, demo password « mutualis-demo »).
const SAONE = '212505325';
const APPLICANT = { email: 'jeanne.martin@mairie-saone.fr', name: 'Jeanne Martin', password: 'un mot de passe assez long' };

describe.skipIf(!hasChromium)('browser journey: a person signs up for a commune without administrator and is approved by the platform team (Chromium)', () => {
  const journey = browserJourney();

  it('signs up for Saône, learns the Mutualis team decides, is approved from the queue, then reads the notification', async () => {
    const [saone] = await journey.t.db.sql.query<{ admins: number }>(
      `SELECT count(u.id)::int AS admins FROM "Organization" o LEFT JOIN "User" u ON u."organizationId" = o.id
         AND u."membershipStatus" = 'APPROVED' AND 'ORG_ADMIN' = ANY(u.roles) WHERE o.siren = $1 GROUP BY o.id`,
      [SAONE],
    );
    expect(saone).toEqual({ admins: 0 });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const options = { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };

    // 1. Jeanne signs up with a password, choosing Saône through the search
    const page = await journey.newPage(options);
    await page.goto(`${journey.site.url}/inscription`);
    await page.getByLabel('Adresse électronique').fill(APPLICANT.email);
    await page.getByLabel('Nom et prénom').fill(APPLICANT.name);
    await page.getByLabel('Mot de passe (12 caractères au moins)').fill(APPLICANT.password);
    await page.getByRole('combobox', { name: 'Cherchez votre collectivité' }).fill('Saône');
    await page.getByRole('option', { name: /^Saône — commune, Doubs \(25\)/ }).click();
    await page.getByText(`(SIREN ${SAONE})`).waitFor();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compte créé' }).waitFor();

    // 2. « Mon organisation » says who decides (never their addresses) and since when
    await page.goto(`${journey.site.url}/mon-organisation`);
    const waiting = page.getByRole('region', { name: 'Votre demande d’adhésion est en attente' });
    await waiting.waitFor();
    const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    expect(await waiting.innerText()).toContain(`Demande envoyée le ${today} pour rejoindre Saône. Qui décide : l’équipe Mutualis.`);
    expect(await waiting.getByRole('button', { name: 'Retirer ma demande' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Déclarer un déploiement' }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotsDir, 'adhesion-en-attente.png'), fullPage: true });
    await page.screenshot({ path: '/tmp/pending.png', fullPage: true });
    await page.close();

    // 3. The platform ADMIN, told by a notification, approves from /administration/adhesions
    const admin = await journey.newPage(options);
    await signIn(admin, journey.site.url, 'admin@mutualis.test', 'Administratrice de la plateforme', 'mutualis-demo');
    await admin.getByRole('link', { name: 'Adhésions en attente' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Adhésions en attente' }).waitFor();
    const item = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'Jeanne Martin — Saône (25)' }) });
    await item.waitFor();
    const hints = (await item.textContent()) ?? '';
    expect(hints).toContain(`Demande d’adhésion depuis le ${today}`);
    expect(hints).toContain('mairie-saone.fr');
    expect(hints).toContain('le domaine contient le nom de la collectivité');
    expect(hints).toContain('Non vérifiée par ProConnect');
    await admin.screenshot({ path: '/tmp/queue.png', fullPage: true });
    await admin.screenshot({ path: path.join(screenshotsDir, 'adhesions-en-attente.png'), fullPage: true });
    await item.getByLabel(/^Motif/).fill('Adresse de la mairie de Saône.');
    await item.getByRole('button', { name: 'Approuver' }).click();
    await admin.getByText('L’adhésion de Jeanne Martin (Saône) est acceptée.').waitFor();
    await expect.poll(() => admin.getByRole('heading', { name: 'Jeanne Martin — Saône (25)' }).count()).toBe(0);
    await admin.close();

    const [row] = await journey.t.db.sql.query<{ membershipStatus: string; membershipDecisionReason: string }>(
      `SELECT "membershipStatus"::text AS "membershipStatus", "membershipDecisionReason" FROM "User" WHERE email = $1`,
      [APPLICANT.email],
    );
    expect(row).toEqual({ membershipStatus: 'APPROVED', membershipDecisionReason: 'Adresse de la mairie de Saône.' });

    // 4. Jeanne, signed in again, is an approved member and reads the decision
    const back = await journey.newPage(options);
    await signIn(back, journey.site.url, APPLICANT.email, APPLICANT.name, APPLICANT.password);
    await back.goto(`${journey.site.url}/mon-organisation`);
    await back.getByRole('button', { name: 'Déclarer un déploiement' }).waitFor();
    expect(await back.getByRole('region', { name: 'Votre demande d’adhésion est en attente' }).count()).toBe(0);
    expect(await back.getByText('Connecté en tant que Jeanne Martin (Membre).').count()).toBe(1);
    await back.getByRole('link', { name: 'Notifications (1 non lue)' }).click();
    await back.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await back.getByText('1 notification non lue.').waitFor();
    const notice = back.getByRole('listitem').filter({ hasText: 'Adhésion approuvée : Saône' });
    expect(await notice.innerText()).toContain('Votre adhésion à Saône est approuvée : vous pouvez déclarer ses outils et publier des avis. Motif : Adresse de la mairie de Saône.');
    await back.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await back.getByText('Aucune notification non lue.').waitFor();
    await back.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });
});
