// Prisma 6 configuration used only for offline `migrate diff`: Prisma 6.19 bundles its schema engine as Wasm
// (engine: "js"), and its shadow database is an in-memory PGlite. Nothing here touches the real database.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma6/config';

type Adapter = {
  executeScript(script: string): Promise<void>;
  executeRaw(query: { sql: string; args?: unknown[] }): Promise<number>;
};

// pglite-prisma-adapter's executeScript neither awaits nor accepts several statements: run scripts with exec().
function scriptsThroughExec<A extends Adapter>(adapter: A, db: PGlite): A {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeScript = async (script) => {
    await db.exec(script);
  };
  adapter.executeRaw = async (query) => {
    if (!query.args?.length && /;\s*\S/.test(query.sql)) {
      await db.exec(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

async function connect(db: PGlite) {
  return scriptsThroughExec((await new PrismaPGlite(db).connect()) as unknown as Adapter, db);
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    // the trigram indexes need pg_trgm (the migration creates it; PGlite must have its files)
    const main = new PGlite({ extensions: { pg_trgm } });
    return {
      provider: 'postgres',
      adapterName: '@prisma/adapter-pglite',
      connect: () => connect(main),
      connectToShadowDb: () => connect(new PGlite({ extensions: { pg_trgm } })),
    };
  },
} as never);
