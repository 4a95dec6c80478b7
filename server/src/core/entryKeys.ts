import { nameKey } from './termMatcher';
import type { GlossaryEntry } from './types';

/** The lookup keys of one entry's names, in the order of its term and aliases ("" for a name with none). */
export interface EntryKeys {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly seeAlso: readonly string[];
  /**
   * `[entry.id]`: the entry ids the matcher reports for the entry's names. One list per entry for
   * every index version, rather than one per name per version kept by each matcher.
   */
  readonly ids: readonly string[];
}

/**
 * Keys are cached per entry object. Entries of unchanged files are the same objects from one
 * index version to the next, so after an edit only the edited file's names are normalized again.
 */
const cache = new WeakMap<GlossaryEntry, EntryKeys>();
/** Most entries have no aliases or no see-also: they share one empty list (50k terms: 3.5 MB of empty lists otherwise). */
const NO_KEYS: readonly string[] = Object.freeze([]);

export function entryKeys(entry: GlossaryEntry): EntryKeys {
  let keys = cache.get(entry);
  if (!keys) {
    const keysOf = (names: readonly string[]) => (names.length === 0 ? NO_KEYS : names.map(nameKey));
    keys = { term: nameKey(entry.term), aliases: keysOf(entry.aliases), seeAlso: keysOf(entry.seeAlso), ids: Object.freeze([entry.id]) };
    cache.set(entry, keys);
  }
  return keys;
}

/** The distinct non-empty keys of an entry's term and aliases. */
export function* nameKeysOf(entry: GlossaryEntry): Iterable<string> {
  const { term, aliases } = entryKeys(entry);
  if (term) yield term;
  if (aliases.length === 0) return;
  // A set, not a search of the list per alias: an entry may have hundreds of thousands of aliases.
  const seen = new Set([term]);
  for (const key of aliases) {
    if (!key || seen.has(key)) continue;
    seen.add(key);
    yield key;
  }
}
