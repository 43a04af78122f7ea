import { createApp } from './app.ts';
import { startErrorMessage } from './cli/run.ts';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './db/bootstrap.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createHttpServer } from './http.ts';

const started = Date.now();
let db: Database | undefined;
try {
  const config = loadConfig();
  db = await openDatabase(config.database);
  console.log(`Base : ${db.label}`);
  await prepareDatabase(db.sql, { seedDemo: config.seedDemo, demoAccounts: config.nodeEnv !== 'production', log: console.log });
  const server = createHttpServer(createApp(config, db));
  server.on('error', async (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Erreur : le port ${config.port} est déjà utilisé : arrêtez l’autre programme ou choisissez un autre PORT.`
        : `Erreur : le serveur HTTP n’a pas pu démarrer : ${error.message}`,
    );
    await db?.close().catch(() => undefined);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Mutualis est prêt en ${seconds} s sur http://localhost:${config.port} (API : /graphql).`);
  });
  const stop = (signal: string) => {
    console.log(`${signal} reçu : arrêt en cours…`);
    server.close();
    server.closeAllConnections();
    void db?.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(startErrorMessage(error));
  await db?.close().catch(() => undefined);
  process.exit(1);
}
