// Bundles every entry point with esbuild; `tsc --noEmit` does the type checking.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // The unified ecosystem is ESM-only; bundling turns it into CommonJS the extension host can load.
  mainFields: ['module', 'main'],
};

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
// BUILD_ID keys the command line's parse cache: a new build never reuses an older build's parses.
common.define = { SERVER_VERSION: JSON.stringify(pkg.version), BUILD_ID: JSON.stringify(`${pkg.version}-${Date.now().toString(36)}`) };

const entries = [
  // The extension host provides `vscode`; everything else is bundled, so the .vsix needs no node_modules.
  // The banner timestamps the start of module evaluation, so activation timing includes loading the bundle.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], banner: { js: 'var GLOSSARY_LENS_LOAD_START = performance.now();' } },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The server parses glossaries on a worker thread (server/src/node/boundedParser.ts).
  { entryPoints: ['server/src/node/parseWorker.ts'], outfile: 'dist/parseWorker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The benchmarks are a development tool; a production (packaging) build leaves them out.
  ...(production ? [] : [{ entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' }]),
];

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
