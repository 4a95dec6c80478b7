/**
 * Installs the extension under test into a run's code-server `--extensions-dir`, as a user has
 * it: an extension folder (the repository, or an unpacked .vsix) is linked in under the name
 * code-server gives installed extensions (`publisher.name-version`); a .vsix file is installed
 * with code-server's own `--install-extension`, which works offline. Either way code-server's
 * `--list-extensions` must then list it, so a layout code-server ignores fails here, clearly.
 */
import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { HarnessError, type Cleanup } from './cleanup';
import type { Toolchain } from './install';
import { startGroup } from './processes';
import type { RunDir } from './runDir';

/** What to install: an unpacked extension folder (with its package.json), or a .vsix file. */
export type ExtensionSource = { readonly folder: string } | { readonly vsix: string };

export interface InstalledExtension {
  /** `publisher.name` */
  readonly id: string;
  readonly version: string;
  /** The extension's folder inside the extensions dir (for a linked folder: the link). */
  readonly location: string;
  /** The folder whose files the extension host runs (a linked folder's target, else `location`). */
  readonly files: string;
}

export interface InstallExtensionOptions {
  readonly toolchain: Toolchain;
  readonly runDir: RunDir;
  readonly cleanup: Cleanup;
  readonly source: ExtensionSource;
}

/** Installs `source` into `runDir.extensions` and checks that code-server lists it. */
export async function installExtension(options: InstallExtensionOptions): Promise<InstalledExtension> {
  const { source, runDir } = options;
  if ('vsix' in source) {
    if (!existsSync(source.vsix)) throw new HarnessError(`${source.vsix} does not exist.`);
    await codeServerCli(options, ['--install-extension', path.resolve(source.vsix)], 'install-extension');
    // The run's extensions dir started empty: what it holds now is what the package installed.
    const [only, ...more] = await listInstalled(options);
    if (!only || more.length) throw new HarnessError(`code-server --install-extension ${source.vsix} should have installed one extension into ${runDir.extensions}, not ${more.length + (only ? 1 : 0)}.`);
    const location = path.join(runDir.extensions, `${only.id}-${only.version}`);
    if (!existsSync(path.join(location, 'package.json'))) throw new HarnessError(`code-server installed ${only.id}@${only.version}, but not into ${location}.`);
    return { ...only, location, files: location };
  }
  const { id, version } = await readManifest(path.join(source.folder, 'package.json'));
  const location = path.join(runDir.extensions, `${id}-${version}`);
  // A link, not a copy: the repository's folder holds node_modules and the cached editor.
  await symlink(path.resolve(source.folder), location, 'dir');
  const installed: InstalledExtension = { id, version, location, files: path.resolve(source.folder) };
  // code-server adds a folder it finds in the extensions dir to the dir's extensions.json; check it did.
  const listed = await listInstalled(options);
  if (!listed.some((entry) => entry.id === installed.id && entry.version === installed.version)) {
    throw new HarnessError(`code-server does not list ${installed.id}@${installed.version} in ${runDir.extensions} (it lists: ${listed.map((entry) => `${entry.id}@${entry.version}`).join(', ') || 'nothing'}).`);
  }
  return installed;
}

async function readManifest(file: string): Promise<{ id: string; version: string }> {
  let manifest: { publisher?: unknown; name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new HarnessError(`Cannot read the extension manifest ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { publisher, name, version } = manifest;
  if (typeof publisher !== 'string' || typeof name !== 'string' || typeof version !== 'string') {
    throw new HarnessError(`${file} lacks a publisher, name or version.`);
  }
  return { id: `${publisher}.${name}`, version };
}

/** The extensions code-server sees in the run's extensions dir. */
async function listInstalled(options: InstallExtensionOptions): Promise<{ id: string; version: string }[]> {
  const output = await codeServerCli(options, ['--list-extensions', '--show-versions'], 'list-extensions');
  return [...output.matchAll(/^([\w-]+\.[\w-]+)@(\S+)$/gm)].map(([, id, version]) => ({ id: id!, version: version! }));
}

/** Runs code-server as a one-shot command line tool on the run's directories; returns its output. */
async function codeServerCli(options: InstallExtensionOptions, args: readonly string[], name: string): Promise<string> {
  const { runDir, toolchain } = options;
  let output = '';
  const cli = startGroup(
    toolchain.node,
    [toolchain.codeServerEntry, '--user-data-dir', runDir.userData, '--extensions-dir', runDir.extensions, '--config', path.join(runDir.root, 'cli-config.yaml'), ...args],
    {
      cwd: runDir.root,
      env: { ...process.env, ...runDir.serverEnv, EXTENSIONS_GALLERY: '{}' },
      logFile: path.join(runDir.logs, `code-server-${name}.log`),
      onOutput: (text) => (output += text),
      cleanup: { registry: options.cleanup, name: `code-server ${args[0]}` },
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([cli.exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 60_000)))]);
  clearTimeout(timer);
  await cli.stop(0);
  if (code !== 0) throw new HarnessError(`code-server ${args.join(' ')} ${code === 'timeout' ? 'took over 60 s' : `failed with exit code ${code}`}:\n${output.trimEnd()}`);
  return output;
}
