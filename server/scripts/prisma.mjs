// Runs the Prisma CLI against ../prisma/schema.prisma on a machine without Prisma's native schema engine:
// `generate`, `validate` and `format` only check that PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = path.resolve(here, '../../prisma/schema.prisma');
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
  // generators such as prisma-pothos-types are looked up on PATH
  PATH: [path.resolve(here, '../node_modules/.bin'), path.resolve(here, '../../node_modules/.bin'), process.env.PATH].join(path.delimiter),
};
const args = [cli, ...process.argv.slice(2), '--schema', schema];
const result = spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: path.resolve(here, '..') });
process.exit(result.status ?? 1);
