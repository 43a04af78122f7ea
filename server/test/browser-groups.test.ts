import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/password.ts';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

// How the page writes numbers (Intl fr-FR): a narrow no-break space groups thousands, a no-break space stands before €.
const NNBSP = '\u202f';
const eur = (amount: string) => `${amount}\u00a0€`;

// The seeded demo group (prisma/src/seed/demo-groups.ts): Leakmited for the member communes of Grand Besançon Métropole,
// allocated BY_POPULATION, list price 0.12 € per inhabitant and year, tiers 50,000 → 0.10 € and 150,000 → 0.08 €.
// Members: the 8 largest communes but Besançon, by population; every second one committed its population, the others
// estimated it:
//   interested Saint-Vit 5,133, Thise 2,994, École-Valentin 2,579, Franois 2,257;
//   committed Saône 3,195, Miserey-Salines 2,661, Les Auxons 2,533, Avanne-Aveney 2,256.
//
// Before Besançon joins: committed 3,195 + 2,661 + 2,533 + 2,256 = 10,645 < 50,000 → list price 0.12 €; total
//   10,645 × 0.12 = 1,277.40 €; each committed member pays 0.12 × its population (weights = volumes), which is what
//   it would pay alone: Saône 383.40, Miserey-Salines 319.32, Les Auxons 303.96, Avanne-Aveney 270.72; savings 0.00.
//   Estimated volumes of all 8: 10,645 + 5,133 + 2,994 + 2,579 + 2,257 = 23,608.
// After Besançon commits 118,489 (its population): committed 10,645 + 118,489 = 129,134 ≥ 50,000 (< 150,000) → 0.10 €;
//   total 129,134 × 0.10 = 12,913.40 €; shares 0.10 × population, no remainder: Saône 319.50, Miserey-Salines 266.10,
//   Les Auxons 253.30, Avanne-Aveney 225.60, Besançon 11,848.90 (sum 12,913.40). Alone, below 50,000 at 0.12 €:
//   383.40, 319.32, 303.96, 270.72; Besançon alone reaches 50,000: 11,848.90. Savings 63.90, 53.22, 50.66, 45.12, 0.00,
//   total 212.90; alone total 13,126.30. Estimated volumes 23,608 + 118,489 = 142,097 (still < 150,000 → 0.10 €);
//   missing for the next tier 150,000 − 129,134 = 20,866.
const HEADER = [
  [
    'Collectivité', 'Statut', 'Volume estimé (habitants)', 'Volume ferme (habitants)', 'Part (€ HT/an)',
    'Coût seul (€ HT/an)', 'Économie', 'Coût actuel (€ HT/an)', 'Économie sur le coût actuel',
  ],
];
const n = (digits: string) => digits.replace(' ', NNBSP);
const interested = (name: string, volume: string) => [name, 'Intéressé', n(volume), '—', '—', '—', '—', '—', '—'];
const committed = (name: string, volume: string, share: string, alone: string, savings: string) => [
  name, 'Engagé', n(volume), n(volume), eur(n(share)), eur(n(alone)), eur(savings), '—', '—',
];
const BEFORE = [
  interested('Saint-Vit', '5 133'),
  committed('Saône', '3 195', '383,40', '383,40', '0,00'),
  interested('Thise', '2 994'),
  committed('Miserey-Salines', '2 661', '319,32', '319,32', '0,00'),
  interested('École-Valentin', '2 579'),
  committed('Les Auxons', '2 533', '303,96', '303,96', '0,00'),
  interested('Franois', '2 257'),
  committed('Avanne-Aveney', '2 256', '270,72', '270,72', '0,00'),
  ['Total', '8 membres', n('23 608'), n('10 645'), eur(n('1 277,40')), eur(n('1 277,40')), eur('0,00'), '—', '—'],
];
const AFTER = [
  interested('Saint-Vit', '5 133'),
  committed('Saône', '3 195', '319,50', '383,40', '63,90'),
  interested('Thise', '2 994'),
  committed('Miserey-Salines', '2 661', '266,10', '319,32', '53,22'),
  interested('École-Valentin', '2 579'),
  committed('Les Auxons', '2 533', '253,30', '303,96', '50,66'),
  interested('Franois', '2 257'),
  committed('Avanne-Aveney', '2 256', '225,60', '270,72', '45,12'),
  committed('Besançon\nvotre collectivité', '118 489', '11 848,90', '11 848,90', '0,00'),
  ['Total', '9 membres', n('142 097'), n('129 134'), eur(n('12 913,40')), eur(n('13 126,30')), eur('212,90'), '—', '—'],
];
const perInhabitant = (price: string) => `${eur(price)} HT par habitant et par an`;
const PRICE_BEFORE = [
  ['Prix unitaire (volume engagé)', perInhabitant('0,12')],
  ['Total annuel du groupement', `${eur(n('1 277,40'))} HT`],
  // 23,608 < 50,000: still the list price
  [`Prix si tous les intéressés s’engagent (${n('23 608')} habitants)`, perInhabitant('0,12')],
  ['Économie des membres par rapport à un achat seul', `${eur('0,00')} HT`],
];
const PRICE_AFTER = [
  ['Prix unitaire (volume engagé)', perInhabitant('0,10')],
  ['Total annuel du groupement', `${eur(n('12 913,40'))} HT`],
  [`Prix si tous les intéressés s’engagent (${n('142 097')} habitants)`, perInhabitant('0,10')],
  ['Économie des membres par rapport à un achat seul', `${eur('212,90')} HT`],
];

const TIERS =
  `Prix unitaire annuel par palier : ${perInhabitant('0,12')} au prix catalogue ; dès ${n('50 000')} habitants, ${perInhabitant('0,10')} ; ` +
  `dès ${n('150 000')} habitants, ${perInhabitant('0,08')}.`;
/** The demand chart's caption: volumes, tiers, and what is missing for the next tier (50,000 − 10,645 = 39,355). */
const CAPTION_BEFORE = [
  `Volume engagé : ${n('10 645')} habitants ; volume projeté (engagés et intéressés) : ${n('23 608')} habitants. ${TIERS}`,
  `Volume manquant pour le palier suivant : ${n('39 355')} habitants (à partir de ${n('50 000')} habitants, ${perInhabitant('0,10')}).`,
];
const CAPTION_AFTER = [
  `Volume engagé : ${n('129 134')} habitants ; volume projeté (engagés et intéressés) : ${n('142 097')} habitants. ${TIERS}`,
  `Volume manquant pour le palier suivant : ${n('20 866')} habitants (à partir de ${n('150 000')} habitants, ${perInhabitant('0,08')}).`,
];

/** Every row of a table (head, body, foot), each cell as the user reads it (innerText, no-break spaces kept). */
async function tableCells(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tr').all()) rows.push(await row.locator('th, td').allInnerTexts());
  return rows;
}

/** The group's price facts (the list under the demand chart), as [term, definition] pairs. */
async function priceFacts(page: Page): Promise<string[][]> {
  const facts = page.locator('dl', { has: page.getByText('Total annuel du groupement', { exact: true }) });
  const pairs: string[][] = [];
  for (const fact of await facts.locator('> div').all()) pairs.push([await fact.locator('dt').innerText(), await fact.locator('dd').innerText()]);
  return pairs;
}

describe.skipIf(!hasChromium)('browser journey: a member commune joins and commits to a purchasing group, the coordinator invites (Chromium)', () => {
  const journey = browserJourney();

  it('opens the group, sees the demand chart, joins and commits as Besançon, and sees its share change', async () => {
    // the oracle takes Besançon's population to be the volume it commits
    const [besancon] = await journey.t.db.sql.query<{ population: number }>(`SELECT population FROM "Organization" WHERE siren = '212500565'`);
    expect(besancon!.population).toBe(118489);
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
    expect(await tableCells(members)).toEqual([...HEADER, ...BEFORE]);
    expect(await priceFacts(page)).toEqual(PRICE_BEFORE);
    expect(await chart.locator('figcaption p').allInnerTexts()).toEqual(CAPTION_BEFORE);
    const chartBefore = await chart.innerHTML();

    await page.getByRole('button', { name: 'Adhérer' }).click();
    await page.getByLabel('Volume estimé (habitants)').fill('118489');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('button', { name: 'M’engager' }).waitFor();
    await page.getByRole('button', { name: 'M’engager' }).click();
    await page.getByLabel('Volume ferme (habitants)').fill('118489');
    await page.getByRole('button', { name: 'Confirmer' }).click();

    await page.getByRole('button', { name: 'Me retirer' }).waitFor();
    // the whole table, cell by cell, once the commitment is saved
    await expect.poll(() => tableCells(members)).toEqual([...HEADER, ...AFTER]);
    expect(await priceFacts(page)).toEqual(PRICE_AFTER);
    expect(await chart.locator('figcaption p').allInnerTexts()).toEqual(CAPTION_AFTER);
    await expect.poll(() => chart.innerHTML()).not.toBe(chartBefore);

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

  it('the coordinator invites a commune found by search; the commune’s ORG_ADMIN accepts from its invitations', async () => {
    const sql = journey.t.db.sql;
    const [group] = await sql.query<{ id: number; title: string }>(
      `SELECT g.id, g.title FROM "PurchasingGroup" g JOIN "Tool" t ON t.id = g."toolId" WHERE t.slug = 'leakmited' AND g."isDemo" LIMIT 1`,
    );
    // the largest commune of Grand Besançon that is not a member yet, given an ORG_ADMIN
    const [commune] = await sql.query<{ id: number; name: string; siren: string }>(
      `SELECT c.id, c.name, c.siren FROM "Organization" c JOIN "Organization" e ON e.id = c."epciId"
        WHERE e.siren = '242500361' AND c.id NOT IN (SELECT "organizationId" FROM "GroupMembership" WHERE "groupId" = $1)
        ORDER BY c.population DESC LIMIT 1`,
      [group!.id],
    );
    await sql.query(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
       VALUES ('dsi@invitee.test', 'DSI de la commune invitée', $1, $2, ARRAY['MEMBER', 'ORG_ADMIN']::"Role"[], 'APPROVED', now())`,
      [await hashPassword('mutualis-demo'), commune!.id],
    );
    const signIn = async (email: string) => {
      const page = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR' });
      await page.goto(`${journey.site.url}/connexion`);
      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill('mutualis-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      return page;
    };

    // the coordinator, at the group's old address: led to the readable one
    const coordinator = await signIn('dsi@grandbesancon.test');
    await coordinator.goto(`${journey.site.url}/groupements/${group!.id}`);
    await coordinator.getByRole('heading', { level: 1, name: group!.title }).waitFor();
    await coordinator.waitForURL((url) => /^\/groupements\/\d+-[a-z0-9-]+$/.test(url.pathname));
    expect(new URL(coordinator.url()).pathname).toMatch(new RegExp(`^/groupements/${group!.id}-detection-des-fuites`));
    const invitations = coordinator.locator('section', { has: coordinator.getByRole('heading', { name: 'Invitations', exact: true }) });
    await invitations.getByLabel('Collectivité à inviter', { exact: true }).fill(commune!.name);
    await invitations.getByText(new RegExp(`^${commune!.name}`)).last().click();
    await invitations.getByText('Collectivité choisie').waitFor();
    await invitations.getByLabel('Message (facultatif)').fill('Rejoignez le groupement avant la date limite.');
    await invitations.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await invitations.getByText(`${commune!.name} est invitée : ses administrateurs sont prévenus.`).waitFor();
    await expect.poll(() => invitations.getByRole('list', { name: 'Collectivités invitées' }).innerText()).toContain('En attente de réponse');
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await coordinator.screenshot({ path: path.join(screenshotsDir, 'groupement-coordonnateur.png'), fullPage: true });

    // the invited commune's ORG_ADMIN: notified, finds the invitation on the groups page, accepts it on the group's page
    const [note] = await sql.query<{ link: string }>(
      `SELECT n.link FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'dsi@invitee.test' AND n.kind = 'GROUP_INVITATION'`,
    );
    expect(note!.link).toBe(new URL(coordinator.url()).pathname);
    const invitee = await signIn('dsi@invitee.test');
    await invitee.goto(`${journey.site.url}/groupements`);
    await invitee.getByRole('heading', { name: 'Invitations reçues' }).waitFor();
    await invitee.getByRole('link', { name: group!.title }).first().click();
    await invitee.getByText('Rejoignez le groupement avant la date limite.').waitFor();
    await invitee.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await invitee.getByText('Invitation acceptée : votre collectivité adhère au groupement, intéressée.').waitFor();
    const row = invitee.getByRole('table', { name: 'Membres et parts' }).locator('tr', { hasText: commune!.name });
    await expect.poll(() => row.locator('td').first().innerText()).toBe('Intéressé');
    const [state] = await sql.query<{ invitation: string; membership: string }>(
      `SELECT i.status::text AS invitation, m.status::text AS membership FROM "GroupInvitation" i
         JOIN "GroupMembership" m ON m."groupId" = i."groupId" AND m."organizationId" = i."organizationId"
        WHERE i."groupId" = $1 AND i."organizationId" = $2`,
      [group!.id, commune!.id],
    );
    expect(state).toEqual({ invitation: 'ACCEPTED', membership: 'INTERESTED' });
  });
});
