import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { entryLocation } from '../convert';

const LIMIT = 200;

/** Every term is a workspace symbol (Ctrl+T), fuzzy-matched by the core's search. */
export function registerWorkspaceSymbols(context: ServerContext): void {
  const { connection, store } = context;
  connection.onWorkspaceSymbol(({ query }, token): SymbolInformation[] => {
    if (token.isCancellationRequested) return [];
    const index = store.index();
    const entries = query.trim() ? index.search(query, LIMIT).map((hit) => hit.entry) : index.entries.slice(0, LIMIT);
    return entries.map((entry) => ({
      name: entry.term,
      kind: SymbolKind.Key,
      location: entryLocation(entry, store),
      containerName: [store.label(entry.source.uri), ...entry.section].join(' › '),
    }));
  });
}
