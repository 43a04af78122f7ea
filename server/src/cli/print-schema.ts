// Writes the printed GraphQL schema (schema/schema.graphql is a build output of the `schema` package).
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema.ts';

const target = path.resolve(process.cwd(), process.argv[2] ?? 'schema.graphql');
fs.writeFileSync(target, printSchema(schema) + '\n');
console.log(`Schéma GraphQL écrit dans ${target}`);
