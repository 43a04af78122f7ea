import { prepareDatabase } from '../db/bootstrap.ts';
import { runCli } from './run.ts';

await runCli(async (config, db) => {
  console.log(`Base : ${db.label}`);
  await prepareDatabase(db, { seedDemo: config.seedDemo, demoAccounts: config.nodeEnv !== 'production', force: true, log: console.log });
  if (!config.seedDemo) console.log('Données de démonstration non ajoutées (SEED_DEMO=1 pour les ajouter).');
});
