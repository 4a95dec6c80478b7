import { promises as fs } from 'node:fs';
import type { GlossaryIndex } from '../core/glossaryIndex';
import { listFiles, readTextFile } from '../node/glossaryFiles';
import { entryJson, entryLine, entryText, json, LineMap, occurrenceLine, searchHitJson } from './format';

/** 0: found something; 1: found nothing; 2: bad usage or unreadable input. */
export type ExitCode = 0 | 1 | 2;

/** Where commands write. Each `out` call is one write: callers hand over whole chunks. */
export interface Output {
  out(chunk: string): void;
  /** One line of diagnostics (no trailing newline). */
  err(line: string): void;
}

export interface CommandContext {
  readonly index: GlossaryIndex;
  readonly json: boolean;
  readonly output: Output;
}

/** Files found in folders larger than this are not scanned: they are generated, minified or data. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
/** A file named on the command line is scanned up to this size: the user asked for it. */
export const MAX_NAMED_SCAN_BYTES = 64 * 1024 * 1024;
const SUGGESTIONS = 5;

/** Prints every entry with the name `term`, or suggests close names. */
export function define({ index, json: asJson, output }: CommandContext, term: string): ExitCode {
  const entries = index.lookup(term);
  if (asJson) output.out(json(entries.map(entryJson)));
  else if (entries.length) output.out(entries.map(entryText).join('\n'));
  if (entries.length) return 0;
  output.err(`no such term: ${term}`);
  const suggestions = [...new Set(index.search(term, SUGGESTIONS).map((result) => result.entry.term))];
  if (suggestions.length) output.err(`did you mean: ${suggestions.join(', ')}?`);
  return 1;
}

export function search({ index, json: asJson, output }: CommandContext, query: string, limit: number): ExitCode {
  const results = index.search(query, limit);
  if (asJson) output.out(json(results.map(searchHitJson)));
  else if (results.length) output.out(`${results.map((result) => entryLine(result.entry)).join('\n')}\n`);
  if (results.length) return 0;
  output.err(`no results for: ${query}`);
  return 1;
}

export function list({ index, json: asJson, output }: CommandContext): ExitCode {
  if (asJson) output.out(json(index.entries.map(entryJson)));
  else if (index.entries.length) output.out(`${index.entries.map(entryLine).join('\n')}\n`);
  return 0;
}

/**
 * Prints every occurrence of every term in the files at `paths` (files or folders). Binary files
 * found in folders are skipped silently; other files that cannot be read get a note.
 */
export async function scan({ index, json: asJson, output }: CommandContext, paths: readonly string[]): Promise<ExitCode> {
  const termJsonCache = new Map<string, string>();
  const termJson = (term: string) => {
    let json = termJsonCache.get(term);
    if (json === undefined) termJsonCache.set(term, (json = JSON.stringify(term)));
    return json;
  };
  for (const root of paths) {
    if (!(await fs.stat(root).catch(() => undefined))) {
      output.err(`cannot scan ${root}: no such file or folder`);
      return 2;
    }
  }
  let found = 0;
  if (asJson) output.out('[');
  for (const root of paths) {
    const files = await listFiles(root);
    const named = files.length === 1 && files[0] === root;
    for (const file of files) {
      const read = await readTextFile(file, named ? MAX_NAMED_SCAN_BYTES : MAX_SCAN_BYTES);
      if ('error' in read) {
        if (named || read.error !== 'binary file') output.err(`skipped ${file}: ${read.error}`);
        continue;
      }
      const occurrences = index.scan(read.text);
      if (!occurrences.length) continue;
      const lines = new LineMap(read.text);
      let chunk: string;
      if (asJson) {
        // One compact object per line keeps the array valid JSON and still easy to grep.
        const fileJson = JSON.stringify(file);
        const rows = occurrences.map((occurrence) => lines.occurrenceJson(fileJson, occurrence, termJson));
        chunk = `${found ? ',' : ''}\n  ${rows.join(',\n  ')}`;
      } else {
        chunk = `${occurrences.map((occurrence) => occurrenceLine(lines.occurrence(file, occurrence))).join('\n')}\n`;
      }
      output.out(chunk);
      found += occurrences.length;
    }
  }
  if (asJson) output.out(found ? '\n]\n' : ']\n');
  return found ? 0 : 1;
}
