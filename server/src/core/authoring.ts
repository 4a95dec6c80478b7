/** Helpers for writing glossary entries in the canonical format (see glossary/README.md). */
import { tokenize } from './identifiers';

/** A new entry for `term` with a placeholder definition, ending with a line break. */
export function glossaryStub(term: string, eol = '\n'): string {
  return [`## ${term.replace(/\r?\n/g, ' ')}`, '', `TODO: define ${term}.`, ''].join(eol);
}

/**
 * The subword of an identifier under `offset` (`etagCache` at "Cache" → "Cache"), or the word
 * when the cursor is on prose. Only the line around the offset is looked at.
 */
export function subwordAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline);
  const at = offset - lineStart;
  const subwords = tokenize(line);
  for (let i = 0; i < subwords.count; i++) {
    if (subwords.starts[i]! <= at && at <= subwords.ends[i]!) return line.slice(subwords.starts[i], subwords.ends[i]);
  }
  return undefined;
}
