import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createHttpServer } from '../src/http.ts';
import { backends, openTestDatabase, sessionCookieOf, SIGN_IN, DEMO_PASSWORD, clientFor, type Client } from './helpers.ts';

// The library over the real HTTP server and GraphQL, on PGlite and PostgreSQL: uploads checked by their bytes (a
// renamed executable is refused and nothing is stored), French full-text search across inflections with highlighted
// excerpts, DOCX and ODT text, versions kept, downloads byte for byte and counted, the size limit.

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/library/${name}`, import.meta.url));
/** The first bytes of an ELF executable (x86-64), then zeros: what a binary renamed .pdf starts with. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
/** A Windows PE executable: "MZ", the DOS stub, zeros. */
const PE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(56), Buffer.from('This program cannot be run in DOS mode.')]);

const SEARCH = `query($q: String, $type: DocumentType, $tool: String, $first: Int, $after: String) {
  documents(query: $q, type: $type, toolSlug: $tool, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { rank excerpt { text highlighted } document { slug title isDemo licence { code name url } } } }
  }
}`;
const DOCUMENT = `query($slug: String!) { document(slug: $slug) {
  id slug title downloadCount reuseCount viewerCanAddVersion viewerCanEdit viewerHasReused viewerCanMarkReused
  organization { siren } tools { tool { slug } } categories { category { slug } }
  versions { number fileName mimeType byteSize sha256 downloadUrl }
  usedBy(first: 10) { totalCount edges { node { organization { siren } } } }
} }`;

describe.each(backends)('the document library (%s)', (backend) => {
  let base: string;
  let close: () => Promise<void>;
  let count: (table: string) => Promise<number>;
  const cookies: Record<string, string> = {};
  let gql: (who: string | null, query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;

  beforeAll(async () => {
    const db = await openTestDatabase(backend);
    const app = createApp({ nodeEnv: 'test' }, db);
    const server = createHttpServer(app, { db });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    };
    count = async (table) => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;
    const anonymous = clientFor(app);
    for (const email of ['dsi@besancon.test', 'agent@besancon.test', 'dsi@dijon.test']) {
      cookies[email] = sessionCookieOf(await anonymous.post({ query: SIGN_IN, variables: { email, password: DEMO_PASSWORD } }))!;
    }
    const clients: Record<string, Client> = Object.fromEntries(Object.entries(cookies).map(([email, cookie]) => [email, clientFor(app, cookie)]));
    gql = (who, query, variables) => (who ? clients[who]! : anonymous).gql(query, variables);
  });
  afterAll(() => close?.());

  async function upload(who: string | null, file: { name: string; bytes: Buffer; type?: string }, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${base}/bibliotheque/televersement`, {
      method: 'POST',
      headers: { 'x-mutualis-csrf': '1', ...(who ? { cookie: cookies[who]! } : {}), ...headers },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { data?: { slug: string; version: number }; errors?: { message: string; extensions: { code: string; fields?: { field: string }[] } }[] } };
  }
  const META = { title: 'Charte des mutualisations', summary: 'Charte éthique adoptée pour encadrer les usages.', type: 'ETHICS_CHARTER', licence: 'LICENCE_OUVERTE_2', documentDate: '2025-03-14' };
  const stored = async () => ({ documents: await count('Document'), versions: await count('DocumentVersion'), events: await count('AuditEvent') });

  it('refuses an executable renamed .pdf with a typed French error, and stores nothing', async () => {
    for (const bytes of [ELF, PE]) {
      const before = await stored();
      const { status, body } = await upload('dsi@besancon.test', { name: 'charte.pdf', bytes, type: 'application/pdf' }, META);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions.code).toBe('VALIDATION');
      expect(body.errors![0]!.extensions.fields).toEqual([{ field: 'file', message: expect.stringContaining('ni un PDF') }]);
      expect(body.errors![0]!.message).toMatch(/n’a pas été enregistré/);
      expect(await stored()).toEqual(before);
    }
  });

  it('refuses a file over 10 Mo (413) and an upload without session, CSRF header or membership, storing nothing', async () => {
    const before = await stored();
    // one byte over 10 Mo: read, then refused by the rule; far over: the body is not even read (413)
    const over = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 - 8, 0x20)]);
    expect(over.length).toBe(10 * 1024 * 1024 + 1);
    const justOver = await upload('dsi@besancon.test', { name: 'gros.pdf', bytes: over }, META);
    expect([justOver.status, justOver.body.errors![0]!.extensions.code]).toEqual([400, 'VALIDATION']);
    expect(justOver.body.errors![0]!.message).toBe('Le fichier dépasse 10 Mo : il n’a pas été enregistré.');
    const tooLarge = await upload('dsi@besancon.test', { name: 'gros.pdf', bytes: Buffer.concat([over, Buffer.alloc(1024 * 1024)]) }, META);
    expect([tooLarge.status, tooLarge.body.errors![0]!.extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(tooLarge.body.errors![0]!.message).toBe('Le fichier dépasse 10 Mo : il n’a pas été enregistré.');
    const anonymous = await upload(null, { name: 'charte.pdf', bytes: fixture('charte-mutualisations.pdf') }, META);
    expect([anonymous.status, anonymous.body.errors![0]!.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const noCsrf = await fetch(`${base}/bibliotheque/televersement`, { method: 'POST', headers: { cookie: cookies['dsi@besancon.test']! }, body: new FormData() });
    expect(noCsrf.status).toBe(403);
    const crossSite = await upload('dsi@besancon.test', { name: 'charte.pdf', bytes: fixture('charte-mutualisations.pdf') }, META, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  let pdfSlug: string;
  it('finds a PDF by another inflection of a word of its text, with the word highlighted in the excerpt', async () => {
    const { status, body } = await upload('dsi@besancon.test', { name: 'Charte « mutualisations ».PDF', bytes: fixture('charte-mutualisations.pdf') }, { ...META, toolSlugs: ['albert'] });
    expect(status).toBe(201);
    pdfSlug = body.data!.slug;
    expect(body.data).toEqual({ slug: 'charte-des-mutualisations', version: 1 });
    // the file says « mutualisations » (plural) and « encouragées »: the search says « mutualisation » and « encourager »
    const found = await gql(null, SEARCH, { q: 'mutualisation encourager' });
    expect(found.errors).toBeUndefined();
    const edges = found.data!.documents.edges as { node: { excerpt: { text: string; highlighted: boolean }[]; document: { slug: string } } }[];
    const hit = edges.find((e) => e.node.document.slug === pdfSlug)!;
    expect(hit, JSON.stringify(edges)).toBeDefined();
    expect(edges[0]!.node.document.slug).toBe(pdfSlug); // both words: first
    const marked = hit.node.excerpt.filter((p) => p.highlighted).map((p) => p.text);
    expect(marked).toContain('mutualisations');
    expect(marked).toContain('encouragées');
    expect(hit.node.excerpt.map((p) => p.text).join('')).toContain('Charte : les mutualisations entre collectivités sont encouragées');
    // a word in no document finds nothing; filters narrow
    expect((await gql(null, SEARCH, { q: 'photosynthèse' })).data!.documents.totalCount).toBe(0);
    expect((await gql(null, SEARCH, { q: 'mutualisation', type: 'DELIBERATION' })).data!.documents.edges.map((e: any) => e.node.document.slug)).not.toContain(pdfSlug);
    expect((await gql(null, SEARCH, { q: 'mutualisation', tool: 'albert' })).data!.documents.edges.map((e: any) => e.node.document.slug)).toEqual([pdfSlug]);
  });

  it('reads the text of DOCX and ODT files, and keeps every version', async () => {
    const docx = await upload('agent@besancon.test', { name: 'aipd.docx', bytes: fixture('aipd-transcription.docx') }, { ...META, title: 'AIPD transcription', type: 'IMPACT_ASSESSMENT', licence: 'CC_BY_4' });
    expect(docx.status).toBe(201);
    const transcription = await gql(null, SEARCH, { q: 'transcription automatique' });
    expect(transcription.data!.documents.edges.map((e: any) => e.node.document.slug)).toEqual([docx.body.data!.slug]);

    const odt = await upload('dsi@besancon.test', { name: 'deliberation.odt', bytes: fixture('deliberation-groupement.odt') }, { document: pdfSlug });
    expect([odt.status, odt.body.data]).toEqual([200, { slug: pdfSlug, version: 2 }]);
    // the current version's text is searched: the ODT's words now find the document, the PDF's no longer do
    const reversible = await gql(null, SEARCH, { q: 'réversibilité hébergement' });
    const hit = reversible.data!.documents.edges.find((e: any) => e.node.document.slug === pdfSlug);
    expect(hit.node.excerpt.filter((p: any) => p.highlighted).map((p: any) => p.text)).toEqual(['réversibilité', 'hébergées']);
    expect((await gql(null, SEARCH, { q: 'encourager' })).data!.documents.edges.map((e: any) => e.node.document.slug)).not.toContain(pdfSlug);

    const document = (await gql('dsi@besancon.test', DOCUMENT, { slug: pdfSlug })).data!.document;
    expect(document.versions.map((v: any) => [v.number, v.fileName, v.mimeType])).toEqual([
      [2, 'deliberation.odt', 'application/vnd.oasis.opendocument.text'],
      [1, 'Charte « mutualisations ».pdf', 'application/pdf'],
    ]);
    expect(document.tools).toEqual([{ tool: { slug: 'albert' } }]);
    expect(document.organization.siren).toBe('212500565');
    expect([document.viewerCanAddVersion, document.viewerCanEdit, document.viewerCanMarkReused]).toEqual([true, true, false]);
    // another collectivité may not add a version
    const refused = await upload('dsi@dijon.test', { name: 'x.md', bytes: Buffer.from('# Autre texte\n') }, { document: pdfSlug });
    expect([refused.status, refused.body.errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('downloads the exact bytes of each version, with its type, as an attachment, and counts the downloads', async () => {
    const pdf = fixture('charte-mutualisations.pdf');
    const first = await fetch(`${base}/bibliotheque/${pdfSlug}/telecharger?version=1`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="Charte _ mutualisations _.pdf"; filename*=UTF-8''Charte%20%C2%AB%20mutualisations%20%C2%BB.pdf`);
    expect(Buffer.from(await first.arrayBuffer()).equals(pdf)).toBe(true);
    const latest = await fetch(`${base}/bibliotheque/${pdfSlug}/telecharger`);
    expect(Buffer.from(await latest.arrayBuffer()).equals(fixture('deliberation-groupement.odt'))).toBe(true);
    const document = (await gql(null, DOCUMENT, { slug: pdfSlug })).data!.document;
    expect(document.downloadCount).toBe(2);
    expect(document.versions[1].sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(document.versions[1].byteSize).toBe(pdf.length);
    expect((await fetch(`${base}/bibliotheque/${pdfSlug}/telecharger?version=9`)).status).toBe(404);
    expect((await fetch(`${base}/bibliotheque/inconnu/telecharger`)).status).toBe(404);
    expect((await fetch(`${base}/bibliotheque/${pdfSlug}/telecharger?version=abc`)).status).toBe(400);
  });

  it('lets another collectivité mark the document reused once, listed in « utilisé par »', async () => {
    const { id } = (await gql(null, DOCUMENT, { slug: pdfSlug })).data!.document;
    const MARK = `mutation($id: ID!) { markDocumentReused(documentId: $id) { __typename ... on MutationMarkDocumentReusedSuccess { data { organization { siren } } } ... on Error { code message } } }`;
    const marked = await gql('dsi@dijon.test', MARK, { id });
    expect(marked.data!.markDocumentReused).toEqual({ __typename: 'MutationMarkDocumentReusedSuccess', data: { organization: { siren: '242100410' } } });
    const again = await gql('dsi@dijon.test', MARK, { id });
    expect(again.data!.markDocumentReused.code).toBe('CONFLICT');
    const own = await gql('agent@besancon.test', MARK, { id });
    expect(own.data!.markDocumentReused.code).toBe('VALIDATION');
    const document = (await gql('dsi@dijon.test', DOCUMENT, { slug: pdfSlug })).data!.document;
    expect([document.reuseCount, document.usedBy.totalCount, document.viewerHasReused]).toEqual([1, 1, true]);
    expect(document.usedBy.edges.map((e: any) => e.node.organization.siren)).toEqual(['242100410']);
  });

  it('lets the author organization’s ORG_ADMIN change the description and links, searched at once, and nobody else', async () => {
    const { id } = (await gql(null, DOCUMENT, { slug: pdfSlug })).data!.document;
    const UPDATE = `mutation($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, input: $input) {
      __typename ... on MutationUpdateDocumentSuccess { data { title type tools { tool { slug } } categories { category { slug } } } }
      ... on Error { code message fields { field message } } } }`;
    const input = { title: 'Délibération sur la photosynthèse', type: 'DELIBERATION', toolSlugs: [], categorySlugs: ['transcription-reunions'] };
    const refused = await gql('agent@besancon.test', UPDATE, { id, input });
    expect(refused.data!.updateDocument.code).toBe('FORBIDDEN');
    const unknownTool = await gql('dsi@besancon.test', UPDATE, { id, input: { toolSlugs: ['pas-un-outil'] } });
    expect(unknownTool.data!.updateDocument).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'toolSlugs', message: 'Outil inconnu du catalogue.' }] });
    const updated = await gql('dsi@besancon.test', UPDATE, { id, input });
    expect(updated.data!.updateDocument).toEqual({
      __typename: 'MutationUpdateDocumentSuccess',
      data: { title: 'Délibération sur la photosynthèse', type: 'DELIBERATION', tools: [], categories: [{ category: { slug: 'transcription-reunions' } }] },
    });
    // the new title is searched at once (« photosynthèse » found nothing before), the old one no longer
    expect((await gql(null, SEARCH, { q: 'photosynthèse' })).data!.documents.edges.map((e: any) => e.node.document.slug)).toEqual([pdfSlug]);
    expect((await gql(null, SEARCH, { q: 'mutualisation', tool: 'albert' })).data!.documents.totalCount).toBe(0);
  });

  it('pages the results and checks the length of a search', async () => {
    const page = await gql(null, SEARCH, { first: 1 });
    expect(page.data!.documents.edges).toHaveLength(1);
    const next = await gql(null, SEARCH, { first: 1, after: page.data!.documents.pageInfo.endCursor });
    expect(next.data!.documents.edges[0].node.document.slug).not.toBe(page.data!.documents.edges[0].node.document.slug);
    expect((await gql(null, SEARCH, { q: 'x'.repeat(201) })).errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
