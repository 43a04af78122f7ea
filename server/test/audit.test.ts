import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../src/modules/audit/rules.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// The audit log as an auditor reads it: French labels, entity names in a bounded number of statements, filters,
// the CSV export, and the log refused to everyone else. The fixture: two organizations and two people of its own,
// and events in 2001 (before any event of the seed), so that each filter's answer is known exactly.

const SRC = resolve(import.meta.dirname, '../src');

/** Action strings in the files that write audit events (`audited(ctx, '…')`, the CLI's `auditEvent.create`). */
function writtenActions(): string[] {
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('/generated'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('/modules/audit/'));
  const actions = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!/\baudited\(|auditEvent\.create\(/.test(text)) continue;
    for (const [, action] of text.matchAll(/'([a-z]+\.[a-z][A-Za-z]+)'/g)) actions.add(action!);
  }
  return [...actions].sort();
}

/** A CSV file read back: `;` separated, quoted cells with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  expect(cell).toBe('');
  return rows;
}

const EVENTS = `query($filter: AuditEventFilter, $first: Int) { auditEvents(filter: $filter, first: $first) { totalCount edges { node {
  id action actionLabel entityType entityTypeLabel entityId entityLabel entityLink { kind key }
  changes { field label before after } requestId actor { name } organization { siren } } } } }`;
const CSV = `query($filter: AuditEventFilter) { auditEventsCsv(filter: $filter) { csv exportedCount totalCount truncated } }`;

const YEAR_2001 = { from: '2001-01-01T00:00:00Z', to: '2001-12-31T23:59:59Z' };

describe.each(backends)('audit log on %s', (backend) => {
  let t: TestApp;
  let auditor: Client;
  let member: Client;
  const f = {} as Record<'orgA' | 'orgB' | 'camille' | 'dominique' | 'deployment' | 'tool' | 'review' | 'hiddenReview', number> & { toolName: string; toolSlug: string };
  const sql = <T>(text: string, params?: unknown[]) => t.db.sql.query<T>(text, params);
  const ids = (res: { data?: any }) => res.data!.auditEvents.edges.map((e: any) => e.node.requestId);

  beforeAll(async () => {
    t = await createTestApp(backend);
    [auditor, member] = [await t.signIn('auditeur@mutualis.test'), await t.signIn('agent@besancon.test')];
    const org = async (siren: string, kind: string, name: string) =>
      (await sql<{ id: number }>(
        `INSERT INTO "Organization" (siren, kind, name, "officialName", "searchName", code, source, "updatedAt")
         VALUES ($1, $2::"OrganizationKind", $3, $3, lower($3), $1, 'test', now()) RETURNING id`, [siren, kind, name],
      ))[0]!.id;
    f.orgA = await org('999000001', 'COMMUNE', 'Commune Témoin');
    f.orgB = await org('999000002', 'SYNDICAT', 'Syndicat « Témoin » ; des eaux');
    const person = async (email: string, name: string, organizationId: number) =>
      (await sql<{ id: number }>(
        `INSERT INTO "User" (email, name, "organizationId", roles, "membershipStatus", "updatedAt")
         VALUES ($1, $2, $3, ARRAY['MEMBER']::"Role"[], 'APPROVED', now()) RETURNING id`, [email, name, organizationId],
      ))[0]!.id;
    f.camille = await person('camille@temoin.test', 'Camille "Cam" Témoin', f.orgA);
    f.dominique = await person('dominique@temoin.test', '=Dominique Témoin', f.orgB);
    const [tool] = await sql<{ id: number; name: string; slug: string }>(`SELECT id, name, slug FROM "Tool" ORDER BY id LIMIT 1`);
    Object.assign(f, { tool: tool!.id, toolName: tool!.name, toolSlug: tool!.slug });
    f.deployment = (await sql<{ id: number }>(
      `INSERT INTO "Deployment" ("organizationId", "toolId", status, "updatedAt") VALUES ($1, $2, 'PRODUCTION', now()) RETURNING id`, [f.orgA, f.tool],
    ))[0]!.id;
    const [visible, hidden] = await sql<{ id: number }>(`SELECT id FROM "Review" ORDER BY id LIMIT 2`);
    f.review = visible!.id;
    f.hiddenReview = hidden!.id;
    await sql(`UPDATE "Review" SET "moderationStatus" = 'HIDDEN' WHERE id = $1`, [f.hiddenReview]);
    const event = (requestId: string, action: string, actorId: number | null, organizationId: number | null, entityType: string, entityId: number,
      createdAt: string, before: unknown, after: unknown) =>
      sql(`INSERT INTO "AuditEvent" (action, "actorId", "organizationId", "entityType", "entityId", before, after, "requestId", "createdAt")
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::timestamptz)`,
      [action, actorId, organizationId, entityType, String(entityId), before && JSON.stringify(before), after && JSON.stringify(after), requestId, createdAt]);
    await event('t-1', 'user.signIn', f.camille, f.orgA, 'User', f.camille, '2001-03-01T08:00:00Z', null, null);
    await event('t-2', 'deployment.declare', f.camille, f.orgA, 'Deployment', f.deployment, '2001-03-05T08:00:00Z', null, { status: 'PILOT', toolId: f.tool, annualCostPublic: false });
    await event('t-3', 'deployment.update', f.camille, f.orgA, 'Deployment', f.deployment, '2001-03-10T08:00:00Z',
      { status: 'PILOT', service: 'Accueil', updatedAt: '2001-03-05' }, { status: 'PRODUCTION', service: 'Accueil', updatedAt: '2001-03-10' });
    await event('t-4', 'organization.setCharter', f.dominique, f.orgB, 'Organization', f.orgB, '2001-04-01T08:00:00Z', { charterStatus: 'NONE' }, { charterStatus: 'ADOPTED' });
    await event('t-5', 'review.submit', f.dominique, f.orgB, 'Review', f.review, '2001-04-15T08:00:00Z', null, { rating: 4 });
    await event('t-6', 'review.hide', null, null, 'Review', f.hiddenReview, '2001-05-01T08:00:00Z', { moderationStatus: 'VISIBLE' }, { moderationStatus: 'HIDDEN' });
  });
  afterAll(() => t?.close());

  it('labels in French every action the code writes (a new action without a label fails here)', async () => {
    const written = writtenActions();
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((action) => !(action in ACTION_LABELS))).toEqual([]);
    const res = await auditor.gql(`{ auditActions { code label } auditEntityTypes { code label } }`);
    const labels = new Map<string, string>(res.data!.auditActions.map((a: { code: string; label: string }) => [a.code, a.label]));
    for (const action of written) {
      expect(labels.get(action), action).toBeTruthy();
      expect(labels.get(action), action).not.toBe(action);
    }
    expect(labels.get('user.signIn')).toBe('Connexion');
    expect(labels.get('deployment.declare')).toBe('Déclaration d’un déploiement');
    // every action already in the log (the seed's, the fixture's) has its label
    const stored = await sql<{ action: string }>(`SELECT DISTINCT action FROM "AuditEvent"`);
    expect(stored.map((row) => row.action).filter((action) => !labels.has(action))).toEqual([]);
    expect(res.data!.auditEntityTypes).toContainEqual({ code: 'Tool', label: 'Outil' });
  });

  it('names each entity, with its page, as the auditor could see it elsewhere, and shows the changed fields in French', async () => {
    const res = await auditor.gql(EVENTS, { filter: YEAR_2001, first: 10 });
    expect(res.errors).toBeUndefined();
    const byRequest = new Map<string, any>(res.data!.auditEvents.edges.map((e: any) => [e.node.requestId, e.node]));
    expect(byRequest.get('t-1')).toMatchObject({ actionLabel: 'Connexion', entityTypeLabel: 'Personne', entityLabel: 'Personne : Camille "Cam" Témoin', entityLink: null });
    expect(byRequest.get('t-2')).toMatchObject({
      actionLabel: 'Déclaration d’un déploiement',
      entityLabel: `Déploiement : ${f.toolName} — Commune Témoin`,
      entityLink: { kind: 'TOOL', key: f.toolSlug },
    });
    expect(byRequest.get('t-2').changes).toEqual([
      { field: 'status', label: 'Statut', before: null, after: 'PILOT' },
      { field: 'toolId', label: 'Outil', before: null, after: f.toolName },
      { field: 'annualCostPublic', label: 'Coût annuel public', before: null, after: 'non' },
    ]);
    // unchanged and bookkeeping columns are left out
    expect(byRequest.get('t-3').changes).toEqual([{ field: 'status', label: 'Statut', before: 'PILOT', after: 'PRODUCTION' }]);
    expect(byRequest.get('t-4')).toMatchObject({
      actionLabel: 'Mise à jour de la charte éthique',
      entityLabel: 'Collectivité : Syndicat « Témoin » ; des eaux',
      entityLink: { kind: 'ORGANIZATION', key: '999000002' },
    });
    expect(byRequest.get('t-5').entityLink).toEqual({ kind: 'TOOL', key: expect.any(String) });
    // a review the moderation hid: the auditor does not read it elsewhere, so the log does not name it either
    expect(byRequest.get('t-6')).toMatchObject({ entityLabel: 'Avis : avis masqué par la modération', entityLink: null });
    expect(JSON.stringify(res.data)).not.toMatch(/@temoin\.test/);
    const admin = await t.signIn('admin@mutualis.test');
    const asAdmin = await admin.gql(EVENTS, { filter: { ...YEAR_2001, action: 'review.hide' } });
    expect(asAdmin.data!.auditEvents.edges[0].node.entityLabel).toMatch(/^Avis : .+ — .+$/);
    expect(asAdmin.data!.auditEvents.edges[0].node.entityLabel).not.toContain('masqué');
  });

  it('resolves the names of a page of 200 events in a bounded number of statements (one per entity type)', async () => {
    // 2002: events on up to 15 rows of every entity type, with references (tool, provider, category, organization, author)
    const tables: [string, string, string][] = [
      ['Tool', 'tool.update', `jsonb_build_object('providerId', "providerId", 'categoryId', "categoryId")`],
      ['Deployment', 'deployment.update', `jsonb_build_object('toolId', "toolId", 'organizationId', "organizationId", 'createdById', "createdById")`],
      ['Review', 'review.submit', `jsonb_build_object('toolId', "toolId", 'authorId', "authorId")`],
      ['Organization', 'organization.setCharter', `jsonb_build_object('charterStatus', "charterStatus")`],
      ['User', 'user.setRoles', `jsonb_build_object('organizationId', "organizationId", 'providerId', "providerId")`],
      ['Provider', 'provider.update', `jsonb_build_object('name', name)`],
      ['PricingPlan', 'plan.update', `jsonb_build_object('toolId', "toolId")`],
      ['ImpactFigure', 'impact.update', `jsonb_build_object('toolId', "toolId")`],
      ['PurchasingGroup', 'group.open', `jsonb_build_object('coordinatorId', "coordinatorId", 'toolId', "toolId")`],
      ['GroupMembership', 'group.join', `jsonb_build_object('groupId', "groupId", 'organizationId', "organizationId")`],
    ];
    for (const [table, action, after] of tables) {
      await sql(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", after, "requestId", "createdAt")
                 SELECT '${action}', '${table}', id::text, ${after}, 'n-' || id, timestamptz '2002-01-01' + id * interval '1 minute'
                   FROM (SELECT * FROM "${table}" ORDER BY id LIMIT 15) AS rows`);
    }
    const filter = { from: '2002-01-01T00:00:00Z', to: '2002-12-31T00:00:00Z' };
    const small = await t.countQueries(() => auditor.gql(EVENTS, { filter, first: 2 }));
    const page = await t.countQueries(() => auditor.gql(EVENTS, { filter, first: 200 }));
    expect(page.result.errors).toBeUndefined();
    const nodes = page.result.data!.auditEvents.edges.map((e: any) => e.node);
    const types = new Set(nodes.map((n: any) => n.entityType));
    expect(nodes.length).toBeGreaterThan(60);
    expect(types.size).toBeGreaterThanOrEqual(7);
    expect(nodes.filter((n: any) => n.entityLabel).length).toBe(nodes.length);
    expect(nodes.filter((n: any) => n.changes.some((c: any) => c.field === 'toolId' && c.after && !c.after.startsWith('n°'))).length).toBeGreaterThan(10);
    // session, page, count, actors, organizations, then one statement per entity type and one per referenced type
    expect(page.statements).toBeLessThanOrEqual(small.statements + 11);
    expect(page.statements).toBeLessThanOrEqual(25);
  });

  it('filters by organization, actor, action, entity type and period, exactly', async () => {
    const q = async (filter: Record<string, unknown>) => ids(await auditor.gql(EVENTS, { filter, first: 200 }));
    expect(await q({ organizationSiren: '999 000 001' })).toEqual(['t-3', 't-2', 't-1']);
    expect(await q({ organizationSiren: '999000009' })).toEqual([]);
    expect(await q({ actor: encodeGlobalID('User', f.dominique) })).toEqual(['t-5', 't-4']);
    expect(await q({ ...YEAR_2001, action: 'deployment.update' })).toEqual(['t-3']);
    expect(await q({ ...YEAR_2001, entityType: 'Review' })).toEqual(['t-6', 't-5']);
    expect(await q({ from: '2001-03-02T00:00:00Z', to: '2001-04-10T00:00:00Z' })).toEqual(['t-4', 't-3', 't-2']);
    expect(await q({ actor: encodeGlobalID('User', f.camille), from: '2001-03-02T00:00:00Z' })).toEqual(['t-3', 't-2']);
    // the action alone: exactly the rows of that action, the seed's included
    const [{ count }] = (await sql<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEvent" WHERE action = 'user.signIn'`)) as [{ count: number }];
    const signIns = await auditor.gql(EVENTS, { filter: { action: 'user.signIn' }, first: 200 });
    expect(signIns.data!.auditEvents.totalCount).toBe(count);
    expect(new Set(signIns.data!.auditEvents.edges.map((e: any) => e.node.action))).toEqual(new Set(['user.signIn']));
  });

  it('refuses a period that ends before it starts, and malformed filter values, with typed French errors', async () => {
    const backwards = await auditor.gql(EVENTS, { filter: { from: '2001-05-01T00:00:00Z', to: '2001-04-01T00:00:00Z' } });
    expect(backwards.data).toBeNull();
    expect(backwards.errors![0]).toMatchObject({ message: 'La date de début doit précéder la date de fin.', extensions: { code: 'VALIDATION' } });
    const csv = await auditor.gql(CSV, { filter: { from: '2001-05-01T00:00:00Z', to: '2001-04-01T00:00:00Z' } });
    expect(csv.errors![0]!.extensions!.code).toBe('VALIDATION');
    const siren = await auditor.gql(EVENTS, { filter: { organizationSiren: '12' } });
    expect(siren.errors![0]).toMatchObject({ message: 'Le SIREN de l’organisation comporte 9 chiffres.', extensions: { code: 'VALIDATION' } });
    const action = await auditor.gql(EVENTS, { filter: { action: 'DROP TABLE' } });
    expect(action.errors![0]!.extensions!.code).toBe('VALIDATION');
    const actor = await auditor.gql(EVENTS, { filter: { actor: encodeGlobalID('Tool', 1) } });
    expect(actor.errors![0]!.extensions!.code).toBe('VALIDATION');
  });

  it('exports the filtered log as a French CSV that parses back to the same events', async () => {
    const res = await auditor.gql(CSV, { filter: YEAR_2001 });
    expect(res.errors).toBeUndefined();
    const { csv, exportedCount, totalCount, truncated } = res.data!.auditEventsCsv;
    expect({ exportedCount, totalCount, truncated }).toEqual({ exportedCount: 6, totalCount: 6, truncated: false });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(['Date', 'Code de l’action', 'Action', 'Entité', 'Identifiant', 'Organisation', 'SIREN', 'Auteur', 'Identifiant de requête', 'Champs modifiés']);
    const list = await auditor.gql(EVENTS, { filter: YEAR_2001, first: 200 });
    expect(rows.map((row) => row[8])).toEqual(ids(list));
    expect(rows.find((row) => row[8] === 't-3')).toEqual([
      '2001-03-10T08:00:00.000Z', 'deployment.update', 'Mise à jour d’un déploiement', `Déploiement : ${f.toolName} — Commune Témoin`,
      String(f.deployment), 'Commune Témoin', '999000001', 'Camille "Cam" Témoin', 't-3', 'Statut : PILOT → PRODUCTION',
    ]);
    const charter = rows.find((row) => row[8] === 't-4')!;
    // a name a spreadsheet would read as a formula is neutralized
    expect([charter[5], charter[7], charter[9]]).toEqual(['Syndicat « Témoin » ; des eaux', "'=Dominique Témoin", 'Charte éthique : NONE → ADOPTED']);
    expect(rows.find((row) => row[8] === 't-6')!.slice(5, 8)).toEqual(['', '', '']);
    const filtered = await auditor.gql(CSV, { filter: { organizationSiren: '999000002' } });
    expect(parseCsv(filtered.data!.auditEventsCsv.csv.slice(1)).slice(1).map((row) => row[8])).toEqual(['t-5', 't-4']);
  });

  it('stops an export at 10,000 events and says so in its last line', async () => {
    await sql(
      `INSERT INTO "AuditEvent" (action, "entityType", "entityId", "requestId", "createdAt")
       SELECT 'tool.update', 'Tool', $1, 'masse-' || n, timestamptz '1999-01-01' + n * interval '1 second' FROM generate_series(1, 10003) AS n`,
      [String(f.tool)],
    );
    const res = await auditor.gql(CSV, { filter: { from: '1999-01-01T00:00:00Z', to: '1999-12-31T00:00:00Z' } });
    expect(res.errors).toBeUndefined();
    const { csv, exportedCount, totalCount, truncated } = res.data!.auditEventsCsv;
    expect({ exportedCount, totalCount, truncated }).toEqual({ exportedCount: 10_000, totalCount: 10_003, truncated: true });
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 10_000 + 1);
    expect(rows[1]![8]).toBe('masse-10003');
    expect(rows.at(-1)).toEqual(['Export limité aux 10 000 événements les plus récents sur 10 003 : affinez les filtres pour obtenir les autres.']);
  });

  it('refuses the log, its export and its lists to a MEMBER (FORBIDDEN) and to an anonymous visitor (UNAUTHENTICATED), with no data', async () => {
    for (const [client, code] of [[member, 'FORBIDDEN'], [t.client(), 'UNAUTHENTICATED']] as const) {
      for (const query of [EVENTS, CSV, `{ auditActions { code label } }`]) {
        const res = await client.gql(query, { filter: YEAR_2001 });
        expect(res.data ?? null, query).toBeNull();
        expect(res.errors![0]!.extensions!.code, query).toBe(code);
        expect(JSON.stringify(res)).not.toContain('Témoin');
      }
    }
  });
});
