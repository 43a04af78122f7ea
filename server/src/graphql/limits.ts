import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createComplexityRule, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { repoRoot } from '../config.ts';

/**
 * Every number a request is held to before it runs. The web client's heaviest operation stays well below
 * each one (test/limits.test.ts measures them all); an attacker's nested lists or aliases do not.
 */
export const LIMITS = {
  /** Bytes of request body. The largest web mutation (a tool sheet with its plans) is a few kB; 256 kB leaves
   * room for long descriptions while a flood of 20 MB bodies can no longer fill the memory. */
  bodyBytes: 256 * 1024,
  /** Lexical tokens of a document: bounds parsing and every later pass over the document. */
  tokens: 2000,
  /** Nested fields (`organizations.edges.node.members.edges.node.name` is 7). */
  depth: 12,
  /** Aliases in one operation: aliases are how one request repeats an expensive field many times. */
  aliases: 20,
  /** Directives in one operation (@include/@skip). */
  directives: 30,
  /** Estimated objects returned: each connection's page size (`first`/`last`) multiplies what it contains. */
  nodes: 5000,
  /** Estimated resolved fields: same multiplication, every field counting one. */
  cost: 50_000,
  /** Milliseconds an operation may run before it is answered with an error. */
  timeoutMs: 10_000,
} as const;

/** A connection without `first`/`last` returns this many nodes (Pothos relay and Prisma plugin default). */
const DEFAULT_PAGE_SIZE = 20;
/** Largest page size any connection accepts (`maxSize: 200` on members and audit events): beyond it, first is capped. */
const MAX_PAGE_SIZE = 200;
/** A plain list field (a provider's tools, a group's memberships) is assumed to hold this many items. */
const LIST_MULTIPLIER = 10;

export type LimitKind = 'tokens' | 'depth' | 'aliases' | 'directives' | 'nodes' | 'cost';

/** The error every limit raises: `extensions.code` is QUERY_TOO_COMPLEX, `extensions.limit` tells which one. */
export function queryTooComplex(limit: LimitKind, message: string, figures: { max: number; actual?: number }): GraphQLError {
  return new GraphQLError(message, {
    // `http.spec` gives it the status yoga gives validation errors: 400, or 200 to a legacy application/json client.
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, ...figures, http: { spec: true, status: 400 } },
  });
}

type Measure = { measure: 'nodes' | 'cost' };

function pageSize(args: Record<string, unknown>): number {
  const requested = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(requested, 0), MAX_PAGE_SIZE);
}

/**
 * Cost of one field for the Pothos complexity plugin (registered in builder.ts). Two measures share it:
 * `nodes` counts objects (a leaf costs 0), `cost` counts every field. A field taking `first` (connections,
 * `adoptersNear`) multiplies its selection by the page size; a connection's `edges` list does not multiply
 * again; `nodes(ids:)` multiplies by the number of ids; any other list by LIST_MULTIPLIER.
 */
export function fieldComplexity<C>(args: Record<string, unknown>, ctx: C, field: GraphQLField<unknown, C, Record<string, unknown>>): FieldComplexityValue {
  const leaf = isLeafType(getNamedType(field.type));
  const own = (ctx as Partial<Measure>).measure === 'nodes' ? (leaf ? 0 : 1) : 1;
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return { field: own, multiplier: pageSize(args) };
  if (field.name === 'edges' && getNamedType(field.type).name.endsWith('Edge')) return { field: 0, multiplier: 1 };
  if (Array.isArray(args.ids)) return { field: own, multiplier: args.ids.length };
  return { field: own, multiplier: isListType(getNullableType(field.type)) ? LIST_MULTIPLIER : 1 };
}

/**
 * Nodes and cost of each operation, from the request's variables: run before execution rather than as a
 * validation rule, because yoga caches validation by document and `first: $n` changes with every request.
 */
export function complexityErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const measure = (measure: Measure['measure'], max: number) =>
    createComplexityRule({
      context: { measure },
      variableValues: variableValues ?? {},
      operationName: operationName ?? undefined,
      // Variable coercion errors are left to execution, which reports them with their usual message.
      validate: ({ complexity }) => {
        if (complexity <= max) return;
        errors.push(
          measure === 'nodes'
            ? queryTooComplex(
                'nodes',
                `Requête trop large : environ ${complexity} éléments demandés, ${max} au plus. Demandez des pages plus petites (first) ou imbriquez moins de listes.`,
                { max, actual: complexity },
              )
            : queryTooComplex('cost', `Requête trop coûteuse : coût estimé ${complexity}, ${max} au plus. Demandez moins de champs ou des pages plus petites.`, {
                max,
                actual: complexity,
              }),
        );
      },
    });
  try {
    // What the rule itself reports (an ID of the wrong type, a missing variable) stops the measure: refused too.
    const unmeasurable = validate(schema, document, [measure('nodes', LIMITS.nodes), measure('cost', LIMITS.cost)]);
    if (unmeasurable.length) return [unmeasurable[0]!];
  } catch (error) {
    // An argument the measure could not read (a malformed global ID): refusing the whole operation keeps one bad
    // field from switching the limits off for its siblings.
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return errors;
}

/** Armor's rules report through `onReject`, so the error carries our code and a French message. */
function rejectWith(error: () => GraphQLError) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(error())],
  };
}

/** Depth, aliases and directives: they depend on the document only, so yoga may cache them with validation. */
export const documentRules: ValidationRule[] = [
  maxDepthRule({
    n: LIMITS.depth,
    // A fragment is not a level: what nests is fields.
    flattenFragments: true,
    ...rejectWith(() =>
      queryTooComplex('depth', `Requête trop profonde : ${LIMITS.depth} niveaux de champs imbriqués au plus.`, { max: LIMITS.depth }),
    ),
  }),
  maxAliasesRule({
    n: LIMITS.aliases,
    ...rejectWith(() => queryTooComplex('aliases', `Trop d’alias dans une même opération : ${LIMITS.aliases} au plus.`, { max: LIMITS.aliases })),
  }),
  maxDirectivesRule({
    n: LIMITS.directives,
    ...rejectWith(() =>
      queryTooComplex('directives', `Trop de directives dans une même opération : ${LIMITS.directives} au plus.`, { max: LIMITS.directives }),
    ),
  }),
];

/** Parses with a token budget: a huge document stops at the first token past the limit, before any AST is built. */
export function parseWithTokenLimit(source: string, options?: Record<string, unknown>): DocumentNode {
  const parser = new MaxTokensParserWLexer(source, {
    ...options,
    n: LIMITS.tokens,
    propagateOnRejection: false,
    onReject: [
      () => {
        throw queryTooComplex('tokens', `Requête trop longue : ${LIMITS.tokens} éléments syntaxiques au plus.`, { max: LIMITS.tokens });
      },
    ],
  } as never);
  return parser.parseDocument();
}

const introspectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError('L’introspection du schéma est désactivée sur ce serveur (GRAPHQL_INTROSPECTION=1 pour l’activer).', {
          nodes: [node],
          extensions: { code: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});

function payloadTooLarge(): GraphQLError {
  return new GraphQLError(`Requête trop volumineuse : ${LIMITS.bodyBytes / 1024} ko au plus.`, {
    // The HTTP server drops the rest of the body for a bounded time (http.ts, lingerAfterRefusal) so that the client
    // reads this answer instead of a reset connection.
    extensions: { code: 'PAYLOAD_TOO_LARGE', max: LIMITS.bodyBytes, http: { status: 413 } },
  });
}

/**
 * Refuses a body larger than LIMITS.bodyBytes: at once when Content-Length announces it, otherwise (chunked)
 * as soon as the bytes read pass the limit, without buffering the rest.
 */
const bodySizePlugin: Plugin = {
  onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
    const announced = request.headers.get('content-length');
    if (announced !== null && Number(announced) > LIMITS.bodyBytes) throw payloadTooLarge();
    if (!requestParser || !request.body) return;
    const parse = requestParser;
    setRequestParser((req) => {
      let read = 0;
      // Node's own ReadableStream when the request came through node:http, the ponyfill's otherwise.
      const Transform = req.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
      const limited = req.body!.pipeThrough(
        new Transform<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            if (read > LIMITS.bodyBytes) controller.error(payloadTooLarge());
            else controller.enqueue(chunk);
          },
        }),
      );
      return parse(
        new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body: limited, duplex: 'half' } as RequestInit),
      );
    });
  },
};

function timeoutPlugin(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const controller = new AbortController();
        const error = new GraphQLError(`Délai dépassé : l’opération a duré plus de ${timeoutMs / 1000} s et a été interrompue.`, {
          extensions: { code: 'TIMEOUT', timeoutMs },
        });
        let timer: NodeJS.Timeout | undefined;
        // The executor stops resolving further fields once the signal aborts; the race answers the client
        // even while a resolver is still waiting on the database.
        const timedOut = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(() => {
            controller.abort(error);
            resolve({ errors: [error] });
          }, timeoutMs);
        });
        const execution = Promise.resolve(executeFn({ ...args, signal: controller.signal } as typeof args));
        // The abandoned execution may still reject; that rejection has nobody left to tell.
        execution.catch(() => undefined);
        return Promise.race([execution, timedOut]).finally(() => clearTimeout(timer)) as ReturnType<typeof executeFn>;
      });
    },
  };
}

/** Where the web codegen writes the trusted documents (hash → document), generated with web/src/gql. */
export const MANIFEST_PATH = path.join(repoRoot, 'web', 'src', 'gql', 'persisted-documents.json');

export function loadManifest(file = MANIFEST_PATH): Record<string, string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * The same text for a document however it was printed, without `__typename`: Apollo Client adds it to every
 * selection before sending, and it costs nothing. Codegen hashes the manifest the same way, minus the stripping.
 */
export function trustedDocumentKey(document: DocumentNode): string {
  const stripped = visit(document, {
    [Kind.FIELD]: (field) => (field.name.value === '__typename' && !field.alias ? null : undefined),
    [Kind.DIRECTIVE]: (directive) => (directive.name.value === 'connection' ? null : undefined),
  });
  return createHash('sha256').update(printExecutableGraphQLDocument(stripped)).digest('hex');
}

/**
 * Operations by document id from the web client's manifest (`documentId`, or Apollo's
 * `extensions.persistedQuery.sha256Hash`). With `trustedOnly`, a full document is accepted only when it is one
 * of the manifest's (as the web client sends it by default); anything else is refused.
 */
function trustedDocumentsPlugins(manifest: Record<string, string>, trustedOnly: boolean): Plugin[] {
  const trustedKeys = new Set(Object.values(manifest).map((text) => trustedDocumentKey(parse(text))));
  const trustedRequests = new WeakSet<Request>();
  const recognise: Plugin = {
    onParams({ params, request }) {
      if (!trustedOnly || typeof params.query !== 'string') return;
      try {
        if (trustedKeys.has(trustedDocumentKey(parseWithTokenLimit(params.query)))) trustedRequests.add(request);
      } catch {
        // Unparsable or too long: not a trusted document, refused below.
      }
    },
  };
  const persisted = usePersistedOperations({
    allowArbitraryOperations: trustedOnly ? (request) => trustedRequests.has(request) : true,
    extractPersistedOperationId: (params) => {
      const documentId = (params as { documentId?: unknown }).documentId;
      if (typeof documentId === 'string') return documentId;
      const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      return typeof hash === 'string' ? hash : null;
    },
    getPersistedOperation: (id) => manifest[id] ?? manifest[`sha256:${id}`] ?? null,
    customErrors: {
      notFound: {
        message: 'Document inconnu : cet identifiant ne figure pas dans la liste des documents de confiance.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      keyNotFound: {
        message: 'Requête vide : envoyez une requête GraphQL ou l’identifiant d’un document de confiance.',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' },
      },
      persistedQueryOnly: {
        message: 'Ce serveur n’accepte que les opérations de l’application web (documents de confiance) : ce document n’en fait pas partie.',
        extensions: { code: 'TRUSTED_DOCUMENTS_ONLY' },
      },
    },
  });
  return [recognise, persisted];
}

export interface LimitOptions {
  production: boolean;
  /** Schema introspection (and field suggestions); on by default outside production. */
  introspection?: boolean;
  /** Refuse any document that is not in the web client's manifest. */
  trustedDocumentsOnly?: boolean;
  timeoutMs?: number;
  /** The trusted documents; read from MANIFEST_PATH when absent. */
  manifest?: Record<string, string>;
}

/** Query limits applied before execution, the body size limit, the execution timeout and trusted documents. */
export function limitPlugins(options: LimitOptions): Plugin[] {
  const introspection = options.introspection ?? !options.production;
  const manifest = options.manifest ?? loadManifest();
  if (options.trustedDocumentsOnly && !manifest) {
    throw new Error(`TRUSTED_DOCUMENTS_ONLY=1 mais la liste des documents de confiance est absente (${MANIFEST_PATH}) : lancez « npm run generate ».`);
  }
  const rules = introspection ? documentRules : [...documentRules, introspectionRule];
  return [
    bodySizePlugin,
    ...(manifest ? trustedDocumentsPlugins(manifest, options.trustedDocumentsOnly ?? false) : []),
    {
      onParse({ setParseFn }) {
        setParseFn(parseWithTokenLimit as never);
      },
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule);
      },
      onExecute({ args, setResultAndStopExecution }) {
        const errors = complexityErrors(args.schema, args.document, args.variableValues, args.operationName);
        if (errors.length) setResultAndStopExecution({ errors });
      },
    },
    ...(introspection ? [] : [blockFieldSuggestionsPlugin({ mask: '' }) as Plugin]),
    timeoutPlugin(options.timeoutMs ?? LIMITS.timeoutMs),
  ];
}
