import { classifyLabel, cleanLabel } from './labels';

/** A text with the bodies of narrative headings blanked out, offsets and lines unchanged. */
export interface SkimmedText {
  readonly text: string;
  /** Start offsets of the headings whose bodies were blanked (all narrative). */
  readonly narrativeHeadings: ReadonlySet<number>;
  /**
   * Start offsets of lines that surely start a top-level block, in order: ATX headings at column 0,
   * and lines at column 0 where nothing is open (after a blank line or a top-level heading) that are
   * not list items (which may continue a list).
   */
  readonly blockStarts: readonly number[];
}

const ATX_HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A fence opens with at most three spaces before it; a backtick fence's info string has no backtick. */
const FENCE_OPEN = /^ {0,3}(?:(`{3,})([^`]*)|(~{3,}).*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A line that can only go on a paragraph at the top level: it starts with a letter or digit at column 0. */
const PLAIN_LINE = /^[\p{L}\p{N}]/u;
/** HTML blocks that run to their end marker, across blank lines (CommonMark types 1 to 5). */
const RAW_HTML_BLOCKS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** HTML blocks that run to the next blank line and may interrupt a paragraph (type 6). */
const HTML_BLOCK = /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
/** A line that is one complete tag: an HTML block (type 7) where no paragraph is open. */
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** The fence a line opens, or undefined. */
function fenceOpened(line: string): string | undefined {
  const mark = FENCE_OPEN.exec(line);
  return mark ? (mark[1] ?? mark[3]) : undefined;
}

function closesFence(line: string, fence: string): boolean {
  const mark = FENCE_CLOSE.exec(line);
  return mark !== null && mark[1][0] === fence[0] && mark[1].length >= fence.length;
}

/** The end marker of an HTML block of CommonMark types 1 to 5 that `line` opens and does not close. */
function rawHtmlOpened(line: string): RegExp | undefined {
  for (const [start, end] of RAW_HTML_BLOCKS) {
    const opened = start.exec(line);
    if (opened) return end.test(line.slice(opened[0].length)) ? undefined : end;
  }
  return undefined;
}

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
  const blockStarts: number[] = [];
  const blanks: Array<[number, number]> = [];
  let region: { depth: number; start: number } | undefined;
  let fence: string | undefined;
  let rawHtmlEnd: RegExp | undefined;
  let inComment = false;
  let inHtml = false;
  let paragraphStart = -1;
  // Nothing is open where the line starts: after a blank line, a heading or a top-level setext heading.
  let atTop = true;
  // The open paragraph started at the top and has only plain lines: a setext underline ends a top-level heading.
  let topParagraph = false;
  const close = (end: number) => {
    if (region && end > region.start) blanks.push([region.start, end]);
    region = undefined;
  };
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    const wasAtTop: boolean = atTop;
    atTop = false;
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (rawHtmlEnd) {
      if (rawHtmlEnd.test(line)) rawHtmlEnd = undefined;
    } else if (inComment) {
      inComment = !line.includes('-->');
    } else if (line.trim() === '') {
      paragraphStart = -1;
      inHtml = false;
      topParagraph = false;
      atTop = true;
    } else if (inHtml) {
      inComment = line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->');
    } else if (paragraphStart !== -1 && SETEXT_UNDERLINE.test(line)) {
      if (region) close(paragraphStart);
      atTop = topParagraph && line[0] !== ' ';
      paragraphStart = -1;
      topParagraph = false;
    } else {
      const heading = line.startsWith('#') ? ATX_HEADING.exec(line) : null;
      // (A piece that began with U+FEFF would lose it: the parser takes it for a byte order mark.)
      if (heading || (wasAtTop && lineStart > 0 && !/^[ \t\uFEFF]/.test(line) && !LIST_ITEM.test(line))) blockStarts.push(lineStart);
      if (heading) {
        const depth = heading[1].length;
        if (region && depth <= region.depth) close(lineStart);
        if (!region && isNarrativeHeading(heading[2] ?? '', text, lineEnd) && !holdsTermHeadings(text, lineEnd, depth)) {
          narrativeHeadings.add(lineStart);
          region = { depth, start: lineEnd };
        }
        paragraphStart = -1;
        topParagraph = false;
        atTop = true;
      } else {
        const opened = fenceOpened(line);
        rawHtmlEnd = opened ? undefined : rawHtmlOpened(line);
        if (opened) fence = opened;
        else if (rawHtmlEnd) inComment = false;
        else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
        else if (HTML_BLOCK.test(line) || (paragraphStart === -1 && HTML_TAG_LINE.test(line))) inHtml = true;
        if (opened || rawHtmlEnd || inHtml) {
          paragraphStart = -1;
          topParagraph = false;
        } else if (paragraphStart === -1) {
          paragraphStart = lineStart;
          topParagraph = wasAtTop && PLAIN_LINE.test(line) && !LIST_ITEM.test(line);
        } else {
          topParagraph &&= PLAIN_LINE.test(line) && !LIST_ITEM.test(line);
        }
      }
    }
    lineStart = lineEnd;
  }
  close(text.length);
  return { text: blanks.length === 0 ? text : blank(text, blanks), narrativeHeadings, blockStarts };
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
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = fenceOpened(line);
    if (fence) continue;
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
