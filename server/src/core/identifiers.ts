/**
 * The subword tokenizer: splits any text (code, prose, any script) into the subwords that terms
 * are matched against, in one pass over UTF-16 code units.
 *
 * A subword is a maximal run of letters or digits that does not cross a case or script change:
 * `etagMatches` → `etag` `Matches`, `QUICListener` → `QUIC` `Listener`, `raid5` → `raid` `5`,
 * `JWTs` → `JWT` `s`. Everything else (punctuation, whitespace, emoji) separates subwords; the
 * separator between two subwords is classified as a joiner or a break (see {@link GAP_JOIN}).
 */

/** Character classes. Marks (accents, combining characters) continue the current subword. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
/** Letters without case (CJK, Arabic, ...). A change between cased and caseless letters splits. */
const CASELESS = 3;
const DIGIT = 4;
const MARK = 5;

/** Subword flags. */
export const DIGITS_ONLY = 1;
export const HAS_LOWER = 2;
export const HAS_UPPER = 4;

/**
 * How the text between two consecutive subwords joins them. Join: nothing, one of `- _ . / '`,
 * a run of underscores, or a run of spaces/tabs within a line. Soft: a comma followed by spaces
 * (`Keep It Simple, Stupid`), which joins only for names that have one. Break: anything else
 * (a line break, brackets, operators...).
 */
export const GAP_JOIN = 0;
export const GAP_SOFT = 1;
export const GAP_BREAK = 2;

/** The base of the polynomial hash over lower-cased code units (odd, so it is invertible mod 2^32). */
export const HASH_BASE = 0x01000193;

/**
 * The subwords of a text as parallel arrays (no object per subword). `hashes[i]` is the
 * polynomial hash of the lower-cased code units of subword `i`, so windows of subwords can be
 * hashed without building substrings; `gaps[i]` classifies the text between subword `i` and `i+1`.
 */
export interface Subwords {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
  readonly flags: Uint8Array;
  readonly gaps: Uint8Array;
}

const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c | 0x20 : c;

// Non-ASCII BMP classes and lower-case mappings are computed lazily, 256 code units at a time,
// so text that is all ASCII never pays for the Unicode tables.
const BMP_CLASS = new Uint8Array(0x10000);
const BMP_LOWER = new Uint16Array(0x10000);
const BLOCK_READY = new Uint8Array(0x100);
const ASTRAL_CLASS = new Map<number, number>();

const RE_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const RE_LOWER = /^\p{Ll}$/u;
const RE_LETTER = /^\p{L}$/u;
const RE_DIGIT = /^\p{N}$/u;
const RE_MARK = /^\p{M}$/u;

function classOfString(ch: string): number {
  if (RE_LOWER.test(ch)) return LOWER;
  if (RE_UPPER.test(ch)) return UPPER;
  if (RE_LETTER.test(ch)) return CASELESS;
  if (RE_DIGIT.test(ch)) return DIGIT;
  if (RE_MARK.test(ch)) return MARK;
  return OTHER;
}

function fillBlock(block: number): void {
  const base = block << 8;
  for (let c = base; c < base + 0x100; c++) {
    // Surrogates are classified as pairs by the caller; alone they separate.
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    const ch = String.fromCharCode(c);
    BMP_CLASS[c] = surrogate ? OTHER : classOfString(ch);
    // Mappings that change length (e.g. İ → i̇) keep the original unit so keys stay aligned.
    const lower = ch.toLowerCase();
    BMP_LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  BLOCK_READY[block] = 1;
}

function bmpClass(c: number): number {
  if (c < 128) return ASCII_CLASS[c]!;
  if (BLOCK_READY[c >> 8] === 0) fillBlock(c >> 8);
  return BMP_CLASS[c]!;
}

function astralClass(codePoint: number): number {
  let cls = ASTRAL_CLASS.get(codePoint);
  if (cls === undefined) {
    cls = classOfString(String.fromCodePoint(codePoint));
    ASTRAL_CLASS.set(codePoint, cls);
  }
  return cls;
}

/**
 * The class of the character at `index` (a surrogate pair is classified as its code point).
 * Returns 0 (other) past the end of the text.
 */
function classAt(text: string, index: number): number {
  if (index >= text.length) return OTHER;
  const c = text.charCodeAt(index);
  if (c < 128) return ASCII_CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return astralClass((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
  }
  return bmpClass(c);
}

/** The lower-case form of one UTF-16 code unit (the unit itself when it has none of length 1). */
export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c | 0x20 : c;
  if (BLOCK_READY[c >> 8] === 0) fillBlock(c >> 8);
  return BMP_LOWER[c]!;
}

/** Whether a UTF-16 code unit is a lower-case letter. */
export function isLowerCase(c: number): boolean {
  return bmpClass(c) === LOWER;
}

/** Whether the character at `index` is a letter, digit or mark (part of some subword). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const c = text.charCodeAt(index);
  // A low surrogate belongs to the pair that starts one unit earlier; alone, it is no character.
  if (c >= 0xdc00 && c <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) return classAt(text, index - 1) !== OTHER;
  }
  return classAt(text, index) !== OTHER;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/** `-`, `_`, `.`, `/`, `'` and `’`: a single one of these joins two subwords. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 95 || c === 46 || c === 47 || c === 39 || c === 0x2019;
}

/** The gap kind of each single ASCII character between two subwords. */
const ASCII_GAP = new Uint8Array(128).map((_, c) => (isJoiner(c) || isBlank(c) ? GAP_JOIN : c === 44 ? GAP_SOFT : GAP_BREAK));

/** Classifies the separator text `[from, to)` between two subwords. */
function gapKind(text: string, from: number, to: number): number {
  if (from === to) return GAP_JOIN;
  const first = text.charCodeAt(from);
  if (to - from === 1) {
    if (isJoiner(first) || isBlank(first)) return GAP_JOIN;
    return first === 44 ? GAP_SOFT : GAP_BREAK;
  }
  if (isBlank(first) || first === 95) {
    for (let i = from + 1; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== first && !(isBlank(c) && isBlank(first))) return GAP_BREAK;
    }
    return GAP_JOIN;
  }
  if (first === 44) {
    for (let i = from + 1; i < to; i++) if (!isBlank(text.charCodeAt(i))) return GAP_BREAK;
    return GAP_SOFT;
  }
  return GAP_BREAK;
}

/** Growable parallel arrays; the tokenizer appends one subword at a time. */
class SubwordBuffer implements Subwords {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  flags: Uint8Array;
  gaps: Uint8Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.gaps = new Uint8Array(capacity);
  }

  /** Empties the buffer, making room for about `capacity` subwords. */
  reset(capacity: number): this {
    this.count = 0;
    while (this.starts.length < capacity) this.grow();
    return this;
  }

  push(text: string, start: number, end: number, hash: number, flags: number): void {
    const n = this.count;
    if (n === this.starts.length) this.grow();
    if (n > 0) {
      const from = this.ends[n - 1]!;
      const c = text.charCodeAt(from);
      // Most gaps are empty (camelCase) or one ASCII character; the rest take the general path.
      this.gaps[n - 1] = from === start ? GAP_JOIN : start - from === 1 && c < 128 ? ASCII_GAP[c]! : gapKind(text, from, start);
    }
    this.starts[n] = start;
    this.ends[n] = end;
    this.hashes[n] = hash;
    this.flags[n] = flags;
    this.gaps[n] = GAP_BREAK;
    this.count = n + 1;
  }

  grow(): void {
    const size = this.starts.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.hashes = grown(this.hashes, (n) => new Int32Array(n));
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
    this.gaps = grown(this.gaps, (n) => new Uint8Array(n));
  }
}

// Results of `consume`, kept in module variables so the hot loop allocates nothing.
let runHash = 0;
let runLast = 0;

/**
 * Advances over characters of class `want` (and marks) from `i`, extending `runHash` with their
 * lower-cased code units and recording in `runLast` where the last non-mark character starts.
 * Returns the offset after the run.
 */
function consume(text: string, i: number, to: number, want: number): number {
  // ASCII letters and digits take a range check (an empty one for caseless letters, which ASCII
  // has none of); anything else goes through the class tables.
  const low = want === LOWER ? 97 : want === UPPER ? 65 : want === DIGIT ? 48 : 1;
  const high = want === DIGIT ? 57 : want === CASELESS ? 0 : low + 25;
  const fold = want === UPPER ? 0x20 : 0;
  let hash = runHash;
  let last = runLast;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= low && c <= high) {
      hash = (Math.imul(hash, HASH_BASE) + (c | fold)) | 0;
      last = i++;
      continue;
    }
    if (c < 128) break;
    const cls = classAt(text, i);
    if (cls !== want && cls !== MARK) break;
    if (cls !== MARK) last = i;
    if (c >= 0xd800 && c <= 0xdbff) {
      // A letter outside the BMP: both units, as they are (no case mapping).
      hash = (Math.imul(hash, HASH_BASE) + c) | 0;
      hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i + 1)) | 0;
      i += 2;
    } else {
      hash = (Math.imul(hash, HASH_BASE) + lowerCode(c)) | 0;
      i++;
    }
  }
  runHash = hash;
  runLast = last;
  return i;
}

function hashRange(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, HASH_BASE) + lowerCode(text.charCodeAt(i))) | 0;
  return hash;
}

/**
 * Splits `text` into subwords, with UTF-16 offsets. Splits happen at lower→upper
 * (`etag|Matches`), before the last capital of an upper-case run that is followed by a
 * lower-case letter (`QUIC|Listener`) unless that letter is a lone plural `s` (`JWT|s`), at
 * letter↔digit changes (`raid|5`), at cased↔caseless letter changes, and at every character that
 * is not a letter, digit or mark.
 *
 * Only `[from, to)` is split (offsets stay relative to the whole text); `to` should be a line
 * end or {@link nextBreak}. Pass the result of an earlier call as `reuse` to recycle its arrays
 * (it is overwritten).
 */
export function tokenize(text: string, reuse?: Subwords, from = 0, to = text.length): Subwords {
  const n = to;
  // Code averages one subword per 6–8 characters; start at a quarter to rarely grow.
  const capacity = Math.max(16, (to - from) >> 2);
  const out = reuse instanceof SubwordBuffer ? reuse.reset(capacity) : new SubwordBuffer(capacity);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c]! : classAt(text, i);
    if (cls === OTHER || cls === MARK) {
      i++; // The low half of a skipped surrogate pair is skipped as OTHER next.
      continue;
    }
    const start = i;
    runHash = 0;
    runLast = i;
    if (cls === UPPER) {
      const end = consume(text, i, n, UPPER);
      if (classAt(text, end) !== LOWER) {
        out.push(text, start, end, runHash, HAS_UPPER); // `HTTP`, `SLO_`
        i = end;
      } else if (runLast === start) {
        i = consume(text, end, n, LOWER); // `Listener`
        out.push(text, start, i, runHash, HAS_UPPER | HAS_LOWER);
      } else if (text.charCodeAt(end) === 115 && classAt(text, end + 1) !== LOWER && classAt(text, end + 1) !== MARK) {
        out.push(text, start, end, runHash, HAS_UPPER); // `JWTs`: the `s` follows on its own.
        i = end;
      } else {
        // `QUICListener`: the last capital starts the next subword.
        out.push(text, start, runLast, hashRange(text, start, runLast), HAS_UPPER);
        i = runLast;
      }
    } else {
      i = consume(text, i, n, cls);
      out.push(text, start, i, runHash, cls === LOWER ? HAS_LOWER : cls === DIGIT ? DIGITS_ONLY : 0);
    }
  }
  return out;
}

/**
 * The first offset at or after `from + minimum` whose character always separates windows of
 * joined subwords: a line break or ASCII punctuation other than a joiner or comma. Returns the
 * text length when there is none. Splitting a text there keeps every window whole.
 */
export function nextBreak(text: string, from: number, minimum: number): number {
  const n = text.length;
  for (let i = from + minimum; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && ASCII_GAP[c] === GAP_BREAK && ASCII_CLASS[c] === OTHER) return i;
  }
  return n;
}

/** The subwords of `text` as strings, e.g. `QUICListener` → `["QUIC", "Listener"]`. */
export function splitIdentifier(text: string): string[] {
  const subwords = tokenize(text);
  const parts: string[] = [];
  for (let k = 0; k < subwords.count; k++) parts.push(text.slice(subwords.starts[k], subwords.ends[k]));
  return parts;
}
