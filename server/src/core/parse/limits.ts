/**
 * Bounds on what the markdown parser is asked to read. micromark's cost grows with the square of
 * some shapes that no glossary has: containers nested thousands deep, and thousands of brackets in
 * one paragraph (each `]` looks back through the paragraph for its `[`). Both passes replace
 * characters with spaces, so offsets and lines stay as they are; definitions are sliced from the
 * original text and keep everything.
 */

/**
 * Containers nested deeper than this are not read as containers. The parser's cost grows with the
 * depth on every line, and the tree builder recurses once per level, so a line of 10,000 `>`
 * overflows the stack; no glossary nests 32 lists or quotes.
 */
export const MAX_NESTING = 32;

/** Lists nest by indentation too: a list marker indented further than this (in columns) opens no item. */
const MAX_INDENT = 2 * MAX_NESTING;

/** One container marker with the blanks before it: `>`, `-`, `+`, `*` or `1.`/`1)` followed by a blank. */
const MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y;

/**
 * The text with the container markers of each line beyond {@link MAX_NESTING}, and list markers
 * indented beyond {@link MAX_INDENT}, replaced by spaces: offsets and lines stay as they are, and
 * what was nested too deep reads as the deepest container's text.
 */
export function capNesting(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let depth = 0;
    let at = lineStart;
    let blankFrom = -1;
    for (;;) {
      MARKER.lastIndex = at;
      const marker = MARKER.exec(text);
      if (!marker || MARKER.lastIndex > lineEnd) break;
      const indent = depth === 0 ? columns(marker[0]) : 0;
      depth++;
      if (blankFrom === -1 && (depth > MAX_NESTING || indent > MAX_INDENT)) blankFrom = at;
      at = MARKER.lastIndex;
    }
    if (blankFrom !== -1) {
      parts.push(text.slice(copied, blankFrom), text.slice(blankFrom, at).replace(/[^\t]/g, ' '));
      copied = at;
    }
    lineStart = lineEnd + 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Brackets after this many in one paragraph (or line) are not read as link syntax. */
export const MAX_BRACKETS = 1000;

/** A line that starts a paragraph of its own: a list item, a heading or a table row (each has its own inline content). */
const OWN_PARAGRAPH = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|#|\|)/;

/**
 * The text with every `[` and `]` past {@link MAX_BRACKETS} in a run of lines that may form one
 * paragraph replaced by a space. A blank line, a list item, a heading or a table row starts a new run.
 */
export function capBrackets(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let count = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '' || OWN_PARAGRAPH.test(line)) count = 0;
    for (let at = line.indexOf('['), close = line.indexOf(']'); at !== -1 || close !== -1;) {
      const next = at === -1 ? close : close === -1 ? at : Math.min(at, close);
      if (++count > MAX_BRACKETS) {
        parts.push(text.slice(copied, lineStart + next), ' ');
        copied = lineStart + next + 1;
      }
      if (next === at) at = line.indexOf('[', at + 1);
      else close = line.indexOf(']', close + 1);
    }
    lineStart = lineEnd + 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The width of the blanks before a marker, with tab stops every four columns. */
function columns(prefix: string): number {
  let width = 0;
  for (const char of prefix) {
    if (char === '\t') width += 4 - (width % 4);
    else if (char === ' ') width++;
    else break;
  }
  return width;
}
