import { nameKey } from './termMatcher';
import type { GlossaryEntry } from './types';

/** The lookup keys of one entry's names, in the order of its term and aliases ("" for a name with none). */
export interface EntryKeys {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly seeAlso: readonly string[];
  /** Term and alias keys, non-empty and without repeats. */
  readonly all: readonly string[];
}

/**
 * Keys are cached per entry object. Entries of unchanged files are the same objects from one
 * index version to the next, so after an edit only the edited file's names are normalized again.
 */
const cache = new WeakMap<GlossaryEntry, EntryKeys>();

export function entryKeys(entry: GlossaryEntry): EntryKeys {
  let keys = cache.get(entry);
  if (!keys) {
    const term = nameKey(entry.term);
    const aliases = entry.aliases.map(nameKey);
    keys = { term, aliases, seeAlso: entry.seeAlso.map(nameKey), all: [...new Set([term, ...aliases].filter(Boolean))] };
    cache.set(entry, keys);
  }
  return keys;
}
