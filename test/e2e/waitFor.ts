/**
 * Waiting on a condition with a deadline, never on a fixed sleep: shared by the suite inside the
 * extension host and by the Playwright UI tests.
 */

export interface WaitOptions {
  /** What was awaited, for the failure message. */
  readonly message: string;
  /** Milliseconds until the wait fails; below mocha's per-test timeout, so our message wins. */
  readonly timeout?: number;
  /** Milliseconds between two checks. */
  readonly interval?: number;
}

/** An expectation that did not come true in time. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
}

/**
 * Checks `condition` until it returns something other than `undefined`, `null` or `false`, and
 * returns that. Errors thrown by the condition count as "not yet"; the last one is reported
 * when the deadline passes.
 */
export async function waitFor<T>(condition: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>, options: WaitOptions): Promise<T> {
  const timeout = options.timeout ?? 20_000;
  const deadline = Date.now() + timeout;
  let last = 'the condition was never met';
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = `last error: ${firstLine(error)}`;
    }
    if (Date.now() >= deadline) throw new WaitTimeoutError(`Timed out after ${timeout / 1000} s waiting for ${options.message} (${last}).`);
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 100));
  }
}

/** Errors such as Playwright's carry a long call log; the first line says what went wrong. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
