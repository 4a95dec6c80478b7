/**
 * Term recognition: finds every occurrence of every glossary name in any text.
 *
 * The text is tokenized once into subwords (see `identifiers.ts`). From every subword, a window
 * grows one subword at a time while the subwords are joined only by joiners; its hash (a
 * polynomial hash over lower-cased code units, combined per subword, so no substring is built) is
 * looked up in a small table of keys, and a bit set of key prefixes tells when to stop growing.
 * Cost grows with the text, not with the glossary.
 */
import {
  DIGITS_ONLY,
  GAP_BREAK,
  GAP_SOFT,
  HASH_BASE,
  HAS_LOWER,
  isLowerCase,
  isWordCharAt,
  lowerCode,
  nextBreak,
  tokenize,
  type Subwords,
} from './identifiers';
import { describeName, lowerRange, NOT_LITERAL, NUMERIC, PATH, type LiteralKind } from './normalize';
import type { CaseMode, TermOccurrence } from './types';

export { nameKey } from './normalize';

/** One name (a term or an alias) to recognise. */
export interface MatchableName {
  readonly name: string;
  /** The canonical term reported for occurrences of this name. */
  readonly term: string;
  readonly entryIds: readonly string[];
  /** Overrides the automatic decision (acronyms that are everyday words match only in capitals). */
  readonly caseMode?: CaseMode;
}

/** Finds glossary names in text. */
export interface TermMatcher {
  /** Every occurrence, sorted by start, not overlapping (the longest match wins). */
  scan(text: string): TermOccurrence[];
}

/** One way a key may match: names with the same key and the same matching rules, merged. */
interface Variant {
  readonly term: string;
  readonly entryIds: string[];
  readonly sensitive: boolean;
  /** The key as written, compared when case-sensitive. */
  readonly exact: string;
  readonly literal: LiteralKind;
  /** For literals (else ""): the whole name, lower-cased unless case-sensitive, compared with the text. */
  readonly literalText: string;
  readonly lead: number;
  readonly capitals: boolean;
  readonly soft: boolean;
}

/** Every variant of one key: its own names first, then singulars derived from plural names. */
interface KeyGroup {
  readonly key: string;
  variants: Variant[];
  derived: Variant[];
  /** One case-insensitive ordinary variant: an exact window matches without further checks. */
  simple: boolean;
}

/** Everything a scan reads, built once per matcher. Hot data lives in typed arrays. */
interface Lexicon {
  readonly groups: readonly KeyGroup[];
  /** Open addressing, interleaved: `[hash, group index + 1]` per slot (0 marks an empty slot). */
  readonly keys: Int32Array;
  readonly keyShift: number;
  /** Every key's code units, back to back; group `g`'s key is `[keyStarts[g], keyStarts[g + 1])`. */
  readonly keyChars: Uint16Array;
  readonly keyStarts: Int32Array;
  /** For simple groups (see {@link KeyGroup.simple}) the term and ids to report, else undefined. */
  readonly simpleTerms: readonly (string | undefined)[];
  readonly simpleIds: readonly (readonly string[] | undefined)[];
  /** 1 for simple groups: the hot loop's test. */
  readonly simple: Uint8Array;
  /** One bit per bucket of key-prefix hashes: clear means no key starts with the window. */
  readonly prefixes: Int32Array;
  readonly prefixShift: number;
  /** The same for whole keys: a small filter in front of `keys`. */
  readonly keyBits: Int32Array;
  readonly keyBitShift: number;
  /** `HASH_BASE ** n`, to append a subword of length n to a window's hash. */
  readonly powers: Int32Array;
  /** The longest window worth growing, in code units. */
  readonly limit: number;
  readonly hasSoft: boolean;
}

/** The window being looked at, shared by the acceptance rules (one object per scan). */
interface Window {
  readonly text: string;
  readonly subwords: Subwords;
  first: number;
  last: number;
  /** Every subword is a number. */
  digits: boolean;
  /** Some subwords are joined by a comma. */
  soft: boolean;
  /** Some subword has a lower-case letter. */
  lower: boolean;
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly term: string;
  readonly entryIds: readonly string[];
}

const S = 115;
const UPPER_S = 83;
const GOLDEN = 0x9e3779b1;
/** `imul(imul(h, GOLDEN), GOLDEN_INVERSE) === h`. */
const GOLDEN_INVERSE = inverseOf(GOLDEN);
const HASH_INVERSE = inverseOf(HASH_BASE);
/** Text is tokenized in chunks of at least this many code units, cut where no window can cross. */
const CHUNK = 1 << 14;
/** Buffers for more matches than this are not kept between scans. */
const MAX_KEPT = 1 << 18;

/**
 * Builds a matcher for `names`. Names with the same key (see `nameKey`) merge: their entry ids
 * are concatenated in order without duplicates and the first name's term is reported.
 */
export function createTermMatcher(names: Iterable<MatchableName>): TermMatcher {
  const lexicon = buildLexicon(names);
  // Scans are synchronous, so one set of buffers serves them all; huge ones are not kept.
  let buffers: Buffers | undefined;
  return Object.freeze({
    scan(text: string) {
      const reused = buffers ?? { subwords: undefined, candidates: undefined };
      buffers = undefined;
      const occurrences = scan(text, lexicon, reused);
      // An empty text (or an empty lexicon) may return before any buffer was made.
      if (reused.subwords && reused.candidates && reused.subwords.count <= MAX_KEPT && reused.candidates.count <= MAX_KEPT) buffers = reused;
      return occurrences;
    },
  });
}

/**
 * What a matcher needs from one name, whatever its term, ids and case mode: the name's shape (see
 * `NameShape`) without its key, flattened into one object (kept for every name between builds).
 */
interface PreparedName {
  readonly exact: string;
  readonly lead: number;
  readonly literal: LiteralKind;
  readonly capitals: boolean;
  readonly soft: boolean;
  readonly caseMode: CaseMode;
  /** The number of the shape's key (see {@link internKey}). */
  readonly keyId: number;
  /** For literals only (else ""): the trimmed name, and lower-cased, compared for case-sensitive and -insensitive literals. */
  readonly trimmed: string;
  readonly lowerTrimmed: string;
  /** Singulars of a plural name as written (see {@link singularsOf}) and their key numbers. */
  readonly singulars: readonly string[];
  readonly singularKeyIds: readonly number[];
}

/** Shared empty lists: most keys have no derived variants, most names no singulars. */
const NO_VARIANTS: Variant[] = [];
const NO_NAMES: readonly string[] = [];
const NO_IDS: readonly number[] = [];

// Matchers are rebuilt after every glossary edit from mostly the same names. Analysing a name
// costs more than the rest of the build, so analyses are kept (up to a bound, checked between
// builds), and so are the code units and prefix hashes of every key, back to back in one pool.
const prepared = new Map<string, PreparedName | null>();
const MAX_PREPARED = 1 << 17;
const keyIds = new Map<string, number>();
const internedKeys: string[] = [];
/** Key `id` occupies `[keyOffsets[id], + 2 * length)`: its code units, then `imul(hash, GOLDEN)` of each prefix. */
let keyOffsets: Int32Array = new Int32Array(1024);
let keyPool: Int32Array = new Int32Array(1 << 14);
let keyPoolSize = 0;

function internKey(key: string): number {
  let id = keyIds.get(key);
  if (id !== undefined) return id;
  id = internedKeys.length;
  keyIds.set(key, id);
  internedKeys.push(key);
  if (id === keyOffsets.length) keyOffsets = grown(keyOffsets, id * 2);
  if (keyPoolSize + 2 * key.length > keyPool.length) keyPool = grown(keyPool, (keyPoolSize + 2 * key.length) * 2);
  const offset = (keyOffsets[id] = keyPoolSize);
  let hash = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    hash = (Math.imul(hash, HASH_BASE) + c) | 0;
    keyPool[offset + i] = c;
    keyPool[offset + key.length + i] = Math.imul(hash, GOLDEN);
  }
  keyPoolSize += 2 * key.length;
  return id;
}

function grown(old: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}

function prepare(name: string): PreparedName | null {
  let entry = prepared.get(name);
  if (entry !== undefined) return entry;
  const shape = describeName(name);
  entry = null;
  if (shape) {
    const { exact, lead, literal, capitals, soft, caseMode } = shape;
    const singulars = literal === NOT_LITERAL && !capitals ? singularsOf(exact) : NO_NAMES;
    const trimmed = literal === NOT_LITERAL ? '' : shape.trimmed;
    // Most names have no singular: they share one empty list.
    const singularKeyIds = singulars.length === 0 ? NO_IDS : singulars.map((singular) => internKey(lowerRange(singular)));
    entry = { exact, lead, literal, capitals, soft, caseMode, keyId: internKey(shape.key), trimmed, lowerTrimmed: lowerRange(trimmed), singulars, singularKeyIds };
  }
  prepared.set(name, entry);
  return entry;
}


function buildLexicon(names: Iterable<MatchableName>): Lexicon {
  if (prepared.size > MAX_PREPARED) {
    prepared.clear();
    keyIds.clear();
    internedKeys.length = 0;
    keyPoolSize = 0;
  }
  const groups: KeyGroup[] = [];
  const groupIds: number[] = [];
  let groupOf: Int32Array = new Int32Array(internedKeys.length + 64); // Key number → group index + 1.
  const groupFor = (keyId: number): KeyGroup => {
    if (keyId >= groupOf.length) groupOf = grown(groupOf, internedKeys.length * 2);
    const index = groupOf[keyId]! - 1;
    if (index >= 0) return groups[index]!;
    const group: KeyGroup = { key: internedKeys[keyId]!, variants: NO_VARIANTS, derived: NO_VARIANTS, simple: false };
    groupOf[keyId] = groups.push(group);
    groupIds.push(keyId);
    return group;
  };
  for (const { name, term, entryIds, caseMode } of names) {
    const ready = prepare(name);
    if (!ready) continue;
    const sensitive = (caseMode ?? ready.caseMode) === 'sensitive';
    const variant: Variant = {
      term,
      entryIds: entryIds.length < 2 ? entryIds.slice() : [...new Set(entryIds)],
      sensitive,
      exact: ready.exact,
      literal: ready.literal,
      literalText: sensitive ? ready.trimmed : ready.lowerTrimmed,
      lead: ready.lead,
      capitals: ready.capitals,
      soft: ready.soft,
    };
    const group = groupFor(ready.keyId);
    group.variants = withVariant(group.variants, variant);
    for (let i = 0; i < ready.singulars.length; i++) {
      const singularGroup = groupFor(ready.singularKeyIds[i]!);
      singularGroup.derived = withVariant(singularGroup.derived, { ...variant, exact: ready.singulars[i]!, entryIds: variant.entryIds.slice() });
    }
  }

  const keyStarts = new Int32Array(groups.length + 1);
  let maxKeyLength = 0;
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index]!;
    const only = group.variants[0];
    group.simple = group.variants.length === 1 && !only!.sensitive && only!.literal === NOT_LITERAL && !only!.soft;
    maxKeyLength = Math.max(maxKeyLength, group.key.length);
    keyStarts[index + 1] = keyStarts[index]! + group.key.length;
  }
  const keyChars = new Uint16Array(keyStarts[groups.length]!);
  const prefixCount = keyChars.length;

  const keyBits = Math.max(4, Math.ceil(Math.log2(groups.length * 2 + 1)));
  const keys = new Int32Array(2 << keyBits);
  const keyShift = 32 - keyBits;
  // About four bits per prefix: a quarter of the bits set, so a window rarely grows needlessly.
  const prefixBits = Math.min(24, Math.max(10, Math.ceil(Math.log2(prefixCount * 4 + 1))));
  const prefixes = new Int32Array(1 << (prefixBits - 5));
  const prefixShift = 32 - prefixBits;
  const keyFilterBits = Math.min(24, Math.max(10, Math.ceil(Math.log2(groups.length * 8 + 1))));
  const keyFilter = new Int32Array(1 << (keyFilterBits - 5));
  const keyBitShift = 32 - keyFilterBits;
  for (let index = 0; index < groups.length; index++) {
    const offset = keyOffsets[groupIds[index]!]!;
    const length = keyStarts[index + 1]! - keyStarts[index]!;
    keyChars.set(keyPool.subarray(offset, offset + length), keyStarts[index]);
    for (let i = offset + length; i < offset + 2 * length; i++) {
      const bit = keyPool[i]! >>> prefixShift;
      prefixes[bit >>> 5]! |= 1 << (bit & 31);
    }
    const mixed = keyPool[offset + 2 * length - 1]!;
    const bit = mixed >>> keyBitShift;
    keyFilter[bit >>> 5]! |= 1 << (bit & 31);
    let slot = (mixed >>> keyShift) << 1;
    while (keys[slot + 1] !== 0) slot = (slot + 2) & (keys.length - 1);
    keys[slot] = Math.imul(mixed, GOLDEN_INVERSE);
    keys[slot + 1] = index + 1;
  }
  const simpleTerms = groups.map((group) => (group.simple ? group.variants[0]!.term : undefined));
  const simpleIds = groups.map((group) => (group.simple ? group.variants[0]!.entryIds : undefined));
  const simple = Uint8Array.from(groups, (group) => (group.simple ? 1 : 0));

  const limit = maxKeyLength + 2; // A plural window is at most two units longer than its key (-ies → -y).
  const powers = new Int32Array(limit + 1);
  powers[0] = 1;
  for (let i = 1; i <= limit; i++) powers[i] = Math.imul(powers[i - 1]!, HASH_BASE);
  const hasSoft = groups.some((group) => group.variants.some((variant) => variant.soft));
  return { groups, keys, keyShift, keyChars, keyStarts, simpleTerms, simpleIds, simple, prefixes, prefixShift, keyBits: keyFilter, keyBitShift, powers, limit, hasSoft };
}

/**
 * `list` with `variant` added. Most keys have one variant: a list of exactly one, since an array
 * grown by `push` reserves room for 17 (50k keys: 7 MB of empty slots).
 */
function withVariant(list: Variant[], variant: Variant): Variant[] {
  if (list === NO_VARIANTS) return [variant];
  addVariant(list, variant);
  return list;
}

/** Adds a variant, merging it into an existing one with the same matching rules. */
function addVariant(list: Variant[], variant: Variant): void {
  const same = list.find(
    (other) =>
      other.sensitive === variant.sensitive &&
      other.literal === variant.literal &&
      other.capitals === variant.capitals &&
      other.soft === variant.soft &&
      (!variant.sensitive || other.exact === variant.exact) &&
      (variant.literal === NOT_LITERAL || (other.literalText === variant.literalText && other.lead === variant.lead)),
  );
  if (!same) list.push(variant);
  else for (const id of variant.entryIds) if (!same.entryIds.includes(id)) same.entryIds.push(id);
}

/**
 * Matches found during a scan, one per start at most, as parallel arrays. `refs[k] >= 0` is a
 * simple group's index; a negative ref `-1 - j` points at `complex[j]`.
 */
interface Candidates {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  refs: Int32Array;
  readonly complex: Found[];
}

// The best match of the window currently growing; module variables keep the hot loop allocation-free.
let bestStart = 0;
let bestEnd = -1;
let bestRef = 0;

/** Arrays recycled from one scan to the next. */
interface Buffers {
  subwords: Subwords | undefined;
  candidates: Candidates | undefined;
}

function scan(text: string, lexicon: Lexicon, buffers: Buffers): TermOccurrence[] {
  let found = buffers.candidates;
  if (found) {
    found.count = 0;
    found.complex.length = 0;
  } else {
    const capacity = 1024;
    found = buffers.candidates = { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), refs: new Int32Array(capacity), complex: [] };
  }
  // Tokenize and match a chunk at a time, so the subwords and their text stay in the CPU cache.
  for (let from = 0; from < text.length; ) {
    const to = nextBreak(text, from, CHUNK);
    const subwords = (buffers.subwords = tokenize(text, buffers.subwords, from, to));
    const window: Window = { text, subwords, first: 0, last: 0, digits: false, soft: false, lower: false };
    const { hashes, ends } = subwords;
    const { prefixes, prefixShift } = lexicon;
    for (let first = 0; first < subwords.count; first++) {
      // Most subwords start no key and are no plural: skip them without setting up a window.
      const bit = Math.imul(hashes[first]!, GOLDEN) >>> prefixShift;
      if ((prefixes[bit >>> 5]! & (1 << (bit & 31))) === 0 && (text.charCodeAt(ends[first]! - 1) | 0x20) !== S) continue;
      bestEnd = -1;
      longestAt(window, lexicon, first, found.complex);
      if (bestEnd >= 0) addCandidate(found, bestStart, bestEnd, bestRef);
    }
    from = to;
  }
  return resolveOverlaps(found, lexicon);
}

function addCandidate(found: Candidates, start: number, end: number, ref: number): void {
  if (found.count === found.starts.length) {
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(old.length * 2);
      next.set(old);
      return next;
    };
    found.starts = grow(found.starts);
    found.ends = grow(found.ends);
    found.refs = grow(found.refs);
  }
  found.starts[found.count] = start;
  found.ends[found.count] = end;
  found.refs[found.count++] = ref;
}

/**
 * Finds the longest match that starts at subword `first` (into `bestStart`, `bestEnd`,
 * `bestRef`): grows the window one subword at a time while the joined text may still be the
 * start of some key.
 */
function longestAt(window: Window, lexicon: Lexicon, first: number, complex: Found[]): void {
  const { text, subwords } = window;
  const { count, starts, ends, hashes, flags, gaps } = subwords;
  const { powers, limit, prefixes, prefixShift } = lexicon;
  let hash = 0;
  let length = 0;
  let digits = true;
  let soft = false;
  let lower = false;
  for (let last = first; last < count; last++) {
    if (last > first) {
      const gap = gaps[last - 1];
      if (gap === GAP_BREAK || (gap === GAP_SOFT && !lexicon.hasSoft)) break;
      if (gap === GAP_SOFT) soft = true;
    }
    const size = ends[last]! - starts[last]!;
    length += size;
    if (length > limit) break;
    const previousHash = hash;
    hash = (Math.imul(hash, powers[size]!) + hashes[last]!) | 0;
    const flag = flags[last]!;
    digits &&= (flag & DIGITS_ONLY) !== 0;
    lower ||= (flag & HAS_LOWER) !== 0;

    // A key is its own prefix: when the prefix bit is clear only a plural can still match here.
    const bit = Math.imul(hash, GOLDEN) >>> prefixShift;
    const prefix = (prefixes[bit >>> 5]! & (1 << (bit & 31))) !== 0;
    const index = prefix ? findGroup(text, subwords, first, last, lexicon, hash, length, length) : -1;
    if (index >= 0 && lexicon.simple[index] === 1 && !digits && !soft) {
      bestStart = starts[first]!;
      bestEnd = ends[last]!;
      bestRef = index;
    } else {
      const lastChar = text.charCodeAt(ends[last]! - 1);
      if (index < 0 && lastChar !== S && lastChar !== UPPER_S) {
        if (!prefix) break;
        continue;
      }
      // The rules below read the window from the shared object.
      window.first = first;
      window.last = last;
      window.digits = digits;
      window.soft = soft;
      window.lower = lower;
      let match = index >= 0 ? matchComplex(window, lexicon.groups[index]!) : undefined;
      if (match === undefined && (lastChar === S || lastChar === UPPER_S)) match = matchPlural(window, lexicon, previousHash, length);
      if (match !== undefined && match.end > bestEnd) {
        bestStart = match.start;
        bestEnd = match.end;
        bestRef = -1 - complex.length;
        complex.push(match);
      }
    }
    if (!prefix) break;
  }
}

/** The first group whose key has `hash` and equals the window's first `length` units, or -1. */
function findGroup(text: string, subwords: Subwords, first: number, last: number, lexicon: Lexicon, hash: number, length: number, keyLength: number): number {
  const bit = Math.imul(hash, GOLDEN) >>> lexicon.keyBitShift;
  if ((lexicon.keyBits[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
  const { keys, keyStarts, keyChars } = lexicon;
  const mask = keys.length - 1;
  for (let slot = (Math.imul(hash, GOLDEN) >>> lexicon.keyShift) << 1; ; slot = (slot + 2) & mask) {
    const index = keys[slot + 1]! - 1;
    if (index < 0) return -1;
    if (keys[slot] !== hash) continue;
    const from = keyStarts[index]!;
    if (keyStarts[index + 1]! - from === keyLength && windowEqualsKey(text, subwords, first, last, keyChars, from, length)) return index;
  }
}

/** Compares the first `length` units of the window, lower-cased, with `keyChars` from `from`. */
function windowEqualsKey(text: string, subwords: Subwords, first: number, last: number, keyChars: Uint16Array, from: number, length: number): boolean {
  const { starts, ends } = subwords;
  let t = from;
  const stop = from + length;
  for (let k = first; k <= last && t < stop; k++) {
    const end = Math.min(ends[k]!, starts[k]! + stop - t);
    for (let i = starts[k]!; i < end; i++, t++) {
      const c = text.charCodeAt(i);
      // ASCII capitals inline; `lowerCode` for the rest.
      if ((c < 128 ? (c >= 65 && c <= 90 ? c | 0x20 : c) : lowerCode(c)) !== keyChars[t]) return false;
    }
  }
  return t === stop;
}

/** The match of the window as it is by a group that needs more checks than the key. */
function matchComplex(window: Window, group: KeyGroup): Found | undefined {
  return accept(window, group.variants, 0) ?? accept(window, group.derived, 0);
}

/**
 * A plural window: a lower-case `-s`, `-es` or `-ies` (→ `-y`) on the last subword, or an
 * upper-case one when the whole window is in capitals (`ACCESS_TOKENS`). `previousHash` is the
 * hash of the window without its last subword.
 */
function matchPlural(window: Window, lexicon: Lexicon, previousHash: number, length: number): Found | undefined {
  const { text, subwords, last } = window;
  const start = subwords.starts[last]!;
  const end = subwords.ends[last]!;
  const upper = text.charCodeAt(end - 1) === UPPER_S;
  if (upper && window.lower) return undefined;
  let own = subwords.hashes[last]!;
  for (let strip = 1; strip <= 3; strip++) {
    const kept = end - start - strip;
    const baseLength = length - strip;
    if (kept < 0 || baseLength < 2) break;
    const y = strip === 3;
    if (strip === 1) {
      // Never strip the second `s` of `-ss` (`class`, `access`).
      if ((text.charCodeAt(end - 2) | 0x20) === S) continue;
    } else if (text.charCodeAt(end - 2) !== (upper ? 69 : 101)) break; // -es
    else if (y && text.charCodeAt(end - 3) !== (upper ? 73 : 105)) break; // -ies
    // Take the suffix's units off the subword's hash rather than hashing what is kept again.
    own = Math.imul(own - (strip === 1 ? S : strip === 2 ? 101 : 105), HASH_INVERSE);
    let hash = (Math.imul(previousHash, lexicon.powers[kept]!) + own) | 0;
    if (y) hash = (Math.imul(hash, HASH_BASE) + 121) | 0;
    const index = findGroup(text, subwords, window.first, last, lexicon, hash, baseLength, y ? baseLength + 1 : baseLength);
    if (index < 0) continue;
    const group = lexicon.groups[index]!;
    if (y && group.key.charCodeAt(baseLength) !== 121) continue;
    const found = accept(window, group.variants, strip, upper);
    if (found) return found;
  }
  return undefined;
}

/**
 * Merges the variants that accept the window (`strip` > 0 for a plural window) into one match:
 * the longest (a literal may reach past the window: `std::vector` from `std`), with the term of
 * the first variant that spans it and the entry ids of every variant that spans it.
 */
function accept(window: Window, variants: readonly Variant[], strip: number, upperPlural = false): Found | undefined {
  const { subwords, first, last } = window;
  const windowStart = subwords.starts[first]!;
  const windowEnd = subwords.ends[last]!;
  let start = windowStart;
  let end = windowEnd;
  let chosen: Variant | undefined;
  let merged: string[] | undefined;
  for (const variant of variants) {
    let variantEnd = windowEnd;
    let variantStart = windowStart;
    if (variant.literal !== NOT_LITERAL) {
      if (strip > 0) continue;
      variantStart = windowStart - variant.lead;
      variantEnd = literalEnd(window.text, variantStart, variant);
      if (variantEnd < 0) continue;
    } else {
      if (window.digits || (window.soft && !variant.soft)) continue;
      if (variant.sensitive && !windowEquals(window, variant.exact, variant.exact.length, true)) continue;
      if (strip > 0 && variant.capitals) {
        // `JWKS` and `HTTPS` are other acronyms; a lower-case short plural (`gas`, `ids`) is a word.
        if (upperPlural || (variant.exact.length < 3 && hasLowerBefore(window, strip))) continue;
      }
    }
    if (!chosen || variantEnd - variantStart > end - start) {
      chosen = variant;
      start = variantStart;
      end = variantEnd;
      merged = undefined;
    } else if (variantStart === start && variantEnd === end) {
      merged ??= [...chosen.entryIds];
      for (const id of variant.entryIds) if (!merged.includes(id)) merged.push(id);
    }
  }
  if (!chosen) return undefined;
  return { start, end, term: chosen.term, entryIds: merged ?? chosen.entryIds };
}

/** Whether the window has a lower-case letter outside its last `strip` units (the plural suffix). */
function hasLowerBefore(window: Window, strip: number): boolean {
  const { text, subwords, first, last } = window;
  const stop = subwords.ends[last]! - strip;
  for (let k = first; k <= last; k++) {
    for (let i = subwords.starts[k]!; i < subwords.ends[k]! && i < stop; i++) if (isLowerCase(text.charCodeAt(i))) return true;
  }
  return false;
}

/** Compares the first `length` units of the window (skipping what lies between subwords) with `target`. */
function windowEquals(window: Window, target: string, length: number, exactCase: boolean): boolean {
  const { text, subwords, first, last } = window;
  let t = 0;
  for (let k = first; k <= last && t < length; k++) {
    const end = subwords.ends[k]!;
    for (let i = subwords.starts[k]!; i < end && t < length; i++, t++) {
      const c = text.charCodeAt(i);
      if ((exactCase ? c : lowerCode(c)) !== target.charCodeAt(t)) return false;
    }
  }
  return t === length;
}

/**
 * Where a literal name that starts at `start` ends in the text, or -1 when the text there is not
 * the name as written or the name is only part of a longer literal (`10.0.0.0.1`, `mysys.stdin`).
 */
function literalEnd(text: string, start: number, variant: Variant): number {
  const literal = variant.literalText;
  const end = start + literal.length;
  if (start < 0 || end > text.length) return -1;
  for (let i = 0; i < literal.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((variant.sensitive ? c : lowerCode(c)) !== literal.charCodeAt(i)) return -1;
  }
  if (isWordCharAt(text, start - 1) && isWordCharAt(text, start)) return -1;
  if (isWordCharAt(text, end) && isWordCharAt(text, end - 1)) return -1;
  // A name with half a surrogate pair at an end must not take half of a pair in the text.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return -1;
  if (variant.literal === NUMERIC || variant.literal === PATH) {
    // A dotted chain continues to the left (`os.sys.stdin`, `10.0.0.0.0`).
    if (isChainJoiner(text.charCodeAt(start - 1)) && isWordCharAt(text, start - 2)) return -1;
    const after = text.charCodeAt(end);
    // Numbers continue to the right too (`0.0.0.0/0`); code paths may be followed by members.
    const continues = variant.literal === NUMERIC ? isChainJoiner(after) : after === 95;
    if (continues && isWordCharAt(text, end + 1)) return -1;
  }
  return end;
}

function splitsSurrogatePair(text: string, at: number): boolean {
  const low = text.charCodeAt(at);
  const high = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

function isChainJoiner(c: number): boolean {
  return c === 46 || c === 47 || c === 95 || c === 45;
}

/** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
function inverseOf(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x | 0;
}

/**
 * The singulars a plural name should also match (`Fixtures` → `Fixture`), as written. Only for
 * names ending in a lower-case `s` that is not `-ss`, `-us` or `-is` (`Class`, `Status`, `Redis`).
 */
function singularsOf(exact: string): readonly string[] {
  const n = exact.length;
  if (n < 4 || exact.charCodeAt(n - 1) !== S) return NO_NAMES;
  const before = exact.charAt(n - 2);
  if (before === 's' || before === 'u' || before === 'i') return NO_NAMES;
  const singulars = [exact.slice(0, -1)];
  if (exact.endsWith('ies') && n >= 5) singulars.push(`${exact.slice(0, -3)}y`);
  else if (/(?:[sxz]|ch|sh)es$/.test(exact)) singulars.push(exact.slice(0, -2));
  return singulars;
}

/**
 * Keeps the longest of overlapping matches (the earlier one on a tie) and returns them in text
 * order. Candidates come in start order, at most one per start.
 */
function resolveOverlaps(found: Candidates, lexicon: Lexicon): TermOccurrence[] {
  const { starts, ends, refs, complex } = found;
  const occurrence = (k: number): TermOccurrence => {
    const ref = refs[k]!;
    if (ref < 0) return complex[-1 - ref]!;
    return { start: starts[k]!, end: ends[k]!, term: lexicon.simpleTerms[ref]!, entryIds: lexicon.simpleIds[ref]! };
  };
  const result: TermOccurrence[] = [];
  let k = 0;
  while (k < found.count) {
    // A cluster: candidates that overlap each other, directly or through a chain.
    let clusterEnd = ends[k]!;
    let next = k + 1;
    while (next < found.count && starts[next]! < clusterEnd) clusterEnd = Math.max(clusterEnd, ends[next++]!);
    let nested = true; // The common cluster: `access token` with `token` inside it.
    for (let m = k + 1; m < next && nested; m++) nested = ends[m]! <= ends[k]!;
    if (nested) result.push(occurrence(k));
    else {
      const members: number[] = [];
      for (let m = k; m < next; m++) members.push(m);
      members.sort((a, b) => ends[b]! - starts[b]! - (ends[a]! - starts[a]!) || starts[a]! - starts[b]!);
      const kept: number[] = [];
      for (const m of members) {
        if (kept.every((o) => ends[m]! <= starts[o]! || starts[m]! >= ends[o]!)) kept.push(m);
      }
      for (const m of kept.sort((a, b) => starts[a]! - starts[b]!)) result.push(occurrence(m));
    }
    k = next;
  }
  return result;
}
