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
