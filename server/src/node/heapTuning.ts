import * as v8 from 'node:v8';

/**
 * Scanning a large file creates many short-lived objects; with V8's default young generation
 * (16 MB semi-spaces) a 4 MB scan spends about a quarter of its time in scavenges, which copy the
 * surviving occurrences twice. A larger young generation removes most of that (measured in
 * docs/benchmarks.md). Set once, at process start, before anything is allocated in bulk.
 */
export function enlargeYoungGeneration(megabytes: number): void {
  v8.setFlagsFromString(`--max-semi-space-size=${megabytes}`);
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
