import { createSearcher, type Searcher } from './fuzzySearch';
import { entryKeys, nameKeysOf } from './entryKeys';
import { findIndexProblems } from './indexProblems';
import { createTermMatcher, nameKey, type MatchableName, type TermMatcher } from './termMatcher';
import type { GlossaryEntry, GlossaryProblem, ParsedGlossary, SearchResult, TermOccurrence } from './types';

/**
 * An immutable view over a set of parsed glossaries: every entry, a name table, a term matcher
 * and a fuzzy searcher, built once per version.
 */
export interface GlossaryIndex {
  readonly version: number;
  /** Every entry, in priority order (earlier glossaries first). */
  readonly entries: readonly GlossaryEntry[];
  /** Parser problems of every file plus cross-entry problems (duplicates, shadowing, unknown see-also). */
  readonly problems: readonly GlossaryProblem[];
  getEntry(id: string): GlossaryEntry | undefined;
  /** Entries whose term or alias equals `name` (normalized the way the matcher does). */
  lookup(name: string): readonly GlossaryEntry[];
  /** Every occurrence of every term in `text`, sorted by offset, not overlapping. */
  scan(text: string): TermOccurrence[];
  /** Fuzzy search over terms, aliases and definitions. */
  search(query: string, limit?: number): SearchResult[];
}

export interface GlossaryIndexOptions {
  readonly version?: number;
}

/** Builds an index over glossaries given in priority order (the workspace's before the shipped one). */
export function createGlossaryIndex(glossaries: readonly ParsedGlossary[], options: GlossaryIndexOptions = {}): GlossaryIndex {
  const entries = glossaries.flatMap((glossary) => glossary.entries);
  const byId = new Map<string, GlossaryEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const byName = indexNames(entries);
  const named = (key: string): readonly GlossaryEntry[] => {
    const found = byName.get(key);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  };

  // The matcher and the searcher cost more than the name table; build each on first use.
  let matcher: TermMatcher | undefined;
  let searcher: Searcher | undefined;
  let problems: GlossaryProblem[] | undefined;

  return Object.freeze({
    version: options.version ?? 0,
    entries,
    get problems() {
      problems ??= [...glossaries.flatMap((glossary) => glossary.problems), ...findIndexProblems(entries, named)];
      return problems;
    },
    getEntry: (id: string) => byId.get(id),
    lookup: (name: string) => named(nameKey(name)),
    scan(text: string) {
      matcher ??= createTermMatcher(matchableNames(entries));
      return matcher.scan(text);
    },
    search(query: string, limit?: number) {
      searcher ??= createSearcher(entries);
      return searcher.search(query, limit);
    },
  });
}

/**
 * Every name (term and aliases) of every entry, keyed like the matcher keys them. Most names have
 * one entry, kept as is: a list for each would cost 3 MB at 50k terms, twice while an index is
 * rebuilt beside the one answering.
 */
function indexNames(entries: readonly GlossaryEntry[]): Map<string, GlossaryEntry | GlossaryEntry[]> {
  const byName = new Map<string, GlossaryEntry | GlossaryEntry[]>();
  for (const entry of entries) {
    for (const key of nameKeysOf(entry)) {
      const found = byName.get(key);
      if (found === undefined) byName.set(key, entry);
      else if (!Array.isArray(found)) {
        if (found !== entry) byName.set(key, [found, entry]);
      } else if (!found.includes(entry)) found.push(entry);
    }
  }
  return byName;
}

export function namesOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aliases];
}

function* matchableNames(entries: readonly GlossaryEntry[]): Iterable<MatchableName> {
  for (const entry of entries) {
    const { ids } = entryKeys(entry);
    yield { name: entry.term, term: entry.term, entryIds: ids, caseMode: entry.caseMode };
    for (const name of entry.aliases) yield { name, term: entry.term, entryIds: ids, caseMode: entry.caseMode };
  }
}
