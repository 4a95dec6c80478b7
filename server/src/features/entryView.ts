import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { entryMarkdown, firstSentence, isDeeplyNested, isInertMarkdown, mayHoldMarkup, type GlossaryEntry } from '../core';
import type { GlossaryStore } from '../glossaryStore';
import type { EntryDetails, EntrySummary } from '../protocol';

/**
 * Hovers show at most about this much of a definition: more is a wall of text in a hover, costs
 * the editor time to render, and the source link opens the glossary at the entry for the rest.
 */
const MAX_HOVER_DEFINITION = 8_000;

/** A one-sentence summary is read from this much of the start of a definition. */
const SUMMARY_SOURCE = 2_000;

/** How the protocol shows an entry; the hover, the tree, search and completion all use it. */
export function entrySummary(entry: GlossaryEntry, store: GlossaryStore): EntrySummary {
  return {
    id: entry.id,
    term: entry.term,
    aliases: entry.aliases,
    summary: summaryOf(entry),
    section: entry.section,
    source: { uri: entry.source.uri, startLine: entry.source.startLine, endLine: entry.source.endLine, label: store.label(entry.source.uri) },
  };
}

/** The first sentence of an entry's definition as plain text, read from the definition's start only. */
export function summaryOf(entry: GlossaryEntry): string {
  return firstSentence(entry.definition.length > SUMMARY_SOURCE ? entry.definition.slice(0, SUMMARY_SOURCE) : entry.definition);
}

export function entryDetails(entry: GlossaryEntry, store: GlossaryStore): EntryDetails {
  return { ...entrySummary(entry, store), definition: entry.definition, tags: entry.tags, seeAlso: entry.seeAlso, markdown: hoverMarkdown(entry, store) };
}

/** Entries are immutable and re-created when their file is parsed again, so they key the cache. */
const rendered = new WeakMap<GlossaryEntry, { readonly label: string; readonly markdown: string }>();

/**
 * Hover markdown for one entry, ending in a link to "glossary/web.md:12". Glossary content is
 * untrusted: the core makes it inert, and when the definition holds markup at all, this checks
 * the result with a markdown parser; when the check fails (markup the core's sanitizer does not
 * foresee), the definition is shown as plain text instead.
 */
export function hoverMarkdown(entry: GlossaryEntry, store: GlossaryStore): string {
  const line = entry.source.startLine + 1;
  const uri = URI.parse(entry.source.uri);
  const label = `${store.label(entry.source.uri) || path.basename(uri.path)}:${line}`;
  const cached = rendered.get(entry);
  if (cached?.label === label) return cached.markdown;

  const options = { sourceLabel: label, sourceLink: uri.with({ fragment: `L${line}` }).toString() };
  const asPlainText = () => {
    // Escaping makes text up to five times longer; keep the hover about as long as any other.
    const plain = cut(entry.definition, MAX_HOVER_DEFINITION / 5);
    return entryMarkdown({ ...entry, definition: plainTextMarkdown(plain) + goesOn(entry, plain) }, options);
  };
  const definition = cut(entry.definition, MAX_HOVER_DEFINITION);
  // Deep nesting is not given to a markdown parser at all, the core's sanitizer included.
  let markdown = isDeeplyNested(definition) ? asPlainText() : entryMarkdown({ ...entry, definition: definition + goesOn(entry, definition) }, options);
  if (mayHoldMarkup(definition) && !isInertMarkdown(markdown)) markdown = asPlainText();
  rendered.set(entry, { label, markdown });
  return markdown;
}

/** The definition, cut at a paragraph or line break near `limit` when it is longer. */
function cut(definition: string, limit: number): string {
  if (definition.length <= limit) return definition;
  const paragraph = definition.lastIndexOf('\n\n', limit);
  const line = definition.lastIndexOf('\n', limit);
  let at = paragraph > limit / 2 ? paragraph : line > limit / 2 ? line : limit;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(definition.charAt(at - 1))) at--;
  return definition.slice(0, at).trimEnd();
}

/** A note after a definition that was cut short. */
function goesOn(entry: GlossaryEntry, shown: string): string {
  return shown.length < entry.definition.trimEnd().length ? '\n\n*(The definition goes on in the glossary file.)*' : '';
}

/**
 * Markdown that shows `text` literally in any markdown dialect: every ASCII punctuation character
 * is backslash-escaped, and `&`, `<` and `>` become entities, so nothing can open a tag, a link,
 * a code block or an emphasis.
 */
function plainTextMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~"':=?@^$%,/;]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
