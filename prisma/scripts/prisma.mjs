// Runs the Prisma CLI against this package's schema.prisma on a machine without Prisma's native schema engine:
// `generate`, `validate` and `format` only check that PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
//   node scripts/prisma.mjs generate --generator client     the client, into generated/prisma
// Other workspaces import runPrisma to run their own generator (the server's Pothos types).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const schemaFile = path.resolve(here, '../schema.prisma');

/** Runs `prisma <args> --schema schema.prisma` from `cwd` (generators are looked up on its node_modules/.bin); returns the exit code. */
export function runPrisma(args, cwd = path.resolve(here, '..')) {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    // generators such as prisma-pothos-types are looked up on PATH
    PATH: [path.join(cwd, 'node_modules/.bin'), path.resolve(here, '../../node_modules/.bin'), process.env.PATH].join(path.delimiter),
  };
  const result = spawnSync(process.execPath, [cli, ...args, '--schema', schemaFile], { stdio: 'inherit', env, cwd });
  return result.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(runPrisma(process.argv.slice(2)));
