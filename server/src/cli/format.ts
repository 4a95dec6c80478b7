/**
 * What the CLI prints. The JSON shapes here are a documented, stable interface (docs/cli.md):
 * add fields if needed, never rename or remove them.
 */
import { firstSentence } from '../core/present';
import type { GlossaryEntry, SearchResult, TermOccurrence } from '../core/types';

/** Where an entry is defined: the glossary file as the CLI read it and the 1-based line of its label. */
export interface SourceJson {
  readonly file: string;
  readonly line: number;
}

/** One entry, as `list --json` and `define --json` print it. */
export interface EntryJson {
  readonly term: string;
  readonly aliases: readonly string[];
  /** The definition as markdown. */
  readonly definition: string;
  /** The headings that contain the entry, outermost first. */
  readonly section: readonly string[];
  readonly tags: readonly string[];
  readonly seeAlso: readonly string[];
  readonly source: SourceJson;
}

/** One hit, as `search --json` prints it; `score` is 0 for a perfect hit and grows towards 1. */
export interface SearchHitJson {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly score: number;
  readonly section: readonly string[];
  readonly source: SourceJson;
}

/**
 * One occurrence, as `scan --json` prints it. Lines and columns are 1-based; columns count UTF-16
 * code units (as LSP and most editors do); `endColumn` is exclusive.
 */
export interface OccurrenceJson {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The characters that matched, as written in the file. */
  readonly text: string;
  /** The term of the entry the text names. */
  readonly term: string;
}

export function sourceJson(entry: GlossaryEntry): SourceJson {
  return { file: entry.source.uri, line: entry.source.startLine + 1 };
}

export function entryJson(entry: GlossaryEntry): EntryJson {
  return {
    term: entry.term,
    aliases: entry.aliases,
    definition: entry.definition,
    section: entry.section,
    tags: entry.tags,
    seeAlso: entry.seeAlso,
    source: sourceJson(entry),
  };
}

export function searchHitJson({ entry, score }: SearchResult): SearchHitJson {
  return { term: entry.term, aliases: entry.aliases, score: Math.round(score * 1000) / 1000, section: entry.section, source: sourceJson(entry) };
}

/** Pretty-printed JSON with a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An entry for reading in a terminal: name, metadata, then the definition's markdown. */
export function entryText(entry: GlossaryEntry): string {
  const lines = [entry.term];
  if (entry.aliases.length) lines.push(`  Aliases:  ${entry.aliases.join(', ')}`);
  if (entry.section.length) lines.push(`  Section:  ${entry.section.join(' › ')}`);
  if (entry.tags.length) lines.push(`  Tags:     ${entry.tags.join(', ')}`);
  if (entry.seeAlso.length) lines.push(`  See also: ${entry.seeAlso.join(', ')}`);
  lines.push(`  Source:   ${location(entry)}`, '', entry.definition.trim(), '');
  return lines.join('\n');
}

/** One line per entry: the term, its aliases, the first sentence of its definition, where it is. */
export function entryLine(entry: GlossaryEntry): string {
  const aliases = entry.aliases.length ? ` (${entry.aliases.join(', ')})` : '';
  const summary = firstSentence(entry.definition);
  return `${entry.term}${aliases}${summary ? ` — ${summary}` : ''}  [${location(entry)}]`;
}

function location(entry: GlossaryEntry): string {
  return `${entry.source.uri}:${entry.source.startLine + 1}`;
}

/** Converts UTF-16 offsets of one text into 1-based lines and columns. */
export class LineMap {
  /** The offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // \r\n, \n and a lone \r each end a line, as in LSP.
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  /**
   * The same object as {@link occurrence}, already as JSON: `scan --json` may print hundreds of
   * thousands of rows, and building each string directly avoids an object and a generic
   * stringify per row. `fileJson` is `JSON.stringify(file)`, computed once per file.
   */
  occurrenceJson(fileJson: string, occurrence: TermOccurrence, termJson: (term: string) => string): string {
    const start = this.position(occurrence.start);
    const end = this.position(occurrence.end);
    const text = JSON.stringify(this.text.slice(occurrence.start, occurrence.end));
    return `{"file":${fileJson},"line":${start.line},"column":${start.column},"endLine":${end.line},"endColumn":${end.column},"text":${text},"term":${termJson(occurrence.term)}}`;
  }

  occurrence(file: string, occurrence: TermOccurrence): OccurrenceJson {
    const start = this.position(occurrence.start);
    const end = this.position(occurrence.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text: this.text.slice(occurrence.start, occurrence.end),
      term: occurrence.term,
    };
  }
}

/** grep-like: `file:line:column: text → term`. */
export function occurrenceLine(occurrence: OccurrenceJson): string {
  return `${occurrence.file}:${occurrence.line}:${occurrence.column}: ${occurrence.text} → ${occurrence.term}`;
}
