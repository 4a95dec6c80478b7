// Bundles the end-to-end suite and its runners into out/e2e/ with esbuild (tsc --noEmit checks the types).
//   out/e2e/suite/index.js, out/e2e/suite/*.test.js   loaded by the extension host (vscode and mocha stay external)
//   out/e2e/runInCodeServer.js, out/e2e/runInElectron.js   run by node (node_modules stay external)
//   out/e2e/ui/runUiTests.js   the Playwright UI tests, run by node
import { readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const outdir = path.join(repo, 'out', 'e2e');

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: repo };

const suiteDir = path.join(here, 'suite');
const suiteEntries = (await readdir(suiteDir)).filter((name) => name === 'index.ts' || name.endsWith('.test.ts')).map((name) => path.join(suiteDir, name));

// Stale bundles of deleted test files would still be loaded by the suite's index.
await rm(outdir, { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: suiteEntries, outdir: path.join(outdir, 'suite'), external: ['vscode', 'mocha'] }),
  esbuild.build({ ...common, entryPoints: [path.join(here, 'runInCodeServer.ts'), path.join(here, 'runInElectron.ts')], outdir, packages: 'external' }),
  esbuild.build({ ...common, entryPoints: [path.join(here, 'ui', 'runUiTests.ts')], outdir: path.join(outdir, 'ui'), packages: 'external' }),
]);
console.log(`built ${suiteEntries.length} suite files and 3 runners into ${path.relative(repo, outdir)}/`);
