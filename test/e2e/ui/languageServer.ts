/**
 * The extension's language server as a process: the `node` child of code-server's extension
 * host whose command line runs the installed extension's `dist/server.js`. Only descendants of
 * this run's code-server are considered, so a test never touches another run's processes.
 */
import * as path from 'node:path';
import type { InstalledExtension } from '../harness/extensions';
import { descendantsOf, type ProcessInfo } from '../harness/processTree';

export class LanguageServerProcess {
  private readonly scripts: readonly string[];

  constructor(
    /** code-server's process id: the root of the processes searched. */
    private readonly codeServerPid: number,
    extension: InstalledExtension,
  ) {
    // The extension host may name the server by the extensions dir's link or by its target.
    this.scripts = [...new Set([extension.location, extension.files].map((folder) => path.join(folder, 'dist', 'server.js')))];
  }

  /** The language server processes running now (one, when all is well). */
  find(): ProcessInfo[] {
    return descendantsOf(this.codeServerPid).filter((info) => this.scripts.some((script) => info.commandLine.includes(script)));
  }

  /** SIGKILLs the one running server, as a crash would end it; returns its process id. */
  kill(): number {
    const running = this.find();
    if (running.length !== 1) throw new Error(`Expected one language server process (${this.scripts.join(' or ')}), found ${running.length}: ${running.map((info) => info.pid).join(', ') || 'none'}.`);
    process.kill(running[0]!.pid, 'SIGKILL');
    return running[0]!.pid;
  }
}
