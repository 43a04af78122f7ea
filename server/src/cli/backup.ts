// npm run db:backup -- <fichier> : sauvegarde logique (NDJSON gzip) de la base configurée, PGlite ou PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../db/backup.ts';
import { runCli, UsageError } from './run.ts';

await runCli(async (_config, db) => {
  const file = process.argv[2];
  if (!file || file.startsWith('-')) throw new UsageError('Usage : npm run db:backup -- <fichier.ndjson.gz>');
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (fs.existsSync(target) && !process.argv.includes('--force')) {
    throw new UsageError(`Le fichier ${target} existe déjà : choisissez un autre nom, ou ajoutez --force pour l’écraser.`);
  }
  console.log(`Base : ${db.label}`);
  console.log(`Sauvegarde vers ${target}…`);
  const header = await backupDatabase(db, target, console.log);
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const size = (fs.statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(`Sauvegarde terminée : ${header.tables.length} tables, ${rows.toLocaleString('fr-FR')} lignes, ${size} Mo.`);
  console.log(`Empreinte des données : ${header.fingerprint}`);
});
