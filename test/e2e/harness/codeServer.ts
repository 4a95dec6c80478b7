/**
 * code-server on a free 127.0.0.1 port with throwaway directories, no authentication and no
 * outside traffic; ready when `/healthz` answers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { HarnessError, type Cleanup } from './cleanup';
import { startGroup, type GroupProcess } from './processes';
import type { RunDir } from './runDir';
import type { Toolchain } from './install';

export interface CodeServerOptions {
  readonly toolchain: Toolchain;
  readonly runDir: RunDir;
  readonly cleanup: Cleanup;
  /** Lets the workbench run an extension test suite named in the URL's `payload` (see {@link testPayload}). */
  readonly smokeTestDriver?: boolean;
  /** More command-line arguments, e.g. `--install-extension x.vsix`. */
  readonly extraArgs?: readonly string[];
  readonly startTimeoutMs?: number;
  /** A fixed port instead of a free one (the demo's `--port`). */
  readonly port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly logFile: string;
  readonly process: GroupProcess;
  /** The workbench URL for a folder, with an optional `payload` (a list of key/value pairs). */
  workbenchUrl(folder: string, payload?: readonly (readonly [string, string])[]): string;
  /** A path on this machine as the workbench addresses it (`vscode-remote://127.0.0.1:PORT/abs`). */
  remoteUri(absolutePath: string): string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { runDir, toolchain } = options;
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const config = path.join(runDir.root, 'config.yaml');
  await writeFile(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDir.logs, 'code-server.log');

  const args = [
    toolchain.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', runDir.userData,
    '--extensions-dir', runDir.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.extraArgs ?? []),
  ];
  const server = startGroup(toolchain.node, args, {
    cwd: runDir.root,
    // An empty gallery keeps the workbench from asking the marketplace for anything.
    env: { ...process.env, ...runDir.serverEnv, EXTENSIONS_GALLERY: '{}' },
    logFile,
    cleanup: { registry: options.cleanup, name: 'code-server' },
  });

  await waitForHealth(origin, server, logFile, options.startTimeoutMs ?? 30_000);
  return {
    port,
    origin,
    logFile,
    process: server,
    workbenchUrl(folder, payload) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${path.resolve(absolutePath)}`,
    stop: () => server.stop(),
  };
}

/**
 * The payload that makes the workbench load the extension under development and run its test
 * suite (what `--extensionDevelopmentPath`/`--extensionTestsPath` do for desktop VS Code, which
 * code-server refuses on its command line). Paths must be `vscode-remote://` URIs.
 */
export function testPayload(server: CodeServer, extensionPath: string, testsPath: string, env: Readonly<Record<string, string>> = {}): [string, string][] {
  return [
    ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
    ['extensionTestsPath', server.remoteUri(testsPath)],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
}

async function waitForHealth(origin: string, server: GroupProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | undefined;
  void server.exited.then((code) => (exitCode = code));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new HarnessError(`code-server exited with code ${exitCode} before it was ready.\n${await tail(logFile)}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new HarnessError(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s (last: ${lastError}).\n${await tail(logFile)}`);
}

async function tail(file: string, lines = 20): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
