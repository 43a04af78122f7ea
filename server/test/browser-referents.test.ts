import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir, seriousViolations, signIn } from './browser.ts';

// Referents in Chromium: an agent of Besançon, whose collectivité runs Albert in production, opens the tool page,
// becomes referent and sees themself listed; Dijon Métropole's ORG_ADMIN, in another session, writes to them through
// the platform and does not get their address; the referent answers from « Mes échanges »; the sender then sees the
// answer and the address. axe-core finds no serious violation on the two pages.

describe.skipIf(!hasChromium)('browser journey: become referent for a deployed tool, be contacted, answer (Chromium)', () => {
  const journey = browserJourney();

  it('a member becomes referent, another collectivité writes through the platform, the answer reveals the address', async () => {
    const base = journey.site.url;
    const sql = journey.t.db.sql;
    await sql.query(
      `INSERT INTO "Deployment" ("organizationId", "toolId", status, "updatedAt")
       SELECT o.id, t.id, 'PRODUCTION', now() FROM "Organization" o, "Tool" t WHERE o.siren = '212500565' AND t.slug = 'albert'
       ON CONFLICT ("organizationId", "toolId") DO UPDATE SET status = 'PRODUCTION'`,
    );

    const referent = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR', bypassCSP: true });
    await signIn(referent, base, 'agent@besancon.test', 'Agent de la Ville de Besançon');
    await referent.goto(`${base}/catalogue/albert`);
    const section = referent.getByRole('region', { name: 'Référents : des agents qui peuvent vous aider' });
    const form = section.getByRole('form', { name: 'Devenir référent pour cet outil' });
    await form.getByLabel('Ce sur quoi je peux aider').fill('Le déploiement à l’accueil et la formation des agents.');
    expect(await form.getByLabel('J’accepte d’être contacté par la plateforme (retirable à tout moment)').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Devenir référent pour cet outil' }).click();
    await section.getByText('Vous êtes référent pour cet outil.').waitFor();
    const me = section.getByRole('listitem').filter({ hasText: 'Agent de la Ville de Besançon' });
    await me.getByText('C’est vous.').waitFor();
    expect(await me.textContent()).toContain('Peut aider sur : Le déploiement à l’accueil et la formation des agents.');
    expect(await me.textContent()).toContain('même intercommunalité');
    expect(await section.getByRole('button', { name: 'Ne plus être référent' }).count()).toBe(1);

    // another collectivité, another session: writes through the platform
    const sender = await journey.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR', bypassCSP: true });
    await signIn(sender, base, 'dsi@dijon.test', 'DSI de Dijon Métropole');
    await sender.goto(`${base}/catalogue/albert`);
    const listed = sender.getByRole('region', { name: 'Référents : des agents qui peuvent vous aider' }).getByRole('listitem').filter({ hasText: 'Agent de la Ville de Besançon' });
    expect(await listed.textContent()).toContain('même région');
    expect(await listed.textContent()).toContain('déploiement : production');
    await listed.getByRole('button', { name: 'Contacter Agent de la Ville de Besançon' }).click();
    const contact = listed.getByRole('form', { name: 'Écrire à Agent de la Ville de Besançon' });
    await contact.getByText('son adresse ne vous est communiquée que s’il vous répond').waitFor();
    await contact.getByLabel('Votre message à Agent de la Ville de Besançon').fill('Bonjour, comment avez-vous présenté Albert à vos agents d’accueil ?');
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await sender.screenshot({ path: '/tmp/referents.png', fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 1000 } });
    expect(await seriousViolations(sender)).toEqual([]);
    await contact.getByRole('button', { name: 'Envoyer le message' }).click();
    await listed.getByText('Message envoyé à Agent de la Ville de Besançon.', { exact: false }).waitFor();
    await sender.goto(`${base}/mes-echanges`);
    const sent = sender.getByRole('region', { name: 'Messages envoyés à des référents' }).getByRole('listitem');
    await sent.getByText('en attente de réponse').waitFor();
    expect(await sent.innerText()).not.toContain('@');

    // the referent answers from « Mes échanges »
    await referent.goto(`${base}/mes-echanges`);
    const received = referent.getByRole('region', { name: 'Messages reçus en tant que référent' }).getByRole('listitem');
    await received.getByText('Bonjour, comment avez-vous présenté Albert à vos agents d’accueil ?').waitFor();
    expect(await seriousViolations(referent)).toEqual([]);
    await received.getByRole('button', { name: 'Répondre' }).click();
    await received.getByLabel('Votre réponse').fill('Par deux ateliers d’une heure ; écrivez-moi, je vous envoie le support.');
    await received.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await received.getByText('Votre réponse :').waitFor();

    // the sender now sees the answer and the address
    await sender.reload();
    const answered = sender.getByRole('region', { name: 'Messages envoyés à des référents' }).getByRole('listitem');
    await answered.getByText('Par deux ateliers d’une heure', { exact: false }).waitFor();
    expect(await answered.getByRole('link', { name: 'agent@besancon.test' }).getAttribute('href')).toBe('mailto:agent@besancon.test');
    await sender.screenshot({ path: path.join(screenshotsDir, 'referents-echanges.png'), fullPage: true });
  });
});
