import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../../server/src/core/parseGlossary';
import type { ParsedGlossary } from '../../../server/src/core/types';
import { check, expectSpan, FUZZ_TIMEOUT, glossaryMarkdown, pathologicalMarkdown, unicodeText } from './support';

const URI = 'file:///fuzz/GLOSSARY.md';

/** The 0-based line of every offset, counting `\n`, `\r\n` and a lone `\r` as line ends. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return line;
}

/** Everything a parse must guarantee whatever the text. */
function expectWellFormed(text: string, result: ParsedGlossary): void {
  expect(result.uri).toBe(URI);
  // The reader catches its own failures and reports them as `parse-failed`; for the reader that is a bug.
  expect(result.problems.filter((problem) => problem.code === 'parse-failed')).toEqual([]);
  const starts = lineStarts(text);
  const ids = new Set<string>();
  for (const entry of result.entries) {
    expect(entry.id.startsWith(`${URI}#`)).toBe(true);
    expect(ids.has(entry.id)).toBe(false);
    ids.add(entry.id);
    for (const name of [entry.term, ...entry.aliases]) {
      expect(name.trim()).not.toBe('');
      expect(name).not.toMatch(/[\r\n]/);
    }
    const { labelSpan, startLine, endLine } = entry.source;
    expectSpan(text, labelSpan.start, labelSpan.end, `label of ${JSON.stringify(entry.term)}`);
    expect(startLine).toBeGreaterThanOrEqual(0);
    expect(startLine).toBeLessThanOrEqual(endLine);
    expect(endLine).toBeLessThan(starts.length);
    const labelLine = lineOf(starts, labelSpan.start);
    expect(labelLine).toBeGreaterThanOrEqual(startLine);
    expect(labelLine).toBeLessThanOrEqual(endLine);
  }
  for (const problem of result.problems) {
    expect(problem.span.start).toBeGreaterThanOrEqual(0);
    expect(problem.span.start).toBeLessThanOrEqual(problem.span.end);
    expect(problem.span.end).toBeLessThanOrEqual(text.length);
  }
}

/** The parse of `text` as if `shift` characters and `lines` lines had come before it. */
function shifted(result: ParsedGlossary, shift: number, lines: number): ParsedGlossary {
  return {
    ...result,
    entries: result.entries.map((entry) => ({
      ...entry,
      source: {
        ...entry.source,
        startLine: entry.source.startLine + lines,
        endLine: entry.source.endLine + lines,
        labelSpan: { start: entry.source.labelSpan.start + shift, end: entry.source.labelSpan.end + shift },
      },
    })),
    problems: result.problems.map((problem) => ({ ...problem, span: { start: problem.span.start + shift, end: problem.span.end + shift } })),
  };
}

describe('parseGlossary under fuzzing', () => {
  it('reads any glossary-like markdown without failing, with spans and lines inside the text', async () => {
    await check(fc.property(glossaryMarkdown, (text) => expectWellFormed(text, parseGlossary(URI, text))), 1200);
  }, FUZZ_TIMEOUT);

  it('reads very long lines, deep nesting and runs of unbalanced markup without failing', async () => {
    await check(fc.property(pathologicalMarkdown, (text) => expectWellFormed(text, parseGlossary(URI, text))), 200);
  }, FUZZ_TIMEOUT);

  it('reads arbitrary Unicode (lone surrogates, astral, combining, right-to-left) without failing', async () => {
    const text = fc.oneof(unicodeText(200), fc.array(fc.oneof(unicodeText(20), glossaryMarkdown), { maxLength: 4 }).map((parts) => parts.join('')));
    await check(fc.property(text, (value) => {
      const result = parseGlossary(URI, value);
      if (value.includes('\0')) expect(result.problems.map((problem) => problem.code)).toEqual(['binary-file']);
      expectWellFormed(value, result);
    }), 1500);
  }, FUZZ_TIMEOUT);

  it('gives the same result for the same text, whatever was parsed in between', async () => {
    await check(fc.property(glossaryMarkdown, glossaryMarkdown, (a, b) => {
      const first = parseGlossary(URI, a);
      parseGlossary(URI, b);
      expect(parseGlossary(URI, a)).toEqual(first);
    }), 700);
  }, FUZZ_TIMEOUT);

  it('moves every span and line, and changes nothing else, when blank lines or a long comment come first', async () => {
    // The reader parses ~4 KB pieces cut before lines that surely start a top-level block. A comment
    // ending up to a text's length before the 4 KB mark makes the first cut fall anywhere in the text.
    const prefix = (text: string) => fc.oneof(
      fc.integer({ min: 1, max: 3 }).map((count) => '\n'.repeat(count)),
      fc.nat().map((n) => `<!--${' '.repeat(4000 - 9 - (n % (text.length + 1)))}-->\n\n`),
    );
    const scenario = glossaryMarkdown.chain((text) => fc.tuple(fc.constant(text), prefix(text)));
    await check(fc.property(scenario, ([text, before]) => {
      // Front matter is only front matter at the very start.
      fc.pre(!text.startsWith('---') && !text.includes('\0'));
      const lines = before.split('\n').length - 1;
      expect(parseGlossary(URI, before + text)).toEqual(shifted(parseGlossary(URI, text), before.length, lines));
    }), 600);
  }, FUZZ_TIMEOUT);
});
