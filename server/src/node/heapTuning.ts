import * as v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';

/**
 * Scanning a large file creates many short-lived objects; with V8's default young generation
 * (16 MB semi-spaces) a 4 MB scan spends about a quarter of its time in scavenges, which copy the
 * surviving occurrences twice. A larger young generation removes most of that (measured in
 * docs/benchmarks.md). Set once, at process start, before anything is allocated in bulk.
 */
export function enlargeYoungGeneration(megabytes: number): void {
  enlargedTo = megabytes;
  v8.setFlagsFromString(`--max-semi-space-size=${megabytes}`);
}

let enlargedTo = 0;

/**
 * Starts a worker whose young generation follows its `resourceLimits`, not the server's. V8 sizes
 * a new isolate's young generation from the process-wide flag when it is set, whatever the
 * worker's limits say; so the flag is cleared until the worker runs, then set again (the server's
 * own heap, configured long before, keeps its size). Without this the parse worker took 67 MB of
 * young generation for parse garbage while a workspace loaded.
 */
export function startWorkerWithOwnYoungGeneration(start: () => Worker): Worker {
  if (enlargedTo === 0) return start();
  v8.setFlagsFromString('--max-semi-space-size=0');
  const restore = () => v8.setFlagsFromString(`--max-semi-space-size=${enlargedTo}`);
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    restore();
    throw error;
  }
  let restored = false;
  const once = () => {
    if (!restored) restore();
    restored = true;
  };
  worker.once('online', once).once('error', once).once('exit', once);
  return worker;
}

/**
 * Between glossary changes the server is mostly idle and holds a large, long-lived index; V8's
 * memory-saving mode then keeps the heap close to what is live instead of letting it grow to
 * about twice that (50k terms: RSS about 400 MB rather than 550, `npm run bench -- --load`).
 * While glossaries are read or an index is built it is off: collecting again and again as the
 * heap grows made loading 50k terms 2.5 times as long, and an index rebuild 3 times as long.
 */
export function preferSmallHeap(small: boolean): void {
  v8.setFlagsFromString(small ? '--optimize-for-size' : '--no-optimize-for-size');
}
