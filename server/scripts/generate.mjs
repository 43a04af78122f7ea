// The server's generated code: the Pothos types of @mutualis/db's Prisma schema (src/generated/pothos-types.ts).
// The Prisma client itself is @mutualis/db's (@mutualis/db/client, @mutualis/db/enums).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPrisma } from '@mutualis/db/prisma-cli';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const status = runPrisma(['generate', '--generator', 'pothos'], server);
if (status !== 0) process.exit(status);
