/**
 * Shared settings and generators of the property-based fuzz suite.
 *
 * Every run uses a fixed seed (4242) and a CI-sized number of cases per property, about 50 s for
 * the folder on two cores. For a long local run (the trailing slash keeps other test files out):
 *
 *     FUZZ_RUNS=200000 FUZZ_SEED=$RANDOM npx vitest run test/core/fuzz/
 *
 * A failure report names the seed of its slice of cases (see {@link check}) and the
 * counterexample; `FUZZ_SEED=<that seed> npx vitest run test/core/fuzz/ -t '<property>'` replays it.
 */
import fc from 'fast-check';
import type { GlossaryEntry } from '../../../server/src/core/types';

const seed = Number(process.env.FUZZ_SEED ?? 4242);
const forcedRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;

fc.configureGlobal({ seed });

/** Cases per slice: the test runner gives up on a worker that blocks its event loop for a minute. */
const SLICE = 250;

/**
 * Checks `property` on `ci` cases (or `FUZZ_RUNS`), in slices of {@link SLICE} with seeds
 * `FUZZ_SEED`, `FUZZ_SEED + 1`, ..., yielding to the event loop between slices. A failure report
 * names its slice's seed: run again with that `FUZZ_SEED` to reproduce it in the first slice.
 */
export async function check<Ts>(property: fc.IProperty<Ts>, ci: number): Promise<void> {
  const total = forcedRuns ?? ci;
  for (let done = 0, slice = 0; done < total; slice++) {
    const numRuns = Math.min(SLICE, total - done);
    fc.assert(property, { seed: seed + slice, numRuns });
    done += numRuns;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The time limit of one fuzz test: generous in CI, none worth mentioning for a long local run. */
export const FUZZ_TIMEOUT = forcedRuns ? 24 * 60 * 60 * 1000 : 60_000;

/** Characters that break naive text handling: lone surrogates, astral, combining, bidi, NUL, odd case mappings. */
const NASTY = [
  '\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀', '👍🏽', '𝔘', '🇺🇦', '\u0301', 'e\u0301', '\u0300\u0301', 'é',
  'א', 'שָׁלוֹם', 'مرحبا', '\u200F', '\u200E', '\u202E', '\u2066', '\uFEFF', '\u200B', '\u200D', '\u2028', '\u2029',
  '\r', '\n', '\r\n', '\t', '\u00A0', '\u3000', '\u0085', '\u001B', 'İ', 'ı', 'ß', 'ẞ', 'Σ', 'ς', 'ǅ', 'ﬁ', '㎒',
  '漢字', 'Ⅻ', '٣', '\\', '&', '&amp;', '&#x3C;', '*', '_', '`', '#', '>', '<', '[', ']', '(', ')', '|', '-', ':',
];

/** One "character": a nasty one, any code point, a printable grapheme or a lone surrogate. */
export const unicodeChar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);

/** Arbitrary text, up to `maxLength` characters of {@link unicodeChar}. */
export function unicodeText(maxLength = 60): fc.Arbitrary<string> {
  return fc.string({ unit: unicodeChar, maxLength });
}

/** Words that glossary labels are made of: names, acronyms, literals, stop-list words, other scripts. */
export const LABEL_WORDS = [
  'REST', 'ETag', 'Access', 'Token', 'cache', 'Cherry', 'Pick', 'HTTP/2', 'C++', '.NET', '0.0.0.0', 'sys.stdin',
  'Задержка', '缓存', 'κλειδί', 'Key features', 'How', 'Pros', 'Examples', 'Step 1', 'and', 'of', 'API', 'JWTs',
  'Fixtures', 'Ñandú', 'İstanbul', '😀', 'K8s', 'i18n', 'x', 'a', 'Notes', 'Overview', '1.', 'aka', 'e.g.',
];

const labelWord = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LABEL_WORDS) }, { weight: 1, arbitrary: unicodeText(6) });
const label = fc.array(labelWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

/** Inline markdown: text, emphasis (often unbalanced), code, links, HTML, entities. */
const inline = fc.oneof(
  { weight: 4, arbitrary: label },
  fc.constantFrom('**', '__', '*', '_', '~~', '`', '``', '[', ']', '](', '\\', '&amp;', '&#60;', '<b>', '</b>', '<br/>', '|', '\\|'),
  label.map((text) => `**${text}**`),
  label.map((text) => `*${text}*`),
  label.map((text) => `\`${text}\``),
  label.map((text) => `[${text}](https://example.com/${text.replace(/[^\w-]/g, '')})`),
  label.map((text) => `(${text})`),
  unicodeText(12),
);
const inlineText = fc.array(inline, { maxLength: 10 }).chain((parts) => fc.constantFrom(' ', '').map((glue) => parts.join(glue)));

const names = fc.array(label, { minLength: 1, maxLength: 3 }).map((list) => list.join(', '));
const separator = fc.constantFrom(':', ': ', ' – ', ' - ', ' — ', ' is ', ' ', '');

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), inlineText, fc.constantFrom('', ' #', ' ##')).map(([depth, text, close]) => `${'#'.repeat(depth)} ${text}${close}`);
const setext = fc.tuple(label, fc.constantFrom('===', '---', '=')).map(([text, line]) => `${text}\n${line}`);
const metadata = fc.oneof(
  names.map((list) => `Aliases: ${list}`),
  names.map((list) => `Tags: ${list}`),
  names.map((list) => `See also: ${list}`),
  fc.constantFrom('Case: sensitive', 'Case: insensitive', 'Case: maybe'),
  names.map((list) => `<!-- aliases: ${list} -->`),
);
const boldLed = fc.tuple(label, separator, fc.option(label), inlineText).map(([term, sep, alias, text]) => `**${term}**${alias ? ` (${alias})` : ''}${sep}${text}`);
const boldOnly = fc.tuple(label, fc.constantFrom('', ':')).map(([text, colon]) => `**${text}${colon}**`);
const listItem = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), fc.oneof(boldLed, inlineText, boldOnly)).map(
  ([depth, marker, text]) => `${'  '.repeat(depth)}${marker}${text}`,
);
const list = fc.tuple(fc.array(listItem, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\n', '\n\n', '\n  \n')).map(([items, glue]) => items.join(glue));
const cell = fc.oneof(label, label.map((text) => `**${text}**`), inlineText, fc.constant(''));
const row = fc.array(cell, { minLength: 0, maxLength: 5 }).chain((cells) => fc.constantFrom(`| ${cells.join(' | ')} |`, cells.join(' | '), `|${cells.join('|')}`));
const table = fc.tuple(row, fc.integer({ min: 1, max: 5 }), fc.array(row, { maxLength: 6 })).map(
  ([header, columns, rows]) => [header, `|${' --- |'.repeat(columns)}`, ...rows].join('\n'),
);
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '  ```', '    ```', '\t```'), fc.constantFrom('', 'md', 'js', '`x'), fc.array(fc.oneof(heading, boldLed, inlineText, fc.constantFrom('```', '    ```', '   ~~~', '')), { maxLength: 4 }), fc.boolean()).map(
  ([mark, info, lines, closed]) => [`${mark}${info}`, ...lines, ...(closed ? [mark.trim()] : [])].join('\n'),
);
const html = fc.oneof(
  fc.constantFrom('<div>', '</div>', '<details><summary>X</summary>', '</details>', '<!-- comment -->', '<!--', '-->', '<br>', '<b>Note</b> text', '<kbd>Ctrl</kbd>'),
  fc.constantFrom('<pre>\n\n# Not a heading\n</pre>', '<script>\n\n## x\n</script>', '<?x\n\n# y\n?>', '<!X\n\n# z\n>', '<![CDATA[\n\n# w\n]]>', '<!--\n\n# v\n-->', '<STYLE>\n\n**S** is\n</style>'),
  inlineText.map((text) => `<div>\n${text}\n</div>`),
);
const blockquote = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(boldLed, inlineText, heading), fc.option(label)).map(([depth, text, lazy]) => `${'> '.repeat(depth)}${text}${lazy ? `\n${lazy}` : ''}`);
const definitionList = fc.tuple(label, inlineText, fc.boolean()).map(([term, text, spaced]) => `${term}\n${spaced ? '\n' : ''}: ${text}`);
const abbreviation = fc.tuple(label, inlineText).map(([term, text]) => `*[${term}]: ${text}`);
const frontMatter = fc.tuple(fc.option(label), fc.option(names), fc.option(names)).map(([term, aliases, tags]) =>
  ['---', ...(term ? [`term: ${JSON.stringify(term)}`] : []), ...(aliases ? [`aliases: [${aliases}]`] : []), ...(tags ? [`tags: ${tags}`] : []), '---'].join('\n'),
);
const longLine = fc.tuple(inline, fc.integer({ min: 100, max: 3000 })).map(([text, length]) => (text || 'x').repeat(Math.ceil(length / Math.max(1, text.length))).slice(0, length));
const deepNesting = fc.tuple(fc.constantFrom('>', '> ', '- ', '  - ', '* > ', '1. '), fc.integer({ min: 1, max: 120 }), label).map(([unit, depth, text]) =>
  unit.startsWith(' ') ? Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- ${text}`).join('\n') : `${unit.repeat(depth)}${text}`,
);
const unbalanced = fc.tuple(fc.constantFrom('*a **a ', '_a __a ', '**', '***', '[', '[a](', '`a``', '<a ', '|'), fc.integer({ min: 10, max: 400 })).map(([unit, count]) => unit.repeat(count));
const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 3, arbitrary: boldLed },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: metadata },
  { weight: 2, arbitrary: inlineText },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: boldOnly },
  { weight: 1, arbitrary: setext },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: blockquote },
  { weight: 1, arbitrary: definitionList },
  { weight: 1, arbitrary: abbreviation },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '', ' ') },
  { weight: 1, arbitrary: unicodeText(30) },
);
const newline = fc.constantFrom('\n', '\n\n', '\n\n', '\r\n', '\r\n\r\n', '\r');

function markdownOf(blocks: fc.Arbitrary<string>, maxBlocks: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.option(frontMatter, { freq: 8 }), fc.array(fc.tuple(blocks, newline), { maxLength: maxBlocks }))
    .map(([front, parts]) => (front ? `${front}\n` : '') + parts.map(([text, end]) => text + end).join(''));
}

/** A glossary-ish markdown file built from a grammar of the forms the reader understands (and breaks them). */
export const glossaryMarkdown: fc.Arbitrary<string> = markdownOf(block, 12);

/** The same grammar with very long lines, deep nesting of lists and block quotes, and runs of unbalanced markup. */
export const pathologicalMarkdown: fc.Arbitrary<string> = markdownOf(fc.oneof(block, longLine, deepNesting, unbalanced), 6);

/** Offsets that split a surrogate pair: a low surrogate right after a high one. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return offset > 0 && offset < text.length && low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** Checks that `[start, end)` is a non-empty span of `text` that does not split a surrogate pair. */
export function expectSpan(text: string, start: number, end: number, what: string): void {
  const where = `${what} [${start}, ${end}) of ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`;
  if (!(Number.isInteger(start) && Number.isInteger(end))) throw new Error(`${where}: offsets are not integers`);
  if (!(start >= 0 && start < end && end <= text.length)) throw new Error(`${where}: not a non-empty span inside the text`);
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) throw new Error(`${where}: splits a surrogate pair`);
}

/** A glossary entry with defaults for every field the test does not care about. */
export function makeEntry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'term'>): GlossaryEntry {
  const uri = fields.id.split('#')[0]!;
  return {
    aliases: [],
    definition: '',
    section: [],
    source: { uri, startLine: 0, endLine: 0, labelSpan: { start: 0, end: 1 } },
    tags: [],
    seeAlso: [],
    ...fields,
  };
}
