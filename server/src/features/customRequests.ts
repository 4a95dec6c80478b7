import type { ServerContext } from '../context';
import type { GlossaryEntry } from '../core';
import {
  DocumentOccurrencesRequest,
  EntryRequest,
  SearchRequest,
  TreeRequest,
  type DocumentOccurrencesResult,
  type TreeSection,
} from '../protocol';
import { entryDetails, entrySummary } from './entryView';

const SEARCH_LIMIT = 100;

/** The requests the VS Code client's views and commands use. */
export function registerCustomRequests(context: ServerContext): void {
  const { connection, documents, settings, store } = context;
  connection.onRequest(TreeRequest, () => {
    const index = store.index();
    return { version: index.version, sections: buildTree(index.entries, (entry) => store.label(entry.source.uri), context) };
  });

  connection.onRequest(SearchRequest, ({ query, limit }, token) => {
    if (token.isCancellationRequested || typeof query !== 'string') return [];
    const bounded = Math.max(1, Math.min(SEARCH_LIMIT, Number(limit) || 20));
    return store.index().search(query, bounded).map((hit) => ({ ...entrySummary(hit.entry, store), score: hit.score }));
  });

  connection.onRequest(EntryRequest, ({ id }) => {
    const entry = typeof id === 'string' ? store.index().getEntry(id) : undefined;
    return entry ? entryDetails(entry, store) : null;
  });

  connection.onRequest(DocumentOccurrencesRequest, async ({ uri }, token): Promise<DocumentOccurrencesResult> => {
    const document = documents.get(uri);
    if (!document) return { version: null, occurrences: [] };
    const config = await settings.get(uri);
    if (token.isCancellationRequested) return { version: document.version, occurrences: [] };
    const version = document.version;
    const found = await context.findOccurrences(document, config, () => token.isCancellationRequested);
    // A document that changed meanwhile is asked about again by the client; this answer is stale.
    if (!found || token.isCancellationRequested) return { version, occurrences: [] };
    const occurrences = found.map((occurrence) => ({
      range: { start: document.positionAt(occurrence.start), end: document.positionAt(occurrence.end) },
      term: occurrence.term,
      entryIds: occurrence.entryIds,
    }));
    return { version: document.version, occurrences };
  });
}

interface MutableSection {
  name: string;
  sections: Map<string, MutableSection>;
  terms: ReturnType<typeof entrySummary>[];
}

/** Sections → terms, sorted; entries with no section go under their file's name. */
function buildTree(entries: readonly GlossaryEntry[], fileLabel: (entry: GlossaryEntry) => string, context: ServerContext): readonly TreeSection[] {
  const root: MutableSection = { name: '', sections: new Map(), terms: [] };
  for (const entry of entries) {
    const path = entry.section.length ? entry.section : [fileLabel(entry)];
    let node = root;
    for (const name of path) {
      let child = node.sections.get(name);
      if (!child) node.sections.set(name, (child = { name, sections: new Map(), terms: [] }));
      node = child;
    }
    node.terms.push(entrySummary(entry, context.store));
  }
  const freeze = (node: MutableSection): TreeSection => ({
    name: node.name,
    sections: [...node.sections.values()].map(freeze).sort((a, b) => a.name.localeCompare(b.name)),
    terms: node.terms.sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' })),
  });
  return freeze(root).sections;
}
