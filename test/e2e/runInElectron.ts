/**
 * `npm run test:electron`: the same suite as `runInCodeServer`, in desktop VS Code downloaded by
 * `@vscode/test-electron` (cached under `.vscode-test/`). Needs a machine that can reach
 * update.code.visualstudio.com, and a display (use `xvfb-run -a` on a headless Linux).
 *
 * Environment: GLOSSARY_LENS_VSCODE_VERSION (`stable` by default; e.g. `1.91.0`, the oldest
 * version package.json's `engines.vscode` allows), GLOSSARY_LENS_E2E_GREP, GLOSSARY_LENS_E2E_KEEP=1.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createRunDir } from './harness/runDir';
import { errorMessage } from './harness/cleanup';
import { log, phase, timingSummary } from './harness/timing';

const repo = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const runDir = await phase('prepare run directory', () => createRunDir({ fixture: path.join(repo, 'test', 'e2e', 'workspace') }));
  let code = 1;
  try {
    code = await phase('run suite', () =>
      runTests({
        version: process.env.GLOSSARY_LENS_VSCODE_VERSION ?? 'stable',
        cachePath: path.join(repo, '.vscode-test'),
        extensionDevelopmentPath: repo,
        extensionTestsPath: path.join(repo, 'out', 'e2e', 'suite', 'index.js'),
        extensionTestsEnv: {
          GLOSSARY_LENS_E2E_WORKSPACE: runDir.workspace,
          ...(process.env.GLOSSARY_LENS_E2E_GREP ? { MOCHA_GREP: process.env.GLOSSARY_LENS_E2E_GREP } : {}),
        },
        launchArgs: [
          runDir.workspace,
          // Installed extensions stay off; built-in ones and the extension under test run.
          '--disable-extensions',
          `--user-data-dir=${runDir.userData}`,
          `--extensions-dir=${runDir.extensions}`,
          '--disable-telemetry',
        ],
      }),
    );
  } catch (error) {
    // runTests rejects when VS Code exits with a non-zero code (a failed test included).
    console.error(errorMessage(error));
  } finally {
    if (code === 0 && process.env.GLOSSARY_LENS_E2E_KEEP !== '1') await runDir.remove();
    else log(`kept the run directory (workspace copy, user data and logs): ${runDir.root}`);
  }
  return code;
}

const started = Date.now();
void main().then((code) => {
  log(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${timingSummary()})`);
  process.exit(code);
});
