import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web client, generated from the schema printed by the server.
// Output goes to src/gql/ (gitignored); run `npm run generate -w web`.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Not a React hook (it only narrows types), so it is not named use*.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
        // src/gql/persisted-documents.json: every operation by its sha256 id. The server accepts these ids, and
        // with TRUSTED_DOCUMENTS_ONLY=1 refuses any document outside this list (the app may keep sending full text).
        persistedDocuments: true,
      },
      config: {
        // Custom scalars travel as strings: Decimal stays exact, dates stay ISO text.
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Decimal: 'string',
          // Audit snapshots: any JSON value, shown as received.
          JSON: 'unknown',
        },
        strictScalars: true,
        enumType: 'string-literal',
        useTypeImports: true,
        // Every selection's type names its __typename, as Apollo's results (and the tests' fixtures) carry it.
        nonOptionalTypename: true,
      },
    },
    // Interfaces and unions for the cache (result unions of mutations, the Error interface): without them the
    // cache cannot tell that a ValidationError matches the MutationError fragment (on Error), and drops its
    // fields when it stores a mutation result. Codegen's own plugin, in Apollo Client 3+'s possibleTypes shape.
    './src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, deterministic: true, useExplicitTyping: false },
    },
  },
};

export default config;
