import type { TermOccurrence } from './core';

/**
 * Lines longer than this are not scanned for a whole-document answer (underlines, references):
 * they are minified or generated code, which VS Code itself stops tokenizing at this length.
 * Hovers still work there, since a hover looks only at a window round the cursor.
 */
export const LONG_LINE = 20_000;

/** About this much text is scanned between two turns of the event loop (tens of milliseconds). */
const PIECE = 32 * 1024;

/** A run of whole lines, `[start, end)`. */
interface Piece {
  readonly start: number;
  readonly end: number;
}

export interface PiecewiseScan {
  /** Every occurrence outside long lines, in text order; undefined when the scan was stopped. */
  readonly occurrences: TermOccurrence[] | undefined;
  /** How many lines were left out for being longer than LONG_LINE. */
  readonly longLines: number;
}

/**
 * Scans `text` a piece at a time, yielding to the event loop between pieces so that hovers and
 * completions on other documents are answered meanwhile. Pieces are cut at line breaks, which no
 * term crosses, so the occurrences are the ones a scan of the whole text would find (long lines
 * aside). `isStale` is asked after every pause; when it says yes the scan stops.
 */
export async function scanInPieces(text: string, scan: (text: string) => readonly TermOccurrence[], isStale: () => boolean): Promise<PiecewiseScan> {
  const { pieces, longLines } = piecesOf(text);
  const occurrences: TermOccurrence[] = [];
  for (const [k, piece] of pieces.entries()) {
    if (k > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (isStale()) return { occurrences: undefined, longLines };
    }
    const slice = piece.start === 0 && piece.end === text.length ? text : text.slice(piece.start, piece.end);
    for (const occurrence of scan(slice)) occurrences.push(piece.start === 0 ? occurrence : { ...occurrence, start: occurrence.start + piece.start, end: occurrence.end + piece.start });
  }
  return { occurrences, longLines };
}

/** Runs of whole lines of about PIECE characters; lines longer than LONG_LINE are left out. */
function piecesOf(text: string): { pieces: Piece[]; longLines: number } {
  const pieces: Piece[] = [];
  let longLines = 0;
  let start = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    if (lineEnd - lineStart > LONG_LINE) {
      if (lineStart > start) pieces.push({ start, end: lineStart });
      longLines++;
      start = lineEnd;
    } else if (lineEnd - start > PIECE && lineStart > start) {
      pieces.push({ start, end: lineStart });
      start = lineStart;
    }
    lineStart = lineEnd;
  }
  if (text.length > start) pieces.push({ start, end: text.length });
  return { pieces, longLines };
}
