import type { Database } from '../db/database.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Built once per request. */
export interface Context {
  prisma: PrismaClient;
  db: Database;
  requestId: string;
}
