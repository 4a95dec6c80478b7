/**
 * What the glossary set keeps of a parsed file's text instead of the text itself: enough to tell
 * whether a text given again is the same one, and to turn the parse's offsets into lines and
 * characters. The texts were kept only for those two questions, and at 50k terms in 1,000 files
 * they held 19 MB; a summary holds 4 bytes a line.
 */
export interface TextSummary {
  readonly length: number;
  /** Two 32-bit hashes of the UTF-16 code units (FNV-1a and a multiplicative one). */
  readonly hash: number;
  readonly hash2: number;
  /** The offset where each line starts; `\n`, `\r\n` and a lone `\r` end a line, as in LSP. */
  readonly lineStarts: Int32Array;
}

/** A 0-based line and a UTF-16 character offset in it, as LSP counts them. */
export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export function summarizeText(text: string): TextSummary {
  const { hash, hash2 } = hashesOf(text);
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (startsLine(text, i + 1)) lines++;
  const lineStarts = new Int32Array(lines);
  for (let i = 0, line = 1; i < text.length; i++) if (startsLine(text, i + 1)) lineStarts[line++] = i + 1;
  return { length: text.length, hash, hash2, lineStarts };
}

/**
 * Whether `text` is the summarized text. Two different texts of the same length agree on both
 * hashes with a chance of about one in 2^64: a re-read that changed nothing is not parsed again.
 */
export function isSameText(summary: TextSummary, text: string): boolean {
  if (summary.length !== text.length) return false;
  const { hash, hash2 } = hashesOf(text);
  return hash === summary.hash && hash2 === summary.hash2;
}

/** The line and character of `offset` (clamped to the text). */
export function positionIn(summary: TextSummary, offset: number): LinePosition {
  const at = Math.max(0, Math.min(offset, summary.length));
  const starts = summary.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: at - starts[low]! };
}

/** Whether a line starts at `offset`: right after `\n`, or after a `\r` not followed by `\n`. */
function startsLine(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  return previous === 10 || (previous === 13 && text.charCodeAt(offset) !== 10);
}

function hashesOf(text: string): { hash: number; hash2: number } {
  let hash = 0x811c9dc5;
  let hash2 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    hash = Math.imul(hash ^ c, 0x01000193);
    hash2 = (Math.imul(hash2, 0x5bd1e995) + c + 1) | 0;
  }
  return { hash: hash >>> 0, hash2: hash2 >>> 0 };
}
