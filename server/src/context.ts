import type { Connection, Position } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryEntry, TermOccurrence } from './core';
import type { GlossaryStore } from './glossaryStore';
import type { Logger } from './logger';
import type { Settings } from './settings';
import type { SettingsCache } from './settingsCache';
import { LONG_LINE, scanInPieces } from './scanInPieces';

/** What every feature handler needs; built once in server.ts. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: GlossaryStore;
  readonly settings: SettingsCache;
  readonly logger: Logger;
  /**
   * Every term occurrence of an open document, cached per document version and index version.
   * A large document is scanned a piece at a time, so other requests are answered meanwhile; its
   * very long lines (minified code) are left out, which the log says once. Undefined when the
   * document or the index changed during the scan, or `isCancelled` said stop.
   */
  findOccurrences(document: TextDocument, settings: Settings, isCancelled: () => boolean): Promise<readonly TermOccurrence[] | undefined>;
  /** The occurrence under a position, found by scanning only a window of that line. */
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
  /** Whether a document version is skipped, decided once per version: hovers ask on every move. */
  const skips = new Map<string, { version: number; skipped: boolean }>();

  /** Documents whose terms are not looked up: too large, or binary opened as text. Said once. */
  const skipped = (document: TextDocument, settings: Settings) => {
    const known = skips.get(document.uri);
    if (known?.version === document.version) return known.skipped;
    const text = document.getText();
    let skip = false;
    if (text.length > settings.maxFileSize) {
      logger.once(`large-document:${document.uri}`, 'info', `${document.uri} is larger than glossaryLens.maxFileSize; terms in it are not looked up.`);
      skip = true;
    } else if (text.slice(0, BINARY_SNIFF).includes('\0')) {
      logger.once(`binary-document:${document.uri}`, 'info', `${document.uri} looks binary (it contains NUL characters); terms in it are not looked up.`);
      skip = true;
    }
    skips.set(document.uri, { version: document.version, skipped: skip });
    return skip;
  };

  return {
    async findOccurrences(document: TextDocument, settings: Settings, isCancelled: () => boolean): Promise<readonly TermOccurrence[] | undefined> {
      const key = `${document.version}:${store.version}`;
      const cached = cache.get(document.uri);
      if (cached?.key === key) return cached.occurrences;
      const text = document.getText();
      let occurrences: readonly TermOccurrence[] | undefined;
      if (skipped(document, settings)) {
        occurrences = [];
      } else {
        // A document of one piece is scanned at once, without a pause.
        const version = document.version;
        const index = store.index();
        const indexVersion = store.version;
        const scan = await scanInPieces(text, (piece) => index.scan(piece), () => isCancelled() || document.version !== version || store.version !== indexVersion);
        if (scan.longLines) {
          logger.once(`long-lines:${document.uri}`, 'info', `${document.uri} has ${scan.longLines === 1 ? 'a line' : `${scan.longLines} lines`} longer than ${LONG_LINE} characters (minified or generated code?); terms there are not underlined or searched, but hovers still work.`);
        }
        occurrences = scan.occurrences;
      }
      if (occurrences) cache.set(document.uri, { key, occurrences });
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
      skips.delete(uri);
    },
  };
}
