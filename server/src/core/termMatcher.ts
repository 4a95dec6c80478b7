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
import { NOT_LITERAL, NUMERIC, PATH } from './normalize';
import { buildLexicon, derivedOf, GOLDEN, inverseOf, variantsOf, type Lexicon, type MatchableName, type Variant } from './termLexicon';
import type { TermOccurrence } from './types';

export { nameKey } from './normalize';
export type { MatchableName } from './termLexicon';

/** Finds glossary names in text. */
export interface TermMatcher {
  /** Every occurrence, sorted by start, not overlapping (the longest match wins). */
  scan(text: string): TermOccurrence[];
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
      let match = index >= 0 ? matchComplex(window, lexicon, index) : undefined;
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
function matchComplex(window: Window, lexicon: Lexicon, index: number): Found | undefined {
  return accept(window, variantsOf(lexicon, index), 0) ?? accept(window, derivedOf(lexicon, index), 0);
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
    if (y && lexicon.keyChars[lexicon.keyStarts[index]! + baseLength] !== 121) continue;
    const found = accept(window, variantsOf(lexicon, index), strip, upper);
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
        if (upperPlural || (variant.short && hasLowerBefore(window, strip))) continue;
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

/**
 * Keeps the longest of overlapping matches (the earlier one on a tie) and returns them in text
 * order. Candidates come in start order, at most one per start.
 */
function resolveOverlaps(found: Candidates, lexicon: Lexicon): TermOccurrence[] {
  const { starts, ends, refs, complex } = found;
  const occurrence = (k: number): TermOccurrence => {
    const ref = refs[k]!;
    if (ref < 0) return complex[-1 - ref]!;
    return { start: starts[k]!, end: ends[k]!, term: lexicon.terms[ref]!, entryIds: lexicon.ids[ref]! };
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
