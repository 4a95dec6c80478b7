import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGlossaryIndex, type GlossaryIndex } from '../../../server/src/core/glossaryIndex';
import { describeName } from '../../../server/src/core/normalize';
import { createTermMatcher, nameKey } from '../../../server/src/core/termMatcher';
import type { GlossaryEntry, TermOccurrence } from '../../../server/src/core/types';
import { check, expectSpan, FUZZ_TIMEOUT, makeEntry, unicodeText } from './support';

const URI = 'file:///fuzz/glossary.md';

const WORDS = ['access', 'token', 'cache', 'cherry', 'pick', 'etag', 'latency', 'server', 'queue', 'lease', 'policy', 'proxy', 'index', 'fixture', 'shard', 'retry', 'задержка', 'сеть', 'κλειδί', 'ñandú', 'über'];
const LITERALS = ['C++', '.NET', '0.0.0.0', 'sys.stdin', 'HTTP/2', 'std::vector', 'TCP/IP', 'ASN.1', 'I/O Bound', 'Keep It Simple, Stupid', 'F#', 'node.js'];

/** A realistic name: one to three words in some case and spacing, an acronym, or a literal. */
const ordinaryName = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.constantFrom('lower', 'Title', 'UPPER', 'camel'), fc.constantFrom(' ', '-', '_', ''))
  .map(([words, style, glue]) => {
    const cased = words.map((word, i) =>
      style === 'UPPER' ? word.toUpperCase() : style === 'Title' || (style === 'camel' && i > 0) ? word[0]!.toUpperCase() + word.slice(1) : word,
    );
    return cased.join(style === 'camel' ? '' : glue);
  });
const anyName = fc.oneof({ weight: 5, arbitrary: ordinaryName }, { weight: 1, arbitrary: fc.constantFrom(...LITERALS) }, { weight: 1, arbitrary: unicodeText(8) });

/** Entries with ids `e0`, `e1`, ... and up to two aliases, some with a forced case mode. */
function entriesOf(name: fc.Arbitrary<string>): fc.Arbitrary<GlossaryEntry[]> {
  return fc
    .array(fc.tuple(name, fc.array(name, { maxLength: 2 }), fc.constantFrom(undefined, undefined, undefined, 'sensitive' as const, 'insensitive' as const)), { minLength: 1, maxLength: 12 })
    .map((specs) => specs.map(([term, aliases, caseMode], i) => makeEntry({ id: `${URI}#e${i}`, term, aliases, ...(caseMode ? { caseMode } : {}) })));
}

const indexOf = (entries: readonly GlossaryEntry[]): GlossaryIndex => createGlossaryIndex([{ uri: URI, entries, problems: [] }]);

/** Text around the names: words, code, punctuation, other scripts, garbage. */
function textWith(names: readonly string[]): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 3, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant('x') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '_', '-', '.', '/', ', ', '\n', '(', ')', 's', 'es', 'S', 'get', 'Value', '2', '😀', '\u0301') },
    { weight: 1, arbitrary: unicodeText(6) },
  );
  return fc.array(part, { maxLength: 30 }).map((parts) => parts.join(''));
}

/** An index and texts full of its names. */
const scenario = entriesOf(anyName).chain((entries) => {
  const names = entries.flatMap((entry) => [entry.term, ...entry.aliases]);
  return fc.record({ entries: fc.constant(entries), a: textWith(names), b: textWith(names) });
});

/** A key and its possible singulars (`-s`, `-es`, `-ies` → `-y` removed). */
function stems(key: string): string[] {
  const out = [key];
  if (key.endsWith('s')) out.push(key.slice(0, -1));
  if (key.endsWith('es')) out.push(key.slice(0, -2));
  if (key.endsWith('ies')) out.push(`${key.slice(0, -3)}y`);
  return out;
}

/** Whether `matched` spells `name`, or a plural or singular of it, by key. */
function spellsName(matched: string, name: string): boolean {
  const names = stems(nameKey(name));
  return stems(nameKey(matched)).some((stem) => names.includes(stem));
}

function expectWellFormed(text: string, occurrences: readonly TermOccurrence[], index: GlossaryIndex): void {
  let previousEnd = 0;
  for (const occurrence of occurrences) {
    expectSpan(text, occurrence.start, occurrence.end, `occurrence of ${JSON.stringify(occurrence.term)}`);
    expect(occurrence.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = occurrence.end;
    expect(occurrence.entryIds.length).toBeGreaterThan(0);
    expect(new Set(occurrence.entryIds).size).toBe(occurrence.entryIds.length);
    const entries = occurrence.entryIds.map((id) => index.getEntry(id));
    expect(entries).not.toContain(undefined);
    expect(entries.map((entry) => entry!.term)).toContain(occurrence.term);
    const matched = text.slice(occurrence.start, occurrence.end);
    const names = entries.flatMap((entry) => [entry!.term, ...entry!.aliases]);
    if (!names.some((name) => spellsName(matched, name))) throw new Error(`${JSON.stringify(matched)} spells none of ${JSON.stringify(names)}`);
  }
}

const shift = (occurrences: readonly TermOccurrence[], by: number) => occurrences.map((o) => ({ ...o, start: o.start + by, end: o.end + by }));

describe('term matching under fuzzing', () => {
  it('reports sorted, disjoint occurrences on UTF-16 boundaries that spell a name of their entries', async () => {
    await check(fc.property(scenario, ({ entries, a }) => {
      const index = indexOf(entries);
      expectWellFormed(a, index.scan(a), index);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('never throws on arbitrary Unicode text and names', async () => {
    await check(fc.property(entriesOf(unicodeText(6)), unicodeText(200), (entries, text) => {
      const index = indexOf(entries);
      expectWellFormed(text, index.scan(text), index);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('scans the same text the same way every time, whatever was scanned or built in between', async () => {
    await check(fc.property(scenario, entriesOf(anyName), ({ entries, a, b }, others) => {
      const index = indexOf(entries);
      const first = index.scan(a);
      // Another text with the same matcher, another matcher with other names, then a fresh matcher.
      index.scan(b);
      indexOf(others).scan(b + a);
      expect(index.scan(a)).toEqual(first);
      expect(indexOf(entries).scan(a)).toEqual(first);
    }), 1000);
  }, FUZZ_TIMEOUT);

  it('finds in a + line break + b exactly the occurrences of a and of b', async () => {
    await check(fc.property(scenario, fc.constantFrom('\n', '\r\n', '\n\n', '\u2028'), ({ entries, a, b }, separator) => {
      // A name spelled across a line break is never one name; leave such names out.
      const index = indexOf(entries.filter((entry) => ![entry.term, ...entry.aliases].some((name) => /[\r\n\u2028\u2029\u0085]/.test(name))));
      expect(index.scan(a + separator + b)).toEqual([...index.scan(a), ...shift(index.scan(b), a.length + separator.length)]);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('finds in a + separator + b the occurrences of a and of b away from the seam', async () => {
    await check(fc.property(scenario, fc.constantFrom(' ', '-', '_', '.', '/', ', ', '; ', '(', ') '), ({ entries, a, b }, separator) => {
      const index = indexOf(entries);
      const longest = Math.max(...entries.flatMap((entry) => [entry.term, ...entry.aliases]).map((name) => name.length));
      // A window is at most the longest name plus a plural suffix long; stay two windows away from the seam.
      const reach = 2 * (longest + 3);
      const both = index.scan(a + separator + b);
      const key = (o: TermOccurrence) => `${o.start}:${o.end}:${o.term}:${o.entryIds.join()}`;
      const found = new Set(both.map(key));
      for (const o of index.scan(a)) if (o.end <= a.length - reach) expect(found.has(key(o)), JSON.stringify(o)).toBe(true);
      for (const o of shift(index.scan(b), a.length + separator.length)) if (o.start >= a.length + separator.length + reach) expect(found.has(key(o)), JSON.stringify(o)).toBe(true);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('finds a name put between line breaks in random text, with its entry', async () => {
    await check(fc.property(scenario, fc.nat(), fc.constantFrom('\n', ' (', '. ', '; ', '\t"'), fc.constantFrom('\n', ') ', '. ', ';', '"\t'), ({ entries, a, b }, pick, before, after) => {
      const index = indexOf(entries);
      const named = entries.flatMap((entry) => [entry.term, ...entry.aliases].map((name) => ({ entry, name: name.trim() })));
      const { entry, name } = named[pick % named.length]!;
      const shape = describeName(name);
      // Names without letters (numbers, symbols) or that cannot match at all are not terms to find.
      fc.pre(shape !== undefined && /\p{L}/u.test(name) && !/[\r\n\u2028\u2029\u0085]/.test(name));
      // Another name spelled with the separators' punctuation could take the place; keep them apart.
      const punctuation = [...(before + after)].filter((char) => char.trim());
      fc.pre(named.every((other) => !punctuation.some((char) => other.name.includes(char))));
      const text = `${a}${before}${name}${after}${b}`;
      const start = a.length + before.length;
      const hit = index.scan(text).find((o) => o.start < start + name.length && o.end > start);
      expect(hit, `${JSON.stringify(name)} in ${JSON.stringify(text)}`).toBeDefined();
      expect(hit!.start).toBe(start);
      expect(hit!.end).toBe(start + name.length);
      expect(hit!.entryIds).toContain(entry.id);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('finds a term joined into an identifier in camelCase, PascalCase, snake_case, kebab-case or SCREAMING_CASE', async () => {
    const styles: Record<string, (words: readonly string[]) => string> = {
      camelCase: (words) => words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join(''),
      PascalCase: (words) => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(''),
      snake_case: (words) => words.join('_'),
      'kebab-case': (words) => words.join('-'),
      SCREAMING_CASE: (words) => words.map((word) => word.toUpperCase()).join('_'),
    };
    const AROUND = ['get', 'set', 'my', 'handler', 'value', 'for', 'with', 'new', 'is', 'to'];
    await check(fc.property(
      fc.uniqueArray(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6, selector: (words) => words.join('') }),
      fc.nat(), fc.constantFrom(...Object.keys(styles)), fc.array(fc.constantFrom(...AROUND), { maxLength: 2 }), fc.array(fc.constantFrom(...AROUND), { maxLength: 2 }),
      (terms, pick, style, before, after) => {
        const entries = terms.map((words, i) => makeEntry({ id: `${URI}#t${i}`, term: words.join(' ') }));
        const target = pick % terms.length;
        const join = styles[style]!;
        const identifier = join([...before, ...terms[target]!, ...after]);
        // Where the term's words start in the identifier: the words before it, joined, are that much longer.
        const prefix = before.length ? join([...before, ...terms[target]!]).length - join(terms[target]!).length : 0;
        const expected = join(terms[target]!);
        const text = `const x = ${identifier};`;
        const at = 'const x = '.length + prefix;
        const hits = indexOf(entries).scan(text);
        const hit = hits.find((o) => o.entryIds.includes(`${URI}#t${target}`) && o.start === at);
        expect(hit, `${terms[target]!.join(' ')} in ${text}: ${JSON.stringify(hits)}`).toBeDefined();
        // The whole term is found, and nothing longer than it covers it (the words around are no names).
        expect(hit!.end - hit!.start).toBe(expected.length);
      },
    ), 2000);
  }, FUZZ_TIMEOUT);

  it('matches names however many matchers were built before, from names in any order', async () => {
    await check(fc.property(fc.uniqueArray(anyName, { minLength: 1, maxLength: 20 }), fc.nat(), (names, rotate) => {
      const text = names.join('\n');
      const matchers = [names, [...names.slice(rotate % names.length), ...names.slice(0, rotate % names.length)]].map((list) =>
        createTermMatcher(list.map((name) => ({ name, term: name, entryIds: [`#${nameKey(name)}`] }))),
      );
      const [first, second] = matchers.map((matcher) => matcher.scan(text).map((o) => [o.start, o.end]));
      expect(second).toEqual(first);
    }), 800);
  }, FUZZ_TIMEOUT);
});
