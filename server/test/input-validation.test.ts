import fs from 'node:fs';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate, DECIMAL_COLUMNS, decimalColumnError, decodeGlobalID, isoInstant, MAX_LINE_LENGTH, MAX_TEXT_LENGTH } from '../src/graphql/input.ts';
import { schema } from '../src/graphql/schema.ts';
import { backends, createTestApp, type Client, type GraphQLResponse, type TestApp } from './helpers.ts';

const id = (typename: string, raw: string) => Buffer.from(`${typename}:${raw}`).toString('base64');

describe('input rules', () => {
  it('keeps the Decimal column table equal to prisma/schema.prisma', () => {
    const prisma = fs.readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
    const found: Record<string, { precision: number; scale: number }> = {};
    let model = '';
    for (const line of prisma.split('\n')) {
      model = /^model (\w+)/.exec(line)?.[1] ?? model;
      const column = /^\s+(\w+)\s+Decimal\??\s.*@db\.Decimal\((\d+),\s*(\d+)\)/.exec(line);
      if (column) found[`${model}.${column[1]}`] = { precision: Number(column[2]), scale: Number(column[3]) };
      expect(/^\s+\w+\s+Decimal\??(\s|$)/.test(line) && !column, `Decimal column without @db.Decimal: ${line}`).toBe(false);
    }
    const table = Object.fromEntries(Object.entries(DECIMAL_COLUMNS).map(([name, { precision, scale }]) => [name, { precision, scale }]));
    expect(table).toEqual(found);
  });

  it('ties every Decimal input of the schema to a column', () => {
    const unbacked: string[] = [];
    const visit = (type: GraphQLInputType, where: string, column: string | undefined, seen: Set<string>) => {
      const named = getNamedType(type);
      if (isInputObjectType(named)) {
        if (seen.has(named.name)) return;
        const model = (named.extensions as { model?: string }).model;
        for (const field of Object.values(named.getFields())) {
          const own = (field.extensions as { column?: string }).column ?? (model ? `${model}.${field.name}` : undefined);
          visit(field.type, `${where}.${field.name}`, own, new Set([...seen, named.name]));
        }
      } else if (named.name === 'Decimal' && !(column && column in DECIMAL_COLUMNS)) unbacked.push(where);
    };
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args) visit(arg.type, `${field.name}(${arg.name})`, (arg.extensions as { column?: string }).column, new Set());
      }
    }
    expect(unbacked).toEqual([]);
  });

  it('checks decimals against their column: integer digits, scale and sign', () => {
    expect(decimalColumnError('1.5', 'ImpactFigure.pue', 'PUE')).toBeNull();
    expect(decimalColumnError('99.999', 'ImpactFigure.pue', 'PUE')).toBeNull();
    expect(decimalColumnError('1234.50', 'ImpactFigure.pue', 'PUE')).toMatch(/2 chiffres avant la virgule et 3 décimales/);
    expect(decimalColumnError('1.2345', 'ImpactFigure.pue', 'PUE')).toMatch(/3 décimales/);
    expect(decimalColumnError('1.2000', 'ImpactFigure.pue', 'PUE')).toBeNull();
    expect(decimalColumnError('999999999999', 'PurchasingGroup.listUnitPrice', 'Prix')).toMatch(/8 chiffres avant la virgule.*euros/);
    expect(decimalColumnError('00000000012.5', 'PurchasingGroup.listUnitPrice', 'Prix')).toBeNull();
    expect(decimalColumnError('-1', 'Deployment.annualCost', 'Coût')).toMatch(/positif/);
    expect(decimalColumnError('-0', 'Deployment.annualCost', 'Coût')).toBeNull();
    expect(decimalColumnError('1.234', 'Deployment.annualCost', 'Coût', { rounded: true })).toBeNull();
  });

  it('accepts real days between 1900 and 2100 only', () => {
    expect(calendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2025-02-30', '2023-02-29', '0000-01-01', '1899-12-31', '2101-01-01', '2025-13-01', '2025-1-1', ' 2025-01-01']) {
      expect(calendarDate(bad), bad).toBeNull();
    }
    expect(isoInstant('2025-06-01T12:00:00Z')?.toISOString()).toBe('2025-06-01T12:00:00.000Z');
    expect(isoInstant('2025-06-01T12:00:00.123+02:00')?.toISOString()).toBe('2025-06-01T10:00:00.123Z');
    for (const bad of ['0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z', '2025-06-01', '2025-06-01T24:00:00Z', '1', 'March 7, 2025', '+275760-09-13T00:00:00Z']) {
      expect(isoInstant(bad), bad).toBeNull();
    }
  });

  it('decodes canonical global IDs only', () => {
    expect(decodeGlobalID(id('Tool', '1'))).toEqual({ typename: 'Tool', id: '1' });
    expect(decodeGlobalID(id('User', '2147483647'))).toEqual({ typename: 'User', id: '2147483647' });
    for (const raw of ['abc', '1e20', '1.5', '+1', '01', '0', '-1', '2147483648', ' 1', '1 ', '0x1', '']) {
      expect(() => decodeGlobalID(id('Tool', raw)), raw).toThrow('Identifiant invalide.');
    }
    expect(decodeGlobalID('VG9vbDoxMg==')).toEqual({ typename: 'Tool', id: '12' });
    for (const nonCanonical of ['VG9vbDoxMg', 'VG9vbDoxMg===', 'VG9vbDoxMh==']) {
      expect(() => decodeGlobalID(nonCanonical), nonCanonical).toThrow('Identifiant invalide.');
    }
    expect(() => decodeGlobalID(`${id('Tool', '1')}\n`)).toThrow('Identifiant invalide.');
    expect(() => decodeGlobalID('abc')).toThrow('Identifiant invalide.');
    expect(() => decodeGlobalID(Buffer.from('tool:1').toString('base64'))).toThrow('Identifiant invalide.');
  });
});

/** Every table a write could touch, as row counts and a content hash: equal fingerprints mean nothing was written. */
async function fingerprint(t: TestApp) {
  const tables = [
    'Organization', 'User', 'Provider', 'Category', 'Tool', 'PricingPlan', 'PriceTier', 'ImpactFigure', 'Deployment', 'Review',
    'ReviewVersion', 'ReviewVote', 'ReviewFlag', 'PurchasingGroup', 'GroupPriceTier', 'GroupMembership', 'AuditEvent',
  ];
  const rows = await t.db.sql.query<{ name: string; n: number; h: string }>(
    tables.map((name) => `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) AS h FROM "${name}" x`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.h}`]));
}

/** The VALIDATION error of a response: a mutation's result member, or the first GraphQL error. */
function validation(res: GraphQLResponse, field: string) {
  const result = res.data?.[field] as { __typename?: string; code?: string; message?: string; fields?: { field: string; message: string }[] } | null | undefined;
  if (result?.code) return { code: result.code, message: result.message!, fields: result.fields ?? [] };
  const error = res.errors?.[0];
  return {
    code: error?.extensions?.code as string | undefined,
    message: error?.message ?? JSON.stringify(res),
    fields: (error?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [],
  };
}

// ------------------------------------------------------------------ systematic: a NUL in every string argument

type Path = (string | number)[];

/** A value the schema accepts for `type`, for every required part; `target` receives `poison`. */
function sample(type: GraphQLInputType, path: Path, target: Path | null, poison: string, depth = 0, idFor = 'Tool'): unknown {
  if (isNonNullType(type)) return sample(type.ofType, path, target, poison, depth, idFor);
  if (isListType(type)) return [sample(type.ofType as GraphQLInputType, path, target, poison, depth, idFor)];
  const named = type as GraphQLNamedType;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const onTarget = target && target[path.length] === field.name && path.every((p, i) => target[i] === p);
      if (onTarget || (isNonNullType(field.type) && field.defaultValue === undefined)) {
        out[field.name] = sample(field.type, [...path, field.name], onTarget ? target : null, poison, depth + 1, idType(field));
      }
    }
    return out;
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  const isTarget = target && target.length === path.length && path.every((p, i) => target[i] === p);
  switch (named.name) {
    case 'String':
      return isTarget ? poison : 'x';
    case 'ID':
      return isTarget ? poison : id(idFor, '1');
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Decimal':
      return '1';
    case 'Date':
      return '2025-01-01';
    case 'DateTime':
      return '2030-01-01T00:00:00Z';
    default:
      return null;
  }
}

/** The node type a global ID argument is for (relay plugin metadata), so that the other arguments are valid. */
const idType = (arg: { extensions?: unknown }) => ((arg.extensions as { relayGlobalIDFor?: { typename: string }[] } | undefined)?.relayGlobalIDFor?.[0]?.typename ?? 'Tool');

/** The paths of the String and ID arguments (and input fields) of a root field. */
function stringPaths(field: GraphQLField<unknown, unknown>): { arg: GraphQLArgument; path: Path }[] {
  const out: { arg: GraphQLArgument; path: Path }[] = [];
  const visit = (arg: GraphQLArgument, type: GraphQLInputType, path: Path, seen: Set<string>) => {
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      if (seen.has(named.name)) return;
      for (const f of Object.values(named.getFields())) visit(arg, f.type, [...path, f.name], new Set([...seen, named.name]));
    } else if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) out.push({ arg, path });
  };
  for (const arg of field.args) visit(arg, arg.type, [arg.name], new Set());
  return out;
}

function requestFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, target: Path, poison: string) {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    const onTarget = target[0] === arg.name;
    if (!onTarget && !isNonNullType(arg.type)) continue;
    variables[arg.name] = sample(arg.type, [arg.name], onTarget ? target : null, poison, 0, idType(arg));
    declared.push(`$${arg.name}: ${arg.type.toString()}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const returned = getNamedType(field.type);
  const selection = isUnionType(returned) && returned.getTypes().some((t) => t.name === 'ValidationError')
    ? '{ __typename ... on ValidationError { code message fields { field message } } }'
    : isObjectType(returned) || isUnionType(returned) || !isScalarType(returned) && !isEnumType(returned)
      ? '{ __typename }'
      : '';
  const query = `${operation} Probe(${declared.join(', ')}) { ${field.name}(${passed.join(', ')}) ${selection} }`;
  return { query, variables };
}

const rootCases = () =>
  (['query', 'mutation'] as const).flatMap((operation) => {
    const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(root.getFields()).flatMap((field) =>
      stringPaths(field).map(({ arg, path }) => ({ operation, field, arg, path, name: `${field.name}(${path.join('.')})` })),
    );
  });

describe.each(backends)('input at the edge over HTTP on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let coordinator: Client;
  let agent: Client;
  let ids: { plan: string; figure: string; deployment: string; tool: string; user: string; review: string };

  // Each case below is a refused write, counted by the write limit (120 a minute per person): the cases of every
  // input outnumber it, so the counters start afresh per test. The limit itself is tested in abuse-limits.test.ts.
  beforeEach(() => t.db.prisma.rateLimit.deleteMany());

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.signIn('admin@mutualis.test');
    coordinator = await t.signIn('dsi@grandbesancon.test');
    agent = await t.signIn('agent@besancon.test');
    const [row] = await t.db.sql.query<{ plan: number; figure: number; deployment: number; tool: number; user: number; review: number }>(`
      SELECT (SELECT min(id) FROM "PricingPlan") AS plan, (SELECT min(id) FROM "ImpactFigure") AS figure,
             (SELECT min(d.id) FROM "Deployment" d JOIN "User" u ON u."organizationId" = d."organizationId" WHERE u.email = 'agent@besancon.test') AS deployment,
             (SELECT id FROM "Tool" WHERE slug = 'leakmited') AS tool, (SELECT id FROM "User" WHERE email = 'admin@mutualis.test') AS "user",
             (SELECT min(id) FROM "Review") AS review`);
    if (row!.deployment === null) {
      const declared = await agent.gql(
        `mutation($input: DeclareDeploymentInput!) { declareDeployment(input: $input) { __typename ... on MutationDeclareDeploymentSuccess { data { id } } } }`,
        { input: { toolSlug: 'leakmited', status: 'PILOT', service: 'Eau et assainissement' } },
      );
      row!.deployment = Number(Buffer.from(declared.data!.declareDeployment.data.id, 'base64').toString().split(':')[1]);
    }
    ids = {
      plan: id('PricingPlan', String(row!.plan)), figure: id('ImpactFigure', String(row!.figure)), deployment: id('Deployment', String(row!.deployment)),
      tool: id('Tool', String(row!.tool)), user: id('User', String(row!.user)), review: id('Review', String(row!.review)),
    };
  });
  afterAll(() => t?.close());

  it('refuses a NUL byte in every String and ID argument of every root field, naming the field, and writes nothing', async () => {
    const cases = rootCases();
    expect(cases.length).toBeGreaterThan(60);
    const before = await fingerprint(t);
    const failures: string[] = [];
    for (const c of cases) {
      const { query, variables } = requestFor(c.operation, c.field, c.path, 'a\u0000b');
      const res = await admin.gql(query, variables);
      const error = validation(res, c.field.name);
      const expected = c.path.length > 1 ? String(c.path[1]) : String(c.path[0]);
      // a malformed global ID is refused by the ID decoder, which names it `id`
      const isId = getNamedType(c.arg.type).name === 'ID';
      if (error.code !== 'VALIDATION' || !error.fields.some((f) => f.field === expected || (isId && f.field === 'id'))) failures.push(`${c.name}: ${JSON.stringify(res)}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('refuses line breaks in single-line fields and over-long strings, but keeps line breaks in multi-line texts', async () => {
    const before = await fingerprint(t);
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['mutation($input: ToolInput!) { updateTool(slug: "leakmited", input: $input) { __typename ... on Error { code message fields { field message } } } }', { input: { name: 'Leak\nmited' } }, 'name', /une ligne/],
      ['mutation($input: ToolInput!) { updateTool(slug: "leakmited", input: $input) { __typename ... on Error { code message fields { field message } } } }', { input: { description: 'x'.repeat(MAX_TEXT_LENGTH + 1) } }, 'description', /10000 caractères/],
      ['query($slug: String!) { tool(slug: $slug) { name } }', { slug: 'x'.repeat(MAX_LINE_LENGTH + 1) }, 'slug', /1000 caractères/],
      ['query($slug: String!) { tool(slug: $slug) { name } }', { slug: 'a\u001bb' }, 'slug', /contrôle/],
      ['query($slug: String!) { tool(slug: $slug) { name } }', { slug: 'a\ud800b' }, 'slug', /invalides/],
      ['query($s: [String!]!) { compareTools(slugs: $s, profile: {}) { __typename ... on Error { code fields { field message } } } }', { s: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'slugs', /100 au plus/],
      ['{ tool(slug: "a\\u0000b") { name } }', {}, 'slug', /contrôle/],
    ];
    for (const [query, variables, field, message] of cases) {
      const raw = await admin.gql(query, variables);
      const error = validation(raw, query.includes('updateTool') ? 'updateTool' : query.includes('compareTools') ? 'compareTools' : 'tool');
      expect(error, `${field} ${JSON.stringify(variables).slice(0, 80)}`).toMatchObject({ code: 'VALIDATION', fields: [{ field, message: expect.stringMatching(message) }] });
    }
    expect(await fingerprint(t)).toEqual(before);
    const review = await agent.gql(
      `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { __typename ... on MutationSubmitReviewSuccess { data { body } } ... on Error { message } } }`,
      { input: { toolSlug: 'leakmited', rating: 4, title: 'Utile au quotidien', body: 'Premier paragraphe.\n\n\tSecond paragraphe.' } },
    );
    expect(review.data!.submitReview).toEqual({ __typename: 'MutationSubmitReviewSuccess', data: { body: 'Premier paragraphe.\n\n\tSecond paragraphe.' } });
  });

  it('refuses impossible or out-of-range dates and instants', async () => {
    const before = await fingerprint(t);
    const PROVIDER = 'mutation($input: ProviderInput!) { updateProvider(slug: "mistral-ai", input: $input) { __typename ... on Error { code message fields { field message } } } }';
    const provider = (await t.db.sql.query<{ slug: string }>(`SELECT slug FROM "Provider" ORDER BY id LIMIT 1`))[0]!.slug;
    for (const sourceDate of ['0000-01-01', '2025-02-30', '1899-12-31', '2101-01-01', '20250101', 20250101]) {
      const error = validation(await admin.gql(PROVIDER.replace('mistral-ai', provider), { input: { sourceDate } }), 'updateProvider');
      expect(error, String(sourceDate)).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'sourceDate', message: expect.stringMatching(/date invalide/) }] });
    }
    const literal = validation(await admin.gql(`mutation { updateProvider(slug: "${provider}", input: { sourceDate: "0000-01-01" }) { __typename ... on Error { code fields { field } } } }`), 'updateProvider');
    expect(literal).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'sourceDate' }] });
    for (const instant of ['0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z', 'demain', '2030-01-01']) {
      const audit = validation(await admin.gql(`query($from: DateTime) { auditEvents(filter: { from: $from }) { totalCount } }`, { from: instant }), 'auditEvents');
      expect(audit, instant).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'from', message: expect.stringMatching(/date et heure invalides/) }] });
    }
    const group = validation(
      await coordinator.gql(
        `mutation($input: CreatePurchasingGroupInput!) { createPurchasingGroup(input: $input) { __typename ... on Error { code fields { field message } } } }`,
        { input: { title: 'Groupement de test', toolSlug: 'leakmited', interestDeadline: '0000-01-01T00:00:00Z', allocationRule: 'BY_POPULATION', volumeUnit: 'INHABITANTS' } },
      ),
      'createPurchasingGroup',
    );
    expect(group).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'interestDeadline' }] });
    expect(await fingerprint(t)).toEqual(before);
  });

  it('refuses decimals that do not fit their column, or negative amounts, with a French message naming the field', async () => {
    const before = await fingerprint(t);
    const FIGURE = `mutation($input: ImpactFigureInput!) { createImpactFigure(toolSlug: "leakmited", input: $input) { __typename ... on Error { code message fields { field message } } } }`;
    const figure = { method: 'MEASURED', sourceUrl: 'https://exemple.fr/mesure', sourceDate: '2025-01-01', energyWhPerRequest: '0.3' };
    const PLAN = `mutation($id: ID!, $input: PricingPlanInput!) { updatePricingPlan(id: $id, input: $input) { __typename ... on Error { code message fields { field message } } } }`;
    const GROUP = `mutation($input: CreatePurchasingGroupInput!) { createPurchasingGroup(input: $input) { __typename ... on Error { code message fields { field message } } } }`;
    const group = { title: 'Groupement de test', toolSlug: 'leakmited', interestDeadline: '2099-01-01T00:00:00Z', allocationRule: 'BY_POPULATION', volumeUnit: 'INHABITANTS' };
    const DEPLOYMENT = `mutation($id: ID!, $input: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $input) { __typename ... on Error { code message fields { field message } } } }`;
    const cases: [Client, string, () => Record<string, unknown>, string, string, RegExp][] = [
      [admin, FIGURE, () => ({ input: { ...figure, pue: '1234.50' } }), 'createImpactFigure', 'pue', /« pue » : 2 chiffres avant la virgule et 3 décimales/],
      [admin, FIGURE, () => ({ input: { ...figure, energyWhPerRequest: '-0.3' } }), 'createImpactFigure', 'energyWhPerRequest', /positif/],
      [admin, FIGURE, () => ({ input: { ...figure, gco2ePerRequest: '0.0000001' } }), 'createImpactFigure', 'gco2ePerRequest', /6 décimales/],
      [admin, PLAN, () => ({ id: ids.plan, input: { unitPrice: '123456789' } }), 'updatePricingPlan', 'unitPrice', /8 chiffres avant la virgule/],
      [admin, PLAN, () => ({ id: ids.plan, input: { setupFee: '10.001' } }), 'updatePricingPlan', 'setupFee', /2 décimales/],
      [admin, PLAN, () => ({ id: ids.plan, input: { minimumAnnualAmount: '-5' } }), 'updatePricingPlan', 'minimumAnnualAmount', /montant positif/],
      [admin, PLAN, () => ({ id: ids.plan, input: { tiers: [{ minVolume: '1', unitPrice: '1' }, { minVolume: '99999999999999999', unitPrice: '1' }] } }), 'updatePricingPlan', 'tiers', /minVolume/],
      [admin, PLAN, () => ({ id: ids.plan, input: { unitPrice: 'douze' } }), 'updatePricingPlan', 'unitPrice', /nombre décimal invalide/],
      [coordinator, GROUP, () => ({ input: { ...group, listUnitPrice: '999999999999' } }), 'createPurchasingGroup', 'listUnitPrice', /8 chiffres avant la virgule/],
      [coordinator, GROUP, () => ({ input: { ...group, tiers: [{ minVolume: '10', unitPrice: '-1' }] } }), 'createPurchasingGroup', 'tiers', /positif/],
      [agent, DEPLOYMENT, () => ({ id: ids.deployment, input: { annualCost: '1e5' } }), 'updateDeployment', 'annualCost', /nombre décimal invalide/],
      [agent, DEPLOYMENT, () => ({ id: ids.deployment, input: { annualCost: '1000000000000' } }), 'updateDeployment', 'annualCost', /12 chiffres avant la virgule et 2 décimales/],
    ];
    for (const [client, query, variables, field, name, message] of cases) {
      const error = validation(await client.gql(query, variables()), field);
      expect(error, `${field}.${name}`).toMatchObject({ code: 'VALIDATION', fields: [{ field: name, message: expect.stringMatching(message) }] });
    }
    expect(await fingerprint(t)).toEqual(before);
  });

  it('refuses null on a required column in every create and update input, and leaves undefined fields unchanged', async () => {
    const before = await fingerprint(t);
    const provider = (await t.db.sql.query<{ slug: string }>(`SELECT slug FROM "Provider" ORDER BY id LIMIT 1`))[0]!.slug;
    const ERR = '{ __typename ... on Error { code message fields { field message } } }';
    const cases: [Client, string, Record<string, unknown>, string, string[]][] = [
      [admin, `mutation($input: ProviderInput!) { updateProvider(slug: "${provider}", input: $input) ${ERR} }`, { input: { name: null, country: null, kind: null, verified: null, certifications: null } }, 'updateProvider', ['certifications', 'country', 'kind', 'name', 'verified']],
      [admin, `mutation($input: ToolInput!) { updateTool(slug: "leakmited", input: $input) ${ERR} }`, { input: { name: null, description: null, deploymentMode: null, secNumCloud: null, rgaaStatus: null, models: null, languages: null } }, 'updateTool', ['deploymentMode', 'description', 'languages', 'models', 'name', 'rgaaStatus', 'secNumCloud']],
      [admin, `mutation($id: ID!, $input: PricingPlanInput!) { updatePricingPlan(id: $id, input: $input) ${ERR} }`, { id: ids.plan, input: { name: null, pricingModel: null, unitPrice: null, setupFee: null, source: null, sourceDate: null } }, 'updatePricingPlan', ['name', 'pricingModel', 'setupFee', 'source', 'sourceDate', 'unitPrice']],
      [admin, `mutation($id: ID!, $input: ImpactFigureInput!) { updateImpactFigure(id: $id, input: $input) ${ERR} }`, { id: ids.figure, input: { method: null, sourceUrl: null, sourceDate: null } }, 'updateImpactFigure', ['method', 'sourceDate', 'sourceUrl']],
      [admin, `mutation($input: ProviderInput!) { createProvider(input: $input) ${ERR} }`, { input: { slug: 'nouveau', name: 'Nouveau', country: 'FR', kind: null } }, 'createProvider', ['kind']],
      [agent, `mutation($id: ID!, $input: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $input) ${ERR} }`, { id: ids.deployment, input: { status: null } }, 'updateDeployment', ['status']],
    ];
    for (const [client, query, variables, field, names] of cases) {
      const error = validation(await client.gql(query, variables), field);
      expect(error.code, `${field}: ${error.message}`).toBe('VALIDATION');
      expect(error.fields.map((f) => f.field).sort(), field).toEqual(names);
      expect(error.fields.every((f) => /obligatoire/.test(f.message))).toBe(true);
    }
    expect(await fingerprint(t)).toEqual(before);
    // null still clears an optional column
    const cleared = await agent.gql(`mutation($id: ID!) { updateDeployment(id: $id, input: { service: null }) { __typename ... on MutationUpdateDeploymentSuccess { data { service status } } } }`, { id: ids.deployment });
    expect(cleared.data!.updateDeployment).toMatchObject({ __typename: 'MutationUpdateDeploymentSuccess', data: { service: null } });
  });

  it('parses global IDs strictly: only canonical positive int4 ids of the right type find a record', async () => {
    const before = await fingerprint(t);
    const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
    const ok = await admin.gql(NODE, { id: ids.user });
    expect(ok).toEqual({ data: { node: { __typename: 'User', id: ids.user } } });
    const userId = Buffer.from(ids.user, 'base64').toString().split(':')[1]!;
    const bad = [
      id('Tool', 'abc'), id('Tool', '1e20'), id('User', `${userId}.5`), id('User', `${userId}.0`), id('User', `+${userId}`), id('User', `0${userId}`),
      id('Tool', '2147483648'), id('Tool', '99999999999999999999'), id('Tool', '0'), id('Tool', '-1'), `${ids.user} `, ` ${ids.user}`, 'abc', '',
      // not canonical base64 of "User:12": missing padding, extra padding, non-zero trailing bits
      'VXNlcjoxMg', 'VXNlcjoxMg===', 'VXNlcjoxMh==', id('Foo', '1'), id('user', '1'),
    ];
    for (const value of bad) {
      expect(validation(await admin.gql(NODE, { id: value }), 'node'), value).toMatchObject({ code: 'VALIDATION', message: 'Identifiant invalide.' });
    }
    const nodes = await admin.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [ids.user, id('User', `0${userId}`)] });
    expect(validation(nodes, 'nodes')).toMatchObject({ code: 'VALIDATION', message: 'Identifiant invalide.' });
    const ERR = '{ __typename ... on Error { code message } }';
    const typed: [Client, string, Record<string, unknown>, string][] = [
      [admin, `mutation($id: ID!) { archivePricingPlan(id: $id) ${ERR} }`, { id: ids.tool }, 'archivePricingPlan'],
      [admin, `mutation($id: ID!) { archivePricingPlan(id: $id) ${ERR} }`, { id: id('PricingPlan', '1e20') }, 'archivePricingPlan'],
      [admin, `mutation($id: ID!) { approveMembership(userId: $id) ${ERR} }`, { id: id('User', `${userId}.5`) }, 'approveMembership'],
      [agent, `mutation($id: ID!) { updateDeployment(id: $id, input: {}) ${ERR} }`, { id: ids.review }, 'updateDeployment'],
      [agent, `mutation($id: ID!) { voteReviewHelpful(reviewId: $id) ${ERR} }`, { id: id('Review', '01') }, 'voteReviewHelpful'],
      [admin, `query($id: ID!) { purchasingGroup(id: $id) { id } }`, { id: ids.tool }, 'purchasingGroup'],
      [admin, `query($id: ID!) { purchasingGroup(id: $id) { id } }`, { id: id('PurchasingGroup', 'abc') }, 'purchasingGroup'],
    ];
    for (const [client, query, variables, field] of typed) {
      expect(validation(await client.gql(query, variables), field), `${field} ${JSON.stringify(variables)}`).toMatchObject({ code: 'VALIDATION', message: 'Identifiant invalide.' });
    }
    expect(await fingerprint(t)).toEqual(before);
  });

  it('checks query arguments too: searches, filters, identifiers and pagination', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query($s: String!) { organization(siren: $s) { name } }', { s: '2125\u000000565' }, 'organization'],
      ['query($s: String) { tools(search: $s) { totalCount } }', { s: 'eau\u0000' }, 'tools'],
      ['query($s: String) { organizations(filter: { search: $s }) { totalCount } }', { s: 'x'.repeat(MAX_LINE_LENGTH + 1) }, 'organizations'],
      ['query($s: [String!]) { tools(filter: { categories: $s }) { totalCount } }', { s: ['a\nb'] }, 'tools'],
      ['query($s: String) { auditEvents(filter: { action: $s }) { totalCount } }', { s: 'review.\u0007submit' }, 'auditEvents'],
      ['query { organizations(first: -1) { totalCount } }', {}, 'organizations'],
      // a connection read through the relation select of an argument-less parent (found by the fuzzer, seed 1063539267)
      ['query { viewer { organization { members(first: -1, last: 0) { totalCount } } } }', {}, 'viewer'],
      ['query { organizations(after: "n’importe quoi") { totalCount } }', {}, 'organizations'],
      ['query { purchasingGroups(after: "R1BDOk46MWUyMA==") { totalCount } }', {}, 'purchasingGroups'],
      ['query { tools(after: "garbage") { totalCount } }', {}, 'tools'],
    ];
    for (const [query, variables, field] of cases) {
      const error = validation(await admin.gql(query, variables), field);
      expect(error.code, `${query} → ${error.message}`).toBe('VALIDATION');
    }
  });
});
