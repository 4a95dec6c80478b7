/**
 * UI tests: the extension installed into code-server as a user installs it, and the workbench
 * driven with Playwright as a person uses it (mouse over a word, keyboard shortcuts, Command
 * Palette, activity bar), checked by what the screen shows. Optionally saves the README's
 * screenshots.
 *
 *   node test/e2e/build.mjs && node out/e2e/ui/runUiTests.js [--extension DIR | --vsix FILE] [--screenshots]
 *
 * --extension DIR  an extension folder (an unpacked .vsix); default: the repository (run `npm run build` first)
 * --vsix FILE      a packaged extension, installed with code-server's --install-extension
 * --screenshots    write the screenshots into docs/images/ (else into the run directory)
 *
 * Environment: CHROME_PATH, GLOSSARY_LENS_E2E_GREP (run only the scenarios whose id or name
 * matches), GLOSSARY_LENS_E2E_TIMEOUT (seconds for the run after installing, default 300),
 * GLOSSARY_LENS_E2E_KEEP=1 (keep the run directory after a passing run).
 * Exit code 0 only when every scenario passed.
 */
import { appendFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from '../harness/browser';
import { findChromium } from '../harness/chromium';
import { HarnessError, withDeadline, type Cleanup } from '../harness/cleanup';
import { startCodeServer } from '../harness/codeServer';
import { installExtension, type ExtensionSource } from '../harness/extensions';
import { ensureToolchain, type Toolchain } from '../harness/install';
import { reportFailureLogs, runToExit } from '../harness/run';
import { createRunDir } from '../harness/runDir';
import { log, phase } from '../harness/timing';
import { LanguageServerProcess } from './languageServer';
import type { ScenarioContext } from './scenario';
import { SCENARIOS } from './scenarios';
import { Screenshots } from './screenshots';
import { firstLine } from './wait';
import { Workbench } from './workbench';

const repo = path.resolve(__dirname, '..', '..', '..');
const fixture = path.join(repo, 'test', 'e2e', 'workspace');
const docsImages = path.join(repo, 'docs', 'images');

/** A fixed window, so that screenshots are the same size from run to run. */
const VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * On top of the harness' quiet settings, for screenshots: no empty secondary side bar or
 * minimap taking room from the editor, a cursor that does not blink, and hovers below the word
 * (over code, not over the tabs).
 */
const UI_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'editor.cursorBlinking': 'solid',
  'editor.hover.above': false,
};

interface Options {
  readonly source: ExtensionSource;
  readonly screenshots: boolean;
  readonly describe: string;
}

function parseArguments(args: readonly string[]): Options {
  let source: ExtensionSource = { folder: repo };
  let describe = 'the repository';
  let screenshots = false;
  for (let i = 0; i < args.length; i++) {
    const argument = args[i]!;
    const value = () => {
      const next = args[++i];
      if (!next) throw new HarnessError(`${argument} needs a value.`);
      return path.resolve(next);
    };
    if (argument === '--extension') {
      source = { folder: value() };
      describe = `the extension folder ${path.relative(repo, source.folder) || '.'}`;
    } else if (argument === '--vsix') {
      source = { vsix: value() };
      describe = `the package ${path.relative(repo, source.vsix)}`;
    } else if (argument === '--screenshots') screenshots = true;
    else throw new HarnessError(`Unknown argument ${argument}. Usage: runUiTests.js [--extension DIR | --vsix FILE] [--screenshots]`);
  }
  return { source, screenshots, describe };
}

async function main(cleanup: Cleanup): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if ('folder' in options.source) {
    for (const file of ['package.json', 'dist/client.js', 'dist/server.js']) {
      if (!existsSync(path.join(options.source.folder, file))) {
        throw new HarnessError(`${path.join(options.source.folder, file)} is missing; run ${options.source.folder === repo ? '"npm run build"' : '"npm run test:e2e:vsix" (it unpacks the package into out/vsix/extension)'} first.`);
      }
    }
  } else if (!existsSync(options.source.vsix)) throw new HarnessError(`${options.source.vsix} does not exist; package the extension first (npm run package).`);
  log(`extension under test: ${options.describe}`);
  const executablePath = findChromium();
  const toolchain = await phase('install check', () => ensureToolchain(path.join(repo, '.vscode-test'), cleanup));

  const seconds = Number(process.env.GLOSSARY_LENS_E2E_TIMEOUT || 300);
  if (!(seconds > 0)) throw new HarnessError(`GLOSSARY_LENS_E2E_TIMEOUT must be a number of seconds, not "${process.env.GLOSSARY_LENS_E2E_TIMEOUT}".`);
  // The run reports a deadline like any failure (step, screenshot); this is the last resort should that hang.
  return withDeadline(run(cleanup, executablePath, toolchain, options, seconds), (seconds + 30) * 1000, `The UI test run took over ${seconds + 30} s and did not stop by itself.`);
}

async function run(cleanup: Cleanup, executablePath: string, toolchain: Toolchain, options: Options, seconds: number): Promise<number> {
  const grep = process.env.GLOSSARY_LENS_E2E_GREP ? new RegExp(process.env.GLOSSARY_LENS_E2E_GREP, 'i') : undefined;
  const scenarios = SCENARIOS.filter((scenario) => !grep || grep.test(scenario.id) || grep.test(scenario.name));
  if (!scenarios.length) throw new HarnessError(`No scenario matches GLOSSARY_LENS_E2E_GREP=${process.env.GLOSSARY_LENS_E2E_GREP} (ids: ${SCENARIOS.map((scenario) => scenario.id).join(', ')}).`);

  // Every step races the run's deadline and code-server's exit, so neither leaves a wait hanging.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`The UI test run took over ${seconds} s (GLOSSARY_LENS_E2E_TIMEOUT).`)), seconds * 1000);
  });
  deadline.catch(() => undefined);
  cleanup.add('deadline', async () => clearTimeout(timer));
  let serverDied: Promise<never> = new Promise<never>(() => undefined);
  const guard = <T>(work: Promise<T>): Promise<T> => Promise.race([work, deadline, serverDied]);

  const runDir = await phase('prepare run directory', () => createRunDir({ fixture, prefix: 'glossary-lens-ui-', settings: UI_SETTINGS }));
  // A deadline, an error or a signal keeps the evidence; only a pass (without KEEP) removes it.
  let keep = true;
  cleanup.add('run directory', async () => {
    if (keep) log(`kept the run directory (workspace copy, logs, screenshots): ${runDir.root}`);
    else await runDir.remove();
  });

  const extension = await phase('install extension', () => guard(installExtension({ toolchain, runDir, cleanup, source: options.source })));
  log(`installed ${extension.id}@${extension.version} at ${extension.location}${extension.files !== extension.location ? ` -> ${extension.files}` : ''}`);
  const server = await phase('start code-server', () => guard(startCodeServer({ toolchain, runDir, cleanup })));
  serverDied = server.process.exited.then((code): never => {
    throw new HarnessError(`code-server exited with code ${code} during the run; see ${server.logFile}.`);
  });
  serverDied.catch(() => undefined);
  const browser = await phase('start browser', () => guard(launchBrowser({ executablePath, runDir, cleanup, viewport: VIEWPORT })));
  const { page } = browser;
  const consoleLog = path.join(runDir.logs, 'workbench-console.log');
  page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
  const screenshots = new Screenshots(page, options.screenshots ? docsImages : path.join(runDir.root, 'screenshots'));

  let step = 'open workbench';
  try {
    const workbench = await phase(step, () => guard(Workbench.open(page, server.workbenchUrl(runDir.workspace))));
    const context: ScenarioContext = {
      workbench,
      screenshots,
      workspace: runDir.workspace,
      languageServer: new LanguageServerProcess(server.process.child.pid!, extension),
      log: (message) => log(`  ${message}`),
    };
    for (const [index, scenario] of scenarios.entries()) {
      step = `step ${index + 1}/${scenarios.length} ${scenario.id}`;
      log(`${step}: ${scenario.name}`);
      await phase(step, () => guard(scenario.run(context)));
    }
  } catch (error) {
    if (cleanup.stopping) throw error;
    const shot = path.join(runDir.root, `failure-${step.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: shot, fullPage: true, timeout: 10_000 }).catch((screenshotError: unknown) => log(`no failure screenshot: ${firstLine(screenshotError)}`));
    console.log(`\nFAILED at ${step}\n${error instanceof HarnessError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    reportFailureLogs(runDir, extension.id);
    log(`screenshot of the failure: ${shot}`);
    return 1;
  }
  for (const shot of screenshots.saved) log(`screenshot ${shot.file.startsWith(repo + path.sep) ? path.relative(repo, shot.file) : shot.file}: ${shot.width}x${shot.height}, ${(shot.bytes / 1024).toFixed(1)} KB`);
  keep = process.env.GLOSSARY_LENS_E2E_KEEP === '1';
  return 0;
}

runToExit(main);
