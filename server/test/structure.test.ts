import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layout of server/src/modules/README.md, checked: a rule hides in no long resolver, no file grows past 400 lines,
// and a module reaches another only through its service (or its schema, for a Pothos type it references).

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = join(ROOT, 'server/src/modules');

function sources(dir: string, skip: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !skip.test(file));
}

const lineCount = (file: string) => readFileSync(file, 'utf8').split('\n').length;

describe('server and web layout', () => {
  it('has no source file over 400 lines (generated code and seed data aside)', () => {
    const files = [
      ...sources(join(ROOT, 'server/src'), /\/generated\//),
      ...sources(join(ROOT, 'web/src'), /\/gql\//),
    ];
    expect(files.length).toBeGreaterThan(100);
    const long = files.filter((file) => lineCount(file) > 400).map((file) => `${relative(ROOT, file)}: ${lineCount(file)}`);
    expect(long).toEqual([]);
  });

  it('has no GraphQL resolver body over 15 lines', () => {
    const files = sources(MODULES, /(?!)/);
    const long: string[] = [];
    let resolvers = 0;
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        const isResolve =
          (ts.isPropertyAssignment(node) && node.name.getText(source) === 'resolve' && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) ||
          (ts.isMethodDeclaration(node) && node.name.getText(source) === 'resolve');
        if (isResolve) {
          resolvers++;
          const body = ts.isPropertyAssignment(node) ? (node.initializer as ts.ArrowFunction).body : (node as ts.MethodDeclaration).body!;
          const lines = source.getLineAndCharacterOfPosition(body.getEnd()).line - source.getLineAndCharacterOfPosition(body.getStart(source)).line + 1;
          if (lines > 15) long.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} (${lines} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(resolvers).toBeGreaterThan(100);
    expect(long).toEqual([]);
  });

  it('lets a module use another only through its service.ts (or its schema.ts for a Pothos type)', () => {
    const crossings: string[] = [];
    let imports = 0;
    for (const file of sources(MODULES, /(?!)/)) {
      const own = relative(MODULES, file).split('/')[0];
      // `import type` erases at build time: a type names a shape, it reaches no code
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)'/gms)) {
        const target = relative(MODULES, resolve(dirname(file), specifier!));
        if (target.startsWith('..')) continue; // graphql/, shared/, db/, generated/
        imports++;
        const [module, ...rest] = target.split('/');
        if (module !== own && !['service.ts', 'schema.ts'].includes(rest.join('/'))) crossings.push(`${relative(ROOT, file)} → modules/${target}`);
      }
    }
    expect(imports).toBeGreaterThan(50);
    expect(crossings).toEqual([]);
  });
});
