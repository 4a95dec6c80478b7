import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { codeContextAt } from '../core';
import type { Settings } from '../settings';
import { hoverMarkdown, summaryOf } from './entryView';

const LIMIT = 50;
/** How far back a word being typed may reach; enough for "Dependency Injection Containers". */
const WORD_REACH = 60;

/**
 * Completion of glossary terms where people write words: prose documents, and comments and
 * strings of code (or everywhere, or nowhere, as `glossaryLens.completion.scope` says).
 */
export function registerCompletion(context: ServerContext): void {
  const { connection, documents, settings, store } = context;
  connection.onCompletion(async ({ textDocument, position }, token): Promise<CompletionList | null> => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const config = await settings.get(document.uri);
    if (token.isCancellationRequested) return null;
    // Like hovers, no terms in a document over maxFileSize (and no pass over its megabytes to find the cursor).
    if (document.getText().length > config.maxFileSize) return null;
    if (!completionAllowed(config, document.getText(), document.offsetAt(position), document.languageId)) return null;

    const offset = document.offsetAt(position);
    const lineStart = document.offsetAt({ line: position.line, character: 0 });
    const prefix = wordBefore(document.getText().slice(Math.max(lineStart, offset - WORD_REACH), offset));
    if (!prefix) return null;

    const hits = store.index().search(prefix, LIMIT + 1);
    const range = { start: document.positionAt(offset - prefix.length), end: position };
    const items = hits.slice(0, LIMIT).map(({ entry }, rank): CompletionItem => ({
      label: entry.term,
      kind: CompletionItemKind.Text,
      detail: summaryOf(entry),
      filterText: [prefix, entry.term, ...entry.aliases].join(' '),
      sortText: String(rank).padStart(3, '0'),
      textEdit: { range, newText: entry.term },
      // The full entry is added when the editor shows this item (completionItem/resolve).
      data: { entryId: entry.id } satisfies ItemData,
    }));
    return { isIncomplete: hits.length > LIMIT, items };
  });

  connection.onCompletionResolve((item): CompletionItem => {
    const id = (item.data as Partial<ItemData> | undefined)?.entryId;
    const entry = typeof id === 'string' ? store.index().getEntry(id) : undefined;
    return entry ? { ...item, documentation: { kind: 'markdown', value: hoverMarkdown(entry, store) } } : item;
  });
}

interface ItemData {
  readonly entryId: string;
}

function completionAllowed(settings: Settings, text: string, offset: number, languageId: string): boolean {
  if (settings.completion.scope === 'off') return false;
  if (settings.completion.scope === 'everywhere') return true;
  return codeContextAt(text, offset, languageId) !== 'code';
}

/** The word (or words joined by `-`, `_`, `/`, `.`) being typed right before the cursor. */
export function wordBefore(text: string): string {
  const match = /[\p{L}\p{N}][\p{L}\p{N}\-_/.]*$/u.exec(text);
  return match ? match[0] : '';
}
