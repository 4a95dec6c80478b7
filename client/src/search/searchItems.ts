/**
 * Pure building of the "Search Terms…" quick-pick items from the server's search hits.
 * Buttons are added by the quick pick itself, which owns the icons.
 */
import type { EntrySummary } from '../../../server/src/protocol';

export interface SearchItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly entryId: string;
  /** Keeps VS Code from filtering again what the server already ranked. */
  readonly alwaysShow: true;
}

const MAX_DETAIL = 160;

export function toSearchItem(entry: EntrySummary): SearchItem {
  const description = [entry.aliases.join(', '), entry.source.label].filter(Boolean).join(' · ');
  return {
    label: entry.term,
    ...(description ? { description } : {}),
    ...(entry.summary ? { detail: truncate(entry.summary, MAX_DETAIL) } : {}),
    entryId: entry.id,
    alwaysShow: true,
  };
}

/**
 * Cuts at a word boundary and adds an ellipsis when the text is longer than `max` (the result,
 * ellipsis included, is at most `max` long). A word longer than that is cut mid-word, never in
 * the middle of a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  if (space > max * 0.6) return `${text.slice(0, space).trimEnd()}…`;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}
