import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { entryMarkdown, firstSentence, type GlossaryEntry } from '../core';
import type { GlossaryStore } from '../glossaryStore';
import type { EntryDetails, EntrySummary } from '../protocol';

/** How the protocol shows an entry; the hover, the tree, search and completion all use it. */
export function entrySummary(entry: GlossaryEntry, store: GlossaryStore): EntrySummary {
  return {
    id: entry.id,
    term: entry.term,
    aliases: entry.aliases,
    summary: firstSentence(entry.definition),
    section: entry.section,
    source: { uri: entry.source.uri, startLine: entry.source.startLine, endLine: entry.source.endLine, label: store.label(entry.source.uri) },
  };
}

export function entryDetails(entry: GlossaryEntry, store: GlossaryStore): EntryDetails {
  return { ...entrySummary(entry, store), definition: entry.definition, tags: entry.tags, seeAlso: entry.seeAlso, markdown: hoverMarkdown(entry, store) };
}

/** Hover markdown for one entry, ending in a link to "glossary/web.md:12". */
export function hoverMarkdown(entry: GlossaryEntry, store: GlossaryStore): string {
  const line = entry.source.startLine + 1;
  const uri = URI.parse(entry.source.uri);
  const label = `${store.label(entry.source.uri) || path.basename(uri.path)}:${line}`;
  return entryMarkdown(entry, { sourceLabel: label, sourceLink: uri.with({ fragment: `L${line}` }).toString() });
}
