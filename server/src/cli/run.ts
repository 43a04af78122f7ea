import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { DatabaseStartError } from '../db/sql.ts';
import { MigrationError } from '@mutualis/db/migrate';
import { BackupError } from '../db/backup.ts';

/** A command used wrongly (missing argument, file exists…): one sentence, exit code 1. */
export class UsageError extends Error {}

/** One clear sentence for an expected start-up failure; anything else keeps its stack for the developer. */
export function startErrorMessage(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseStartError ||
    error instanceof MigrationError ||
    error instanceof BackupError ||
    error instanceof UsageError
  ) {
    return `Erreur : ${error.message}`;
  }
  return `Erreur inattendue : ${(error as Error)?.stack ?? String(error)}`;
}

/** Runs a command-line task: expected failures print one clear sentence and exit 1, never a stack trace. */
export async function runCli(task: (config: Config, db: Database) => Promise<void>): Promise<void> {
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase(config.database);
    await task(config, db);
  } catch (error) {
    console.error(startErrorMessage(error));
    process.exitCode = 1;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
