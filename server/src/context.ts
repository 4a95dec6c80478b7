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

/** Builds the occurrence helpers, with a small cache keyed by document and versions. */
export function occurrenceHelpers(store: GlossaryStore, logger: Logger) {
  const cache = new Map<string, { key: string; occurrences: readonly TermOccurrence[] }>();

  const tooLarge = (document: TextDocument, settings: Settings) => {
    if (document.getText().length <= settings.maxFileSize) return false;
    logger.once(`large-document:${document.uri}`, 'info', `${document.uri} is larger than glossaryLens.maxFileSize; terms in it are not looked up.`);
    return true;
  };

  return {
    occurrences(document: TextDocument, settings: Settings): readonly TermOccurrence[] {
      const key = `${document.version}:${store.version}`;
      const cached = cache.get(document.uri);
      if (cached?.key === key) return cached.occurrences;
      const occurrences = tooLarge(document, settings) ? [] : store.index().scan(document.getText());
      cache.set(document.uri, { key, occurrences });
      return occurrences;
    },
    occurrenceAt(document: TextDocument, position: Position, settings: Settings): TermOccurrence | undefined {
      if (tooLarge(document, settings)) return undefined;
      // Terms never span lines, so the line alone gives the same answer as the whole text.
      const lineStart = document.offsetAt({ line: position.line, character: 0 });
      const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
      const line = document.getText().slice(lineStart, lineEnd);
      const offset = document.offsetAt(position) - lineStart;
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
