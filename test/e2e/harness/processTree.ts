/**
 * The processes a process started, directly or not, read from Linux's /proc: how a test finds
 * the language server that code-server's extension host forked, without touching any process
 * this run did not start.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { HarnessError } from './cleanup';

export interface ProcessInfo {
  readonly pid: number;
  readonly parent: number;
  /** The command line, arguments joined by spaces. */
  readonly commandLine: string;
}

/** Every living descendant of `root` (children, their children...), `root` itself excluded. */
export function descendantsOf(root: number): ProcessInfo[] {
  if (process.platform !== 'linux') throw new HarnessError(`Finding child processes reads /proc, which ${process.platform} does not have.`);
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
  const children = new Map<number, ProcessInfo[]>();
  for (const info of all) children.set(info.parent, [...(children.get(info.parent) ?? []), info]);
  const found: ProcessInfo[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** A process' parent and command line; undefined when it exited meanwhile (or is a zombie). */
function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself hold spaces and parentheses: parse after the last ')'.
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return undefined;
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, parent: Number(parent), commandLine };
  } catch {
    return undefined;
  }
}
