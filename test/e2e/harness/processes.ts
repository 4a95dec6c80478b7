/**
 * Child processes in their own process group, so stopping one also stops everything it
 * started (code-server's extension host and the language server, npm's install scripts).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { Cleanup } from './cleanup';

export interface GroupProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or 128 + signal number) once the process has exited. */
  readonly exited: Promise<number>;
  /** SIGTERM to the group, SIGKILL to whatever is left after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the whole group, synchronously. */
  kill(): void;
}

export interface StartOptions extends Pick<SpawnOptions, 'cwd' | 'env'> {
  /** Output of the process goes to this file. */
  readonly logFile: string;
  /** Called with each chunk of output as well, e.g. to watch for a line. */
  readonly onOutput?: (text: string) => void;
  /** Registered under this name, so the cleanup stops it. */
  readonly cleanup?: { readonly registry: Cleanup; readonly name: string };
}

/** Starts `command` as the leader of a new process group, output to a log file. */
export function startGroup(command: string, args: readonly string[], options: StartOptions): GroupProcess {
  const out = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      out.write(chunk);
      options.onOutput?.(chunk.toString('utf8'));
    });
  }
  const exited = new Promise<number>((resolve) => {
    child.once('error', (error) => {
      out.write(`\n[harness] could not start ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.once('close', (code, signal) => {
      out.end();
      resolve(code ?? 128 + signalNumber(signal));
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the whole group is gone already.
    }
  };
  let unregister: (() => void) | undefined;
  const group: GroupProcess = {
    child,
    exited,
    async stop(graceMs = 5_000) {
      signalGroup('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      // Children of the leader (an extension host, a language server) may outlive it.
      signalGroup('SIGKILL');
      unregister?.();
    },
    kill: () => signalGroup('SIGKILL'),
  };
  if (options.cleanup) unregister = options.cleanup.registry.add(options.cleanup.name, () => group.stop(), group.kill);
  return group;
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 0;
}
