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

export declare function createGlossaryIndex(glossaries: readonly ParsedGlossary[], options?: GlossaryIndexOptions): GlossaryIndex;
