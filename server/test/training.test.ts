import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// The training catalogue and the declarations of trained agents and elected officials, over HTTP on PGlite and
// PostgreSQL: the catalogue's filters and pages, declareTraining's checks (typed French errors, nothing written),
// who may declare, the upsert per year and its audit events, then the statistics by territory worked out by hand
// from the declarations made here and the seed's demo ones (prisma/src/seed/demo-training.ts):
//   Nantes Métropole 2024: 120 agents, 15 élus; 2025: 240, 30 · Strasbourg 2025: 180, 25 · Montpellier 2024: 90, 12
//   · Rennes 2025: 60, 8 — all demonstration, none in Bourgogne-Franche-Comté.

const BESANCON = '212500565';
const GRAND_BESANCON = '242500361';

const CATALOGUE = `query($filter: TrainingFilter, $first: Int, $after: String) {
  trainings(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id slug title provider audiences format durationHours cost costNote isFree language sourceUrl sourceDate isDemo } }
  }
}`;
const DECLARE = `mutation($year: Int!, $agents: Int!, $elected: Int!) {
  declareTraining(year: $year, agentsTrained: $agents, electedTrained: $elected) {
    __typename
    ... on MutationDeclareTrainingSuccess { data { year agentsTrained electedTrained isDemo } }
    ... on Error { code message fields { field message } }
  }
}`;
const FIGURES = 'declaring { count demo rate } agentsTrained { count demo } electedTrained { count demo }';
const STATS = `query($scope: StatsScopeInput, $by: BreakdownDimension!) {
  adoptionStats(scope: $scope) {
    __typename
    ... on QueryAdoptionStatsSuccess { data { training {
      organizations ${FIGURES} firstYear lastYear
      byYear { year ${FIGURES} }
      breakdown(by: $by) { key label organizations ${FIGURES} }
    } } }
  }
}`;

interface Figures {
  declaring: { count: number; demo: number; rate: number | null };
  agentsTrained: { count: number; demo: number };
  electedTrained: { count: number; demo: number };
}
interface TrainingStats extends Figures {
  organizations: number;
  firstYear: number | null;
  lastYear: number | null;
  byYear: (Figures & { year: number })[];
  breakdown: (Figures & { key: string; label: string; organizations: number })[];
}

/** The three figures as the API answers them (declaring's rate aside). */
const figures = (declaring: [number, number], agents: [number, number], elected: [number, number]) => ({
  declaring: expect.objectContaining({ count: declaring[0], demo: declaring[1] }),
  agentsTrained: { count: agents[0], demo: agents[1] },
  electedTrained: { count: elected[0], demo: elected[1] },
});

describe.each(backends)('training (%s)', (backend) => {
  let t: TestApp;
  let agent: Client;
  let orgAdmin: Client;
  let grandBesancon: Client;
  let dijon: Client;
  let auditor: Client;
  const count = async (table: string) => (await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;
  const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.sql.query<T>(sql, params))[0]!;
  const stats = async (scope: Record<string, string>, by = 'DEPARTEMENT') => {
    const response = await t.gql(STATS, { scope, by });
    expect(response.errors).toBeUndefined();
    return (response.data as { adoptionStats: { data: { training: TrainingStats } } }).adoptionStats.data.training;
  };
  const declare = async (client: Client, year: number, agents: number, elected: number) => {
    const response = await client.gql(DECLARE, { year, agents, elected });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return (response.data as { declareTraining: Record<string, any> }).declareTraining;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    [agent, orgAdmin, grandBesancon, dijon, auditor] = await Promise.all(
      ['agent@besancon.test', 'dsi@besancon.test', 'dsi@grandbesancon.test', 'dsi@dijon.test', 'auditeur@mutualis.test'].map((email) => t.signIn(email)),
    ) as [Client, Client, Client, Client, Client];
  });
  afterAll(() => t?.close());

  describe('the catalogue', () => {
    const slugs = async (filter: Record<string, unknown> | null) => {
      const response = await t.gql(CATALOGUE, { filter, first: 50 });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const page = (response.data as { trainings: { totalCount: number; edges: { node: { slug: string } }[] } }).trainings;
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((e) => e.node.slug).sort();
    };

    it('lists the seed’s six demonstration entries with every fact, its source and date', async () => {
      const response = await t.gql(CATALOGUE, { filter: { search: 'élus' }, first: 5 });
      const nodes = (response.data as any).trainings.edges.map((e: any) => e.node);
      expect(nodes).toEqual([
        {
          id: expect.any(String),
          slug: 'demo-ia-enjeux-elus',
          title: '[Démonstration] L’IA dans la collectivité : enjeux et décisions pour les élus',
          provider: 'Association d’élus (démonstration)',
          audiences: ['ELECTED_OFFICIALS'],
          format: 'IN_PERSON',
          durationHours: '7',
          cost: '350',
          costNote: null,
          isFree: false,
          language: 'fr',
          sourceUrl: 'https://mutualis.example/demonstration/formations/demo-ia-enjeux-elus',
          sourceDate: '2026-12-07T00:00:00.000Z',
          isDemo: true,
        },
      ]);
      expect(await slugs(null)).toHaveLength(6);
    });

    it('filters by audience, format, highest cost (free ones included, « sur devis » not) and words', async () => {
      expect(await slugs({ audience: 'ELECTED_OFFICIALS' })).toEqual(['demo-ai-act-public-sector', 'demo-ia-enjeux-elus']);
      expect(await slugs({ format: 'ONLINE' })).toEqual(['demo-ai-act-public-sector', 'demo-empreinte-environnementale-ia', 'demo-ia-generative-premiers-pas']);
      expect(await slugs({ maxCost: '45' })).toEqual(['demo-ai-act-public-sector', 'demo-assistant-redaction-securite', 'demo-ia-generative-premiers-pas']);
      expect(await slugs({ maxCost: '44.99' })).toEqual(['demo-ai-act-public-sector', 'demo-ia-generative-premiers-pas']);
      expect(await slugs({ audience: 'DSI', format: 'HYBRID' })).toEqual(['demo-piloter-projet-ia']);
      expect(await slugs({ search: 'EMPREINTE  environnementale' })).toEqual(['demo-empreinte-environnementale-ia']);
      expect(await slugs({ search: 'introuvable' })).toEqual([]);
    });

    it('puts a sourced entry before the demonstration ones, pages without overlap, and reads a Training through node(id:)', async () => {
      await t.db.sql.query(
        `INSERT INTO "Training" (slug, title, provider, description, audiences, format, "durationHours", cost, language, "sourceUrl", "sourceDate", "isDemo", "updatedAt")
         VALUES ('test-sourcee', 'Zzz formation sourcée du test', 'Organisme du test', 'Entrée du test.', ARRAY['DSI']::"TrainingAudience"[], 'ONLINE', 14, 990.5, 'fr',
                 'https://formation.test/ia', '2025-05-01', false, now())`,
      );
      const first = (await t.gql(CATALOGUE, { first: 4 })).data as any;
      expect(first.trainings.totalCount).toBe(7);
      expect(first.trainings.pageInfo.hasNextPage).toBe(true);
      expect(first.trainings.edges[0].node).toMatchObject({ slug: 'test-sourcee', isDemo: false, cost: '990.5', durationHours: '14' });
      const second = (await t.gql(CATALOGUE, { first: 4, after: first.trainings.pageInfo.endCursor })).data as any;
      expect(second.trainings.pageInfo.hasNextPage).toBe(false);
      const seen = [...first.trainings.edges, ...second.trainings.edges].map((e: any) => e.node.slug);
      expect(new Set(seen).size).toBe(7);
      const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on Training { slug isDemo } } }`, { id: first.trainings.edges[0].node.id });
      expect(node.data).toEqual({ node: { slug: 'test-sourcee', isDemo: false } });
    });

    it('refuses a search too long, a negative or too precise cost, with typed French errors', async () => {
      const long = await t.gql(CATALOGUE, { filter: { search: 'a'.repeat(101) } });
      expect(long.errors![0]).toMatchObject({ message: 'La recherche ne doit pas dépasser 100 caractères.', extensions: { code: 'VALIDATION' } });
      for (const maxCost of ['-1', '12.345']) {
        const bad = await t.gql(CATALOGUE, { filter: { maxCost } });
        expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION' });
        expect(bad.errors![0]!.message).toMatch(/maxCost/);
      }
    });
  });

  describe('declareTraining', () => {
    const YEAR = new Date().getUTCFullYear();
    const written = async () => ({ declarations: await count('TrainingDeclaration'), events: await count('AuditEvent') });

    it('refuses a year outside 2020 to this year, counts outside 0 to 1,000,000 and more agents than inhabitants, writing nothing', async () => {
      const before = await written();
      const cases: [number, number, number, string, string][] = [
        [2019, 1, 1, 'year', `L’année doit être comprise entre 2020 et ${YEAR}.`],
        [YEAR + 1, 1, 1, 'year', `L’année doit être comprise entre 2020 et ${YEAR}.`],
        [2025, -1, 0, 'agentsTrained', 'Le nombre d’agents formés doit être un nombre entier de 0 à 1 000 000.'],
        [2025, 1_000_001, 0, 'agentsTrained', 'Le nombre d’agents formés doit être un nombre entier de 0 à 1 000 000.'],
        [2025, 0, 1_000_001, 'electedTrained', 'Le nombre d’élus formés doit être un nombre entier de 0 à 1 000 000.'],
        [2025, 0, -3, 'electedTrained', 'Le nombre d’élus formés doit être un nombre entier de 0 à 1 000 000.'],
      ];
      for (const [year, agents, elected, field, message] of cases) {
        expect(await declare(agent, year, agents, elected)).toEqual({ __typename: 'ValidationError', code: 'VALIDATION', message, fields: [{ field, message }] });
      }
      // Besançon's population is far below 500,000
      const population = (await one<{ population: number }>(`SELECT population FROM "Organization" WHERE siren = $1`, [BESANCON])).population;
      const tooMany = await declare(agent, 2025, 500_000, 0);
      expect(tooMany).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'agentsTrained' }] });
      expect(tooMany.message).toContain(`dépasse la population de la collectivité (${population.toLocaleString('fr-FR').replace(/\s/g, ' ')} habitants)`);
      const both = await declare(agent, 2019, -1, 0);
      expect(both).toMatchObject({ code: 'VALIDATION', message: 'Certains champs sont invalides : corrigez-les puis réessayez.' });
      expect(both.fields.map((f: { field: string }) => f.field)).toEqual(['year', 'agentsTrained']);
      expect(await written()).toEqual(before);
    });

    it('is refused to a visitor and to those who act for no collectivité (auditor), writing nothing', async () => {
      const before = await written();
      expect(await declare(t, 2025, 1, 1)).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
      expect(await declare(auditor, 2025, 1, 1)).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
      expect(await written()).toEqual(before);
    });

    it('declares for the member’s own collectivité, one row per year that a new declaration replaces, each audited', async () => {
      const maxEvent = (await one<{ max: number }>(`SELECT coalesce(max(id), 0) AS max FROM "AuditEvent"`)).max;
      expect(await declare(agent, 2024, 40, 5)).toEqual({ __typename: 'MutationDeclareTrainingSuccess', data: { year: 2024, agentsTrained: 40, electedTrained: 5, isDemo: false } });
      expect(await declare(orgAdmin, 2025, 100, 12)).toMatchObject({ data: { year: 2025, agentsTrained: 100, electedTrained: 12 } });
      expect(await declare(agent, 2025, 110, 12)).toMatchObject({ data: { year: 2025, agentsTrained: 110, electedTrained: 12 } });
      const rows = await t.db.sql.query<{ id: number; year: number; agentsTrained: number; electedTrained: number; isDemo: boolean }>(
        `SELECT d.id, d.year, d."agentsTrained", d."electedTrained", d."isDemo" FROM "TrainingDeclaration" d JOIN "Organization" o ON o.id = d."organizationId" WHERE o.siren = $1 ORDER BY year`,
        [BESANCON],
      );
      expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
        { year: 2024, agentsTrained: 40, electedTrained: 5, isDemo: false },
        { year: 2025, agentsTrained: 110, electedTrained: 12, isDemo: false },
      ]);
      const events = await t.db.sql.query<{ action: string; entityType: string; entityId: string; organizationId: number; before: any; after: any; email: string }>(
        `SELECT e.action, e."entityType", e."entityId", e."organizationId", e.before, e.after, u.email FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId" WHERE e.id > $1 ORDER BY e.id`,
        [maxEvent],
      );
      const besancon = (await one<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [BESANCON])).id;
      expect(events.map((e) => [e.action, e.entityType, e.entityId, e.organizationId, e.email])).toEqual([
        ['training.declare', 'TrainingDeclaration', String(rows[0]!.id), besancon, 'agent@besancon.test'],
        ['training.declare', 'TrainingDeclaration', String(rows[1]!.id), besancon, 'dsi@besancon.test'],
        ['training.declare', 'TrainingDeclaration', String(rows[1]!.id), besancon, 'agent@besancon.test'],
      ]);
      expect(events[1]!.before).toBeNull();
      expect(events[2]!.before).toMatchObject({ year: 2025, agentsTrained: 100, electedTrained: 12 });
      expect(events[2]!.after).toMatchObject({ year: 2025, agentsTrained: 110, electedTrained: 12 });

      const organization = await t.gql(`query($siren: String!) { organization(siren: $siren) { trainingDeclarations { year agentsTrained electedTrained isDemo } } }`, { siren: BESANCON });
      expect(organization.data).toEqual({
        organization: {
          trainingDeclarations: [
            { year: 2025, agentsTrained: 110, electedTrained: 12, isDemo: false },
            { year: 2024, agentsTrained: 40, electedTrained: 5, isDemo: false },
          ],
        },
      });
      // the audit log names the declaration
      const log = await auditor.gql(`{ auditEvents(first: 1) { edges { node { action actionLabel entityLabel entityLink { kind key } } } } }`);
      expect(log.errors).toBeUndefined();
      expect((log.data as any).auditEvents.edges[0].node).toEqual({
        action: 'training.declare',
        actionLabel: 'Déclaration des agents et élus formés à l’IA',
        entityLabel: 'Déclaration de formation : Besançon — 2025',
        entityLink: { kind: 'ORGANIZATION', key: BESANCON },
      });
    });
  });

  describe('the statistics by territory', () => {
    it('count each collectivité once with its latest year, per EPCI, département, région and France, and per year', async () => {
      // read before the declarations below: the cached figures must follow them (the trigger moves stats_version)
      const nationalBefore = await stats({}, 'REGION');
      expect(nationalBefore.declaring).toMatchObject({ count: 5, demo: 4 });

      const epci = (await one<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [GRAND_BESANCON])).id;
      const [member] = await t.db.sql.query<{ id: number }>(
        `SELECT id FROM "Organization" WHERE kind = 'COMMUNE' AND "epciId" = $1 AND siren <> $2 ORDER BY id LIMIT 1`,
        [epci, BESANCON],
      );
      const [elsewhere] = await t.db.sql.query<{ id: number }>(
        `SELECT id FROM "Organization" WHERE kind = 'COMMUNE' AND "departementCode" = '25' AND "epciId" <> $1 ORDER BY id LIMIT 1`,
        [epci],
      );
      expect(await declare(grandBesancon, 2025, 200, 30)).toMatchObject({ data: { agentsTrained: 200 } });
      expect(await declare(dijon, 2025, 50, 6)).toMatchObject({ data: { agentsTrained: 50 } });
      await t.db.sql.query(
        `INSERT INTO "TrainingDeclaration" ("organizationId", year, "agentsTrained", "electedTrained", "isDemo", "updatedAt")
         VALUES ($1, 2025, 8, 4, false, now()), ($2, 2023, 15, 3, true, now())`,
        [member!.id, elsewhere!.id],
      );

      // Grand Besançon Métropole: Besançon (2025: 110, 12), the EPCI (200, 30), a member commune (8, 4)
      const inEpci = await stats({ epciSiren: GRAND_BESANCON });
      const { n: epciOrganizations } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization" WHERE id = $1 OR "epciId" = $1`, [epci]);
      expect(inEpci).toMatchObject({ organizations: epciOrganizations, ...figures([3, 0], [318, 0], [46, 0]), firstYear: 2025, lastYear: 2025 });
      expect(inEpci.declaring.rate).toBe(Math.round((3 / epciOrganizations) * 10_000) / 10_000);
      expect(inEpci.byYear).toEqual([
        { year: 2024, ...figures([1, 0], [40, 0], [5, 0]) },
        { year: 2025, ...figures([3, 0], [318, 0], [46, 0]) },
      ]);

      // Doubs: the same, and a commune outside the EPCI whose latest (demo) year is 2023: 15, 3
      const doubs = await stats({ departement: '25' });
      expect(doubs).toMatchObject({ ...figures([4, 1], [333, 15], [49, 3]), firstYear: 2023, lastYear: 2025 });
      expect(doubs.byYear.map((y) => y.year)).toEqual([2023, 2024, 2025]);
      expect(doubs.byYear[0]).toEqual({ year: 2023, ...figures([1, 1], [15, 15], [3, 3]) });

      // Bourgogne-Franche-Comté, by département: Dijon Métropole (Côte-d’Or) 50, 6 beside the Doubs
      const region = await stats({ region: '27' });
      expect(region).toMatchObject(figures([5, 1], [383, 15], [55, 3]));
      const byKey = Object.fromEntries(region.breakdown.map((row) => [row.key, row]));
      // NONE: the région itself, which belongs to no département
      expect(Object.keys(byKey).sort()).toEqual(['21', '25', '39', '58', '70', '71', '89', '90', 'NONE']);
      expect(byKey['21']).toMatchObject({ label: "Côte-d'Or", ...figures([1, 0], [50, 0], [6, 0]) });
      expect(byKey['25']).toMatchObject({ label: 'Doubs', ...figures([4, 1], [333, 15], [49, 3]) });
      expect(byKey['39']).toMatchObject(figures([0, 0], [0, 0], [0, 0]));

      // France: these five and the seed's four demo métropoles (latest years: 240 + 180 + 90 + 60 agents, 30 + 25 + 12 + 8 élus)
      const france = await stats({}, 'REGION');
      expect(france).toMatchObject(figures([9, 5], [953, 585], [130, 78]));
      expect(france.byYear).toEqual([
        { year: 2023, ...figures([1, 1], [15, 15], [3, 3]) },
        { year: 2024, ...figures([3, 2], [250, 210], [32, 27]) },
        { year: 2025, ...figures([7, 3], [848, 480], [115, 63]) },
      ]);
      expect(france.breakdown.find((row) => row.key === '52')).toMatchObject({ label: 'Pays de la Loire', ...figures([1, 1], [240, 240], [30, 30]) });
    });
  });
});
