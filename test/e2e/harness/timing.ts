/**
 * Phase timings for the harness' console output: every phase prints when it ends and how long
 * it took, and the run ends with a summary, so a slow machine shows where the time went.
 */

const origin = Date.now();
const phases: { name: string; ms: number }[] = [];

/** Seconds since the process started, for log prefixes. */
export function elapsed(): string {
  return `${((Date.now() - origin) / 1000).toFixed(1)}s`;
}

/** Prints a harness message (not test output) with the elapsed time. */
export function log(message: string): void {
  console.log(`[e2e ${elapsed()}] ${message}`);
}

/** Runs one phase, records its duration and prints it (also when the phase fails). */
export async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await run();
  } finally {
    const ms = Date.now() - start;
    phases.push({ name, ms });
    log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  }
}

/** One line per finished phase, for the end of a run. */
export function timingSummary(): string {
  return phases.map(({ name, ms }) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ');
}
