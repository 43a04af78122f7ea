import fs from 'node:fs';
import { createRequire } from 'node:module';
import type http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { repoRoot } from '../src/config.ts';
import { createHttpServer } from '../src/http.ts';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Backend, type TestApp } from './helpers.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);
export const screenshotsDir = path.join(repoRoot, 'test-results');

if (!hasChromium) {
  const message = `Chromium introuvable (${chromiumPath}) : les parcours navigateur sont ignorés. Installez-le : apt-get install -y chromium.`;
  // In CI the journeys are required: fail loudly instead of skipping.
  if (process.env.CI) throw new Error(message);
  console.warn(`\n⚠ ${message}\n`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Serves the test app (API and built web app) on a free loopback port. */
export async function serve(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` (turbo runs it before the server tests).');
  }
  // with the database: the open-data files under /donnees/ read it (503 without it)
  const server: http.Server = createHttpServer(t.app, { db: t.db });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Journey {
  t: TestApp;
  site: Awaited<ReturnType<typeof serve>>;
  browser: Browser;
  /** A new page whose uncaught exceptions and console errors fail the journey. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers, for a journey's describe block, a fresh copy of the seeded database (PGlite unless told) served on a
 * port and a browser.
 */
export function browserJourney(backend: Backend = 'pglite'): Journey {
  const journey = {} as Journey;
  let problems: string[] = [];
  journey.newPage = async (options) => {
    const page = await journey.browser.newPage(options);
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    return page;
  };
  afterEach(() => {
    const seen = problems;
    problems = [];
    expect(seen, 'erreurs JavaScript ou console pendant le parcours').toEqual([]);
  });
  beforeAll(async () => {
    journey.t = await createTestApp(backend);
    journey.site = await serve(journey.t);
    journey.browser = await launchBrowser();
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.site?.close();
    await journey.t?.close();
  });
  return journey;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in the page (a page opened with bypassCSP: it is injected as an inline script) and returns its serious and critical violations, readable in a failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}) : ${violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** Signs in through the sign-in page and waits until `shown` (the person's name, say) is on the page. */
export async function signIn(page: Page, base: string, email: string, shown: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText(shown).first().waitFor();
}
