/**
 * `npm run demo`: Glossary Lens in a real VS Code in your browser. Installs the freshly packaged
 * extension into the cached code-server, opens a copy of `examples/` (or the folder given as the
 * first argument), prints the address, and stops everything on Ctrl+C.
 *
 *   npm run demo                     the sample project (a copy; your changes are discarded)
 *   npm run demo -- ~/src/my-repo    your own folder, edited in place
 *   npm run demo -- --port 8080      a fixed port (default: a free one)
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from '../test/e2e/harness/codeServer';
import { Cleanup, HarnessError, errorMessage, stopOnSignals } from '../test/e2e/harness/cleanup';
import { installExtension } from '../test/e2e/harness/extensions';
import { CODE_SERVER_VERSION, ensureToolchain } from '../test/e2e/harness/install';
import { createRunDir } from '../test/e2e/harness/runDir';
import { phase } from '../test/e2e/harness/timing';

const repo = path.resolve(__dirname, '..');
const vsix = path.join(repo, 'out', 'glossary-lens.vsix');

interface Options {
  readonly folder: string | undefined;
  readonly port: number | undefined;
}

function parseArguments(argv: readonly string[]): Options {
  let folder: string | undefined;
  let port: number | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--port') {
      port = Number(argv[(index += 1)]);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new HarnessError(`--port needs a port number, not "${argv[index]}".`);
    } else if (argument.startsWith('-')) {
      throw new HarnessError(`Unknown option ${argument}. Usage: npm run demo [-- FOLDER] [--port N]`);
    } else {
      folder = path.resolve(argument);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new HarnessError(`${folder} is not a folder.`);
    }
  }
  return { folder, port };
}

async function main(cleanup: Cleanup): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(vsix)) throw new HarnessError(`${path.relative(repo, vsix)} is missing; run "npm run demo", which packages it first.`);
  const toolchain = await phase('install check', () => ensureToolchain(path.join(repo, '.vscode-test'), cleanup));
  const runDir = await createRunDir({ fixture: path.join(repo, 'examples'), prefix: 'glossary-lens-demo-', settings: { 'workbench.colorTheme': 'Default Dark Modern', 'workbench.startupEditor': 'readme', 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
  cleanup.add('demo directory', () => runDir.remove());

  await phase('install the extension', () => installExtension({ toolchain, runDir, cleanup, source: { vsix } }));

  const server = await phase('start code-server', () => startCodeServer({ toolchain, runDir, cleanup, ...(options.port ? { port: options.port } : {}) }));
  const folder = options.folder ?? runDir.workspace;
  console.log(`
  Glossary Lens is running in VS Code (code-server ${CODE_SERVER_VERSION}). Open:

    ${server.workbenchUrl(folder)}

  ${options.folder ? `Folder: ${folder} (edited in place).` : 'Folder: a copy of examples/ (your changes are discarded when the demo stops).'}
  Try: hover etagCache in api/books.ts · F1 → "Glossary Lens: Search Terms…" → chery pik ·
       the Glossary Lens icon in the activity bar. Logs: ${runDir.logs}

  Press Ctrl+C to stop.
`);
  const code = await server.process.exited;
  if (!cleanup.stopping) throw new HarnessError(`code-server stopped by itself (exit ${code}); see ${server.logFile}.`);
}

const cleanup = new Cleanup();
stopOnSignals(cleanup);
main(cleanup).catch(async (error: unknown) => {
  if (cleanup.stopping) return;
  console.error(error instanceof HarnessError ? `\n${error.message}` : errorMessage(error));
  await cleanup.run();
  process.exit(1);
});
