import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from './helpers.ts';

// User.landingPath over HTTP: where each demo account lands after signing in, and nobody else's.

describe.each(backends)('landing path on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['admin@mutualis.test', '/administration/adhesions'],
    ['auditeur@mutualis.test', '/statistiques'],
    ['fournisseur@mistral.test', '/catalogue?fournisseur=mistral-ai'],
    ['dsi@grandbesancon.test', '/mon-organisation'],
    ['agent@besancon.test', '/mon-organisation'],
    ['nouvel.agent@besancon.test', '/mon-organisation'],
  ])('%s lands on %s', async (email, path) => {
    const client = await t.signIn(email);
    const res = await client.gql<{ viewer: { landingPath: string | null } }>('{ viewer { landingPath } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer.landingPath).toBe(path);
  });

  it('is nobody else’s to read: an administrator sees null for a pending applicant', async () => {
    const admin = await t.signIn('admin@mutualis.test');
    const res = await admin.gql<{ organization: { pendingUsers: { name: string; landingPath: string | null }[] } }>(
      '{ organization(siren: "212500565") { pendingUsers { name landingPath } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.organization.pendingUsers).toEqual([{ name: 'Nouvel agent (en attente)', landingPath: null }]);
  });

  it('a provider’s landing page lists its own tools only: the catalogue filter by provider slug', async () => {
    const res = await t.gql<{ tools: { totalCount: number; edges: { node: { slug: string } }[] } }>(
      '{ tools(filter: { provider: "mistral-ai" }, first: 20) { totalCount edges { node { slug } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.tools.edges.map((e) => e.node.slug)).toEqual(['api-mistral', 'le-chat-pro']);
    expect(res.data!.tools.totalCount).toBe(2);
    const none = await t.gql<{ tools: { totalCount: number } }>('{ tools(filter: { provider: "inconnu" }, first: 20) { totalCount } }');
    expect(none.data!.tools.totalCount).toBe(0);
  });
});
