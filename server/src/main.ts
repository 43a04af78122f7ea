import { createApp } from './app.ts';
import { startErrorMessage } from './cli/run.ts';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './db/bootstrap.ts';
import { openDatabase, type Database } from './db/database.ts';
import { closeGracefully, createHttpServer } from './http.ts';
import { createLogger } from './log.ts';
import { warmStatistics } from './modules/statistics/service.ts';
import { createMailer, type Mailer } from './modules/notifications/mailer.ts';

/** Requests in flight at SIGTERM get this long to finish before their connections are cut. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const started = Date.now();
// Configured below once the environment is read; a bad variable is still reported as one JSON line.
const log = createLogger({ level: 'info' });
let db: Database | undefined;
let mailer: Mailer | undefined;
try {
  const config = loadConfig();
  log.level = config.logLevel ?? 'info';
  if (config.debugErrors) log.warn('DEBUG_ERRORS=1 : le détail des erreurs internes est renvoyé aux clients. Jamais en production.');
  db = await openDatabase(config.database);
  log.info(`Base : ${db.label}`);
  await prepareDatabase(db, { seedDemo: config.seedDemo, demoAccounts: config.nodeEnv !== 'production', log: (line) => log.info(line) });
  const server = createHttpServer(createApp({ ...config, logger: log }, db), { log, production: config.nodeEnv === 'production', db });
  server.on('error', async (error: NodeJS.ErrnoException) => {
    log.fatal(
      error.code === 'EADDRINUSE'
        ? `Erreur : le port ${config.port} est déjà utilisé : arrêtez l’autre programme ou choisissez un autre PORT.`
        : `Erreur : le serveur HTTP n’a pas pu démarrer : ${error.message}`,
    );
    await db?.close().catch(() => undefined);
    process.exit(1);
  });
  if (config.mail.smtpUrl) {
    // notification e-mails, sent from the Notification rows (outbox) for as long as the server runs
    mailer = createMailer({ prisma: db.prisma, smtpUrl: config.mail.smtpUrl, from: config.mail.from, publicUrl: config.publicUrl, log });
    mailer.start();
    log.info('Courriels de notification : envoi actif (SMTP_URL).');
  }
  server.listen(config.port, config.host, () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log.info({ port: config.port }, `Mutualis est prêt en ${seconds} s sur http://localhost:${config.port} (API : /graphql).`);
    // the national figures (home and statistics pages) are computed once now rather than by the first visitor
    warmStatistics(db!.prisma).then(
      (ms) => log.info(`Statistiques nationales calculées en ${ms} ms.`),
      (error: unknown) => log.warn({ err: error }, 'Statistiques nationales non précalculées (elles le seront à la première demande).'),
    );
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} reçu une seconde fois : arrêt immédiat.`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal} reçu : arrêt en cours (requêtes en cours terminées, ${SHUTDOWN_TIMEOUT_MS / 1000} s au plus)…`);
    const finished = await closeGracefully(server, SHUTDOWN_TIMEOUT_MS);
    if (!finished) log.warn('Des requêtes n’ont pas fini à temps : leurs connexions ont été coupées.');
    await mailer?.stop().catch((error) => log.error({ err: error }, 'Arrêt de l’envoi des courriels en erreur.'));
    await db?.close().catch((error) => log.error({ err: error }, 'Fermeture de la base de données en erreur.'));
    log.info('Mutualis est arrêté.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  const message = startErrorMessage(error);
  // Expected failures are one sentence; an unexpected one keeps its stack in `err` for the developer.
  if (message.startsWith('Erreur : ')) log.fatal(message);
  else log.fatal({ err: error }, message.split('\n')[0]);
  await db?.close().catch(() => undefined);
  process.exit(1);
}
