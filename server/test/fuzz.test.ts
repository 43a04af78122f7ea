import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, SESSION_COOKIE } from '../src/modules/auth/session.ts';
import { hashPassword } from '../src/modules/auth/password.ts';
import { schema } from '../src/graphql/schema.ts';
import { changesSince, fingerprint, installChangeLog, lastChange, tablesChangedSince } from './db-watch.ts';
import { backends, createTestApp, sessionCookieOf, SIGN_IN, type TestApp } from './helpers.ts';

/**
 * Hostile-input fuzzing of the whole GraphQL API, as every role, through `app.fetch`.
 *
 * Requests are generated from the real schema with fast-check (seeded: FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<n>
 * changes its size). Every response must be: below 500, answered within REQUEST_TIMEOUT_MS, free of the masked
 * "Erreur interne" error, and every GraphQL error must carry an accepted `extensions.code`. A database change log
 * (row triggers on every table but sessions and rate-limit counters) must stay still across every query, every
 * malformed request and every refused mutation; only successful mutations may change data.
 */

/** Tables a background DECP import writes after the request that started it has been answered. */
const BACKGROUND_IMPORT_TABLES = ['DecpImport', 'PublicContract', 'PublicContractHolder', 'PublicContractModification'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Codes an error may carry. The application's own (src/graphql/errors.ts), and those graphql-yoga gives to requests
 * it rejects before execution (syntax, validation against the schema, variable coercion, malformed HTTP).
 */
const APP_CODES = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'RATE_LIMITED'];
const PROTOCOL_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_ID_REQUIRED'];
/** The query limits (src/graphql/limits.ts: depth, aliases, tokens, directives, nodes, cost). */
const LIMIT_CODES = ['QUERY_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE'];
const ACCEPTED_CODES = new Set([...APP_CODES, ...PROTOCOL_CODES, ...LIMIT_CODES]);
const MASKED = /Erreur interne/i;
/**
 * graphql-js rejects variables that do not fit their declared type before anything runs, with no code and no path
 * (yoga answers them as a request error): acceptable, as the brief for this test says, as long as it is not a 500.
 */
const GRAPHQL_JS_REQUEST_ERROR =
  /^(Variable "\$[_A-Za-z][_0-9A-Za-z]*" (got invalid value|of required type|of non-null type)|Too many errors processing variables, error limit reached\. Execution aborted\.$|Schema is not configured to execute subscription operation\.$)/;

type Role = 'anonymous' | 'pending' | 'member' | 'orgAdmin' | 'epciAdmin' | 'otherOrgAdmin' | 'auditor' | 'provider' | 'admin';
const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  pending: 'nouvel.agent@besancon.test',
  member: 'agent@besancon.test',
  orgAdmin: 'dsi@besancon.test',
  epciAdmin: 'dsi@grandbesancon.test',
  otherOrgAdmin: 'dsi@dijon.test',
  auditor: 'auditeur@mutualis.test',
  provider: 'fournisseur@mistral.test',
  admin: 'admin@mutualis.test',
};
const ROLES = ['anonymous', ...Object.keys(ACCOUNTS)] as Role[];

/** signOut would end the role's own session; everything else is fair game. */
const SKIPPED_MUTATIONS = new Set(['signOut']);

// ------------------------------------------------------------------------------------------ hostile values

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001b[31m\u001f\u007f',
  '\r\n\t\v\f',
  "' OR '1'='1",
  `'; DROP TABLE "User"; --`,
  `"); SELECT pg_sleep(5); --`,
  `1; UPDATE "User" SET roles = '{ADMIN}'`,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '%00%27%22',
  '\\',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '[]',
  '{}',
  '\u202Eevil\u202C',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '𝕳𝖊𝖑𝖑𝖔 😀👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  'İstanbul ß ﬃ',
  '212500565',
  '2125005650',
  ' 212 500 565 ',
  '000000000',
  'javascript:alert(1)',
  'https://',
  'http://127.0.0.1:5432/',
  'file:///etc/passwd',
  '*',
  '%',
  '_%_',
  '\\%',
  ':*',
  '& | ! ( ) <-> :*',
  "'''",
  'a'.repeat(5_000),
  'é'.repeat(20_000),
  'x'.repeat(300_000),
];

const NASTY_INTS = [
  0, 1, -1, 2, 3, 5, 10, 100, 1_000, 10_000, -2_147_483_648, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e20, -1e20, 1.5, -0.5,
  Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308, -1e308, 5e-324,
];

const NASTY_DATES = [
  '2024-01-15', '1900-01-01', '0001-01-01', '9999-12-31', '2999-12-31', '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10',
  '0000-00-00', '24-01-01', '2024-1-1', '', 'now', '2024-01-01T00:00:00Z', '2024-01-01T25:61:61Z', '+275760-09-13', '-000001-01-01',
  '1e10', '2024/01/01', '01/02/2024', '2024-01-01\u0000', ' 2024-01-01', '9'.repeat(40),
];

const NASTY_DECIMALS = [
  '0', '1', '1234.50', '-1', '-0', '0.001', '0.000001', '0.0000001', '999999999999999.999999', '999999999999999', '9999999999999999',
  '1e5', '1E-7', 'NaN', 'Infinity', '-Infinity', '12,5', ' 12.5 ', '0x10', '.5', '5.', '+5', '١٢٣', '1_000', '', ' ', '--1', '1.2.3',
];

const FORGED_ID_BODIES = [
  'abc', '1e20', '1.5', '01', '-1', '0', '0x10', ' 1', '1 ', '2147483648', '99999999999999999999', '9'.repeat(400), 'NaN', 'Infinity', '',
  '1;DROP TABLE "Tool"', '\u0000', '1\u0000',
];
const NODE_TYPES = ['Tool', 'User', 'Organization', 'Deployment', 'Review', 'Provider', 'Category', 'PricingPlan', 'ImpactFigure', 'PurchasingGroup', 'GroupMembership', 'AuditEvent', 'Nope', '__proto__'];

function forgedIds(): string[] {
  const ids: string[] = ['', 'Tool:abc', 'Tool:1e20', 'User:1.5', 'Tool:01', '!!!!', '====', 'AAAA', 'VG9vbA', 'VG9vbDo', '%%%', 'Zm9v\u0000', 'a'.repeat(10_000)];
  for (const type of NODE_TYPES) for (const body of FORGED_ID_BODIES) ids.push(b64(`${type}:${body}`));
  ids.push(b64('Tool'), b64(':1'), b64('Tool:1:2'), b64('tool:1'), b64('TOOL:1'), b64(`${'A'.repeat(5000)}:1`), b64('\u0000:1'));
  return ids;
}
const FORGED_IDS = forgedIds();

const WRONG_TYPES: unknown[] = [123, -1, 1.5, 'texte', true, false, {}, [], { a: 1 }, [null], [[[]]], { __proto__: 1 }, { constructor: { prototype: {} } }];

interface Pools {
  strings: string[];
  ids: string[];
}

// ------------------------------------------------------------------------------------------ generation

type G = fc.GeneratorValue;
const pick = <T>(g: G, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })]!;
const chance = (g: G, p: number) => g(fc.nat, { max: 999 }) < p * 1000;

class FuzzRequest {
  kind: 'query' | 'mutation' | 'http' = 'query';
  field = '';
  /** The alias of the single root mutation field, when kind is mutation. */
  rootAlias = '';
  method = 'POST';
  headers: Record<string, string> = {};
  body: string | undefined;
  url = 'http://test/graphql';
  /** A request that must not change anything even if it is a mutation (CSRF, GET…). */
  mustBeRefused = false;
}

class Generator {
  private vars: string[] = [];
  private values: Record<string, unknown> = {};
  private useVariables = true;
  /** Off for a share of the requests: every value then has the right type (hostile only in content), so that the
   * call reaches the resolvers' authorization and validation instead of graphql-js's type checks. */
  private wrongTypes = true;
  constructor(
    private readonly g: G,
    private readonly pools: Pools,
  ) {}

  scalar(name: string): unknown {
    const g = this.g;
    switch (name) {
      case 'Int':
        if (!this.wrongTypes) return chance(g, 0.6) ? pick(g, NASTY_INTS.filter((n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31)) : g(fc.integer, { min: -5, max: 100 });
        return chance(g, 0.7) ? pick(g, NASTY_INTS) : g(fc.integer);
      case 'Float':
        return chance(g, 0.7) ? pick(g, NASTY_INTS) : g(fc.double, { noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return g(fc.boolean);
      case 'ID':
        return chance(g, this.wrongTypes ? 0.45 : 0.7) ? pick(g, this.pools.ids) : chance(g, 0.8) ? pick(g, FORGED_IDS) : this.string();
      case 'Date':
      case 'DateTime':
        if (!this.wrongTypes) return chance(g, 0.5) ? pick(g, NASTY_DATES.slice(0, 8)) : `${g(fc.integer, { min: 1990, max: 2030 })}-0${g(fc.integer, { min: 1, max: 9 })}-1${g(fc.nat, { max: 9 })}`;
        return chance(g, 0.85) ? pick(g, NASTY_DATES) : this.string();
      case 'Decimal':
        if (!this.wrongTypes) return chance(g, 0.5) ? pick(g, NASTY_DECIMALS.slice(0, 11)) : `${g(fc.nat, { max: 100_000 })}.${g(fc.nat, { max: 99 })}`;
        return chance(g, 0.85) ? pick(g, NASTY_DECIMALS) : chance(g, 0.5) ? pick(g, NASTY_INTS) : this.string();
      case 'JSON':
        return g(fc.jsonValue, { maxDepth: 3 });
      default:
        return this.string();
    }
  }

  string(): string {
    const g = this.g;
    const r = g(fc.nat, { max: 9 });
    if (r < 4) return pick(g, this.pools.strings);
    if (r < 7) return pick(g, NASTY_STRINGS);
    if (r < 8) return g(fc.string, { maxLength: 40 });
    if (r < 9) return g(fc.fullUnicodeString, { maxLength: 40 });
    return pick(g, this.pools.strings) + pick(g, NASTY_STRINGS);
  }

  /** A value for an input type: mostly of that type (hostile within it), sometimes null or of a wrong type. */
  input(type: GraphQLInputType, depth = 0): unknown {
    const g = this.g;
    if (this.wrongTypes && chance(g, 0.04)) return null;
    if (this.wrongTypes && chance(g, 0.04)) return pick(g, WRONG_TYPES);
    if (isNonNullType(type)) return this.input(type.ofType, depth);
    if (isListType(type)) {
      if (chance(g, 0.1)) return this.input(type.ofType, depth + 1); // a single value where a list is expected (coerced)
      const n = chance(g, 0.05) ? g(fc.integer, { min: 50, max: 300 }) : g(fc.nat, { max: 5 });
      return Array.from({ length: n }, () => this.input(type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      if (!this.wrongTypes || chance(g, 0.85)) return pick(g, values);
      return pick(g, [pick(g, values).toLowerCase(), 'NOPE', '', pick(g, values) + ' ']);
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (chance(g, required ? (this.wrongTypes ? 0.93 : 1) : 0.45)) out[field.name] = this.input(field.type, depth + 1);
      }
      if (this.wrongTypes && chance(g, 0.05)) out[pick(g, ['unknownField', '__proto__', 'id', 'organizationId', 'roles', 'isDemo'])] = pick(g, WRONG_TYPES);
      return out;
    }
    return this.scalar(type.name);
  }

  /** Arguments of a field, as GraphQL text: variables (the usual) or inline literals. */
  args(args: readonly GraphQLArgument[]): string {
    const g = this.g;
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!chance(g, required ? (this.wrongTypes ? 0.94 : 1) : 0.5)) continue;
      const value = this.input(arg.type);
      if (this.useVariables) {
        const name = `v${this.vars.length}`;
        const declared = this.wrongTypes && chance(g, 0.03) ? pick(g, ['String', 'Int!', 'ID', '[String!]!', 'Boolean']) : String(arg.type);
        this.vars.push(`$${name}: ${declared}`);
        if (!this.wrongTypes || !chance(g, 0.03)) this.values[name] = value; // sometimes a declared variable is missing
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  field(field: GraphQLField<unknown, unknown>, depth: number, alias?: string): string {
    const named = getNamedType(field.type);
    const head = `${alias ? `${alias}: ` : ''}${field.name}${this.args(field.args)}`;
    if (isLeafType(named)) return head;
    return `${head} ${this.selection(named as GraphQLCompositeType, depth + 1)}`;
  }

  selection(type: GraphQLCompositeType, depth: number): string {
    const g = this.g;
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const parts = ['__typename'];
      if (isInterfaceType(type) && chance(g, 0.5)) parts.push(this.fields(type, depth));
      const n = g(fc.integer, { min: 1, max: Math.min(3, possible.length) });
      for (let i = 0; i < n; i++) {
        const member = pick(g, possible);
        parts.push(`... on ${member.name} ${this.selection(member, depth)}`);
      }
      return `{ ${parts.join(' ')} }`;
    }
    return `{ ${this.fields(type, depth)} }`;
  }

  private fields(type: GraphQLCompositeType & { getFields(): Record<string, GraphQLField<unknown, unknown>> }, depth: number): string {
    const g = this.g;
    const all = Object.values(type.getFields());
    const leaves = all.filter((f) => isLeafType(getNamedType(f.type)));
    const candidates = depth >= 4 ? leaves : all;
    if (!candidates.length) return '__typename';
    const n = g(fc.integer, { min: 1, max: Math.min(4, candidates.length) });
    const parts = chance(this.g, 0.3) ? ['__typename'] : [];
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const field = pick(g, candidates);
      parts.push(this.field(field, depth, seen.has(field.name) ? `f${i}` : undefined)); // an alias only where one is needed
      seen.add(field.name);
    }
    return parts.join(' ');
  }

  /** A GraphQL query or mutation document with its variables. */
  operation(kind: 'query' | 'mutation'): FuzzRequest {
    const g = this.g;
    this.vars = [];
    this.values = {};
    this.useVariables = chance(g, 0.7);
    this.wrongTypes = chance(g, 0.45);
    const request = new FuzzRequest();
    request.kind = kind;
    let body: string;
    if (kind === 'mutation') {
      const fields = Object.values(schema.getMutationType()!.getFields()).filter((f) => !SKIPPED_MUTATIONS.has(f.name));
      const field = pick(g, fields);
      request.field = field.name;
      request.rootAlias = 'm';
      const named = getNamedType(field.type) as GraphQLCompositeType;
      const success = isUnionType(named) ? named.getTypes().find((t) => t.name.endsWith('Success')) : undefined;
      const inner = success
        ? `{ __typename ... on Error { code message fields { field message } } ... on ${success.name} ${this.selection(success, 1)} }`
        : this.selection(named, 1);
      body = `m: ${field.name}${this.args(field.args)} ${inner}`;
    } else {
      const fields = Object.values(schema.getQueryType()!.getFields());
      const n = g(fc.integer, { min: 1, max: 3 });
      const parts: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const field = pick(g, fields);
        request.field ||= field.name;
        parts.push(this.field(field, 1, seen.has(field.name) || chance(g, 0.1) ? `q${i}` : undefined));
        seen.add(field.name);
      }
      body = parts.join(' ');
    }
    const header = this.vars.length ? `(${this.vars.join(', ')})` : '';
    const query = `${kind} Fuzz${header} { ${body} }`;
    request.body = JSON.stringify({ query, variables: this.values });
    return request;
  }
}

/** A value as a GraphQL literal for `type` (enum values bare, the rest JSON-like). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = isNonNullType(type) ? type.ofType : type;
    return `[${value.map((v) => literal(v, isListType(item) ? item.ofType : item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${literal(v, (fields[k]?.type ?? named) as GraphQLInputType)}`);
    return `{${parts.join(', ')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  if (typeof value === 'string' && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** Requests that are not well-formed GraphQL-over-HTTP, or that probe the HTTP layer. */
function malformed(g: G, pools: Pools): FuzzRequest {
  const r = new FuzzRequest();
  r.kind = 'http';
  r.headers = { 'content-type': 'application/json', 'x-mutualis-csrf': '1' };
  const safeMutation = `mutation { setCharter(organizationSiren: "212500565", status: PLANNED, url: "https://fuzz.test/csrf") { __typename } }`;
  const cases: (() => void)[] = [
    () => (r.body = pick(g, ['', 'not json', '{', '{"query":', 'null', '[]', '1', '"q"', '{"query": 5}', '{"query": null}', '{"query": ["{__typename}"]}', '{"query": {"a": 1}}'])),
    () => (r.body = JSON.stringify({ query: '{ __typename }', variables: pick(g, ['str', 1, [1], true]) })),
    () => (r.body = JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: pick(g, [5, 'C', '', null, ['A']]) })),
    () => (r.body = JSON.stringify([{ query: '{ __typename }' }, { query: safeMutation }])),
    () => (r.body = JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
    () => (r.body = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } })),
    () => {
      r.headers['content-type'] = pick(g, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/json; charset=latin1', 'application/xml', '', '*/*']);
      r.body = pick(g, [JSON.stringify({ query: '{ __typename }' }), 'query=%7B__typename%7D', '{ __typename }', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{__typename}"}\r\n--x--']);
    },
    () => {
      // a write without the CSRF header, or from another (or an opaque) origin: refused, nothing changes
      r.mustBeRefused = true;
      r.body = JSON.stringify({ query: safeMutation });
      const variant = g(fc.nat, { max: 4 });
      if (variant === 0) delete r.headers['x-mutualis-csrf'];
      if (variant === 1) r.headers.origin = 'null';
      if (variant === 2) r.headers.origin = 'https://evil.test';
      if (variant === 3) r.headers.origin = pick(g, ['not a url', 'http://', 'http://test:99999', 'file://', 'http://[::1']);
      if (variant === 4) {
        r.headers['content-type'] = 'text/plain';
        delete r.headers['x-mutualis-csrf'];
      }
    },
    () => {
      // GET: queries are fine, mutations must be refused
      r.method = 'GET';
      r.body = undefined;
      const query = chance(g, 0.5) ? '{ tools(first: 2) { totalCount } }' : safeMutation;
      r.mustBeRefused = true;
      r.url = `http://test/graphql?query=${encodeURIComponent(query)}${chance(g, 0.3) ? '&variables=%7Bbad' : ''}`;
    },
    () => {
      r.method = pick(g, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      r.mustBeRefused = true;
      if (r.method !== 'HEAD' && r.method !== 'OPTIONS') r.body = JSON.stringify({ query: safeMutation });
      if (r.method === 'OPTIONS') Object.assign(r.headers, { origin: 'https://evil.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-mutualis-csrf' });
    },
    () => {
      // many aliases
      const n = pick(g, [500, 2_000, 10_000]);
      const field = pick(g, ['__typename', 'viewer { id }', 'categories { id name }', 'tools(first: 50) { totalCount edges { node { name } } }']);
      r.body = JSON.stringify({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }` });
    },
    () => {
      // deep nesting: through a cycle of the schema, or plain braces
      const depth = pick(g, [20, 60, 200, 2_000]);
      if (chance(g, 0.5)) {
        let q = 'id';
        for (let i = 0; i < depth; i++) q = `members(first: 3) { edges { node { name ${q} } } }`;
        r.body = JSON.stringify({ query: `{ organization(siren: "242500361") { ${q} } }` });
      } else {
        r.body = JSON.stringify({ query: `${'{ a: __typename '.repeat(1)}${'{'.repeat(depth)}${'}'.repeat(depth)}` });
      }
    },
    () => {
      // fragments: cycles, fan-out, directive spam
      const variant = g(fc.nat, { max: 3 });
      if (variant === 0) r.body = JSON.stringify({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
      if (variant === 1) {
        const frags = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { a${i}: __typename ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ');
        r.body = JSON.stringify({ query: `{ ...F0 } ${frags}` });
      }
      if (variant === 2) r.body = JSON.stringify({ query: `{ __typename ${'@include(if: true) '.repeat(5_000)} }` });
      if (variant === 3) r.body = JSON.stringify({ query: `query(${Array.from({ length: 3_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }` });
    },
    () => {
      // introspection and unknown things
      r.body = JSON.stringify({
        query: pick(g, [
          '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }',
          '{ __type(name: "User") { fields { name } } }',
          '{ nope }',
          'subscription { x }',
          '{ viewer { passwordHash } }',
          '{ __typename @skip }',
          '{ node(id: "x") { ... on Nope { id } } }',
          '\u0000',
          '#'.repeat(100_000),
          '{ "' + 'a'.repeat(1_000) + '" }',
        ]),
      });
    },
    () => {
      // odd headers with an otherwise fine request
      r.body = JSON.stringify({ query: `{ viewer { id email roles } tool(slug: ${JSON.stringify(pick(g, pools.strings))}) { name } }` });
      Object.assign(
        r.headers,
        pick(g, [
          { cookie: `${SESSION_COOKIE}=${'A'.repeat(8_000)}` },
          { cookie: `${SESSION_COOKIE}=; ${SESSION_COOKIE}=x; ${SESSION_COOKIE}=%00%ff` },
          { cookie: `${SESSION_COOKIE}=${encodeURIComponent("' OR 1=1 --")}` },
          { cookie: ';;;==;=' },
          { 'x-request-id': 'r'.repeat(20_000) },
          { 'x-request-id': '\u00e9t\u00e9' },
          { 'x-forwarded-for': '1.2.3.4, ' + '9.9.9.9, '.repeat(200) },
          { accept: 'application/graphql-response+json' },
          { accept: 'text/event-stream' },
          { accept: 'multipart/mixed' },
          { accept: 'text/html' },
          { accept: 'image/png' },
          { 'content-encoding': 'gzip' },
          { 'content-type': 'application/json; charset=utf-16' },
          { host: 'evil.test', origin: 'https://evil.test' },
          { origin: 'null' },
          { 'transfer-encoding': 'chunked' },
        ]),
      );
    },
    () => {
      // a big body
      r.body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(pick(g, [100_000, 2_000_000, 12_000_000])) } });
    },
  ];
  pick(g, cases)();
  return r;
}

// ------------------------------------------------------------------------------------------ the run

interface Failure {
  index: number;
  role: Role;
  kind: string;
  field: string;
  problem: string;
  request: string;
  response: string;
}

const clip = (s: string | undefined, n = 600) => (s === undefined ? '' : s.length > n ? `${s.slice(0, n)}… (${s.length} car.)` : s);

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Problems of one JSON GraphQL response: error codes, masked errors. */
function errorProblems(body: unknown): string[] {
  const problems: string[] = [];
  const responses = Array.isArray(body) ? body : [body];
  for (const response of responses) {
    const errors = (response as { errors?: { message?: string; path?: unknown[]; extensions?: { code?: unknown } }[] })?.errors ?? [];
    for (const error of errors) {
      const code = error.extensions?.code;
      if (MASKED.test(String(error.message))) problems.push(`masked error (${String(code ?? 'no code')})`);
      else if (typeof code !== 'string' && !error.path && GRAPHQL_JS_REQUEST_ERROR.test(String(error.message))) continue;
      else if (typeof code !== 'string') problems.push(`error without extensions.code: ${clip(error.message, 160)}`);
      else if (!ACCEPTED_CODES.has(code)) problems.push(`unexpected code ${code}: ${clip(error.message, 160)}`);
    }
  }
  return problems;
}

describe.each(backends)('fuzzing the GraphQL API on %s', (backend) => {
  let t: TestApp;
  let tables: string[];
  const cookies = {} as Record<Role, string | undefined>;
  const actorIds = {} as Record<Role, number>;
  let actorState: { id: number; roles: string; membershipStatus: string; providerId: number | null; organizationId: number }[];
  const pools: Pools = { strings: [], ids: [] };

  beforeAll(async () => {
    t = await createTestApp(backend);
    // targets for user mutations that are not the fuzzing roles themselves
    const hash = await hashPassword('fuzz-target-password');
    await t.db.sql.query(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
       SELECT e.email, e.name, $1, o.id, ARRAY['MEMBER']::"Role"[], e.status::"MembershipStatus", now()
         FROM (VALUES ('cible.attente@besancon.test', 'Cible en attente', 'PENDING', '212500565'),
                      ('cible.membre@dijon.test', 'Cible membre', 'APPROVED', '242100410')) AS e(email, name, status, siren)
         JOIN "Organization" o ON o.siren = e.siren`,
      [hash],
    );
    for (const [role, email] of Object.entries(ACCOUNTS) as [Role, string][]) {
      const response = await t.post({ query: SIGN_IN, variables: { email, password: 'mutualis-demo' } });
      const body = (await response.json()) as { data?: { signIn: { __typename: string; data?: { id: string } } } };
      cookies[role] = sessionCookieOf(response);
      if (!cookies[role]) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(body)}`);
    }
    const users = await t.db.sql.query<{ id: number; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [Object.values(ACCOUNTS)]);
    for (const [role, email] of Object.entries(ACCOUNTS) as [Role, string][]) actorIds[role] = users.find((u) => u.email === email)!.id;
    actorState = await snapshotActors();

    // real values, so that some calls reach the authorization and domain checks
    const q = <T>(sql: string) => t.db.sql.query<T>(sql);
    const slugs = await q<{ slug: string }>(`SELECT slug FROM "Tool" ORDER BY random() LIMIT 12`);
    const providers = await q<{ slug: string }>(`SELECT slug FROM "Provider" ORDER BY slug LIMIT 5`);
    pools.strings.push(...slugs.map((r) => r.slug), ...providers.map((r) => r.slug), 'mistral', 'albert');
    pools.strings.push('212500565', '242500361', '242100410', '200053759', 'agent@besancon.test', 'nouvel.agent@besancon.test', 'fuzz@example.test');
    pools.strings.push('Un avis assez long pour passer la validation du corps.', 'Titre correct', 'https://example.test/charte.pdf', 'IA générative');
    const gid = (type: string, id: unknown) => b64(`${type}:${id}`);
    const ids = async (type: string, sql: string) => (await q<{ id: unknown }>(sql)).forEach((r) => pools.ids.push(gid(type, r.id)));
    await ids('Deployment', `SELECT id FROM "Deployment" ORDER BY random() LIMIT 8`);
    await ids('Deployment', `SELECT d.id FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId" WHERE o.siren IN ('212500565', '242100410') LIMIT 6`);
    await ids('Review', `SELECT id FROM "Review" ORDER BY random() LIMIT 6`);
    await ids('PurchasingGroup', `SELECT id FROM "PurchasingGroup" ORDER BY random() LIMIT 6`);
    await ids('PricingPlan', `SELECT id FROM "PricingPlan" ORDER BY random() LIMIT 4`);
    await ids('ImpactFigure', `SELECT id FROM "ImpactFigure" ORDER BY random() LIMIT 4`);
    await ids('AuditEvent', `SELECT id FROM "AuditEvent" ORDER BY random() LIMIT 3`);
    await ids('User', `SELECT id FROM "User" WHERE email LIKE 'cible.%'`);
    await ids('Organization', `SELECT id FROM "Organization" WHERE siren IN ('212500565', '242100410')`);
    pools.ids.push(gid('Tool', (await q<{ id: number }>(`SELECT id FROM "Tool" LIMIT 1`))[0]!.id));
    // a Deployment id presented as another type, and the other way round
    pools.ids.push(gid('Review', 1), gid('Tool', 1));

    // the application connects as mutualis_app, which may not create triggers: the owner installs them
    tables = await t.db.asOwner((sql) => installChangeLog(sql));
  });
  afterAll(() => t?.close());

  async function snapshotActors() {
    return t.db.sql.query<{ id: number; roles: string; membershipStatus: string; providerId: number | null; organizationId: number }>(
      `SELECT id, array_to_string(roles, ',') AS roles, "membershipStatus"::text AS "membershipStatus", "providerId", "organizationId"
         FROM "User" WHERE id = ANY($1) ORDER BY id`,
      [Object.values(actorIds)],
    );
  }

  /**
   * A successful fuzzed mutation may have changed a role's own account (a forged `User:01` is user 1) or ended its
   * session: put the roles back as they were, outside the measured window, so that each role stays what it claims.
   */
  async function restoreActors(): Promise<string[]> {
    const notes: string[] = [];
    const now = await snapshotActors();
    for (const before of actorState) {
      const after = now.find((u) => u.id === before.id);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        notes.push(`user ${before.id} changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        await t.db.sql.query(
          `UPDATE "User" SET roles = string_to_array($2, ',')::"Role"[], "membershipStatus" = $3::"MembershipStatus", "providerId" = $4, "organizationId" = $5 WHERE id = $1`,
          [before.id, before.roles, before.membershipStatus, before.providerId, before.organizationId],
        );
      }
    }
    for (const [role, cookie] of Object.entries(cookies) as [Role, string | undefined][]) {
      if (!cookie) continue;
      const token = decodeURIComponent(cookie.split('=').slice(1).join('='));
      const [session] = await t.db.sql.query(`SELECT 1 FROM "Session" WHERE "tokenHash" = $1`, [hashToken(token)]);
      if (!session) {
        notes.push(`session of ${role} ended`);
        await t.db.sql.query(`INSERT INTO "Session" ("tokenHash", "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [hashToken(token), actorIds[role]]);
      }
    }
    return notes;
  }

  it(`survives ${RUNS} hostile requests, as every role, and refused calls change nothing`, { timeout: 600_000 }, async () => {
    console.log(`[fuzz ${backend}] graine FUZZ_SEED=${SEED}, ${RUNS} requêtes (rejouer : FUZZ_SEED=${SEED} npx vitest run test/fuzz.test.ts)`);
    const startPrint = await fingerprint(t.db.sql, tables);
    const startLog = await lastChange(t.db.sql);
    let cursor = startLog;
    let importStarted = false;
    const failures: Failure[] = [];
    const statuses = new Map<number | string, number>();
    const outcomes = new Map<string, number>();
    const notes: string[] = [];
    const bump = (m: Map<number | string, number>, k: number | string) => m.set(k, (m.get(k) ?? 0) + 1);
    let sent = 0;
    let fetchMs = 0;
    const kindMs = new Map<string, number>();
    const timings: { ms: number; what: string }[] = [];
    let slowest = { ms: 0, what: '' };
    const started = Date.now();

    const samples = fc.sample(
      fc.tuple(fc.constantFrom(...ROLES), fc.nat({ max: 99 }), fc.gen()),
      { seed: SEED, numRuns: RUNS },
    );
    for (const [index, [role, kindDraw, g]] of samples.entries()) {
      const request = kindDraw < 50 ? new Generator(g, pools).operation('query') : kindDraw < 88 ? new Generator(g, pools).operation('mutation') : malformed(g, pools);
      const headers: Record<string, string> = request.kind === 'http' ? { ...request.headers } : { 'content-type': 'application/json', 'x-mutualis-csrf': '1' };
      if (cookies[role] && !('cookie' in headers)) headers.cookie = cookies[role]!;
      const fail = (problem: string, response = '') =>
        failures.push({ index, role, kind: request.kind, field: request.field, problem, request: clip(`${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.body ?? ''}`), response: clip(response) });

      // the catalogue prices a tool whose plans changed at its next read (ToolStats' derived reference price): a read
      // may write that derived row then, and only then — when a reference price was marked stale before it
      const [pricesStale] = await t.db.sql.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "ToolStats" WHERE "referencePriceStale") AS any`);
      const t0 = Date.now();
      let status: number | 'timeout' | 'throw' = 'timeout';
      let text = '';
      try {
        const response = await withTimeout(Promise.resolve(t.app.fetch(request.url, { method: request.method, headers, body: request.body })), REQUEST_TIMEOUT_MS);
        if (response !== 'timeout') {
          const body = await withTimeout(response.text(), REQUEST_TIMEOUT_MS);
          if (body !== 'timeout') {
            status = response.status;
            text = body;
          }
        }
      } catch (error) {
        status = 'throw';
        fail(`app.fetch threw: ${(error as Error).message}`);
      }
      sent++;
      const ms = Date.now() - t0;
      fetchMs += ms;
      kindMs.set(request.kind, (kindMs.get(request.kind) ?? 0) + ms);
      if (process.env.FUZZ_PROFILE) timings.push({ ms, what: `${request.kind} ${request.field} as ${role} ${clip(request.body, 300)}` });
      if (ms > slowest.ms) slowest = { ms, what: `${request.kind} ${request.field} ${clip(request.body, 200)}` };
      bump(statuses, status);
      if (status === 'timeout') fail(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
      else if (typeof status === 'number' && status >= 500) fail(`HTTP ${status}`, text);
      if (MASKED.test(text)) fail('masked internal error in the response', text);

      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined; // event streams, multipart, HTML: checked above for status and masking only
      }
      for (const problem of errorProblems(json)) fail(problem, text);

      // did it change anything? only a successful mutation may
      let mayChange = false;
      if (request.kind === 'mutation') {
        const body = json as { data?: Record<string, { __typename?: string } | null> | null; errors?: { path?: unknown[] }[] } | undefined;
        const root = body?.data?.[request.rootAlias];
        const deepError = (body?.errors ?? []).some((e) => (e.path?.length ?? 0) > 1);
        if (root?.__typename?.endsWith('Success')) bump(outcomes, 'mutation success');
        else if (root?.__typename) bump(outcomes, `mutation refused ${root.__typename}`);
        else bump(outcomes, deepError ? 'mutation unknown (error below the root)' : 'mutation rejected before or at the root');
        mayChange = !!root?.__typename?.endsWith('Success') || (!root && deepError);
      } else bump(outcomes, request.kind);
      // a DECP import that an admin's startDecpImport launched goes on in the background (its run row, and the
      // contracts it reads): its later writes are not those of the request that happens to be checked then
      if (request.field === 'startDecpImport' && mayChange) importStarted = true;
      const { last, changes: all } = await changesSince(t.db.sql, cursor);
      const changes = all
        .filter((change) => !importStarted || !BACKGROUND_IMPORT_TABLES.some((table) => change.startsWith(`${table}:`)))
        .filter((change) => !(pricesStale?.any && change.startsWith('ToolStats:UPDATE')));
      cursor = last;
      if (changes.length && !mayChange) fail(`a ${request.kind === 'mutation' ? 'refused mutation' : request.kind === 'http' ? 'malformed/refused request' : 'query'} changed the database: ${changes.join(', ')}`, text);
      if (mayChange && /setUserRoles|approveMembership|signIn|signUp/.test(request.field)) {
        const restored = await restoreActors();
        notes.push(...restored.map((n) => `#${index} ${request.field} as ${role}: ${n}`));
        cursor = await lastChange(t.db.sql);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    notes.push(...(await restoreActors()).map((n) => `end: ${n}`));

    // cross-check of the change log: a table whose content changed must have logged it
    const endPrint = await fingerprint(t.db.sql, tables);
    const logged = await tablesChangedSince(t.db.sql, startLog);
    const changedTables = tables.filter((table) => startPrint[table] !== endPrint[table]);
    const unlogged = changedTables.filter((table) => !logged.has(table));

    console.log(
      `[fuzz ${backend}] ${sent} requêtes en ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)} req/s, dont ${(fetchMs / 1000).toFixed(1)} s dans app.fetch) ; statuts ${JSON.stringify(Object.fromEntries(statuses))} ; ` +
        `issues ${JSON.stringify(Object.fromEntries(outcomes))} ; tables modifiées par des appels acceptés : ${changedTables.join(', ') || 'aucune'} ; ` +
        `plus lente ${slowest.ms} ms (${slowest.what})`,
    );
    console.log(`[fuzz ${backend}] temps par sorte (ms) : ${JSON.stringify(Object.fromEntries(kindMs))}`);
    if (timings.length) console.log(timings.sort((a, b) => b.ms - a.ms).slice(0, 25).map((x) => `${x.ms} ms ${x.what}`).join('\n'));
    if (notes.length) console.log(`[fuzz ${backend}] rôles rétablis après un appel accepté :\n  ${notes.slice(0, 20).join('\n  ')}`);
    const distinct = new Map<string, { count: number; fields: Set<string>; roles: Set<string>; example: Failure }>();
    for (const f of failures) {
      const problem = f.problem
        .replace(/(ID: ).*( is not of type: ).*/, '$1…$2…')
        .replace(/(Invalid cursor: ).*/, '$1…')
        .replace(/\d+/g, 'N');
      const key = `${f.kind} — ${problem.slice(0, 140)}`;
      const entry = distinct.get(key) ?? { count: 0, fields: new Set(), roles: new Set(), example: f };
      entry.count++;
      entry.fields.add(f.field || '-');
      entry.roles.add(f.role);
      distinct.set(key, entry);
    }
    if (failures.length) {
      console.log(
        `[fuzz ${backend}] ${failures.length} échecs, ${distinct.size} distincts (graine ${SEED}) :\n` +
          [...distinct.entries()]
            .map(
              ([key, { count, fields, roles, example }]) =>
                `• ${key} ×${count} (champs : ${[...fields].join(', ')} ; rôles : ${[...roles].join(', ')})\n    #${example.index} as ${example.role}: ${example.request}\n    → ${example.response}`,
            )
            .join('\n'),
      );
    }
    expect(unlogged, 'tables changed without a change-log entry').toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(RUNS, 2000));
    expect([...distinct.keys()], `fuzz failures (FUZZ_SEED=${SEED})`).toEqual([]);
  });
});
