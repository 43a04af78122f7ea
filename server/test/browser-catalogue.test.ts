import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserJourney, hasChromium, screenshotsDir } from './browser.ts';

// The catalogue as a visitor reads it in Chromium: sorted by price, every card states its « coût annuel estimé pour
// le profil de référence » (50 agents, 20,000 requests a month of 1,000 tokens, 50,000 inhabitants, setup over 3 years),
// in increasing order, the tools no plan prices last; the EU-hosting filter can take in the tools of unknown hosting.
//
// By hand, from the seeded plans (see browser-compare.test.ts for the same plans over 3 years):
//   Le Chat Pro: 50 seats × 14.99 € × 12 months = 8,994.00 € a year, no setup fee → « 8 994 € HT / an »
//   API Mistral AI: 240 M tokens a year × 0.12798 € = 30.7152 € → 30.72 € → « 30,72 € HT / an » (to the euro from 1,000 € on)
//   Albert: free → « 0,00 € HT / an »

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe.runIf(hasChromium)('catalogue journey in Chromium', () => {
  const journey = browserJourney();

  it('sorts by the reference yearly cost, shows it on every card, and includes unknown hosting on demand', async () => {
    // a tool whose hosting country nobody has provided, and without a plan (seeded tools all have both)
    const prisma = journey.t.db.prisma;
    const category = await prisma.category.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const provider = await prisma.provider.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await prisma.tool.create({
      data: { slug: 'outil-hebergement-inconnu', name: 'Outil à l’hébergement inconnu', description: 'Essai', categoryId: category.id,
        providerId: provider.id, deploymentMode: 'SAAS', hostingCountry: null, searchText: 'outil a l hebergement inconnu essai' },
    });
    const page = await journey.newPage();
    await page.goto(`${journey.site.url}/catalogue?tri=PRICE`);
    const grid = page.getByRole('region', { name: 'Catalogue des outils' });
    await grid.getByRole('article').first().waitFor();
    await page.getByText(/vaut pour un profil de référence/).waitFor();
    for (let more = page.getByRole('button', { name: 'Afficher plus' }); await more.isVisible(); ) await more.click();

    const cards = grid.getByRole('article');
    const count = await cards.count();
    const total = await journey.t.db.prisma.tool.count({ where: { archivedAt: null } });
    expect(count).toBe(total);
    const costs: (number | null)[] = [];
    for (let i = 0; i < count; i++) {
      const text = (await cards.nth(i).getByText(/^Coût annuel estimé pour le profil de référence/).textContent())!;
      const amount = /: ([\d\s\u202f\u00a0,]+)\s€ HT \/ an$/.exec(text)?.[1];
      if (amount) costs.push(Number(amount.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')));
      else {
        expect(text).toMatch(/non calculable \(aucune offre applicable\)$/);
        costs.push(null);
      }
    }
    const known = costs.filter((cost): cost is number => cost !== null);
    expect(known.length).toBeGreaterThan(5);
    // increasing, then the unknown ones
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(costs.slice(0, known.length)).toEqual(known);

    const card = (name: string) => grid.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
    const reference = (name: string) => card(name).locator('.price--reference strong');
    expect(await reference('Le Chat Pro').textContent()).toBe(`8${NNBSP}994${NBSP}€ HT / an`);
    expect(await reference('Le Chat Pro').getAttribute('title')).toMatch(new RegExp(`^8${NNBSP}994,00${NBSP}€ HT \\(valeur exacte\\) par an, offre « .+ »$`));
    expect(await reference('API Mistral AI (La Plateforme)').textContent()).toBe(`30,72${NBSP}€ HT / an`);
    expect(await reference('API Mistral AI (La Plateforme)').getAttribute('title')).toMatch(/^30,72\u00a0€ HT \(valeur exacte\)/);
    expect(await reference('Albert').textContent()).toBe(`0,00${NBSP}€ HT / an`);

    // EU hosting, then with the tools of unknown hosting: as many more as the database has EU-less, country-less tools
    const unknown = await prisma.tool.count({ where: { archivedAt: null, hostingCountry: null } });
    expect(unknown).toBeGreaterThan(1);
    expect(costs.at(-1)).toBeNull();
    expect(await card('Outil à l’hébergement inconnu').getByText('Hébergement').locator('xpath=following-sibling::dd[1]').textContent()).toBe('non renseigné');
    await page.getByRole('checkbox', { name: 'Hébergé dans l’UE uniquement' }).check();
    await page.waitForURL(/ue=1/);
    const countText = page.locator('.results__count');
    await expect.poll(() => countText.textContent()).toMatch(/^\d+ outils?$/);
    const euOnly = Number(/^(\d+)/.exec((await countText.textContent())!)![1]);
    await page.getByRole('checkbox', { name: 'Inclure les outils dont l’hébergement n’est pas renseigné' }).check();
    await page.waitForURL(/hebergement-inconnu=1/);
    await expect.poll(async () => Number(/^(\d+)/.exec((await countText.textContent()) ?? '')?.[1])).toBe(euOnly + unknown);
    await page.screenshot({ path: path.join(screenshotsDir, 'catalogue-prix.png'), fullPage: false });
  }, 90_000);
});
