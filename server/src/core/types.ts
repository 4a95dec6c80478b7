/**
 * Data shapes shared by every part of the core. Offsets are UTF-16 code unit offsets into the
 * text that was given to the core; lines are 0-based. Adapters convert at the edge.
 */

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where an entry was defined. */
export interface EntrySource {
  /** The URI (or path) of the glossary file, as the caller named it. */
  readonly uri: string;
  /** 0-based first line of the entry (its label). */
  readonly startLine: number;
  /** 0-based last line of the entry's definition (inclusive). */
  readonly endLine: number;
  /** The span of the label (heading text, bold text, table cell...) that names the term. */
  readonly labelSpan: Span;
}

/** How a term's case is compared against text. */
export type CaseMode = 'insensitive' | 'sensitive';

/** One defined concept. */
export interface GlossaryEntry {
  /** Stable within one index version: `uri#slug`, made unique within the file. */
  readonly id: string;
  /** The term's display name, e.g. "REST". */
  readonly term: string;
  /** Other names: expansions, spellings, translations, e.g. "Representational State Transfer". */
  readonly aliases: readonly string[];
  /** The definition as markdown (untrusted content). */
  readonly definition: string;
  /** Section headings that contain the entry, outermost first. */
  readonly section: readonly string[];
  readonly source: EntrySource;
  readonly tags: readonly string[];
  /** Names of related terms, as written by the author (resolved by the index). */
  readonly seeAlso: readonly string[];
  /** Set when the author forced case matching; otherwise decided per term automatically. */
  readonly caseMode?: CaseMode;
}

export type ProblemSeverity = 'error' | 'warning' | 'information';

/** Something wrong with a glossary file, reported by the parser or the index. */
export interface GlossaryProblem {
  /** A stable code for the kind of problem, e.g. `duplicate-term`. */
  readonly code: string;
  readonly message: string;
  readonly severity: ProblemSeverity;
  readonly uri: string;
  readonly span: Span;
}

/** The result of reading one glossary file. */
export interface ParsedGlossary {
  readonly uri: string;
  readonly entries: readonly GlossaryEntry[];
  readonly problems: readonly GlossaryProblem[];
}

/** One place in a text where a term occurs. */
export interface TermOccurrence {
  readonly start: number;
  readonly end: number;
  /** The matched name's canonical term (the first entry's term). */
  readonly term: string;
  /** Every entry with that name or alias, workspace entries first. */
  readonly entryIds: readonly string[];
}

/** One fuzzy search hit; `score` is 0 for a perfect hit and grows towards 1. */
export interface SearchResult {
  readonly entry: GlossaryEntry;
  readonly score: number;
  /** The name (term or alias) that matched best, when a name matched. */
  readonly matchedName?: string;
}
