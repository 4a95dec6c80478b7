import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearcher } from '../../../server/src/core/fuzzySearch';
import type { GlossaryEntry, SearchResult } from '../../../server/src/core/types';
import { check, FUZZ_TIMEOUT, makeEntry, unicodeText } from './support';

const WORDS = ['access', 'token', 'cache', 'cherry', 'pick', 'etag', 'latency', 'server', 'queue', 'lease', 'policy', 'proxy', 'index', 'fixture', 'dependency', 'injection', 'задержка', 'κλειδί', 'café', 'naïve', 'HTTP/2', 'C++', 'REST', 'JWT'];
const name = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).chain((words) => fc.constantFrom(' ', '-', '_', '').map((glue) => words.join(glue))) },
  { weight: 1, arbitrary: unicodeText(10) },
);
const definition = fc.oneof(fc.array(fc.constantFrom(...WORDS, 'the', 'a', 'is', 'of', '.', '**', '`'), { maxLength: 30 }).map((words) => words.join(' ')), unicodeText(40));

const entries: fc.Arbitrary<GlossaryEntry[]> = fc
  .array(fc.record({ term: name, aliases: fc.array(name, { maxLength: 2 }), definition }), { minLength: 1, maxLength: 25 })
  .map((specs) => specs.map((spec, i) => makeEntry({ id: `file:///fuzz/g.md#e${i}`, ...spec })));

/** Queries: names, their prefixes and typos, definition words, garbage. */
function queriesFor(list: readonly GlossaryEntry[]): fc.Arbitrary<string> {
  const names = list.flatMap((entry) => [entry.term, ...entry.aliases]);
  return fc.oneof(
    fc.constantFrom(...names),
    fc.tuple(fc.constantFrom(...names), fc.nat()).map(([value, cut]) => value.slice(0, 1 + (cut % Math.max(1, value.length)))),
    fc.tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('x', '', 'e', ' ')).map(([value, at, typo]) => value.slice(0, at % (value.length + 1)) + typo + value.slice((at % (value.length + 1)) + 1)),
    fc.constantFrom(...WORDS),
    unicodeText(20),
    fc.constantFrom('', ' ', '   ', '-', '/', '.'),
  );
}

const limits = fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 30 }), fc.constantFrom(0.5, 2.7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e9));

/** A name the way the searcher compares it: lower case, no diacritics, no spaces or `-_/.`. */
const searchKey = (value: string) => value.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\s\-_/.]+/g, '');

function expectWellFormed(results: readonly SearchResult[], list: readonly GlossaryEntry[], limit: number | undefined): void {
  const max = limit === undefined ? 20 : Math.floor(limit);
  expect(results.length).toBeLessThanOrEqual(max > 0 ? max : 0);
  expect(new Set(results.map((result) => result.entry.id)).size).toBe(results.length);
  for (const [i, result] of results.entries()) {
    expect(list).toContain(result.entry);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    if (i > 0) expect(result.score).toBeGreaterThanOrEqual(results[i - 1]!.score);
    if (result.matchedName !== undefined) expect([result.entry.term, ...result.entry.aliases]).toContain(result.matchedName);
  }
}

const scenario = entries.chain((list) => fc.record({ list: fc.constant(list), query: queriesFor(list), limit: limits }));

describe('fuzzy search under fuzzing', () => {
  it('returns each entry at most once, scores in [0, 1] sorted ascending, never more than the limit', async () => {
    await check(fc.property(scenario, ({ list, query, limit }) => {
      expectWellFormed(createSearcher(list).search(query, limit), list, limit);
    }), 1500);
  }, FUZZ_TIMEOUT);

  it('returns an entry first, with a perfect score, when the query is its exact term', async () => {
    await check(fc.property(entries, fc.nat(), (list, pick) => {
      const target = list[pick % list.length]!;
      const key = searchKey(target.term);
      fc.pre(key !== '');
      const results = createSearcher(list).search(target.term, list.length);
      expect(results[0]?.score).toBe(0);
      // Several entries may share the term; each of them scores 0 and the target is among them.
      expect(searchKey(results[0]!.entry.term)).toBe(key);
      expect(results.filter((result) => result.score === 0).map((result) => result.entry)).toContain(target);
    }), 1500);
  }, FUZZ_TIMEOUT);

  it('finds every entry with a name that the query starts, when there are no more of them than the limit', async () => {
    await check(fc.property(entries, fc.nat(), fc.nat(), (list, pick, cut) => {
      const names = list.flatMap((entry) => [entry.term, ...entry.aliases]);
      const source = names[pick % names.length]!;
      const query = source.slice(0, 1 + (cut % Math.max(1, source.length)));
      const key = searchKey(query);
      fc.pre(key !== '' && /^[\p{L}\p{N}]/u.test(key));
      const expected = list.filter((entry) => [entry.term, ...entry.aliases].some((other) => searchKey(other).startsWith(key)));
      const results = createSearcher(list).search(query, 20);
      fc.pre(expected.length <= 20);
      for (const entry of expected) expect(results.map((result) => result.entry), `${JSON.stringify(query)} → ${entry.term}`).toContain(entry);
    }), 1200);
  }, FUZZ_TIMEOUT);

  it('answers the same query the same way, however many searchers were built and queried in between', async () => {
    await check(fc.property(scenario, entries, fc.array(unicodeText(10), { maxLength: 3 }), ({ list, query, limit }, others, noise) => {
      const searcher = createSearcher(list);
      const first = searcher.search(query, limit);
      const other = createSearcher([...others, ...list]);
      for (const extra of noise) other.search(extra);
      searcher.search(noise[0] ?? 'x');
      expect(searcher.search(query, limit)).toEqual(first);
      expect(createSearcher(list).search(query, limit)).toEqual(first);
    }), 600);
  }, FUZZ_TIMEOUT);
});
