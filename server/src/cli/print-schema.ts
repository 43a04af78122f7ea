// Writes the printed GraphQL schema (schema/schema.graphql is a build output of the `schema` package, checked in).
// In CI (CI=true) it only checks: a committed schema that differs from the server's fails the build.
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema.ts';

const target = path.resolve(process.cwd(), process.argv[2] ?? 'schema.graphql');
const printed = printSchema(schema) + '\n';
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
if (process.env.CI === 'true' || process.env.CI === '1') {
  if (current !== printed) {
    console.error(`Le schéma GraphQL versionné (${target}) n’est plus à jour : lancez « npm run generate » et versionnez-le.`);
    process.exit(1);
  }
  console.log(`Schéma GraphQL à jour : ${target}`);
} else if (current !== printed) {
  fs.writeFileSync(target, printed);
  console.log(`Schéma GraphQL écrit dans ${target}`);
}
