/**
 * The server's parser on a worker thread (dist/parseWorker.js): a glossary that costs too much
 * time or memory fails alone, with a reason a person can read, and the next file parses as usual.
 */
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readGlossary } from '../../server/src/core';
import { BoundedParser, type ParseOutcome } from '../../server/src/node/boundedParser';
import { ensureBuilt } from '../support/build';

const workerFile = path.resolve(__dirname, '../../dist/parseWorker.js');
const SMALL = '# Team\n\n## Blue Widget\n\nOur billing worker.\n';
/** Unbalanced emphasis: micromark's cost grows with the square of it (about 40 s for these 2 MB). */
const SLOW = `# Slow\n\n## Hazard emphasis\n\n${'*a **a *a '.repeat(200_000)}\n`;
/** A million list items: remark's syntax tree for it needs gigabytes. */
const HUGE_LIST = `# Big\n\n## Hazard million list\n\n${'- a\n'.repeat(1_000_000)}`;

const terms = (outcome: ParseOutcome) => ('parsed' in outcome ? outcome.parsed.entries.map((entry) => entry.term) : outcome);

let parser: BoundedParser | undefined;
beforeAll(ensureBuilt);
afterEach(() => parser?.dispose());

describe('BoundedParser', () => {
  it('parses a glossary on the worker, with the entries the core finds', async () => {
    parser = new BoundedParser({ workerFile });
    expect(terms(await parser.parse('file:///team.md', SMALL))).toEqual(['Blue Widget']);
  });

  it('returns the same entries as a parse on this thread, sharing the lists the worker copied', async () => {
    parser = new BoundedParser({ workerFile });
    const text = '# Team\n\n## Blue Widget\n\nOur billing worker.\n\n## Red Widget\nTags: billing\n\nOur refunds worker.\n\n## Green Widget\n\nOur ledger.\n';
    const outcome = await parser.parse('file:///team.md', text);
    if (!('parsed' in outcome)) throw new Error(`not parsed: ${JSON.stringify(outcome)}`);
    expect(outcome.parsed).toEqual(readGlossary('file:///team.md', text));
    const [blue, red, green] = outcome.parsed.entries;
    // Kept for every entry of every glossary: one empty list and one list per section, not a copy each.
    expect(blue!.tags).toBe(green!.tags);
    expect(red!.tags).toEqual(['billing']);
    expect(blue!.section).toBe(red!.section);
    expect(blue!.seeAlso).toBe(red!.aliases);
  });

  it('gives up on a glossary over its time budget, then parses the next one', async () => {
    parser = new BoundedParser({ workerFile, budgetMs: () => 1_000 });
    const slow = parser.parse('file:///slow.md', SLOW);
    const next = parser.parse('file:///team.md', SMALL);
    expect(await slow).toEqual({ failed: 'it could not be parsed within 1 s' });
    expect(terms(await next)).toEqual(['Blue Widget']);
  });

  it('gives up on a glossary that needs more memory than the worker may have, without ending this process', async () => {
    parser = new BoundedParser({ workerFile, maxHeapMb: 96, budgetMs: () => 300_000 });
    expect(await parser.parse('file:///big.md', HUGE_LIST)).toEqual({ failed: 'parsing it needs more than 96 MB of memory' });
    expect(terms(await parser.parse('file:///team.md', SMALL))).toEqual(['Blue Widget']);
  }, 120_000);

  it('parses only the newest waiting text of a file: older ones give way', async () => {
    parser = new BoundedParser({ workerFile });
    const first = parser.parse('file:///other.md', '# Other\n\n## Night Shift\n\nThe late team.\n');
    const older = parser.parse('file:///team.md', SMALL);
    const newer = parser.parse('file:///team.md', SMALL.replace('Blue', 'Green'));
    expect(terms(await first)).toEqual(['Night Shift']);
    expect(await older).toEqual({ superseded: true });
    expect(terms(await newer)).toEqual(['Green Widget']);
  });

  it('warms up on a file without getting in the way: an edit right after it is parsed with its own text', async () => {
    parser = new BoundedParser({ workerFile });
    parser.warmUp('file:///team.md', SMALL);
    // Asked again while that warm-up waits or runs (a second open): it must not hold up the edit either.
    parser.warmUp('file:///team.md', SMALL);
    const edited = parser.parse('file:///team.md', SMALL.replace('Blue Widget', 'Teal Widget'));
    expect(terms(await edited)).toEqual(['Teal Widget']);
    expect(terms(await parser.parse('file:///other.md', SMALL))).toEqual(['Blue Widget']);
  });

  it('answers every waiting parse when disposed, and refuses new ones', async () => {
    parser = new BoundedParser({ workerFile });
    const running = parser.parse('file:///slow.md', SLOW);
    const waiting = parser.parse('file:///team.md', SMALL);
    parser.dispose();
    expect(await running).toEqual({ failed: 'the server is shutting down' });
    expect(await waiting).toEqual({ failed: 'the server is shutting down' });
    expect(await parser.parse('file:///team.md', SMALL)).toEqual({ failed: 'the server is shutting down' });
  });
});
