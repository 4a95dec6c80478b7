/**
 * Node options the server should be started with. V8 reads them only when the server's isolate is
 * created, so the server cannot set them itself (see node/heapTuning.ts for those it can): the
 * VS Code client passes them, and README shows them in the other editors' command lines. Without
 * them the server works the same, with a larger peak.
 *
 * `--max-semi-space-size=4`: V8's young generation grows to 3 × 16 MB while the server allocates
 * fast (loading glossaries, an index rebuild after an edit), and that memory stays part of the
 * process until it is idle again. Capped at 4 MB semi-spaces, the young generation at the peak of
 * `npm run bench:load` (50k terms, 1,000 rapid edits) holds about 10 MB instead of 34.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
