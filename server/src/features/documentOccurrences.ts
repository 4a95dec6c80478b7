import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { TermOccurrence } from '../core';
import type { Settings } from '../settings';
import { fitsOnePiece, LONG_LINE, scanInPieces } from './scanInPieces';

/** The occurrences of a whole open document; undefined when the document or the index changed meanwhile. */
export type OccurrenceFinder = (document: TextDocument, settings: Settings, isCancelled: () => boolean) => Promise<readonly TermOccurrence[] | undefined>;

/** The same characters context.ts looks at to call a document binary. */
const BINARY_SNIFF = 8_192;

const finders = new WeakMap<ServerContext, OccurrenceFinder>();

/**
 * Every term occurrence of an open document, for underlines and references. Small documents, and
 * those the context skips (too large, binary), go through the context's cache; larger ones are
 * scanned a piece at a time so that other requests are answered meanwhile, and their very long
 * lines (minified code) are left out, which the log says once per document.
 */
export function occurrenceFinder(context: ServerContext): OccurrenceFinder {
  let finder = finders.get(context);
  if (finder) return finder;
  const cache = new Map<string, { key: string; occurrences: readonly TermOccurrence[] }>();
  context.documents.onDidClose(({ document }) => cache.delete(document.uri));

  finder = async (document, settings, isCancelled) => {
    const text = document.getText();
    if (fitsOnePiece(text) || text.length > settings.maxFileSize || text.slice(0, BINARY_SNIFF).includes('\0')) return context.occurrences(document, settings);
    const { store } = context;
    const key = `${document.version}:${store.version}`;
    const cached = cache.get(document.uri);
    if (cached?.key === key) return cached.occurrences;

    const version = document.version;
    const index = store.index();
    const indexVersion = store.version;
    const { occurrences, longLines } = await scanInPieces(text, (piece) => index.scan(piece), () => isCancelled() || document.version !== version || store.version !== indexVersion);
    if (longLines) {
      context.logger.once(`long-lines:${document.uri}`, 'info', `${document.uri} has ${longLines === 1 ? 'a line' : `${longLines} lines`} longer than ${LONG_LINE} characters (minified or generated code?); terms there are not underlined or searched, but hovers still work.`);
    }
    if (!occurrences) return undefined;
    cache.set(document.uri, { key, occurrences });
    return occurrences;
  };
  finders.set(context, finder);
  return finder;
}
