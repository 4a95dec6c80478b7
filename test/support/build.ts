import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Builds the bundles once when a test runs without `npm run build` before it. */
export async function ensureBuilt(): Promise<void> {
  if (['dist/server.js', 'dist/parseWorker.js', 'dist/cli.js'].every((file) => existsSync(path.join(root, file)))) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
}
