/** Conversions between the core's UTF-16 offsets and LSP positions and URIs. */
import type { Location, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { GlossaryEntry, Span } from './core';

export function spanToRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** What places a parse's offsets in its file (the glossary store, which keeps no texts). */
export interface OffsetPlacer {
  positionAt(uri: string, offset: number): Position | undefined;
}

/** The location of an entry's label in its glossary file; the start of the entry's line when its file is not known. */
export function entryLocation(entry: GlossaryEntry, files: OffsetPlacer): Location {
  const { uri, labelSpan, startLine } = entry.source;
  const start = files.positionAt(uri, labelSpan.start);
  const end = files.positionAt(uri, labelSpan.end);
  if (start && end) return { uri, range: { start, end } };
  return { uri, range: { start: { line: startLine, character: 0 }, end: { line: startLine, character: 0 } } };
}

export function pathToUri(file: string): string {
  return URI.file(file).toString();
}
