/**
 * Name normalization: how a glossary name (a term or an alias) becomes a lookup key, and the
 * facts about its shape that decide how it may match text.
 */
import { GAP_BREAK, GAP_JOIN, GAP_SOFT, HAS_LOWER, HAS_UPPER, DIGITS_ONLY, lowerCode, tokenize, type Subwords } from './identifiers';
import { ORDINARY_WORDS } from './ordinaryWords';
import type { CaseMode } from './types';

/**
 * How a name must be found in text. Ordinary names match however their subwords are joined;
 * literal names match only as written: numeric (digits and punctuation: `0.0.0.0`), path (a
 * lower-case dotted code path: `sys.stdin`) or symbolic (symbols or unusual separators: `C++`,
 * `.NET`, `std::vector`).
 */
export type LiteralKind = typeof NOT_LITERAL | typeof NUMERIC | typeof PATH | typeof SYMBOLIC;
export const NOT_LITERAL = 0;
export const NUMERIC = 1;
export const PATH = 2;
export const SYMBOLIC = 3;

/** Everything the matcher needs to know about one name. */
export interface NameShape {
  /**
   * The lookup key: the lower-cased concatenation of the name's subwords. For a literal, only of
   * those before its first gap that is not a joiner (`std` of `std::vector`): a window never grows
   * past such a gap, and a literal is compared with the text itself anyway.
   */
  readonly key: string;
  /** The concatenation of the name's subwords as written (compared when case-sensitive). */
  readonly exact: string;
  /** The name without surrounding whitespace. */
  readonly trimmed: string;
  /** Offset of the first subword in `trimmed` (characters a literal has before its key). */
  readonly lead: number;
  readonly literal: LiteralKind;
  /** Written in capitals only (`JWT`, `HTTP/2`): its plural needs care (`JWKS` is not JWK). */
  readonly capitals: boolean;
  /** Has a comma between subwords (`Keep It Simple, Stupid`). */
  readonly soft: boolean;
  /** The case mode decided automatically (see {@link defaultCaseMode}). */
  readonly caseMode: CaseMode;
}

const NUMERIC_LITERAL = /^[\p{N}\p{P}\p{S}]*\p{N}[\p{N}\p{P}\p{S}]*$/u;
const PATH_LITERAL = /^[a-z_$][a-z0-9_$]*(?:\.[a-z_$][a-z0-9_$]*)+$/;

/**
 * The normalized lookup key of a name: its subwords, lower-cased and concatenated, so that
 * `cherry_pick`, `cherryPick` and `Cherry Pick` share the key `cherrypick`.
 */
export function nameKey(name: string): string {
  return keyOf(name, (scratch = tokenize(name, scratch)));
}

// Names are short and analysed synchronously, so one buffer serves every call (no typed arrays per name).
let scratch: Subwords | undefined;

/**
 * The key of `name` from its first `count` subwords (all by default). Pieces are joined, not
 * added one to another: `+=` leaves a rope of small strings, several times the size of the flat
 * key, in every index that keeps the key (50k names: megabytes of rope nodes).
 */
function keyOf(name: string, subwords: Subwords, count = subwords.count): string {
  if (count === 1) return lowerRange(name, subwords.starts[0]!, subwords.ends[0]!);
  const pieces: string[] = [];
  for (let k = 0; k < count; k++) pieces.push(lowerRange(name, subwords.starts[k]!, subwords.ends[k]!));
  return pieces.join('');
}

/** `text.slice(from, to)` lower-cased unit by unit, as `lowerCode` does, as one flat string. */
export function lowerRange(text: string, from = 0, to = text.length): string {
  let ascii = true;
  for (let i = from; i < to && ascii; i++) ascii = text.charCodeAt(i) < 128;
  // For ASCII the built-in agrees with `lowerCode`; elsewhere it may change lengths or look at context (final sigma).
  if (ascii) return text.slice(from, to).toLowerCase();
  const codes: number[] = [];
  for (let i = from; i < to; i++) codes.push(lowerCode(text.charCodeAt(i)));
  const pieces: string[] = [];
  // In slices: a spread of a huge array would overflow the stack.
  for (let at = 0; at < codes.length; at += 4096) pieces.push(String.fromCharCode(...codes.slice(at, at + 4096)));
  return pieces.join('');
}

/**
 * Acronyms whose lower-case form is an everyday word (REST, DRY, KISS, SUS) match only in
 * capitals; every other name matches regardless of case.
 */
export function defaultCaseMode(name: string): CaseMode {
  const trimmed = name.trim();
  return caseModeOf(trimmed, (scratch = tokenize(trimmed, scratch)));
}

/** {@link defaultCaseMode} of a trimmed name from its subwords. */
function caseModeOf(trimmed: string, subwords: Subwords): CaseMode {
  const acronym =
    subwords.count === 1 &&
    subwords.starts[0] === 0 &&
    subwords.ends[0] === trimmed.length &&
    (subwords.flags[0]! & (HAS_LOWER | DIGITS_ONLY)) === 0 &&
    trimmed.length >= 2;
  return acronym && ORDINARY_WORDS.has(trimmed.toLowerCase()) ? 'sensitive' : 'insensitive';
}

/**
 * Analyses a name, or returns undefined when it cannot be matched (blank, a single character,
 * or no letters and digits at all).
 */
export function describeName(name: string): NameShape | undefined {
  const trimmed = name.trim();
  if (trimmed.length < 2) return undefined;
  const subwords = (scratch = tokenize(trimmed, scratch));
  if (subwords.count === 0) return undefined;

  const pieces: string[] = [];
  let flags = 0;
  let soft = false;
  let broken = false;
  for (let k = 0; k < subwords.count; k++) {
    pieces.push(trimmed.slice(subwords.starts[k], subwords.ends[k]));
    flags |= subwords.flags[k]!;
    if (k < subwords.count - 1) {
      soft ||= subwords.gaps[k] === GAP_SOFT;
      broken ||= subwords.gaps[k] === GAP_BREAK;
    }
  }
  const lead = subwords.starts[0]!;
  // Subwords skip what is not a letter or digit, stray marks at the start included.
  const edged = lead !== 0 || subwords.ends[subwords.count - 1] !== trimmed.length;
  let literal: LiteralKind = NOT_LITERAL;
  if (NUMERIC_LITERAL.test(trimmed) && subwords.count > 1) literal = NUMERIC;
  else if (PATH_LITERAL.test(trimmed)) literal = PATH;
  else if (broken || edged) literal = SYMBOLIC;

  let keyed = subwords.count;
  if (literal !== NOT_LITERAL) for (let k = 0; k < subwords.count - 1 && keyed === subwords.count; k++) if (subwords.gaps[k] !== GAP_JOIN) keyed = k + 1;
  const key = keyOf(trimmed, subwords, keyed);
  if (key.length < 2 && literal === NOT_LITERAL) return undefined;
  const caseMode = caseModeOf(trimmed, subwords);
  return {
    key,
    exact: pieces.length === 1 ? pieces[0]! : pieces.join(''),
    trimmed,
    lead,
    literal,
    capitals: (flags & HAS_UPPER) !== 0 && (flags & HAS_LOWER) === 0,
    soft: soft && literal === NOT_LITERAL,
    caseMode,
  };
}
