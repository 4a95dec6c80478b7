/**
 * Headless Chromium through playwright-core, with its own profile and HOME inside the run
 * directory; and the bridge the workbench's smoke-test driver uses to report an extension test
 * run (`codeAutomationLog`, `codeAutomationExit`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { HarnessError, type Cleanup } from './cleanup';
import type { RunDir } from './runDir';

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export interface BrowserOptions {
  readonly executablePath: string;
  readonly runDir: RunDir;
  readonly cleanup: Cleanup;
  readonly viewport?: { readonly width: number; readonly height: number };
}

const CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export async function launchBrowser(options: BrowserOptions): Promise<Browser> {
  const { runDir } = options;
  const context = await chromium.launchPersistentContext(runDir.browserProfile, {
    executablePath: options.executablePath,
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: runDir.browserHome },
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // The harness owns signal handling: it stops code-server too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    await context.close();
  };
  // Playwright kills the browser itself when this process exits; `close` is the orderly way.
  const unregister = options.cleanup.add('browser', close);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}

export interface ExtensionTestRun {
  /** The exit code of the extension host's test run: 0 when every test passed. */
  readonly exitCode: number;
}

export interface ExtensionTestOptions {
  readonly page: Page;
  /** The workbench URL with the test payload. */
  readonly url: string;
  /** Each log message of the workbench and the extension host (mocha's reporter writes there): a level and console-style arguments. */
  readonly onLog: (level: string, args: unknown) => void;
  /** Where to write the workbench's own log files when the run ends. */
  readonly logDir: string;
}

/** Opens the workbench and resolves when the extension host reports the end of the test run. */
export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestRun> {
  const { page } = options;
  let finish!: (run: ExtensionTestRun) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<ExtensionTestRun>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => options.onLog(String(level), args));
  await page.exposeFunction('codeAutomationExit', async (code: unknown, logs: unknown) => {
    await saveWorkbenchLogs(options.logDir, logs).catch(() => undefined);
    finish({ exitCode: typeof code === 'number' ? code : 1 });
  });
  page.once('crash', () => fail(new HarnessError('The workbench page crashed.')));
  page.once('close', () => fail(new HarnessError('The workbench page closed before the tests finished.')));
  // The caller may stop waiting (a deadline) and close the page: that is not an unhandled error.
  done.catch(() => undefined);
  const response = await page.goto(options.url, { waitUntil: 'domcontentloaded' });
  if (!response?.ok()) throw new HarnessError(`Opening the workbench failed: HTTP ${response?.status() ?? '(no response)'} for ${options.url}`);
  return done;
}

/** The workbench hands its log files (window, extension host, output channels) over on exit. */
async function saveWorkbenchLogs(dir: string, logs: unknown): Promise<void> {
  if (!Array.isArray(logs)) return;
  for (const entry of logs as { relativePath?: unknown; contents?: unknown }[]) {
    if (typeof entry.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
    const file = path.join(dir, path.normalize(entry.relativePath).replace(/^(\.\.[/\\])+/, ''));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, entry.contents);
  }
}
