import * as v8 from 'node:v8';

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

/**
 * How far V8 lets the heap grow past what the last full collection kept before it collects again.
 * By default it doubles a large heap, and an index rebuild after an edit (the old index still
 * answering hovers) then took the server from 180 MB live to 330 MB of heap at 50k terms. An index
 * rebuild leaves its garbage mostly in large-object space, which only a full collection frees; at
 * 10% the peak RSS of `npm run bench:load` (130 MB live) was 272–275 MB against 277–297 MB at 25%,
 * for about a second more of a 20 s load (docs/benchmarks.md). Read at each collection, so it may
 * be set at run time.
 */
export function limitHeapGrowth(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
