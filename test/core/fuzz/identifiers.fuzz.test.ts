import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP_BREAK, HASH_BASE, lowerCode, nextBreak, splitIdentifier, tokenize, type Subwords } from '../../../server/src/core/identifiers';
import { check, expectSpan, FUZZ_TIMEOUT, unicodeChar, unicodeText } from './support';

/** Code-like text: identifiers in every case style, separators, digits, other scripts, garbage. */
const codeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('etag', 'Matches', 'QUIC', 'Listener', 'JWTs', 'raid5', 'SLO_TARGET', 'cherry_pick', 'access-token', 'HTTPServer', 'getX', 'İd', 'ǅungla', 'straße', 'задержкаСети', '缓存Key', 'ΚλειδίValue'),
      fc.constantFrom('_', '__', '-', '.', '/', "'", '’', ' ', '  ', '\t', ',', ', ', '\n', '\r\n', '(', ')', ';', '::', '->', '\u00A0', '\u3000'),
      unicodeText(4),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(codeText, unicodeText(80));

/** The subwords as `[start, end]` pairs. */
function spans(subwords: Subwords): [number, number][] {
  return Array.from({ length: subwords.count }, (_, k) => [subwords.starts[k]!, subwords.ends[k]!]);
}

/** The code point at `offset`, when a letter or digit starts there. */
function isLetterOrDigitAt(text: string, offset: number): boolean {
  const codePoint = text.codePointAt(offset)!;
  const low = text.charCodeAt(offset);
  // The low half of a pair is part of the character before it.
  if (low >= 0xdc00 && low <= 0xdfff && offset > 0 && /[\uD800-\uDBFF]/.test(text[offset - 1]!)) return false;
  return /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(codePoint)) && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
}

/** Whether the unit at `offset` belongs to a letter, digit or mark (a low surrogate to the character it ends). */
function isWordPartAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  const start = c >= 0xdc00 && c <= 0xdfff && offset > 0 && /[\uD800-\uDBFF]/.test(text[offset - 1]!) ? offset - 1 : offset;
  const codePoint = text.codePointAt(start)!;
  return !(codePoint >= 0xd800 && codePoint <= 0xdfff) && /^[\p{L}\p{N}\p{M}]$/u.test(String.fromCodePoint(codePoint));
}

function expectedHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Astral letters are hashed unit by unit as written; BMP units lower-cased.
    hash = (Math.imul(hash, HASH_BASE) + (c >= 0xd800 && c <= 0xdfff ? c : lowerCode(c))) | 0;
  }
  return hash;
}

const WORDS = {
  latin: ['access', 'token', 'cache', 'cherry', 'pick', 'server', 'queue', 'lease', 'policy', 'proxy', 'node', 'graph', 'shard', 'retry'],
  cyrillic: ['задержка', 'сеть', 'ключ', 'очередь'],
  greek: ['κλειδί', 'δίκτυο', 'ουρά'],
};
const words = fc.constantFrom(...Object.values(WORDS)).chain((list) => fc.array(fc.constantFrom(...list), { minLength: 1, maxLength: 4 }));
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const STYLES: Record<string, (parts: readonly string[]) => string> = {
  camelCase: (parts) => parts.map((part, i) => (i === 0 ? part : capitalised(part))).join(''),
  PascalCase: (parts) => parts.map(capitalised).join(''),
  snake_case: (parts) => parts.join('_'),
  'kebab-case': (parts) => parts.join('-'),
  SCREAMING_CASE: (parts) => parts.map((part) => part.toUpperCase()).join('_'),
  'dot.case': (parts) => parts.join('.'),
};

describe('tokenize under fuzzing', () => {
  it('returns sorted, disjoint, non-empty subwords on UTF-16 boundaries that cover every letter and digit', async () => {
    await check(fc.property(anyText, (text) => {
      const subwords = tokenize(text);
      let previousEnd = 0;
      const covered = new Uint8Array(text.length);
      for (const [start, end] of spans(subwords)) {
        expectSpan(text, start, end, 'subword');
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = end;
        covered.fill(1, start, end);
      }
      for (let i = 0; i < text.length; i++) {
        if (!covered[i] && isLetterOrDigitAt(text, i)) throw new Error(`offset ${i} (${JSON.stringify(text[i])}) of ${JSON.stringify(text)} is a letter or digit outside every subword`);
        if (covered[i] && !isWordPartAt(text, i)) throw new Error(`offset ${i} (${JSON.stringify(text[i])}) of ${JSON.stringify(text)} is inside a subword but no letter, digit or mark`);
      }
      for (let k = 0; k < subwords.count; k++) {
        expect(subwords.hashes[k]).toBe(expectedHash(text, subwords.starts[k]!, subwords.ends[k]!));
        // A line break between two subwords always breaks them apart.
        if (k + 1 < subwords.count && /[\r\n]/.test(text.slice(subwords.ends[k], subwords.starts[k + 1]))) expect(subwords.gaps[k]).toBe(GAP_BREAK);
      }
    }), 5000);
  }, FUZZ_TIMEOUT);

  it('finds the same subwords in chunks cut at nextBreak as in the whole text, reusing one buffer', async () => {
    await check(fc.property(anyText, fc.integer({ min: 1, max: 20 }), (text, minimum) => {
      const whole = tokenize(text);
      const expected = { spans: spans(whole), hashes: Array.from(whole.hashes.subarray(0, whole.count)) };
      const chunked: [number, number][] = [];
      const hashes: number[] = [];
      let buffer: Subwords | undefined;
      for (let from = 0; from < text.length;) {
        const to = nextBreak(text, from, minimum);
        expect(to).toBeGreaterThan(from);
        buffer = tokenize(text, buffer, from, to);
        chunked.push(...spans(buffer));
        hashes.push(...buffer.hashes.subarray(0, buffer.count));
        from = to;
      }
      expect({ spans: chunked, hashes }).toEqual(expected);
    }), 5000);
  }, FUZZ_TIMEOUT);

  it('splits words joined in any case style back into those words', async () => {
    await check(fc.property(words, fc.constantFrom(...Object.keys(STYLES)), (parts, style) => {
      const identifier = STYLES[style]!(parts);
      expect(splitIdentifier(identifier).map((part) => part.toLowerCase())).toEqual(parts);
    }), 5000);
  }, FUZZ_TIMEOUT);

  it('never throws on one huge line or many tiny lines', async () => {
    await check(fc.property(unicodeChar, fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('', '\n', 'a', 'A'), (char, count, glue) => {
      const text = (char + glue).repeat(count);
      const subwords = tokenize(text);
      expect(subwords.count).toBeLessThanOrEqual(text.length);
    }), 200);
  }, FUZZ_TIMEOUT);
});
