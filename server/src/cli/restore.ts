// npm run db:restore -- <fichier> [--force] : restaure une sauvegarde de db:backup dans la base configurée.
import path from 'node:path';
import { restoreDatabase } from '../db/backup.ts';
import { runCli, UsageError } from './run.ts';

await runCli(async (_config, db) => {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('Usage : npm run db:restore -- <fichier.ndjson.gz> [--force]');
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  console.log(`Base : ${db.label}`);
  console.log(`Restauration de ${source}…`);
  const result = await restoreDatabase(db, source, { force: process.argv.includes('--force'), log: console.log });
  console.log(`Restauration terminée : ${result.rows.toLocaleString('fr-FR')} lignes.`);
  console.log(
    result.fingerprint === result.expected
      ? `Empreinte des données identique à celle de la sauvegarde : ${result.fingerprint}`
      : `Empreinte des données : ${result.fingerprint} (sauvegarde : ${result.expected} ; des migrations plus récentes ont pu changer les données).`,
  );
});
