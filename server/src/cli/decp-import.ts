// npm run decp:import -- <fichier ou URL http(s)> [--resume]
// Imports the DECP (données essentielles de la commande publique) in the official JSON formats, v2.0.x and 1.x,
// streamed; progress in French at most once a second; Ctrl-C stops after the batch being written (resumable).
import { importDecp, progressLine } from '../modules/contracts/importer.ts';
import { decpSettings, DecpConfigError } from '../modules/contracts/config.ts';
import { migrationsPending } from '@mutualis/db/migrate';
import { runCli, UsageError } from './run.ts';

const args = process.argv.slice(2);
const resume = args.includes('--resume');
const sources = args.filter((a) => !a.startsWith('--'));

await runCli(async (_config, db) => {
  if (sources.length !== 1) throw new UsageError('usage : npm run decp:import -- <fichier.json ou URL http(s)> [--resume]');
  let settings;
  try {
    settings = decpSettings();
  } catch (error) {
    if (error instanceof DecpConfigError) throw new UsageError(error.message);
    throw error;
  }
  // the import writes to the contract tables: on a database never migrated, say so instead of a missing-table error
  if (await migrationsPending(db.sql)) throw new UsageError('la base n’est pas à jour : lancez d’abord npm run db:migrate (ou npm start).');
  const controller = new AbortController();
  const stop = () => {
    console.log('Interruption demandée : arrêt après le lot en cours (reprise avec --resume).');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let last = 0;
  const result = await importDecp(db, sources[0]!, {
    resume,
    settings,
    signal: controller.signal,
    onStart: (run) => console.log(run.position > 0 ? `Reprise de l’importation ${run.id} à l’enregistrement ${run.position}.` : `Importation ${run.id} de ${sources[0]} (base : ${db.label}).`),
    onProgress: (p) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      console.log(progressLine(p));
    },
  });
  console.log(progressLine(result));
  if (result.status === 'SUCCEEDED') console.log(`Terminé : ${result.written} marchés écrits ou mis à jour, position ${result.position}.`);
  else if (result.status === 'INTERRUPTED') console.log(`Interrompu à l’enregistrement ${result.position} : relancez avec --resume pour reprendre.`);
  else throw new UsageError(`importation ${result.importId} en échec : ${result.failure}`);
});
