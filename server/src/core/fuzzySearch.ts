import Fuse from 'fuse.js';
import type { GlossaryEntry, SearchResult } from './types';

/** Ranked, typo-tolerant search over a fixed list of entries. */
export interface Searcher {
  /**
   * Entries matching `query`, best first, at most `limit` (default 20): exact names, then name
   * prefixes, then names whose words the query's words prefix ("dep inj"), then misspelt names and
   * definitions containing the query's words. An empty query lists the first `limit` entries
   * alphabetically, each with score 0.
   */
  search(query: string, limit?: number): SearchResult[];
}

const DEFAULT_LIMIT = 20;
/** Fuse's error budget: a name matches when at most 40% of the query's characters are wrong. */
const FUZZY_THRESHOLD = 0.4;
/** Definitions are long and full of words: a misspelt query word may be at most a quarter wrong there. */
const DEFINITION_WORD_THRESHOLD = 0.25;
/** How many names the bigram prefilter hands to the (costly) approximate matcher per query. */
const MAX_FUZZY_CANDIDATES = 100;
/** From this query length on, trigrams (rarer, so cheaper to count) replace bigrams in the prefilter. */
const TRIGRAM_QUERY_LENGTH = 6;
/** Beyond this length a query is tried against fewer fuzzy candidates. */
const LONG_QUERY_LENGTH = 10;
/** Up to this length a fuzzy name must have a word starting with the query's first letter. */
const SHORT_QUERY_LENGTH = 4;
const FUSE_OPTIONS = { threshold: FUZZY_THRESHOLD, ignoreLocation: true, isCaseSensitive: false } as const;

/*
 * Score bands keep the name tiers in order whatever their inner scores are: exact name 0–0.02,
 * name prefix 0.05–0.1, word prefixes 0.1–0.2, fuzzy name 0.2–0.5. Definition hits score 0.3–0.9,
 * so a definition containing every query word outranks a far-fetched fuzzy name.
 */
const PREFIX_BAND = 0.05;
const WORD_PREFIX_BAND = 0.1;
const FUZZY_BAND = 0.2;
const DEFINITION_BAND = 0.3;

/** One searchable name (a term or an alias) of one entry. */
interface NameRecord {
  readonly entry: number;
  readonly name: string;
  readonly isTerm: boolean;
  /** Lower-case, without diacritics, spaces and `-_/.`: "HTTP/2" → "http2". */
  readonly key: string;
  readonly words: readonly string[];
}

/** A sorted string table answering "which items start with this prefix" by binary search. */
interface PrefixTable<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
}

/** Builds the search tables once; every `search` call reuses them. */
export function createSearcher(entries: readonly GlossaryEntry[]): Searcher {
  const list = [...entries];
  const sortKeys = list.map((entry) => entry.term.toLowerCase());
  const names = list.flatMap((entry, index) =>
    [entry.term, ...entry.aliases].map((name, i) => nameRecord(index, name, i === 0)),
  );
  const byKey = prefixTable(names.map((record, index) => [record.key, index] as const));
  const byWord = prefixTable(names.flatMap((record, index) => record.words.map((word, position) => [word, [index, position]] as const)));
  const byBigram = groupBy(names.flatMap((record, index) => [...new Set(gramsOf(record.key, 2))].map((gram) => [gram, index] as const)));
  const byTrigram = groupBy(names.flatMap((record, index) => [...new Set(gramsOf(record.key, 3))].map((gram) => [gram, index] as const)));
  const overlap = new Int32Array(names.length);
  const definitions = definitionIndex(list);
  let alphabetical: GlossaryEntry[] | undefined;

  function search(query: string, limit = DEFAULT_LIMIT): SearchResult[] {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const folded = fold(query).trim();
    const key = stripSeparators(folded);
    if (!key) {
      alphabetical ??= list.map((entry, index) => ({ entry, index })).sort((a, b) => compareStrings(sortKeys[a.index], sortKeys[b.index]) || a.index - b.index).map(({ entry }) => entry);
      return alphabetical.slice(0, max).map((entry) => ({ entry, score: 0 }));
    }
    const hits = new Hits();
    for (const index of withPrefix(byKey, key)) {
      const record = names[index];
      const exactScore = record.isTerm ? 0 : 0.02;
      hits.add(record, record.key === key ? exactScore : PREFIX_BAND + PREFIX_BAND * (1 - key.length / record.key.length));
    }
    const queryWords = wordsOf(folded);
    if (queryWords.length > 0) {
      for (const [index, position] of withPrefix(byWord, queryWords[0])) {
        const score = wordPrefixScore(queryWords, names[index].words, position);
        if (score !== undefined) hits.add(names[index], WORD_PREFIX_BAND + score);
      }
    }
    const strongHits = hits.size;
    for (const [record, score] of fuzzyNames(key)) hits.add(record, FUZZY_BAND + score);
    // Definition hits rank below every exact, prefix and word-prefix hit; skip them when those fill the page.
    if (strongHits < max) {
      for (const [entry, score] of definitions.search(queryWords, max)) hits.addEntry(entry, DEFINITION_BAND + score);
    }
    return hits.results(list, sortKeys, max);
  }

  /**
   * Names sharing enough n-grams with the query to possibly be within Fuse's threshold, scored by
   * Fuse. Keys are compared (not spaced names) so "cherrypick", "cherry-pick" and "cherry pick" agree.
   */
  function fuzzyNames(key: string): [NameRecord, number][] {
    const size = key.length >= TRIGRAM_QUERY_LENGTH ? 3 : 2;
    const postings = size === 3 ? byTrigram : byBigram;
    const grams = [...new Set(gramsOf(key, size))];
    if (grams.length === 0) return [];
    const touched: number[] = [];
    for (const gram of grams) {
      for (const index of postings.get(gram) ?? []) {
        if (overlap[index]++ === 0) touched.push(index);
      }
    }
    // Each wrong character spoils at most `size` n-grams, so a name within budget shares at least this many.
    const needed = Math.max(1, grams.length - size * Math.floor(FUZZY_THRESHOLD * key.length));
    // A short query is too easily found inside a longer name ("slo" in "low latency"); trust its first letter.
    const short = key.length <= SHORT_QUERY_LENGTH;
    const candidates: { index: number; dice: number }[] = [];
    for (const index of touched) {
      const shared = overlap[index];
      overlap[index] = 0;
      if (short && !names[index].words.some((word) => word[0] === key[0])) continue;
      if (shared >= needed) candidates.push({ index, dice: (2 * shared) / (grams.length + Math.max(1, names[index].key.length - size + 1)) });
    }
    candidates.sort((a, b) => b.dice - a.dice);
    // Fuse's cost grows with the query's length (and so its error budget); long queries get fewer tries.
    const tries = key.length > LONG_QUERY_LENGTH ? MAX_FUZZY_CANDIDATES / 2 : MAX_FUZZY_CANDIDATES;
    const scored: [NameRecord, number][] = [];
    for (const { index } of candidates.slice(0, tries)) {
      const record = names[index];
      const score = fuseScore(key, record.key);
      if (score > FUZZY_THRESHOLD) continue;
      const lengthGap = Math.abs(record.key.length - key.length) / Math.max(record.key.length, key.length);
      scored.push([record, 0.5 * score + 0.1 * lengthGap]);
    }
    return scored;
  }

  return Object.freeze({ search });
}

/** The best score per entry, remembering which name earned it. */
class Hits {
  private readonly best = new Map<number, { score: number; name?: string }>();

  get size(): number {
    return this.best.size;
  }

  add(record: NameRecord, score: number): void {
    const current = this.best.get(record.entry);
    if (!current || score < current.score) this.best.set(record.entry, { score, name: record.name });
  }

  addEntry(entry: number, score: number): void {
    const current = this.best.get(entry);
    if (!current || score < current.score) this.best.set(entry, { score });
  }

  results(entries: readonly GlossaryEntry[], sortKeys: readonly string[], limit: number): SearchResult[] {
    return [...this.best]
      .sort(([a, x], [b, y]) => x.score - y.score || compareStrings(sortKeys[a], sortKeys[b]) || a - b)
      .slice(0, limit)
      .map(([index, { score, name }]) => {
        const result = { entry: entries[index], score: Math.min(1, score) };
        return name === undefined ? result : { ...result, matchedName: name };
      });
  }
}

/**
 * An inverted index of definition words. A query word matches a definition word exactly, as its
 * prefix, or (from four letters on) fuzzily among the words that share its first three letters.
 */
function definitionIndex(entries: readonly GlossaryEntry[]) {
  const postings = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const word of wordsOf(entry.definition)) {
      const posting = postings.get(word);
      if (!posting) postings.set(word, [index]);
      else if (posting[posting.length - 1] !== index) posting.push(index);
    }
  });
  const words = [...postings.keys()].sort(compareStrings);
  const vocabulary: PrefixTable<string> = { keys: words, values: words };
  // Words in more than a quarter of all definitions say little and cost much; only a query made of nothing else uses them.
  const commonSize = Math.max(50, entries.length / 4);

  // Per-query scratch space, reused: the best quality of one query word per entry, and the sum so far.
  const best = new Float64Array(entries.length).fill(1);
  const similarity = new Float64Array(entries.length);

  /**
   * The `limit` entries whose definitions best contain the query's words, scored 0 (every word,
   * exactly) to 0.6. Only the best `limit` can make the final page, so only they are returned.
   */
  function search(queryWords: readonly string[], limit: number): [number, number][] {
    const matched: number[] = [];
    let total = 0;
    for (const word of queryWords.filter((queryWord) => queryWord.length > 1)) {
      const touched: number[] = [];
      let common = false;
      const maxErrors = Math.floor(DEFINITION_WORD_THRESHOLD * word.length);
      for (const candidate of withPrefix(vocabulary, word.slice(0, 3))) {
        const misspelt = word.length >= 4 && Math.abs(candidate.length - word.length) <= maxErrors;
        const score = candidate === word ? 0 : candidate.startsWith(word) ? 0.1 : misspelt ? fuseScore(word, candidate) : 1;
        if (score > DEFINITION_WORD_THRESHOLD) continue;
        const posting = postings.get(candidate)!;
        if (posting.length > commonSize) {
          common = true;
          continue;
        }
        for (const entry of posting) {
          if (best[entry] === 1) touched.push(entry);
          if (score < best[entry]) best[entry] = score;
        }
      }
      // Rare words count for more than frequent ones; a word too common to index still counts a little.
      const weight = touched.length ? Math.log(1 + entries.length / (1 + touched.length)) : common ? 0.1 : 1;
      total += weight;
      for (const entry of touched) {
        if (similarity[entry] === 0) matched.push(entry);
        similarity[entry] += weight * (1 - best[entry]) + Number.MIN_VALUE;
        best[entry] = 1;
      }
    }
    const scored = matched.map((entry): [number, number] => [entry, 0.6 * (1 - Math.min(1, similarity[entry] / total))]);
    for (const entry of matched) similarity[entry] = 0;
    return scored.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, limit);
  }

  return { search };
}

function nameRecord(entry: number, name: string, isTerm: boolean): NameRecord {
  return { entry, name, isTerm, key: stripSeparators(fold(name)), words: wordsOf(splitCamelCase(name)) };
}

/**
 * How well every query word prefixes a distinct word of the name, in order, given that the first
 * query word prefixes the name's word at `start`: 0 when they cover the whole name, up to 0.08.
 */
function wordPrefixScore(queryWords: readonly string[], nameWords: readonly string[], start: number): number | undefined {
  if (queryWords.length > nameWords.length - start) return undefined;
  let next = start + 1;
  for (const queryWord of queryWords.slice(1)) {
    while (next < nameWords.length && !nameWords[next].startsWith(queryWord)) next++;
    if (next === nameWords.length) return undefined;
    next++;
  }
  const extraWords = (nameWords.length - queryWords.length) / nameWords.length;
  return 0.05 * extraWords + (start === 0 ? 0 : 0.03);
}

function prefixTable<T>(pairs: readonly (readonly [string, T])[]): PrefixTable<T> {
  const sorted = [...pairs].sort((a, b) => compareStrings(a[0], b[0]));
  return { keys: sorted.map(([key]) => key), values: sorted.map(([, value]) => value) };
}

/** The values whose keys start with `prefix`. */
function* withPrefix<T>(table: PrefixTable<T>, prefix: string): Generator<T> {
  const { keys, values } = table;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < keys.length && keys[i].startsWith(prefix); i++) yield values[i];
}

/** Fuse's approximate-substring score for `pattern` in `text`: 0 is perfect, 1 is no match. */
function fuseScore(pattern: string, text: string): number {
  const result = Fuse.match(pattern, text, FUSE_OPTIONS);
  return result.isMatch ? result.score : 1;
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing is the costly part; most text is ASCII and needs none.
  return /[^\0-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower;
}

function stripSeparators(text: string): string {
  return text.replace(/[\s\-_/.]+/g, '');
}

function splitCamelCase(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function gramsOf(key: string, size: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + size <= key.length; i++) grams.push(key.slice(i, i + size));
  return grams;
}

function groupBy<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Code-unit order: stable across locales and consistent with the binary searches above. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
