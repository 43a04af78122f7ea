import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterBlocks, charterMarkdown, DEFAULT_PREAMBLE, MODEL_PRINCIPLES } from '../src/modules/charters/rules.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// The ethics charter built from the shared model (issue 15): the model, a draft checked before the database, who may
// save and publish it, and a publication that sets the organization's charter ADOPTED — which the statistics count.

describe('charter rules', () => {
  const publishedAt = new Date('2026-03-14T10:00:00Z');

  it('writes the charter as Markdown: title, adoption line, preamble, the chosen principles in the model’s order, then the own ones, references', () => {
    const text = charterMarkdown({
      organizationName: 'Besançon',
      preamble: 'Notre préambule.',
      principles: ['TRANSPARENCY', 'HUMAN_OVERSIGHT'],
      customPrinciples: [{ title: 'Associer les habitants', text: 'Un comité citoyen\nest consulté.' }],
      publishedAt,
    });
    const blocks = text.split('\n\n');
    expect(blocks.slice(0, 9)).toEqual([
      '# Charte éthique de l’intelligence artificielle — Besançon',
      'Adoptée par Besançon le 14 mars 2026.',
      '## Préambule',
      'Notre préambule.',
      '## 1. Contrôle humain',
      MODEL_PRINCIPLES[0]!.text,
      '## 2. Transparence envers les habitants',
      MODEL_PRINCIPLES[1]!.text,
      '## 3. Associer les habitants',
    ]);
    expect(blocks[9]).toBe('Un comité citoyen\nest consulté.');
    expect(blocks[10]).toBe('## Références');
    expect(blocks[11]).toBe('Règlement (UE) 2024/1689 sur l’intelligence artificielle (articles 4 et 50) : https://eur-lex.europa.eu/eli/reg/2024/1689/oj');
    expect(blocks[14]).toBe('Sénat, rapport d’information n° 447 (2024-2025) du 13 mars 2025');
    expect(text).not.toContain('Sobriété environnementale');
    expect(text.endsWith('Charte établie à partir du modèle partagé de Mutualis (version 1.0).\n')).toBe(true);
  });

  it('uses the model’s preamble when none is written, and keeps an own text from turning into headings or lists', () => {
    const text = charterMarkdown({
      organizationName: 'Dijon',
      preamble: '   ',
      principles: [],
      customPrinciples: [{ title: 'Titre\nsur deux lignes', text: '# pas un titre\n- pas une liste\n\n\n2. pas un numéro' }],
      publishedAt,
    });
    expect(text).toContain(`## Préambule\n\n${DEFAULT_PREAMBLE}\n\n`);
    expect(text).toContain('## 1. Titre sur deux lignes\n\n\\# pas un titre\n\\- pas une liste\n\n\\2. pas un numéro\n\n');
    const blocks = charterBlocks(text);
    expect(blocks.slice(0, 6)).toEqual([
      { kind: 'TITLE', text: 'Charte éthique de l’intelligence artificielle — Dijon' },
      { kind: 'PARAGRAPH', text: 'Adoptée par Dijon le 14 mars 2026.' },
      { kind: 'HEADING', text: 'Préambule' },
      { kind: 'PARAGRAPH', text: DEFAULT_PREAMBLE },
      { kind: 'HEADING', text: '1. Titre sur deux lignes' },
      { kind: 'PARAGRAPH', text: '# pas un titre\n- pas une liste' },
    ]);
    expect(blocks[6]).toEqual({ kind: 'PARAGRAPH', text: '2. pas un numéro' });
  });
});

const BESANCON = '212500565';
const GRAND_BESANCON = '242500361';

const MODEL = `{ charterModel { version date preamble principles { key title text } references { label url } limits { customPrinciples customTitle customText preamble } } }`;
const SAVE = `mutation($siren: String, $principles: [CharterPrincipleKey!]!, $custom: [CustomCharterPrincipleInput!]!, $preamble: String) {
  saveCharterDraft(organizationSiren: $siren, principles: $principles, customPrinciples: $custom, preamble: $preamble) {
    __typename
    ... on MutationSaveCharterDraftSuccess { data { principles customPrinciples { title text } preamble organization { siren } } }
    ... on Error { code message fields { field message } }
  }
}`;
const PUBLISH = `mutation($siren: String) { publishCharter(organizationSiren: $siren) {
  __typename
  ... on MutationPublishCharterSuccess { data { siren charter { status adoptedAt url isDemo } publishedCharter { principles text publishedAt documentUrl } } }
  ... on Error { code message fields { field message } }
} }`;
const ORGANIZATION = `query($siren: String!) { organization(siren: $siren) {
  charter { status adoptedAt url }
  charterDraft { principles customPrinciples { title text } preamble publishedAt }
  publishedCharter { principles text publishedAt documentUrl blocks { kind text } }
} }`;
const STATS = `query($scope: StatsScopeInput) { adoptionStats(scope: $scope) {
  ... on QueryAdoptionStatsSuccess { data { organizations chartersAdopted { count demo } chartersPlanned { count demo } } }
  ... on Error { code message }
} }`;

describe.each(backends)('charters built from the model (%s)', (backend) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let otherAdmin: Client;
  let besanconId: number;
  const count = async (table: string) => (await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;
  const stored = async () => ({ charters: await count('Charter'), events: await count('AuditEvent'), documents: await count('DocumentVersion') });
  const territoryStats = async () => {
    const res = await t.gql(STATS, { scope: { epciSiren: GRAND_BESANCON } });
    expect(res.errors).toBeUndefined();
    return res.data!.adoptionStats.data as { organizations: number; chartersAdopted: { count: number; demo: number }; chartersPlanned: { count: number; demo: number } };
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.signIn('dsi@besancon.test');
    member = await t.signIn('agent@besancon.test');
    otherAdmin = await t.signIn('dsi@dijon.test');
    const sql = t.db.sql;
    besanconId = (await sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [BESANCON]))[0]!.id;
    // a territory whose charters are known by hand: Grand Besançon Métropole (demo, ADOPTED), one other member commune
    // (ADOPTED, not demo), none elsewhere — Besançon included
    const gb = (await sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [GRAND_BESANCON]))[0]!.id;
    await sql.query(`UPDATE "Organization" SET "charterStatus" = 'NONE', "charterAdoptedAt" = NULL, "charterUrl" = NULL, "charterIsDemo" = false WHERE id = $1 OR "epciId" = $1`, [gb]);
    await sql.query(`UPDATE "Organization" SET "charterStatus" = 'ADOPTED', "charterAdoptedAt" = '2025-01-10', "charterIsDemo" = true WHERE id = $1`, [gb]);
    await sql.query(
      `UPDATE "Organization" SET "charterStatus" = 'ADOPTED', "charterAdoptedAt" = '2025-06-02' WHERE id = (SELECT min(id) FROM "Organization" WHERE "epciId" = $1 AND id <> $2)`,
      [gb, besanconId],
    );
  });
  afterAll(() => t?.close());

  it('serves the shared model to anyone: the six principles in order, a preamble, the texts it cites and the limits', async () => {
    const res = await t.gql(MODEL);
    expect(res.errors).toBeUndefined();
    const model = res.data!.charterModel;
    expect(model.principles.map((p: { key: string; title: string }) => [p.key, p.title])).toEqual([
      ['HUMAN_OVERSIGHT', 'Contrôle humain'],
      ['TRANSPARENCY', 'Transparence envers les habitants'],
      ['DATA_PROTECTION', 'Protection des données'],
      ['ENVIRONMENTAL_SOBRIETY', 'Sobriété environnementale'],
      ['VENDOR_INDEPENDENCE', 'Indépendance vis-à-vis des fournisseurs'],
      ['AGENT_TRAINING', 'Formation des agents'],
    ]);
    expect(model.principles[1].text).toContain('article 50 du règlement européen sur l’IA');
    expect(model.principles[2].text).toContain('AIPD');
    expect(model.preamble).toContain('13 mars 2025');
    expect(model.references.map((r: { label: string }) => r.label)).toContain('Sénat, rapport d’information n° 447 (2024-2025) du 13 mars 2025');
    expect(model.limits).toEqual({ customPrinciples: 10, customTitle: 120, customText: 2000, preamble: 4000 });
    expect(model.date).toBe('2026-12-07');
  });

  it('refuses a bad draft with typed French errors, field by field, and stores nothing', async () => {
    const before = await stored();
    const own = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Principe ${i + 1}`, text: 'Un engagement de la collectivité.' }));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ custom: own(11) }, 'customPrinciples', 'Au plus 10 principes ajoutés.'],
      [{ custom: [{ title: 'x'.repeat(121), text: 'Un engagement de la collectivité.' }] }, 'customPrinciples.0.title', 'Le titre du principe ajouté n° 1 ne doit pas dépasser 120 caractères.'],
      [{ custom: [...own(1), { title: 'Sobre', text: 'y'.repeat(2001) }] }, 'customPrinciples.1.text', 'Le texte du principe ajouté n° 2 ne doit pas dépasser 2000 caractères.'],
      [{ custom: [{ title: 'Ok', text: 'Un engagement.' }] }, 'customPrinciples.0.title', 'Le titre du principe ajouté n° 1 doit compter au moins 3 caractères.'],
      [{ custom: [], preamble: 'z'.repeat(4001) }, 'preamble', 'Le préambule ne doit pas dépasser 4000 caractères.'],
    ];
    for (const [variables, field, message] of cases) {
      const res = await admin.gql(SAVE, { principles: ['HUMAN_OVERSIGHT'], ...variables });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.saveCharterDraft).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ field, message }] });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a MEMBER, another organization’s ORG_ADMIN and a visitor, and shows the draft to nobody outside', async () => {
    const before = await stored();
    const valid = { siren: BESANCON, principles: ['HUMAN_OVERSIGHT'], custom: [] };
    expect((await member.gql(SAVE, valid)).data!.saveCharterDraft).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await otherAdmin.gql(SAVE, valid)).data!.saveCharterDraft).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await t.gql(SAVE, valid)).data!.saveCharterDraft).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    expect((await member.gql(PUBLISH, { siren: BESANCON })).data!.publishCharter).toMatchObject({ code: 'FORBIDDEN' });
    expect((await otherAdmin.gql(PUBLISH, { siren: BESANCON })).data!.publishCharter).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql(PUBLISH, { siren: BESANCON })).data!.publishCharter).toMatchObject({ code: 'UNAUTHENTICATED' });
    // nothing saved yet: publishing is refused too
    expect((await admin.gql(PUBLISH, {})).data!.publishCharter).toMatchObject({ code: 'VALIDATION', message: 'Enregistrez d’abord le brouillon de la charte.' });
    expect(await stored()).toEqual(before);
  });

  it('publishes: the charter becomes ADOPTED today at its page, the text holds the chosen principles, the territory counts one more', async () => {
    expect(await territoryStats()).toMatchObject({ chartersAdopted: { count: 2, demo: 1 }, chartersPlanned: { count: 0, demo: 0 } });
    const saved = await admin.gql(SAVE, {
      principles: ['TRANSPARENCY', 'HUMAN_OVERSIGHT'],
      custom: [{ title: 'Associer les habitants', text: 'Un comité d’habitants est consulté avant tout nouvel usage.' }],
      preamble: null,
    });
    expect(saved.data!.saveCharterDraft).toEqual({
      __typename: 'MutationSaveCharterDraftSuccess',
      data: {
        principles: ['HUMAN_OVERSIGHT', 'TRANSPARENCY'],
        customPrinciples: [{ title: 'Associer les habitants', text: 'Un comité d’habitants est consulté avant tout nouvel usage.' }],
        preamble: null,
        organization: { siren: BESANCON },
      },
    });
    // the members of Besançon see the draft; outside, nobody does
    expect((await member.gql(ORGANIZATION, { siren: BESANCON })).data!.organization.charterDraft.principles).toEqual(['HUMAN_OVERSIGHT', 'TRANSPARENCY']);
    expect((await otherAdmin.gql(ORGANIZATION, { siren: BESANCON })).data!.organization.charterDraft).toBeNull();
    expect((await t.gql(ORGANIZATION, { siren: BESANCON })).data!.organization).toMatchObject({ charterDraft: null, publishedCharter: null, charter: { status: 'NONE' } });

    const [{ max } = { max: 0 }] = await t.db.sql.query<{ max: number }>(`SELECT coalesce(max(id), 0) AS max FROM "AuditEvent"`);
    const published = await admin.gql(PUBLISH, {});
    expect(published.errors).toBeUndefined();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const data = published.data!.publishCharter.data;
    expect(data.charter).toEqual({ status: 'ADOPTED', adoptedAt: today, url: '/territoires/212500565/charte', isDemo: false });
    expect(data.publishedCharter.principles).toEqual(['Contrôle humain', 'Transparence envers les habitants', 'Associer les habitants']);
    expect(data.publishedCharter.text).toContain('## 3. Associer les habitants');
    expect(data.publishedCharter.text).toContain('# Charte éthique de l’intelligence artificielle — Besançon');
    expect(data.publishedCharter.text).not.toContain('Sobriété environnementale');
    expect(data.publishedCharter.text).not.toContain('Formation des agents');

    // the statistics of the territory: one more adopted charter, not a demo one
    expect(await territoryStats()).toMatchObject({ chartersAdopted: { count: 3, demo: 1 }, chartersPlanned: { count: 0, demo: 0 } });

    // public: anyone reads the published charter, by blocks
    const publicView = (await t.gql(ORGANIZATION, { siren: BESANCON })).data!.organization;
    expect(publicView.charter).toEqual({ status: 'ADOPTED', adoptedAt: today, url: '/territoires/212500565/charte' });
    expect(publicView.publishedCharter.blocks.slice(0, 3)).toEqual([
      { kind: 'TITLE', text: 'Charte éthique de l’intelligence artificielle — Besançon' },
      { kind: 'PARAGRAPH', text: expect.stringMatching(/^Adoptée par Besançon le \d{1,2} \S+ \d{4}\.$/) },
      { kind: 'HEADING', text: 'Préambule' },
    ]);

    // one audit event, for Besançon, by its ORG_ADMIN, naming the charter
    const events = await t.db.sql.query<{ action: string; entityType: string; organizationId: number; email: string; after: { charterStatus: string; charterUrl: string } }>(
      `SELECT e.action, e."entityType", e."organizationId", u.email, e.after FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId" WHERE e.id > $1 ORDER BY e.id`,
      [max],
    );
    expect(events.map(({ after: _a, ...e }) => e)).toEqual([{ action: 'charter.publish', entityType: 'Charter', organizationId: besanconId, email: 'dsi@besancon.test' }]);
    expect(events[0]!.after).toMatchObject({ charterStatus: 'ADOPTED', charterUrl: '/territoires/212500565/charte' });

    // the document attached in the library: an ETHICS_CHARTER of Besançon whose file is the Markdown text
    const slug = data.publishedCharter.documentUrl.replace('/bibliotheque/', '');
    const doc = await t.gql(`query($slug: String!) { document(slug: $slug) { type organization { siren } licence { code } versions { number mimeType } } }`, { slug });
    expect(doc.data!.document).toEqual({ type: 'ETHICS_CHARTER', organization: { siren: BESANCON }, licence: { code: 'LICENCE_OUVERTE_2' }, versions: [{ number: 1, mimeType: 'text/markdown; charset=utf-8' }] });
  });

  it('publishes again as a new version of the same document, the count unchanged', async () => {
    const documents = await count('Document');
    const again = await admin.gql(PUBLISH, { siren: BESANCON });
    const url = again.data!.publishCharter.data.publishedCharter.documentUrl as string;
    const doc = await t.gql(`query($slug: String!) { document(slug: $slug) { versions { number } } }`, { slug: url.replace('/bibliotheque/', '') });
    expect(doc.data!.document.versions).toEqual([{ number: 2 }, { number: 1 }]);
    expect(await count('Document')).toBe(documents);
    expect(await territoryStats()).toMatchObject({ chartersAdopted: { count: 3, demo: 1 } });
  });
});
