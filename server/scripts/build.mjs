// Bundles the server into dist/main.mjs: npm packages stay external (loaded from node_modules at run time), the
// workspace's own TypeScript packages (@mutualis/*) are bundled, since Node cannot load their .ts files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    // Go regular expressions have no look-ahead: filter on "bare" here, leave @mutualis/* to esbuild's resolver
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@mutualis/') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  absWorkingDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  outfile: 'dist/main.mjs',
  logLevel: 'warning',
  plugins: [externalPackages],
});
