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

/**
 * Symbol tables only grow; once one holds this many symbols and four times what the latest searcher
 * used, the next searcher starts a fresh one (and prepares every entry again).
 */
const SYMBOL_TABLE_RESET_SIZE = 1 << 16;
/** The list pool is started afresh (with the symbol tables) when more than this beyond twice what is in use is stale. */
const LIST_POOL_SLACK = 1 << 20;

/** One searchable name (a term or an alias) of an entry. */
interface NameRecord {
  readonly name: string;
  readonly isTerm: boolean;
  /** Lower-case, without diacritics, spaces and `-_/.`: "HTTP/2" → "http2". */
  readonly key: string;
  /** Symbols (in `Symbols.words`) of the key, and of each word in `Symbols.lists` (no list of strings per name: 8 MB at 50k terms). */
  readonly keySymbol: number;
  readonly wordsAt: number;
  readonly wordsLength: number;
  /**
   * Symbols (in `Symbols.grams`) of the key's distinct bigrams and trigrams, in order of first
   * occurrence, in `Symbols.lists`: computed when first needed (`-1` until then).
   */
  bigramsAt: number;
  bigramsLength: number;
  trigramsAt: number;
  trigramsLength: number;
}

/** Symbols, as a plain array while a list is made; kept in the shared {@link ListPool}. */
type SymbolList = readonly number[];

/** What a searcher needs from one entry. It depends on the entry alone, so every searcher over the entry shares it. */
interface PreparedEntry {
  /** The tables the symbols below belong to. */
  readonly symbols: Symbols;
  readonly names: readonly NameRecord[];
  /** Symbols of the definition's distinct words, in `Symbols.lists`; computed by the first search that reaches definitions (`-1` until then). */
  definitionAt: number;
  definitionLength: number;
}

/** Strings as dense integers, so that a rebuild counts and copies integers instead of hashing strings. */
interface Symbols {
  /** Name keys, name words and definition words: the strings searched by prefix. */
  readonly words: SymbolTable;
  /** Name bigrams and trigrams. */
  readonly grams: SymbolTable;
  /** The n-grams of names and the words of definitions, as lists of symbols. */
  readonly lists: ListPool;
}

/** Where the list at a position is: in `chunk(at)`, from `offset(at)`. */
interface ListReader {
  chunk(at: number): Int32Array;
  offset(at: number): number;
}

/** Positions per pool chunk (1 MB). */
const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Symbol lists end to end, each known to its owner by where it starts and its length. As an array
 * per name and per definition they took 32 MB at 50k terms (8 bytes a symbol plus the array); here
 * a symbol takes 4 bytes. In chunks rather than one buffer grown by doubling: growing copied the
 * whole pool into one twice its size, both alive at once (50k terms: 17 + 34 MB at the peak).
 */
class ListPool implements ListReader {
  /** Chunk per slot of CHUNK positions; a list longer than a chunk gets one of its own, over several slots. */
  private readonly chunks: Int32Array[] = [];
  /** The position each slot's chunk starts at. */
  private readonly bases: number[] = [];
  /** The next free position: the items added plus the room left at the ends of chunks. */
  size = 0;

  /** Appends `symbols`; returns where they start. */
  add(symbols: readonly number[]): number {
    let at = this.size;
    let slot = at >>> CHUNK_BITS;
    if (symbols.length > 0 && (slot >= this.chunks.length || at - this.bases[slot] + symbols.length > this.chunks[slot].length)) {
      slot = this.chunks.length;
      at = slot * CHUNK;
      const chunk = new Int32Array(Math.max(CHUNK, symbols.length));
      for (let k = 0; k * CHUNK < chunk.length; k++) {
        this.chunks.push(chunk);
        this.bases.push(at);
      }
    }
    if (symbols.length > 0) {
      const chunk = this.chunks[slot];
      const offset = at - this.bases[slot];
      for (let i = 0; i < symbols.length; i++) chunk[offset + i] = symbols[i];
    }
    this.size = at + symbols.length;
    return at;
  }

  chunk(at: number): Int32Array {
    return this.chunks[at >>> CHUNK_BITS] ?? NO_ITEMS;
  }

  offset(at: number): number {
    return at - (this.bases[at >>> CHUNK_BITS] ?? at);
  }
}

const NO_ITEMS = new Int32Array(0);

/** Every symbol of a table in code-unit order of its text, for prefix searches. */
interface SymbolOrder {
  readonly texts: readonly string[];
  readonly symbols: Int32Array;
}

/** Interned strings: each distinct string gets the next integer. */
class SymbolTable {
  private readonly symbols = new Map<string, number>();
  private readonly texts: string[] = [];
  private order: SymbolOrder = { texts: [], symbols: new Int32Array(0) };

  get size(): number {
    return this.texts.length;
  }

  intern(text: string): number {
    let symbol = this.symbols.get(text);
    if (symbol === undefined) {
      symbol = this.texts.length;
      this.symbols.set(text, symbol);
      this.texts.push(text);
    }
    return symbol;
  }

  /** The text of `symbol`. */
  text(symbol: number): string {
    return this.texts[symbol]!;
  }

  /** The symbol of `text`, without adding it. */
  find(text: string): number | undefined {
    return this.symbols.get(text);
  }

  /** Every symbol so far, ordered by text. Only symbols added since the last call are sorted; then both runs are merged. */
  ordered(): SymbolOrder {
    const old = this.order;
    if (old.symbols.length === this.texts.length) return old;
    const added = Array.from({ length: this.texts.length - old.symbols.length }, (_, i) => old.symbols.length + i).sort((a, b) =>
      compareStrings(this.texts[a], this.texts[b]),
    );
    const texts: string[] = [];
    const symbols = new Int32Array(this.texts.length);
    let i = 0;
    let j = 0;
    while (i < old.symbols.length || j < added.length) {
      const symbol = j === added.length || (i < old.symbols.length && old.texts[i] < this.texts[added[j]]) ? old.symbols[i++] : added[j++];
      symbols[texts.length] = symbol;
      texts.push(this.texts[symbol]);
    }
    this.order = { texts, symbols };
    return this.order;
  }
}

function newSymbols(): Symbols {
  return { words: new SymbolTable(), grams: new SymbolTable(), lists: new ListPool() };
}

/**
 * Per-entry preparation, kept as long as its entry. Each index version gets a new searcher, but the
 * glossary set re-parses only the file that changed: the other entries are the same objects, so a
 * rebuild prepares only the new ones and then merely counts and copies symbols.
 */
const preparedEntries = new WeakMap<GlossaryEntry, PreparedEntry>();
let currentSymbols = newSymbols();
/** How many symbols the latest searcher uses so far: the measure of how much of the tables is stale. */
let symbolsInUse = 0;
/**
 * How many pooled list items the latest searcher that built lists uses. A new searcher builds its
 * lists on its first search that needs them, so until then the previous figure stands: set to 0 at
 * once, the next rebuild (one edit later, before any search) would start the pool over for nothing.
 */
let listsInUse = 0;
/** How many searchers were created, so that only the latest one counts its symbols. */
let searchers = 0;

/** Builds the name tables at once and the definition index on the first search that needs it. */
export function createSearcher(entries: readonly GlossaryEntry[]): Searcher {
  const staleSymbols = currentSymbols.words.size + currentSymbols.grams.size > Math.max(SYMBOL_TABLE_RESET_SIZE, 4 * symbolsInUse);
  if (staleSymbols || currentSymbols.lists.size > 2 * listsInUse + LIST_POOL_SLACK) currentSymbols = newSymbols();
  const symbols = currentSymbols;
  const list = [...entries];
  const prepared = list.map((entry) => prepare(entry, symbols));
  const names: NameRecord[] = [];
  /** The entry (index into `list`) of each name. */
  const nameEntries: number[] = [];
  prepared.forEach((entry, index) => {
    for (const record of entry.names) {
      names.push(record);
      nameEntries.push(index);
    }
  });
  const keySymbols = new Int32Array(names.length);
  names.forEach((record, index) => (keySymbols[index] = record.keySymbol));
  const byKey = postingsOf(symbols.words.size, keySymbols);
  const nameWords = concatenate(symbols.lists, names);
  // Word postings hold occurrences in `nameWords`, which tell the name and the word's position in it.
  const byWord = postingsOf(symbols.words.size, nameWords.symbols);
  const wordOrder = symbols.words.ordered();
  const overlap = new Int32Array(names.length);
  const generation = ++searchers;
  symbolsInUse = byKey.used + byWord.used;
  /** The list items this searcher's postings hold, its names' words first. */
  let listsUsed = nameWords.symbols.length;
  // Its words alone may outgrow the previous figure (no search has built postings yet).
  if (listsUsed > listsInUse) listsInUse = listsUsed;
  const countLists = (items: number) => {
    listsUsed += items;
    if (generation === searchers) listsInUse = listsUsed;
  };
  /** Which names contain each n-gram, built for bigrams and trigrams apart, when a query first needs them. */
  const byGram = new Map<number, Postings>();
  let definitions: DefinitionIndex | undefined;
  let alphabetical: GlossaryEntry[] | undefined;

  function search(query: string, limit = DEFAULT_LIMIT): SearchResult[] {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const folded = fold(query).trim();
    const key = stripSeparators(folded);
    if (!key) {
      alphabetical ??= list
        .map((entry, index) => ({ entry, index, sortKey: sortKeyOf(entry) }))
        .sort((a, b) => compareStrings(a.sortKey, b.sortKey) || a.index - b.index)
        .map(({ entry }) => entry);
      return alphabetical.slice(0, max).map((entry) => ({ entry, score: 0 }));
    }
    const hits = new Hits();
    const [keysFrom, keysTo] = prefixRange(wordOrder.texts, key);
    for (let i = keysFrom; i < keysTo; i++) {
      const symbol = wordOrder.symbols[i];
      for (let at = byKey.start(symbol), end = byKey.end(symbol); at < end; at++) {
        const index = byKey.items[at];
        const record = names[index];
        const exactScore = record.isTerm ? 0 : 0.02;
        hits.add(nameEntries[index], record.key === key ? exactScore : PREFIX_BAND + PREFIX_BAND * (1 - key.length / record.key.length), record.name);
      }
    }
    const queryWords = wordsOf(folded);
    if (queryWords.length > 0) {
      const [wordsFrom, wordsTo] = prefixRange(wordOrder.texts, queryWords[0]);
      for (let i = wordsFrom; i < wordsTo; i++) {
        const symbol = wordOrder.symbols[i];
        for (let at = byWord.start(symbol), end = byWord.end(symbol); at < end; at++) {
          const occurrence = byWord.items[at];
          const index = nameWords.owners[occurrence];
          const record = names[index];
          const score = wordPrefixScore(queryWords, nameWords, symbols.words, index, occurrence - nameWords.starts[index]);
          if (score !== undefined) hits.add(nameEntries[index], WORD_PREFIX_BAND + score, record.name);
        }
      }
    }
    const strongHits = hits.size;
    for (const [index, score] of fuzzyNames(key)) hits.add(nameEntries[index], FUZZY_BAND + score, names[index].name);
    // Definition hits rank below every exact, prefix and word-prefix hit; skip them when those fill the page.
    if (strongHits < max) {
      definitions ??= definitionIndex(list, prepared, symbols, generation, countLists);
      for (const [entry, score] of definitions.search(queryWords, max)) hits.add(entry, DEFINITION_BAND + score);
    }
    return hits.results(list, max);
  }

  /**
   * Names (indexes into `names`) sharing enough n-grams with the query to possibly be within Fuse's
   * threshold, scored by Fuse. Keys are compared (not spaced names) so "cherrypick", "cherry-pick"
   * and "cherry pick" agree.
   */
  function fuzzyNames(key: string): [number, number][] {
    const size = key.length >= TRIGRAM_QUERY_LENGTH ? 3 : 2;
    const grams = [...new Set(gramsOf(key, size))];
    if (grams.length === 0) return [];
    const postings = gramPostings(size);
    const touched: number[] = [];
    for (const gram of grams) {
      const symbol = symbols.grams.find(gram);
      if (symbol === undefined) continue;
      for (let at = postings.start(symbol), end = postings.end(symbol); at < end; at++) {
        const index = postings.items[at];
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
      if (short && !hasWordStartingWith(nameWords, symbols.words, index, key[0])) continue;
      if (shared >= needed) candidates.push({ index, dice: (2 * shared) / (grams.length + Math.max(1, names[index].key.length - size + 1)) });
    }
    candidates.sort((a, b) => b.dice - a.dice);
    // Fuse's cost grows with the query's length (and so its error budget); long queries get fewer tries.
    const tries = key.length > LONG_QUERY_LENGTH ? MAX_FUZZY_CANDIDATES / 2 : MAX_FUZZY_CANDIDATES;
    const scored: [number, number][] = [];
    for (const { index } of candidates.slice(0, tries)) {
      const record = names[index];
      const score = fuseScore(key, record.key);
      if (score > FUZZY_THRESHOLD) continue;
      const lengthGap = Math.abs(record.key.length - key.length) / Math.max(record.key.length, key.length);
      scored.push([index, 0.5 * score + 0.1 * lengthGap]);
    }
    return scored;
  }

  function gramPostings(size: number): Postings {
    let postings = byGram.get(size);
    if (!postings) {
      const { lists } = symbols;
      const starts = new Int32Array(names.length);
      const lengths = new Int32Array(names.length);
      const pooledGrams = (key: string): [number, number] => {
        const grams = distinctGrams(key, size, symbols.grams);
        return [lists.add(grams), grams.length];
      };
      names.forEach((record, index) => {
        if (size === 2) {
          if (record.bigramsAt < 0) [record.bigramsAt, record.bigramsLength] = pooledGrams(record.key);
          [starts[index], lengths[index]] = [record.bigramsAt, record.bigramsLength];
        } else {
          if (record.trigramsAt < 0) [record.trigramsAt, record.trigramsLength] = pooledGrams(record.key);
          [starts[index], lengths[index]] = [record.trigramsAt, record.trigramsLength];
        }
      });
      postings = pooledPostings(symbols.grams.size, lists, starts, lengths);
      byGram.set(size, postings);
      if (generation === searchers) symbolsInUse += postings.used;
      countLists(postings.items.length);
    }
    return postings;
  }

  return Object.freeze({ search });
}

/** The entry's preparation against `symbols`, from the cache or made now. */
function prepare(entry: GlossaryEntry, symbols: Symbols): PreparedEntry {
  let prepared = preparedEntries.get(entry);
  if (prepared?.symbols !== symbols) {
    const names = [entry.term, ...entry.aliases].map((name, i) => nameRecord(name, i === 0, symbols));
    prepared = { symbols, names, definitionAt: -1, definitionLength: 0 };
    preparedEntries.set(entry, prepared);
  }
  return prepared;
}

function nameRecord(name: string, isTerm: boolean, symbols: Symbols): NameRecord {
  const key = stripSeparators(fold(name));
  const words = wordsOf(splitCamelCase(name)).map((word) => symbols.words.intern(word));
  return {
    name,
    isTerm,
    key,
    keySymbol: symbols.words.intern(key),
    wordsAt: symbols.lists.add(words),
    wordsLength: words.length,
    bigramsAt: -1,
    bigramsLength: 0,
    trigramsAt: -1,
    trigramsLength: 0,
  };
}

/** The best score per entry, remembering which name earned it. */
class Hits {
  private readonly best = new Map<number, { score: number; name?: string }>();

  get size(): number {
    return this.best.size;
  }

  /** Records a hit on entry `entry`, by its name `name` or (without one) by its definition. */
  add(entry: number, score: number, name?: string): void {
    const current = this.best.get(entry);
    if (!current || score < current.score) this.best.set(entry, { score, name });
  }

  results(entries: readonly GlossaryEntry[], limit: number): SearchResult[] {
    return Array.from(this.best, ([index, { score, name }]) => ({ index, score, name, sortKey: sortKeyOf(entries[index]) }))
      .sort((a, b) => a.score - b.score || compareStrings(a.sortKey, b.sortKey) || a.index - b.index)
      .slice(0, limit)
      .map(({ index, score, name }) => {
        const result = { entry: entries[index], score: Math.min(1, score) };
        return name === undefined ? result : { ...result, matchedName: name };
      });
  }
}

interface DefinitionIndex {
  /**
   * The `limit` entries whose definitions best contain the query's words, scored 0 (every word,
   * exactly) to 0.6. Only the best `limit` can make the final page, so only they are returned.
   */
  search(queryWords: readonly string[], limit: number): [number, number][];
}

/**
 * An inverted index of definition words. A query word matches a definition word exactly, as its
 * prefix, or (from four letters on) fuzzily among the words that share its first three letters.
 */
function definitionIndex(
  entries: readonly GlossaryEntry[],
  prepared: readonly PreparedEntry[],
  symbols: Symbols,
  generation: number,
  countLists: (items: number) => void,
): DefinitionIndex {
  const { words, lists } = symbols;
  const starts = new Int32Array(prepared.length);
  const lengths = new Int32Array(prepared.length);
  for (const [index, entry] of prepared.entries()) {
    if (entry.definitionAt < 0) {
      const definitionWords = Array.from(new Set(wordsOf(entries[index].definition)), (word) => words.intern(word));
      entry.definitionAt = lists.add(definitionWords);
      entry.definitionLength = definitionWords.length;
    }
    starts[index] = entry.definitionAt;
    lengths[index] = entry.definitionLength;
  }
  const postings = pooledPostings(words.size, lists, starts, lengths);
  const order = words.ordered();
  if (generation === searchers) symbolsInUse += postings.used;
  countLists(postings.items.length);
  // Words in more than a quarter of all definitions say little and cost much; only a query made of nothing else uses them.
  const commonSize = Math.max(50, entries.length / 4);

  // Per-query scratch space, reused: the best quality of one query word per entry, and the sum so far.
  const best = new Float64Array(entries.length).fill(1);
  const similarity = new Float64Array(entries.length);

  function search(queryWords: readonly string[], limit: number): [number, number][] {
    const matched: number[] = [];
    let total = 0;
    for (const word of queryWords.filter((queryWord) => queryWord.length > 1)) {
      const touched: number[] = [];
      let common = false;
      const maxErrors = Math.floor(DEFINITION_WORD_THRESHOLD * word.length);
      const [from, to] = prefixRange(order.texts, word.slice(0, 3));
      for (let i = from; i < to; i++) {
        const symbol = order.symbols[i];
        const start = postings.start(symbol);
        const end = postings.end(symbol);
        // The table also holds name words and keys; only definition words have entries here.
        if (start === end) continue;
        const candidate = order.texts[i];
        const misspelt = word.length >= 4 && Math.abs(candidate.length - word.length) <= maxErrors;
        const score = candidate === word ? 0 : candidate.startsWith(word) ? 0.1 : misspelt ? fuseScore(word, candidate) : 1;
        if (score > DEFINITION_WORD_THRESHOLD) continue;
        if (end - start > commonSize) {
          common = true;
          continue;
        }
        for (let at = start; at < end; at++) {
          const entry = postings.items[at];
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

/**
 * How well every query word prefixes a distinct word of the name, in order, given that the first
 * query word prefixes the name's word at `start`: 0 when they cover the whole name, up to 0.08.
 */
function wordPrefixScore(queryWords: readonly string[], nameWords: Concatenation, table: SymbolTable, name: number, start: number): number | undefined {
  const from = nameWords.starts[name];
  const count = nameWords.starts[name + 1] - from;
  if (queryWords.length > count - start) return undefined;
  let next = start + 1;
  for (let q = 1; q < queryWords.length; q++) {
    while (next < count && !table.text(nameWords.symbols[from + next]).startsWith(queryWords[q])) next++;
    if (next === count) return undefined;
    next++;
  }
  const extraWords = (count - queryWords.length) / count;
  return 0.05 * extraWords + (start === 0 ? 0 : 0.03);
}

/** Whether a word of name `name` starts with `letter`. */
function hasWordStartingWith(nameWords: Concatenation, table: SymbolTable, name: number, letter: string): boolean {
  for (let at = nameWords.starts[name]; at < nameWords.starts[name + 1]; at++) if (table.text(nameWords.symbols[at])[0] === letter) return true;
  return false;
}

/** The range `[from, to)` of the sorted `keys` that start with `prefix`. */
function prefixRange(keys: readonly string[], prefix: string): [number, number] {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < keys.length && keys[end].startsWith(prefix)) end++;
  return [low, end];
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

/** The symbols of the distinct n-grams of `key`, in order of first occurrence. */
function distinctGrams(key: string, size: number, table: SymbolTable): SymbolList {
  const symbols: number[] = [];
  for (let i = 0; i + size <= key.length; i++) {
    const symbol = table.intern(key.slice(i, i + size));
    // Names are short: a scan is cheaper than a set.
    if (!symbols.includes(symbol)) symbols.push(symbol);
  }
  return symbols;
}

function gramsOf(key: string, size: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + size <= key.length; i++) grams.push(key.slice(i, i + size));
  return grams;
}

/** Integer lists per symbol, packed into one array: the list of `symbol` is `items[start(symbol)..end(symbol))`. */
interface Postings {
  readonly items: Int32Array;
  /** How many symbols have a non-empty list. */
  readonly used: number;
  start(symbol: number): number;
  end(symbol: number): number;
}

/** Many symbol lists end to end: occurrence `o` is `symbols[o]`, of list `owners[o]`, which starts at `starts[owners[o]]`. */
interface Concatenation {
  readonly symbols: Int32Array;
  readonly owners: Int32Array;
  readonly starts: Int32Array;
}

/**
 * For each symbol, the owners (indexes into `starts`) of the pooled lists it occurs in, in order:
 * list `i` starts at `starts[i]` in `pool` and holds `lengths[i]` symbols. Read from the pool in
 * place, twice (count, then fill), rather than copied into one long list first.
 */
function pooledPostings(symbolCount: number, pool: ListReader, starts: Int32Array, lengths: Int32Array): Postings {
  const offsets = new Int32Array(symbolCount + 1);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    const data = pool.chunk(starts[i]);
    for (let at = pool.offset(starts[i]), end = at + lengths[i]; at < end; at++) offsets[data[at] + 1]++;
    total += lengths[i];
  }
  let used = 0;
  for (let symbol = 0; symbol < symbolCount; symbol++) {
    if (offsets[symbol + 1] > 0) used++;
    offsets[symbol + 1] += offsets[symbol];
  }
  const items = new Int32Array(total);
  const next = offsets.slice(0, symbolCount);
  for (let i = 0; i < starts.length; i++) {
    const data = pool.chunk(starts[i]);
    for (let at = pool.offset(starts[i]), end = at + lengths[i]; at < end; at++) items[next[data[at]]++] = i;
  }
  return {
    items,
    used,
    start: (symbol) => (symbol < symbolCount ? offsets[symbol] : 0),
    end: (symbol) => (symbol < symbolCount ? offsets[symbol + 1] : 0),
  };
}

/** The word lists of `names`, copied from the pool end to end. */
function concatenate(pool: ListPool, names: readonly NameRecord[]): Concatenation {
  const starts = new Int32Array(names.length + 1);
  for (let i = 0; i < names.length; i++) starts[i + 1] = starts[i] + names[i].wordsLength;
  const symbols = new Int32Array(starts[names.length]);
  const owners = new Int32Array(symbols.length);
  // Plain loops: `set` and `fill` cost more per call than these lists (a dozen symbols) take to copy.
  for (let i = 0, at = 0; i < names.length; i++) {
    const data = pool.chunk(names[i].wordsAt);
    for (let from = pool.offset(names[i].wordsAt), end = from + names[i].wordsLength; from < end; from++) {
      symbols[at] = data[from];
      owners[at++] = i;
    }
  }
  return { symbols, owners, starts };
}

/** For each symbol, where it occurs in `symbols`, in order: each symbol a list of its own. */
function postingsOf(symbolCount: number, symbols: Int32Array): Postings {
  const starts = Int32Array.from(symbols, (_, occurrence) => occurrence);
  return pooledPostings(symbolCount, { chunk: () => symbols, offset: (at) => at }, starts, new Int32Array(symbols.length).fill(1));
}

/**
 * What entries are ordered by among equals: the term in lower case. Made when compared rather than
 * kept per entry (50k terms: 2.4 MB of strings): once per hit, and per entry for the empty query's list.
 */
function sortKeyOf(entry: GlossaryEntry): string {
  return entry.term.toLowerCase();
}

/** Code-unit order: stable across locales and consistent with the binary searches above. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
