/**
 * `npm run test:e2e`: runs the mocha suite in `out/e2e/suite/` inside a real VS Code extension
 * host: code-server (VS Code's server and web workbench, on Node 24) driven by headless Chromium.
 * Installs the pinned tools on first use, works in a throwaway directory, and stops everything it
 * started on success, failure, deadline or signal. Exit code: mocha's (0 when every test passed).
 *
 * Environment: CHROME_PATH (a Chrome/Chromium binary), GLOSSARY_LENS_E2E_GREP (run only the
 * tests whose names match), GLOSSARY_LENS_E2E_TIMEOUT (seconds for the run after installing,
 * default 300), GLOSSARY_LENS_E2E_KEEP=1 (keep the run directory even when every test passed).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, runExtensionTests } from './harness/browser';
import { findChromium } from './harness/chromium';
import { HarnessError, withDeadline, type Cleanup } from './harness/cleanup';
import { startCodeServer, testPayload } from './harness/codeServer';
import { ensureToolchain, type Toolchain } from './harness/install';
import { createRunDir } from './harness/runDir';
import { REPORTER_PREFIX, extensionHostPrinter } from './harness/output';
import { reportFailureLogs, runToExit } from './harness/run';
import { log, phase } from './harness/timing';

const repo = path.resolve(__dirname, '..', '..');
const suiteIndex = path.join(repo, 'out', 'e2e', 'suite', 'index.js');
const fixture = path.join(repo, 'test', 'e2e', 'workspace');
const EXTENSION_ID = 'glossary-lens.glossary-lens';

/**
 * The extension folder to load: the repository by default, or `--extension DIR` (an unpacked
 * .vsix, so the suite checks exactly what a user installs).
 */
const extensionArgument = process.argv.indexOf('--extension');
const extensionUnderTest = extensionArgument > 0 && process.argv[extensionArgument + 1] ? path.resolve(process.argv[extensionArgument + 1]!) : repo;

async function main(cleanup: Cleanup): Promise<number> {
  for (const [file, fix] of [
    [path.join(extensionUnderTest, 'dist', 'client.js'), extensionUnderTest === repo ? 'npm run build' : 'npm run test:e2e:vsix'],
    [suiteIndex, 'node test/e2e/build.mjs'],
  ] as const) {
    if (!existsSync(file)) throw new HarnessError(`${path.relative(repo, file)} is missing; run "${fix}" first.`);
  }
  log(`extension under test: ${path.relative(repo, extensionUnderTest) || 'the repository'}`);
  const executablePath = findChromium();
  const toolchain = await phase('install check', () => ensureToolchain(path.join(repo, '.vscode-test'), cleanup));

  const seconds = Number(process.env.GLOSSARY_LENS_E2E_TIMEOUT || 300);
  if (!(seconds > 0)) throw new HarnessError(`GLOSSARY_LENS_E2E_TIMEOUT must be a number of seconds, not "${process.env.GLOSSARY_LENS_E2E_TIMEOUT}".`);
  const timeoutMs = seconds * 1000;
  return withDeadline(runSuite(cleanup, executablePath, toolchain), timeoutMs, `The end-to-end run took over ${timeoutMs / 1000} s (GLOSSARY_LENS_E2E_TIMEOUT).`);
}

async function runSuite(cleanup: Cleanup, executablePath: string, toolchain: Toolchain): Promise<number> {
  const runDir = await phase('prepare run directory', () => createRunDir({ fixture }));
  let keep = process.env.GLOSSARY_LENS_E2E_KEEP === '1';
  cleanup.add('run directory', async () => {
    if (keep) log(`kept the run directory (workspace copy, logs): ${runDir.root}`);
    else await runDir.remove();
  });
  // A deadline or an error keeps the evidence.
  keep = true;

  const server = await phase('start code-server', () => startCodeServer({ toolchain, runDir, cleanup, smokeTestDriver: true }));
  const browser = await phase('start browser', () => launchBrowser({ executablePath, runDir, cleanup }));
  const payload = testPayload(server, extensionUnderTest, suiteIndex, {
    GLOSSARY_LENS_E2E_WORKSPACE: runDir.workspace,
    GLOSSARY_LENS_E2E_REPORTER_PREFIX: REPORTER_PREFIX,
    ...(process.env.GLOSSARY_LENS_E2E_GREP ? { MOCHA_GREP: process.env.GLOSSARY_LENS_E2E_GREP } : {}),
  });
  const opened = Date.now();
  const onLog = extensionHostPrinter(path.join(runDir.logs, 'workbench-console.log'), () => log(`workbench and extension host up, suite started: ${((Date.now() - opened) / 1000).toFixed(1)} s`));
  // A crashed code-server would otherwise leave the page waiting until the deadline.
  const serverDied = server.process.exited.then((code): never => {
    throw new HarnessError(`code-server exited with code ${code} during the run; see ${server.logFile}.`);
  });
  const { exitCode } = await phase('open workbench and run suite', () =>
    Promise.race([runExtensionTests({ page: browser.page, url: server.workbenchUrl(runDir.workspace, payload), onLog, logDir: path.join(runDir.logs, 'workbench') }), serverDied]),
  );
  keep = exitCode !== 0 || process.env.GLOSSARY_LENS_E2E_KEEP === '1';
  if (exitCode !== 0) {
    reportFailureLogs(runDir, EXTENSION_ID);
  }
  return exitCode;
}

runToExit(main);
