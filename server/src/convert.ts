/** Conversions between the core's UTF-16 offsets and LSP positions and URIs. */
import type { Location, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { GlossaryEntry, Span } from './core';

export function spanToRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** The location of an entry's label in its glossary file. */
export function entryLocation(entry: GlossaryEntry, text: string | undefined): Location {
  if (text !== undefined) {
    const document = glossaryDocument(entry.source.uri, text);
    return { uri: entry.source.uri, range: spanToRange(document, entry.source.labelSpan) };
  }
  const line = entry.source.startLine;
  return { uri: entry.source.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

export function pathToUri(file: string): string {
  return URI.file(file).toString();
}

const documentCache = new Map<string, TextDocument>();

/** A glossary file's text as a TextDocument, reused while the text stays the same. */
export function glossaryDocument(uri: string, text: string): TextDocument {
  const cached = documentCache.get(uri);
  if (cached?.getText() === text) return cached;
  const document = TextDocument.create(uri, 'markdown', 0, text);
  documentCache.set(uri, document);
  return document;
}
