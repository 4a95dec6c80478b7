/**
 * Glossary Lens' own requests and notifications, declared once as typed constants. The client
 * imports this file too, so both sides agree on names and shapes.
 */
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';

/** Where an entry is defined: a glossary file and 0-based lines. */
export interface EntryLocation {
  readonly uri: string;
  readonly startLine: number;
  readonly endLine: number;
  /** The file's path relative to its workspace folder (or `glossary/web.md` for the shipped one). */
  readonly label: string;
}

/** What a list, a tree or a quick pick shows of one entry. */
export interface EntrySummary {
  readonly id: string;
  readonly term: string;
  readonly aliases: readonly string[];
  /** The first sentence of the definition, as plain text. */
  readonly summary: string;
  readonly section: readonly string[];
  readonly source: EntryLocation;
}

/** Everything about one entry. */
export interface EntryDetails extends EntrySummary {
  /** The definition as markdown (untrusted: render without HTML or command links). */
  readonly definition: string;
  readonly tags: readonly string[];
  readonly seeAlso: readonly string[];
  /** The same markdown a hover shows. */
  readonly markdown: string;
}

export interface TreeSection {
  readonly name: string;
  readonly sections: readonly TreeSection[];
  readonly terms: readonly EntrySummary[];
}

export interface TreeResult {
  readonly version: number;
  readonly sections: readonly TreeSection[];
}

export interface SearchParams {
  readonly query: string;
  readonly limit?: number;
}

export interface SearchHit extends EntrySummary {
  /** fuse.js-style score: 0 is a perfect match. */
  readonly score: number;
}

export interface EntryParams {
  readonly id: string;
}

export interface DocumentOccurrencesParams {
  readonly uri: string;
}

export interface DocumentOccurrence {
  readonly range: Range;
  /** The glossary term (of the first entry), not the spelling found in the document. */
  readonly term: string;
  /** Every entry with that name, workspace entries first. */
  readonly entryIds: readonly string[];
}

export interface DocumentOccurrencesResult {
  /** The document version the occurrences belong to, when the server has the document open. */
  readonly version: number | null;
  readonly occurrences: readonly DocumentOccurrence[];
}

export interface IndexChangedParams {
  readonly version: number;
  readonly termCount: number;
  readonly glossaryCount: number;
  /** Problems found in workspace glossaries (the shipped glossary has none). */
  readonly problemCount: number;
  /** Glossary files found in the workspace or added by settings, empty ones included. */
  readonly workspaceGlossaryCount: number;
  /**
   * True while the workspace's glossaries are still being read: the index is the shipped
   * glossary (and what was loaded before); another notification follows when reading is done.
   */
  readonly loading: boolean;
}

export const TreeRequest = new RequestType<Record<string, never>, TreeResult, void>('glossaryLens/tree');
export const SearchRequest = new RequestType<SearchParams, SearchHit[], void>('glossaryLens/search');
export const EntryRequest = new RequestType<EntryParams, EntryDetails | null, void>('glossaryLens/entry');
export const DocumentOccurrencesRequest = new RequestType<DocumentOccurrencesParams, DocumentOccurrencesResult, void>('glossaryLens/documentOccurrences');
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('glossaryLens/indexChanged');

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Absolute path of the shipped `glossary/` folder. */
  readonly builtinGlossaryPath?: string;
}
