/** Timing and summary statistics for the benchmarks. All times are milliseconds. */

/** A monotonic clock in milliseconds, from `process.hrtime.bigint()`. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` once and returns how long it took. */
export function time(fn: () => unknown): number {
  const start = now();
  fn();
  return now() - start;
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths. */
  readonly warmup: number;
  readonly reps: number;
  /** Collects garbage before each timed run (when `--expose-gc` is on), so one run's garbage is not billed to the next. */
  readonly gcBetween?: boolean;
}

/** Times `fn` `reps` times after `warmup` untimed runs; returns every sample. */
export function measure(fn: () => unknown, options: MeasureOptions): number[] {
  for (let i = 0; i < options.warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < options.reps; i++) {
    if (options.gcBetween) collectGarbage();
    samples.push(time(fn));
  }
  return samples;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs a full GC when node was started with `--expose-gc`; returns whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

/** Megabytes (10^6 bytes) per second. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

/** Like `measure`, but also returns the process CPU time (user + system) of each timed run, which a busy machine inflates far less than wall time. */
export function measureWithCpu(fn: () => unknown, options: MeasureOptions): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < options.warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.reps; i++) {
    if (options.gcBetween) collectGarbage();
    const cpuStart = process.cpuUsage();
    wall.push(time(fn));
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}
