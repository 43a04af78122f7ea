import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { createHttpServer } from '../src/http.ts';
import { chooseEncoding } from '../src/web-delivery.ts';
import { groupIdOf, matchWebRoute, WEB_ROUTES } from '../src/web-routes.ts';
import { hasChromium, launchBrowser } from './browser.ts';
import { backends, createTestApp, type TestApp } from './helpers.ts';

// The web as users get it: statuses, compression and caching of the built app, GraphiQL without a CDN, and the
// weight of the catalogue's first visit. Needs `npm run build -w web` first.

const dist = path.join(repoRoot, 'web', 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');

/** The JavaScript budget of the catalogue's first visit, gzip bytes. */
const CATALOGUE_BUDGET_BYTES = 300 * 1024;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET on node:http, so that the body arrives as sent (fetch would decompress it). */
function get(base: string, pathname: string, headers: http.OutgoingHttpHeaders = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const titleOf = (html: Buffer) => /<title>([^<]*)<\/title>/.exec(html.toString('utf8'))?.[1];

describe('web routes', () => {
  it('knows every route of web/src/App.tsx, and no other', () => {
    const app = fs.readFileSync(path.join(repoRoot, 'web', 'src', 'App.tsx'), 'utf8');
    const paths = [...app.matchAll(/path="([^"]+)"/g)].map((m) => m[1]!).filter((p) => p !== '*');
    expect(paths.length).toBeGreaterThan(20);
    // the index route (<Route index …>) is the home page
    expect(app).toMatch(/<Route index /);
    expect(WEB_ROUTES.map((route) => route.path).sort()).toEqual(['', ...paths].sort());
  });

  it('matches addresses as react-router does', () => {
    expect(matchWebRoute('/')?.route.path).toBe('');
    expect(matchWebRoute('/catalogue/')?.route.path).toBe('catalogue');
    expect(matchWebRoute('/Catalogue/albert')).toMatchObject({ route: { path: 'catalogue/:slug' }, params: { slug: 'albert' } });
    expect(matchWebRoute('/territoires/200046977/charte')?.route.path).toBe('territoires/:siren/charte');
    expect(matchWebRoute('/catalogue/albert/avis')).toBeNull();
    expect(matchWebRoute('/catalogue//albert')).toBeNull();
    expect(matchWebRoute('/inconnu')).toBeNull();
  });

  it('reads a group id from the readable form, a bare id or the API’s global id', () => {
    expect(groupIdOf('12-achat-groupe-chatbot')).toBe(12);
    expect(groupIdOf('12')).toBe(12);
    expect(groupIdOf(Buffer.from('PurchasingGroup:7').toString('base64'))).toBe(7);
    expect(groupIdOf(Buffer.from('Tool:7').toString('base64'))).toBeNull();
    expect(groupIdOf('chatbot-12')).toBeNull();
    expect(groupIdOf('0')).toBeNull();
    expect(groupIdOf('99999999999')).toBeNull();
  });

  it('chooses brotli, else gzip, after Accept-Encoding and its weights', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('bundle budget', () => {
  it(`keeps the catalogue's first visit under ${CATALOGUE_BUDGET_BYTES / 1024} kB of JavaScript (gzip)`, () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    const page = 'src/screens/catalogue/CataloguePage.tsx';
    expect(entry).toBe('index.html');
    expect(manifest[page], 'the catalogue page is its own chunk').toBeDefined();
    // the entry and the page's chunk, with everything they import statically (dynamic imports load later)
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key]!;
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit(entry!);
    visit(page);
    const sizes = [...files].filter((file) => file.endsWith('.js')).map((file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(`Catalogue, première visite : ${sizes.length} fichiers JavaScript, ${(total / 1024).toFixed(1)} kB gzip (budget ${CATALOGUE_BUDGET_BYTES / 1024} kB).`);
    expect(sizes.length).toBeGreaterThan(2);
    expect(total).toBeLessThan(CATALOGUE_BUDGET_BYTES);
  });
});

describe.each(backends)('the web app over HTTP (%s)', (backend) => {
  let t: TestApp;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    server = createHttpServer(t.app, { db: t.db });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  const expectPage = async (pathname: string, status: 200 | 404, headers: http.OutgoingHttpHeaders = {}) => {
    const res = await get(base, pathname, headers);
    expect(res.status, pathname).toBe(status);
    expect(res.headers['content-type'], pathname).toBe('text/html; charset=utf-8');
    expect(res.body.toString('utf8'), pathname).toContain('<div id="root"></div>');
    expect(titleOf(res.body), pathname).toBe(status === 200 ? 'Mutualis' : 'Page introuvable — Mutualis');
    return res;
  };

  it('answers 404, with the app’s page titled « introuvable », for an address that names no page', async () => {
    for (const pathname of ['/', '/catalogue', '/catalogue/', '/groupements', '/connexion', '/administration/adhesions']) await expectPage(pathname, 200);
    for (const pathname of ['/inconnu', '/catalogue/albert/avis', '/administration', '/mon-organisation/inconnu']) await expectPage(pathname, 404);
    expect((await get(base, '/assets/inconnu.js')).status).toBe(404);
  });

  it('answers 404 for a tool, an organization or a document that does not exist', async () => {
    const tool = await t.db.prisma.tool.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: 'asc' } });
    const organization = await t.db.prisma.organization.findFirstOrThrow({ where: { siren: { not: null } }, orderBy: { id: 'asc' } });
    await expectPage(`/catalogue/${tool.slug}`, 200);
    await expectPage('/catalogue/outil-qui-n-existe-pas', 404);
    await t.db.prisma.tool.update({ where: { id: tool.id }, data: { archivedAt: new Date() } });
    await expectPage(`/catalogue/${tool.slug}`, 404); // archived: out of the catalogue
    await t.db.prisma.tool.update({ where: { id: tool.id }, data: { archivedAt: null } });
    await expectPage(`/territoires/${organization.siren}`, 200);
    await expectPage(`/territoires/${organization.siren}/charte`, 200);
    await expectPage('/territoires/000000000', 404);
    await expectPage('/territoires/pas-un-siren', 404);
    const document = await t.db.prisma.document.create({
      data: { slug: 'charte-ethique-essai', title: 'Charte', summary: 'Essai', type: 'ETHICS_CHARTER', licence: 'CC_BY_4', organizationId: organization.id },
    });
    await expectPage(`/bibliotheque/${document.slug}`, 200);
    await expectPage('/bibliotheque/document-inconnu', 404);
  });

  it('answers 404 for a group that does not exist, or a DRAFT the visitor may not see', async () => {
    const group = await t.db.prisma.purchasingGroup.findFirstOrThrow({ where: { status: { not: 'DRAFT' } }, orderBy: { id: 'asc' } });
    await expectPage(`/groupements/${group.id}-un-titre-lisible`, 200);
    await expectPage(`/groupements/${group.id}`, 200);
    await expectPage(`/groupements/${Buffer.from(`PurchasingGroup:${group.id}`).toString('base64')}`, 200);
    await expectPage('/groupements/999999-inconnu', 404);
    await expectPage('/groupements/pas-un-identifiant', 404);
    const member = await t.db.prisma.user.findFirstOrThrow({
      where: { organizationId: group.coordinatorId, membershipStatus: 'APPROVED', passwordHash: { not: null }, roles: { hasSome: ['MEMBER', 'ORG_ADMIN'] } },
    });
    const outsider = await t.db.prisma.user.findFirstOrThrow({
      where: { organizationId: { not: group.coordinatorId }, membershipStatus: 'APPROVED', passwordHash: { not: null }, roles: { has: 'MEMBER' } },
    });
    const memberCookie = (await t.signIn(member.email)).cookie!;
    const outsiderCookie = (await t.signIn(outsider.email)).cookie!;
    await t.db.prisma.purchasingGroup.update({ where: { id: group.id }, data: { status: 'DRAFT' } });
    try {
      await expectPage(`/groupements/${group.id}-brouillon`, 404);
      await expectPage(`/groupements/${group.id}-brouillon`, 404, { cookie: outsiderCookie });
      await expectPage(`/groupements/${group.id}-brouillon`, 200, { cookie: memberCookie });
    } finally {
      await t.db.prisma.purchasingGroup.update({ where: { id: group.id }, data: { status: group.status } });
    }
  });

  it('compresses the app’s files after Accept-Encoding, caches hashed files for good and revalidates the page', async () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; isEntry?: boolean; css?: string[] }>;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    for (const file of [entry.file, ...(entry.css ?? [])]) {
      const original = fs.readFileSync(path.join(dist, file));
      const br = await get(base, `/${file}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.body.length).toBeLessThan(original.length / 2);
      expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);
      const gz = await get(base, `/${file}`, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);
      const plain = await get(base, `/${file}`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.equals(original)).toBe(true);
    }
    const index = fs.readFileSync(path.join(dist, 'index.html'));
    const page = await get(base, '/catalogue', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(page.body).equals(index)).toBe(true);
    // revalidation: the same content answers 304 without a body, whatever the encoding; a 404 has no tag
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^W\/"[\w-]{22}"$/);
    const again = await get(base, '/catalogue', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(base, '/catalogue', { 'if-none-match': 'W/"autre"' })).status).toBe(200);
    const missing = await get(base, '/inconnu', { 'accept-encoding': 'br' });
    expect(missing.headers.etag).toBeUndefined();
    expect((await get(base, '/inconnu', { 'if-none-match': etag })).status).toBe(404);
    expect(missing.status).toBe(404);
    expect(titleOf(zlib.brotliDecompressSync(missing.body))).toBe('Page introuvable — Mutualis');
  });

  it('serves GraphiQL from its own origin: the page names no other origin, and its files answer 200', async () => {
    const page = await get(base, '/graphql', { accept: 'text/html' });
    expect(page.status).toBe(200);
    const html = page.body.toString('utf8');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/unpkg|jsdelivr|cdn\./);
    for (const reference of references) {
      expect(reference, reference).toMatch(/^\/graphiql\/[\d.]+\//);
      const asset = await get(base, reference, { 'accept-encoding': 'gzip' });
      expect(asset.status, reference).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect((await get(base, references.find((r) => r.endsWith('graphiql.js'))!.replace('graphiql.js', 'inconnu.js'))).status).toBe(404);
  });

  it.runIf(hasChromium && backend === 'pglite')('runs GraphiQL in Chromium with no request to another origin and no CSP violation', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const foreign: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => !request.url().startsWith(base) && !/^(data|blob):/.test(request.url()) && foreign.push(request.url()));
      // GraphiQL introspects the schema through its fetcher (with the CSRF header of its options) as it starts
      const introspection = page.waitForResponse((r) => r.url() === `${base}/graphql` && r.request().method() === 'POST', { timeout: 20_000 });
      await page.goto(`${base}/graphql`);
      const answer = await introspection;
      expect(answer.status()).toBe(200);
      expect(await answer.text()).toContain('__schema');
      await page.locator('.graphiql-container').first().waitFor({ timeout: 20_000 });
      await page.locator('.monaco-editor').first().waitFor({ timeout: 20_000 });
      // the Monaco workers start once the editors are up
      await page.waitForTimeout(1500);
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
