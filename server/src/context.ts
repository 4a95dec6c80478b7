import type { Connection, Position } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryEntry, TermOccurrence } from './core';
import type { GlossaryStore } from './glossaryStore';
import type { Logger } from './logger';
import type { Settings } from './settings';
import type { SettingsCache } from './settingsCache';

/** What every feature handler needs; built once in server.ts. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: GlossaryStore;
  readonly settings: SettingsCache;
  readonly logger: Logger;
  /** Every term occurrence in a document, cached per document version and index version. */
  occurrences(document: TextDocument, settings: Settings): readonly TermOccurrence[];
  /** The occurrence under a position, found by scanning only that line. */
  occurrenceAt(document: TextDocument, position: Position, settings: Settings): TermOccurrence | undefined;
  /** The entries of an occurrence, in priority order. */
  entriesOf(occurrence: TermOccurrence): GlossaryEntry[];
}

/**
 * How far around the cursor a hover looks on a very long line (minified code, a data file): far
 * more than any term is long, so the answer is the same as scanning the whole line.
 */
const HOVER_REACH = 2_000;

/** How much of a document's start is searched for NUL characters, the mark of a binary file. */
const BINARY_SNIFF = 8_192;

/** Builds the occurrence helpers, with a small cache keyed by document and versions. */
export function occurrenceHelpers(store: GlossaryStore, logger: Logger) {
  const cache = new Map<string, { key: string; occurrences: readonly TermOccurrence[] }>();

  /** Documents whose terms are not looked up: too large, or binary opened as text. Said once. */
  const skipped = (document: TextDocument, settings: Settings) => {
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      logger.once(`large-document:${document.uri}`, 'info', `${document.uri} is larger than glossaryLens.maxFileSize; terms in it are not looked up.`);
      return true;
    }
    if (text.slice(0, BINARY_SNIFF).includes('\0')) {
      logger.once(`binary-document:${document.uri}`, 'info', `${document.uri} looks binary (it contains NUL characters); terms in it are not looked up.`);
      return true;
    }
    return false;
  };

  return {
    occurrences(document: TextDocument, settings: Settings): readonly TermOccurrence[] {
      const key = `${document.version}:${store.version}`;
      const cached = cache.get(document.uri);
      if (cached?.key === key) return cached.occurrences;
      const occurrences = skipped(document, settings) ? [] : store.index().scan(document.getText());
      cache.set(document.uri, { key, occurrences });
      return occurrences;
    },
    occurrenceAt(document: TextDocument, position: Position, settings: Settings): TermOccurrence | undefined {
      if (skipped(document, settings)) return undefined;
      // Terms never span lines, so the line alone gives the same answer as the whole text; on a
      // very long line, so does a window around the cursor (a word cut at its edge is far away).
      const text = document.getText();
      const cursor = document.offsetAt(position);
      const lineStart = Math.max(document.offsetAt({ line: position.line, character: 0 }), cursor - HOVER_REACH);
      const lineEnd = Math.min(document.offsetAt({ line: position.line + 1, character: 0 }), cursor + HOVER_REACH);
      const line = text.slice(lineStart, lineEnd);
      const offset = cursor - lineStart;
      const hits = store.index().scan(line);
      // Prefer the term under the cursor; a cursor right after a term (as after typing it) counts too.
      const hit = hits.find((occurrence) => occurrence.start <= offset && offset < occurrence.end) ?? hits.find((occurrence) => occurrence.end === offset);
      return hit && { ...hit, start: hit.start + lineStart, end: hit.end + lineStart };
    },
    entriesOf(occurrence: TermOccurrence): GlossaryEntry[] {
      const index = store.index();
      return occurrence.entryIds.flatMap((id) => index.getEntry(id) ?? []);
    },
    forget(uri: string): void {
      cache.delete(uri);
    },
  };
}

