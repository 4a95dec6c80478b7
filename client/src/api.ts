/**
 * What `activate()` returns. VS Code hands it to other extensions through
 * `vscode.extensions.getExtension('glossary-lens.glossary-lens').exports`; the end-to-end suite
 * uses it to read what the views and decorations hold without scraping pixels.
 */
import type * as vscode from 'vscode';
import type { IndexChangedParams } from '../../server/src/protocol';
import type { ExplorerNode } from './explorer/glossaryTree';
import type { FileTermNode } from './explorer/fileTermsTree';
import type { SearchItem } from './search/searchItems';

export interface GlossaryLensApi {
  /** How long the extension took of its own time: evaluating the bundle, and `activate()`. */
  readonly activation: { readonly loadMs: number | undefined; readonly activateMs: number };
  /** Resolves once the language server runs and has announced its first complete index. */
  ready(): Promise<IndexChangedParams>;
  /** The latest index announcement, if any. */
  readonly index: IndexChangedParams | undefined;
  /** Fires on every index announcement (after the views have been told to refresh). */
  readonly onDidChangeIndex: vscode.Event<IndexChangedParams>;
  /** The Concept Explorer's "Glossary" tree. */
  readonly glossaryTree: vscode.TreeDataProvider<ExplorerNode>;
  /** The Concept Explorer's "In This File" list. */
  readonly fileTerms: vscode.TreeDataProvider<FileTermNode>;
  /** The quick-pick items "Search Terms…" shows for a query. */
  searchItems(query: string): Promise<readonly SearchItem[]>;
  /** The ranges underlined in an editor right now (empty when underlines are off). */
  underlinedRanges(editor: vscode.TextEditor): readonly vscode.Range[];
  /** Fires after the underlines of a visible editor were recomputed. */
  readonly onDidUpdateUnderlines: vscode.Event<vscode.TextEditor>;
}
