import { migrate } from '@mutualis/db/migrate';
import { runCli } from './run.ts';

await runCli(async (_config, db) => {
  console.log(`Base : ${db.label}`);
  // the application's role may not change the schema: the owner's connection does it
  const result = await db.asOwner((sql) => migrate(sql, { log: console.log }));
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) appliquée(s).`
      : `Base à jour (${result.alreadyApplied.length} migration(s) déjà appliquée(s)).`,
  );
});
