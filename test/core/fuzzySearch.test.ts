import { describe, expect, it } from 'vitest';
import { createSearcher } from '../../server/src/core/fuzzySearch';
import type { GlossaryEntry } from '../../server/src/core/types';

/** A minimal entry; `uri` tells glossaries apart. */
function entry(term: string, definition = `About ${term}.`, aliases: string[] = [], uri = 'file:///g.md'): GlossaryEntry {
  return {
    id: `${uri}#${term.toLowerCase().replace(/\W+/g, '-')}`,
    term,
    aliases,
    definition,
    section: [],
    source: { uri, startLine: 0, endLine: 0, labelSpan: { start: 0, end: term.length } },
    tags: [],
    seeAlso: [],
  };
}

function terms(entries: readonly GlossaryEntry[], query: string, limit?: number): string[] {
  return createSearcher(entries).search(query, limit).map((result) => result.entry.term);
}

const realistic = [
  entry('Cherry Pick', 'Moves selected commits from one branch to another.', ['cherry-pick']),
  entry('Git Cherry-Pick', 'The command that copies one commit onto the current branch.'),
  entry('Dependency Injection', 'Objects receive their collaborators from outside.'),
  entry('Dependency Injection Containers', 'Create instances and inject their dependencies.'),
  entry('HTTP/1.1', 'The text-based version of HTTP.'),
  entry('HTTP/2', 'A binary, multiplexed version of HTTP.'),
  entry('HTTP/3', 'HTTP over QUIC.'),
  entry('SLI', 'A measured indicator of service level.', ['Service Level Indicator']),
  entry('SLO', 'A target value for an SLI.', ['Service Level Objective']),
  entry('SLA', 'A contract about service levels.', ['Service Level Agreement']),
  entry('Low Latency', 'Responding quickly.'),
  entry('Latency', 'The delay between a request and its response.'),
  entry('ETag', 'An HTTP response header that identifies a version of a resource.', ['entity tag']),
  entry('Access Token', 'A bearer token used to access protected resources.'),
  entry('Rebase', 'Replays commits on top of another base.'),
  entry('Merge', 'Combines the histories of two branches.'),
  entry('Cookie', 'Information that a browser stores for a site.'),
  entry('Cache', 'A store of copies kept to answer faster.'),
  entry('Idempotency', 'Doing it twice has the same effect as doing it once.'),
  entry('Serialization', 'Converting data into a sequence of bytes.'),
];

describe('fuzzy search over realistic names', () => {
  it.each([
    ['chery pik', 'Cherry Pick'],
    ['cherry-pick', 'Cherry Pick'],
    ['slo', 'SLO'],
    ['http2', 'HTTP/2'],
    ['http 1.1', 'HTTP/1.1'],
    ['dep inj', 'Dependency Injection'],
    ['etag', 'ETag'],
    ['latency', 'Latency'],
    ['serialisation', 'Serialization'],
    ['idempotncy', 'Idempotency'],
    ['service level objective', 'SLO'],
  ])('ranks the intended term first for %j', (query, expected) => {
    expect(terms(realistic, query)[0]).toBe(expected);
  });

  it('ranks the longer name sharing the word prefixes right after the exact one', () => {
    expect(terms(realistic, 'dep inj').slice(0, 2)).toEqual(['Dependency Injection', 'Dependency Injection Containers']);
  });

  it('ranks the other service-level terms after SLO, and leaves out names merely containing the letters', () => {
    const results = terms(realistic, 'slo');
    expect(results.slice(0, 3)).toEqual(['SLO', 'SLA', 'SLI']);
    expect(results).not.toContain('Low Latency');
  });

  it('finds a term by words that occur only in its definition', () => {
    expect(terms(realistic, 'bearer token')).toContain('Access Token');
    expect(terms(realistic, 'multiplexed')).toEqual(['HTTP/2']);
  });

  it('tolerates a typo in a definition word', () => {
    expect(terms(realistic, 'multiplexd')).toContain('HTTP/2');
  });

  it('names the alias that matched', () => {
    const [best] = createSearcher(realistic).search('entity tag');
    expect(best).toMatchObject({ score: 0.02, matchedName: 'entity tag' });
    expect(best.entry.term).toBe('ETag');
  });

  it('returns scores between 0 and 1 in ascending order', () => {
    for (const query of ['chery pik', 'http', 'bearer token', 'c']) {
      const scores = createSearcher(realistic).search(query).map((result) => result.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
      for (const score of scores) expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('finds nothing for a query that resembles nothing', () => {
    expect(terms(realistic, 'zqxjvw')).toEqual([]);
  });
});

describe('fuzzy search ranking', () => {
  it('ranks an exact name above a prefix above a word prefix above a fuzzy hit', () => {
    const entries = [entry('Stacks Overflow'), entry('Stack Trace'), entry('Stack'), entry('Call Stack'), entry('Stakc')];
    expect(terms(entries, 'stack')).toEqual(['Stack', 'Stack Trace', 'Stacks Overflow', 'Call Stack', 'Stakc']);
  });

  it('ranks a definition containing every query word above a far-fetched fuzzy name', () => {
    const entries = [entry('Beaker Tokyo'), entry('Access Token', 'A bearer token used to access protected resources.')];
    expect(terms(entries, 'bearer token')[0]).toBe('Access Token');
  });

  it('matches across diacritics and separators', () => {
    expect(terms([entry('Café'), entry('Cafeteria')], 'cafe')[0]).toBe('Café');
    expect(terms([entry('Mail'), entry('e-mail')], 'email')[0]).toBe('e-mail');
  });

  it('splits camel-cased names into words', () => {
    expect(terms([entry('JavaScript'), entry('Java')], 'script')).toEqual(['JavaScript']);
  });

  it('returns an entry once even when several of its names match', () => {
    const entries = [entry('REST', 'An architectural style.', ['RESTful', 'REST API'])];
    expect(terms(entries, 'rest')).toEqual(['REST']);
  });

  it('keeps entries of the same term from different glossaries, in priority order', () => {
    const entries = [entry('ETag', 'Ours.', [], 'file:///ws.md'), entry('ETag', 'Shipped.', [], 'file:///ext.md')];
    const results = createSearcher(entries).search('etag');
    expect(results.map((result) => result.entry.source.uri)).toEqual(['file:///ws.md', 'file:///ext.md']);
  });

  it('lists entries alphabetically for an empty query', () => {
    const entries = [entry('beta'), entry('Alpha'), entry('gamma'), entry('Delta')];
    expect(terms(entries, '   ')).toEqual(['Alpha', 'beta', 'Delta', 'gamma']);
    expect(terms(entries, '', 2)).toEqual(['Alpha', 'beta']);
  });

  it('returns at most the limit, 20 by default', () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(`Term ${String(i).padStart(2, '0')}`));
    expect(terms(entries, 'term')).toHaveLength(20);
    expect(terms(entries, 'term', 3)).toEqual(['Term 00', 'Term 01', 'Term 02']);
    expect(terms(entries, 'term', 0)).toEqual([]);
  });

  it('searches an empty list without failing', () => {
    expect(createSearcher([]).search('anything')).toEqual([]);
    expect(createSearcher([]).search('')).toEqual([]);
  });
});

describe('fuzzy search at scale', () => {
  it('still ranks the intended term first among 10,000 entries', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november'];
    const entries = Array.from({ length: 10_000 }, (_, i) => {
      const name = `${words[i % 14]} ${words[Math.floor(i / 14) % 14]} ${i}`;
      return entry(name, `${words[(i * 7) % 14]} ${words[(i * 3) % 14]} thing number ${i}.`);
    });
    entries.push(entry('Cherry Pick'));
    const searcher = createSearcher(entries);
    // Speed is measured by npm run bench, not asserted here.
    expect(searcher.search('chery pik')[0].entry.term).toBe('Cherry Pick');
    expect(searcher.search('delta echo 4')[0].entry.term).toMatch(/^delta echo/);
  });

  it('finds words in a definition of 300,000 distinct words and in the definitions around it', () => {
    // Such a list is longer than a chunk of the searcher's list pool: it gets one of its own,
    // and the lists after it must not overlap it.
    const huge = Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const entries = [entry('Before', 'Mentions the zebracorn.'), entry('Huge', huge), entry('After', 'Mentions the quokkaroo.')];
    const searcher = createSearcher(entries);
    expect(searcher.search('zebracorn')[0].entry.term).toBe('Before');
    expect(searcher.search(`w${(299_999).toString(36)}x`)[0].entry.term).toBe('Huge');
    expect(searcher.search(`w${(123_456).toString(36)}x`)[0].entry.term).toBe('Huge');
    // Only After: a list written over the end of Huge's would make Huge contain its words too.
    expect(searcher.search('quokkaroo').map((result) => result.entry.term)).toEqual(['After']);
    expect(searcher.search('zebracorn').map((result) => result.entry.term)).toEqual(['Before']);
  });
});

describe('fuzzy search across index versions', () => {
  const signature = (entries: readonly GlossaryEntry[], query: string): string[] =>
    createSearcher(entries)
      .search(query)
      .map((result) => `${result.entry.term}:${result.score.toFixed(6)}:${result.matchedName ?? ''}`);
  const queries = ['chery pik', 'slo', 'http2', 'dep inj', 'etag', 'bearer token', 'multiplexd', 'service level', 'c', 'zqxjvw'];

  it('ranks a rebuilt list, reusing unchanged entries, exactly like a fresh one', () => {
    const before = realistic.map((original) => entry(original.term, original.definition, [...original.aliases]));
    const first = createSearcher(before);
    for (const query of queries) first.search(query);
    // An edit re-parses one file: its entries are new objects, every other entry is the same object as before.
    const edited = [...before.slice(0, 5), entry('HTTP/2', 'A binary, multiplexed version of HTTP with server push.'), ...before.slice(6), entry('Cherry Blossom', 'A tree.')];
    const fresh = edited.map((original) => entry(original.term, original.definition, [...original.aliases]));
    for (const query of [...queries, 'push', 'blossom']) expect(signature(edited, query)).toEqual(signature(fresh, query));
  });

  it('keeps answering from an older version after newer ones were built', () => {
    const older = createSearcher(realistic);
    const expected = queries.map((query) => older.search(query));
    createSearcher([...realistic, entry('Chery Picker', 'Multiplexed bearer of new words.')]).search('bearer token');
    expect(queries.map((query) => older.search(query))).toEqual(expected);
  });

  it('stays correct when it starts over with fresh symbol tables', () => {
    // Enough distinct definition words to outgrow the shared tables once a small list follows.
    const large = Array.from({ length: 2000 }, (_, i) => entry(`Large ${i}`, Array.from({ length: 40 }, (_, j) => `w${i}x${j}`).join(' ')));
    const big = createSearcher(large);
    expect(big.search('w17x3')[0].entry.term).toBe('Large 17');
    createSearcher(realistic).search('x');
    const small = createSearcher(realistic);
    expect(small.search('bearer token').map((result) => result.entry.term)).toContain('Access Token');
    expect(small.search('chery pik')[0].entry.term).toBe('Cherry Pick');
    expect(big.search('w1999x39')[0].entry.term).toBe('Large 1999');
  });
});
