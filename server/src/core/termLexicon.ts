/**
 * What a term matcher looks names up in: every key (see `nameKey`) in an open-addressing table of
 * hashes, with bit sets of key prefixes, and how each key may match.
 *
 * At 50k terms most keys have one name, matched case-insensitively, with nothing else to check:
 * such a key is a "plain" group and has no object of its own, only its term, its entry ids and a
 * few bits in columns. Only the rest (literals, case-sensitive names, names with a comma, several
 * names per key, singulars derived from plurals) get {@link KeyGroup} objects. A matcher is rebuilt beside the one
 * answering after every glossary edit, so what it keeps per key counts twice at the peak.
 */
import { HASH_BASE } from './identifiers';
import { describeName, lowerRange, NOT_LITERAL, type LiteralKind } from './normalize';
import type { CaseMode } from './types';

/** One name (a term or an alias) to recognise. */
export interface MatchableName {
  readonly name: string;
  /** The canonical term reported for occurrences of this name. */
  readonly term: string;
  /** Kept by the matcher as given (not copied): the caller must not change the list afterwards. */
  readonly entryIds: readonly string[];
  /** Overrides the automatic decision (acronyms that are everyday words match only in capitals). */
  readonly caseMode?: CaseMode;
}

/** One way a key may match: names with the same key and the same matching rules, merged. */
export interface Variant {
  readonly term: string;
  readonly entryIds: readonly string[];
  readonly sensitive: boolean;
  /** The name's subwords as written, compared when case-sensitive (else ""). */
  readonly exact: string;
  /** Those subwords are fewer than three units: `ID`'s plural `IDs` is a word, `ids`, in lower case. */
  readonly short: boolean;
  readonly literal: LiteralKind;
  /** For literals (else ""): the whole name, lower-cased unless case-sensitive, compared with the text. */
  readonly literalText: string;
  readonly lead: number;
  readonly capitals: boolean;
  readonly soft: boolean;
}

/** Every variant of a key that is not plain: its own names first, then singulars derived from plural names. */
export interface KeyGroup {
  variants: readonly Variant[];
  derived: readonly Variant[];
}

/** Per-group bits of a plain group (0: the group has a {@link KeyGroup}). */
const PLAIN = 1;
const PLAIN_CAPITALS = 2;
const PLAIN_SHORT = 4;

/** Everything a scan reads, built once per matcher. Hot data lives in typed arrays. */
export interface Lexicon {
  /** Open addressing, interleaved: `[hash, group index + 1]` per slot (0 marks an empty slot). */
  readonly keys: Int32Array;
  readonly keyShift: number;
  /** Every key's code units, back to back; group `g`'s key is `[keyStarts[g], keyStarts[g + 1])`. */
  readonly keyChars: Uint16Array;
  readonly keyStarts: Int32Array;
  /** 1 for a simple group, one case-insensitive ordinary variant: an exact window matches without further checks. */
  readonly simple: Uint8Array;
  /** The term and ids of each group's first own variant: reported for simple groups, and a plain group's only variant. */
  readonly terms: readonly (string | undefined)[];
  readonly ids: readonly (readonly string[] | undefined)[];
  /** See {@link PLAIN}. */
  readonly plain: Uint8Array;
  /** The groups that are not plain, by group index. */
  readonly complex: ReadonlyMap<number, KeyGroup>;
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

export const GOLDEN = 0x9e3779b1;
/** `imul(imul(h, GOLDEN), GOLDEN_INVERSE) === h`. */
const GOLDEN_INVERSE = inverseOf(GOLDEN);
const S = 115;

export const NO_VARIANTS: readonly Variant[] = Object.freeze([]);

/** The own variants of group `index`. */
export function variantsOf(lexicon: Lexicon, index: number): readonly Variant[] {
  const bits = lexicon.plain[index]!;
  if (bits === 0) return lexicon.complex.get(index)?.variants ?? NO_VARIANTS;
  // Made when a plural or an unusual window needs one: rare next to the keys that have none.
  return [plainVariant(lexicon.terms[index]!, lexicon.ids[index]!, bits)];
}

function plainVariant(term: string, entryIds: readonly string[], bits: number): Variant {
  return {
    term,
    entryIds,
    sensitive: false,
    exact: '',
    short: (bits & PLAIN_SHORT) !== 0,
    literal: NOT_LITERAL,
    literalText: '',
    lead: 0,
    capitals: (bits & PLAIN_CAPITALS) !== 0,
    soft: false,
  };
}

/** The singulars derived from plural names with group `index`'s key. */
export function derivedOf(lexicon: Lexicon, index: number): readonly Variant[] {
  return lexicon.complex.get(index)?.derived ?? NO_VARIANTS;
}

/**
 * What a matcher needs from one name, whatever its term, ids and case mode: its key and shape (see
 * `NameShape`), packed. Kept for every name between builds (50k terms: 59k of these).
 */
interface PreparedName {
  readonly key: string;
  /** The literal kind in the low two bits, then the flags below, then `lead` from bit 6. */
  readonly bits: number;
  readonly rare: RareParts;
}

const CAPITALS = 4;
const SOFT = 8;
const SHORT = 16;
/** The automatic case mode is `sensitive`. */
const SENSITIVE = 32;
const LEAD_SHIFT = 6;

/** What few names have; the others share {@link NO_RARE}. */
interface RareParts {
  /** For literals: the trimmed name, and lower-cased, compared for case-sensitive and -insensitive literals. */
  readonly trimmed: string;
  readonly lowerTrimmed: string;
  /** Singulars of a plural name as written (see {@link singularsOf}) and their keys. */
  readonly singulars: readonly string[];
  readonly singularKeys: readonly string[];
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const NO_RARE: RareParts = Object.freeze({ trimmed: '', lowerTrimmed: '', singulars: NO_NAMES, singularKeys: NO_NAMES });

// Matchers are rebuilt after every glossary edit from mostly the same names. Analysing a name
// costs more than the rest of the build, so analyses are kept (up to a bound, checked between builds).
const prepared = new Map<string, PreparedName | null>();
const MAX_PREPARED = 1 << 17;

function prepare(name: string): PreparedName | null {
  let entry = prepared.get(name);
  if (entry !== undefined) return entry;
  const shape = describeName(name);
  entry = null;
  if (shape) {
    const { key, exact, lead, literal, capitals, soft, caseMode } = shape;
    const singulars = literal === NOT_LITERAL && !capitals ? singularsOf(exact) : NO_NAMES;
    const rare =
      literal === NOT_LITERAL && singulars.length === 0
        ? NO_RARE
        : {
            trimmed: literal === NOT_LITERAL ? '' : shape.trimmed,
            lowerTrimmed: literal === NOT_LITERAL ? '' : lowerRange(shape.trimmed),
            singulars,
            singularKeys: singulars.map((singular) => lowerRange(singular)),
          };
    const bits =
      literal | (capitals ? CAPITALS : 0) | (soft ? SOFT : 0) | (exact.length < 3 ? SHORT : 0) | (caseMode === 'sensitive' ? SENSITIVE : 0) | (lead << LEAD_SHIFT);
    entry = { key, bits, rare };
  }
  prepared.set(name, entry);
  return entry;
}

function variantOf(name: string, term: string, entryIds: readonly string[], sensitive: boolean, ready: PreparedName): Variant {
  const { bits, rare } = ready;
  const literal = (bits & 3) as LiteralKind;
  return {
    term,
    entryIds,
    sensitive,
    // Only case-sensitive names compare it; they are few, so it is not kept between builds.
    exact: sensitive ? (describeName(name)?.exact ?? '') : '',
    short: (bits & SHORT) !== 0,
    literal,
    literalText: literal === NOT_LITERAL ? '' : sensitive ? rare.trimmed : rare.lowerTrimmed,
    lead: bits >>> LEAD_SHIFT,
    capitals: (bits & CAPITALS) !== 0,
    soft: (bits & SOFT) !== 0,
  };
}

/**
 * Builds the lexicon of `names`. Names with the same key merge: their entry ids are concatenated
 * in order without duplicates and the first name's term is reported.
 */
export function buildLexicon(names: Iterable<MatchableName>): Lexicon {
  if (prepared.size > MAX_PREPARED) prepared.clear();
  const groupOf = new Map<string, number>();
  const keys: string[] = [];
  const terms: (string | undefined)[] = [];
  const ids: (readonly string[] | undefined)[] = [];
  const plain: number[] = [];
  const complex = new Map<number, KeyGroup>();
  let hasSoft = false;
  const groupFor = (key: string): number => {
    let index = groupOf.get(key);
    if (index === undefined) {
      index = keys.push(key) - 1;
      groupOf.set(key, index);
      terms.push(undefined);
      ids.push(undefined);
      plain.push(0);
    }
    return index;
  };
  /** The group's object, made now (with its plain variant, if it had one) if it had none. */
  const objectOf = (index: number): KeyGroup => {
    let group = complex.get(index);
    if (!group) {
      // The plain variant's ids are the caller's: copied, since merging adds to them.
      const variants = plain[index] ? [plainVariant(terms[index]!, [...ids[index]!], plain[index]!)] : NO_VARIANTS;
      group = { variants, derived: NO_VARIANTS };
      plain[index] = 0;
      complex.set(index, group);
    }
    return group;
  };

  for (const { name, term, entryIds, caseMode } of names) {
    const ready = prepare(name);
    if (!ready) continue;
    const { bits } = ready;
    const sensitive = (caseMode ?? ((bits & SENSITIVE) !== 0 ? 'sensitive' : 'insensitive')) === 'sensitive';
    const soft = (bits & SOFT) !== 0;
    hasSoft ||= soft;
    const index = groupFor(ready.key);
    const own = entryIds.length < 2 ? entryIds : [...new Set(entryIds)];
    if (!sensitive && (bits & 3) === NOT_LITERAL && !soft && terms[index] === undefined && !complex.has(index)) {
      terms[index] = term;
      ids[index] = own;
      plain[index] = PLAIN | ((bits & CAPITALS) !== 0 ? PLAIN_CAPITALS : 0) | ((bits & SHORT) !== 0 ? PLAIN_SHORT : 0);
    } else {
      const group = objectOf(index);
      group.variants = withVariant(group.variants, variantOf(name, term, [...own], sensitive, ready));
    }
    const { singulars, singularKeys } = ready.rare;
    for (let i = 0; i < singulars.length; i++) {
      const singular = singulars[i]!;
      const group = objectOf(groupFor(singularKeys[i]!));
      const variant = variantOf(name, term, [...own], sensitive, ready);
      group.derived = withVariant(group.derived, { ...variant, exact: sensitive ? singular : '', short: singular.length < 3 });
    }
  }

  const count = keys.length;
  const simple = new Uint8Array(count);
  for (const [index, group] of complex) {
    const only = group.variants[0];
    terms[index] = only?.term;
    ids[index] = only?.entryIds;
    if (group.variants.length === 1 && !only!.sensitive && only!.literal === NOT_LITERAL && !only!.soft) simple[index] = 1;
  }
  for (let index = 0; index < count; index++) if (plain[index]) simple[index] = 1;
  return { ...hashKeys(keys), simple, terms, ids, plain: Uint8Array.from(plain), complex, hasSoft };
}

/** The tables a scan looks keys up in, for keys numbered by their place in `keys`. */
function hashKeys(keys: readonly string[]): Omit<Lexicon, 'simple' | 'terms' | 'ids' | 'plain' | 'complex' | 'hasSoft'> {
  const count = keys.length;
  const keyStarts = new Int32Array(count + 1);
  let maxKeyLength = 0;
  for (let index = 0; index < count; index++) {
    const length = keys[index]!.length;
    maxKeyLength = Math.max(maxKeyLength, length);
    keyStarts[index + 1] = keyStarts[index]! + length;
  }
  const keyChars = new Uint16Array(keyStarts[count]!);
  const prefixCount = keyChars.length;

  const keyBits = Math.max(4, Math.ceil(Math.log2(count * 2 + 1)));
  const table = new Int32Array(2 << keyBits);
  const keyShift = 32 - keyBits;
  // About four bits per prefix: a quarter of the bits set, so a window rarely grows needlessly.
  const prefixBits = Math.min(24, Math.max(10, Math.ceil(Math.log2(prefixCount * 4 + 1))));
  const prefixes = new Int32Array(1 << (prefixBits - 5));
  const prefixShift = 32 - prefixBits;
  const keyFilterBits = Math.min(24, Math.max(10, Math.ceil(Math.log2(count * 8 + 1))));
  const keyFilter = new Int32Array(1 << (keyFilterBits - 5));
  const keyBitShift = 32 - keyFilterBits;
  for (let index = 0; index < count; index++) {
    const key = keys[index]!;
    const start = keyStarts[index]!;
    // The polynomial hash of each prefix, the way a scan hashes a window unit by unit.
    let hash = 0;
    let mixed = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      keyChars[start + i] = c;
      hash = (Math.imul(hash, HASH_BASE) + c) | 0;
      mixed = Math.imul(hash, GOLDEN);
      const bit = mixed >>> prefixShift;
      prefixes[bit >>> 5]! |= 1 << (bit & 31);
    }
    const bit = mixed >>> keyBitShift;
    keyFilter[bit >>> 5]! |= 1 << (bit & 31);
    let slot = (mixed >>> keyShift) << 1;
    while (table[slot + 1] !== 0) slot = (slot + 2) & (table.length - 1);
    table[slot] = Math.imul(mixed, GOLDEN_INVERSE);
    table[slot + 1] = index + 1;
  }

  const limit = maxKeyLength + 2; // A plural window is at most two units longer than its key (-ies → -y).
  const powers = new Int32Array(limit + 1);
  powers[0] = 1;
  for (let i = 1; i <= limit; i++) powers[i] = Math.imul(powers[i - 1]!, HASH_BASE);
  return { keys: table, keyShift, keyChars, keyStarts, prefixes, prefixShift, keyBits: keyFilter, keyBitShift, powers, limit };
}

/**
 * `list` with `variant` added. Most keys have one variant: a list of exactly one, since an array
 * grown by `push` reserves room for 17.
 */
function withVariant(list: readonly Variant[], variant: Variant): readonly Variant[] {
  if (list === NO_VARIANTS) return [variant];
  const same = list.find(
    (other) =>
      other.sensitive === variant.sensitive &&
      other.literal === variant.literal &&
      other.capitals === variant.capitals &&
      other.soft === variant.soft &&
      (!variant.sensitive || other.exact === variant.exact) &&
      (variant.literal === NOT_LITERAL || (other.literalText === variant.literalText && other.lead === variant.lead)),
  );
  if (!same) return [...list, variant];
  // A variant in a group owns its list (copied when it was made), so it may grow in place.
  const merged = same.entryIds as string[];
  for (const id of variant.entryIds) if (!merged.includes(id)) merged.push(id);
  return list;
}

/** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
export function inverseOf(odd: number): number {
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
