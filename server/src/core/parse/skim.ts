import { classifyLabel, cleanLabel } from './labels';

/** A text with the bodies of narrative headings blanked out, offsets and lines unchanged. */
export interface SkimmedText {
  readonly text: string;
  /** Start offsets of the headings whose bodies were blanked (all narrative). */
  readonly narrativeHeadings: ReadonlySet<number>;
  /** Start offsets of every line that is surely a top-level ATX heading, in order. */
  readonly headingStarts: readonly number[];
}

const ATX_HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** An HTML block runs to the next blank line; a `#` line inside it is not a heading. */
const HTML_BLOCK_START = /^ {0,3}<[A-Za-z/!?]/;

/**
 * remark-parse is the parser's cost, and it is spent mostly on narrative ("How to ...",
 * "Troubleshooting", "Conclusion") that yields no entries. This blanks the lines under such a
 * heading, up to the next heading of the same or a higher level, so remark reads them as blank
 * lines. Definitions are still sliced from the original text, so an enclosing term keeps them.
 *
 * Only lines that are surely top-level headings are used: `#` at column 0, outside code fences,
 * HTML blocks and comments. A region also stops before a paragraph that a setext underline could
 * turn into a heading. Stopping early is always safe: the rest is simply parsed.
 */
export function skimNarrative(text: string): SkimmedText {
  const narrativeHeadings = new Set<number>();
  const headingStarts: number[] = [];
  const blanks: Array<[number, number]> = [];
  let region: { depth: number; start: number } | undefined;
  let fence: string | undefined;
  let inComment = false;
  let inHtml = false;
  let paragraphStart = -1;
  const close = (end: number) => {
    if (region && end > region.start) blanks.push([region.start, end]);
    region = undefined;
  };
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    if (fence) {
      const mark = FENCE.exec(line);
      if (mark && mark[1][0] === fence[0] && mark[1].length >= fence.length && line.trim() === mark[1]) fence = undefined;
    } else if (inComment) {
      inComment = !line.includes('-->');
    } else if (line.trim() === '') {
      paragraphStart = -1;
      inHtml = false;
    } else if (inHtml) {
      inComment = line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->');
    } else if (region && SETEXT_UNDERLINE.test(line) && paragraphStart !== -1) {
      close(paragraphStart);
    } else {
      const heading = line.startsWith('#') ? ATX_HEADING.exec(line) : null;
      if (heading) {
        headingStarts.push(lineStart);
        const depth = heading[1].length;
        if (region && depth <= region.depth) close(lineStart);
        if (!region && isNarrativeHeading(heading[2] ?? '', text, lineEnd) && !holdsTermHeadings(text, lineEnd, depth)) {
          narrativeHeadings.add(lineStart);
          region = { depth, start: lineEnd };
        }
        paragraphStart = -1;
      } else {
        const mark = FENCE.exec(line);
        if (mark) fence = mark[1];
        else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
        else if (paragraphStart === -1 && HTML_BLOCK_START.test(line)) inHtml = true;
        if (paragraphStart === -1) paragraphStart = lineStart;
      }
    }
    lineStart = lineEnd;
  }
  close(text.length);
  return { text: blanks.length === 0 ? text : blank(text, blanks), narrativeHeadings, headingStarts };
}

/** Narrative headings, and numbered ones whose body does not open with a bold label or a heading. */
function isNarrativeHeading(content: string, text: string, bodyStart: number): boolean {
  const plain = content
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '');
  const kind = classifyLabel(cleanLabel(plain));
  if (kind !== 'numbered') return kind === 'narrative';
  const firstLine = /\S[^\n]*/.exec(text.slice(bodyStart, bodyStart + 2000));
  return !firstLine || !/^(?:\*\*|__|#)/.test(firstLine[0]);
}

/**
 * Whether a heading's region (up to the next heading of its depth or higher) holds a deeper
 * heading that names a term: then the heading is a section ("# Notes" over "## ETag"), whatever
 * its own label says. Code fences are stepped over so a `#` comment in code is not a heading.
 */
function holdsTermHeadings(text: string, bodyStart: number, depth: number): boolean {
  let fence: string | undefined;
  for (let lineStart = bodyStart; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    lineStart = lineEnd;
    const mark = FENCE.exec(line);
    if (fence) {
      if (mark && mark[1][0] === fence[0] && mark[1].length >= fence.length && line.trim() === mark[1]) fence = undefined;
      continue;
    }
    if (mark) {
      fence = mark[1];
      continue;
    }
    const heading = line.startsWith('#') ? ATX_HEADING.exec(line) : null;
    if (!heading) continue;
    if (heading[1].length <= depth) return false;
    const plain = (heading[2] ?? '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]+/g, '');
    const kind = classifyLabel(cleanLabel(plain));
    if (kind === 'term' || kind === 'container') return true;
  }
  return false;
}

/** Replaces every character of the given ranges except line breaks with a space. */
function blank(text: string, ranges: ReadonlyArray<[number, number]>): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
