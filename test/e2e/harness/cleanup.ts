/**
 * Everything a run starts is registered here and stopped once, in reverse order: on success,
 * on failure, on a deadline and on SIGINT/SIGTERM. A synchronous last resort kills process
 * groups when the process exits without the asynchronous cleanup having run.
 */
import { log } from './timing';

/** A problem with the machine or the setup, reported as its message alone (no stack). */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

interface Resource {
  readonly name: string;
  readonly stop: () => Promise<void>;
  /** Synchronous hard stop for `process.on('exit')`, when there is no time for `stop`. */
  readonly kill?: () => void;
}

/** How long one resource may take to stop before the next one is stopped anyway. */
const STOP_TIMEOUT_MS = 15_000;

export class Cleanup {
  private readonly resources: Resource[] = [];
  private running: Promise<void> | undefined;

  /** Registers a resource; returns a function that unregisters it (after it was stopped by hand). */
  add(name: string, stop: () => Promise<void>, kill?: () => void): () => void {
    const resource: Resource = { name, stop, ...(kill ? { kill } : {}) };
    this.resources.push(resource);
    return () => {
      const index = this.resources.indexOf(resource);
      if (index >= 0) this.resources.splice(index, 1);
    };
  }

  /** True once stopping has begun (errors after that are consequences, not causes). */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Stops every registered resource, newest first; safe to call more than once. */
  run(): Promise<void> {
    this.running ??= this.stopAll();
    return this.running;
  }

  /** Kills what can be killed synchronously; for the process' `exit` event. */
  killNow(): void {
    for (const resource of [...this.resources].reverse()) {
      try {
        resource.kill?.();
      } catch {
        // Exiting anyway: a resource that is already gone is fine.
      }
    }
  }

  private async stopAll(): Promise<void> {
    while (this.resources.length) {
      const resource = this.resources.pop()!;
      try {
        await withDeadline(resource.stop(), STOP_TIMEOUT_MS, `stopping ${resource.name} took over ${STOP_TIMEOUT_MS / 1000} s`);
      } catch (error) {
        log(`could not stop ${resource.name} cleanly (${errorMessage(error)}); killing it`);
        try {
          resource.kill?.();
        } catch {
          // Already gone.
        }
      }
    }
  }
}

/**
 * Runs the cleanup on SIGINT, SIGTERM and SIGHUP, then exits with 128 + the signal number;
 * kills process groups synchronously if the process exits some other way.
 */
export function stopOnSignals(cleanup: Cleanup): void {
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
  for (const [signal, number] of Object.entries(signals)) {
    process.once(signal, () => {
      log(`${signal}: stopping everything this run started`);
      void cleanup.run().finally(() => process.exit(128 + number));
    });
  }
  process.once('exit', () => cleanup.killNow());
}

/** Rejects with `message` when `promise` has not settled after `ms` milliseconds. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
