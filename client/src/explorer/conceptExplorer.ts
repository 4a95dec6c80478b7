import * as vscode from 'vscode';
import type { GlossaryService } from '../glossaryService';
import type { DocumentOccurrences } from '../editor/documentOccurrences';
import { FileTermsProvider } from './fileTermsTree';
import { GlossaryTreeProvider } from './glossaryTree';

export const GLOSSARY_VIEW = 'glossaryLens.glossary';
export const IN_THIS_FILE_VIEW = 'glossaryLens.inThisFile';

/**
 * The Concept Explorer: the "Glossary" tree and the "In This File" list, the filter, and the
 * context keys the welcome view and the toolbar read.
 */
export class ConceptExplorer implements vscode.Disposable {
  readonly glossary: GlossaryTreeProvider;
  readonly fileTerms: FileTermsProvider;
  private readonly glossaryView: vscode.TreeView<unknown>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(service: GlossaryService, occurrences: DocumentOccurrences) {
    this.glossary = new GlossaryTreeProvider(service);
    this.fileTerms = new FileTermsProvider(service, occurrences);
    const glossaryView = vscode.window.createTreeView(GLOSSARY_VIEW, { treeDataProvider: this.glossary, showCollapseAll: true });
    const fileView = vscode.window.createTreeView(IN_THIS_FILE_VIEW, { treeDataProvider: this.fileTerms });
    this.glossaryView = glossaryView as vscode.TreeView<unknown>;
    this.disposables.push(this.glossary, this.fileTerms, glossaryView, fileView);
    this.disposables.push(this.fileTerms.onDidChangeMessage((message) => (fileView.message = message)));
    this.disposables.push(
      service.onDidChangeIndex((index) => {
        void vscode.commands.executeCommand('setContext', 'glossaryLens.hasTerms', index.termCount > 0);
        // While the workspace's glossaries load, the count is not final yet.
        if (!index.loading) this.describe(index.workspaceGlossaryCount);
      }),
    );
  }

  /** Asks for a filter text and narrows the tree to it. */
  async filter(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: 'Glossary Lens: Filter the Glossary',
      prompt: 'Show only terms whose name, aliases or summary contain this text',
      value: this.glossary.filter,
    });
    if (text === undefined) return;
    this.setFilter(text);
  }

  clearFilter(): void {
    this.setFilter('');
  }

  private setFilter(text: string): void {
    this.glossary.setFilter(text);
    void vscode.commands.executeCommand('setContext', 'glossaryLens.filtered', Boolean(this.glossary.filter));
    this.describe();
  }

  private workspaceGlossaries = 0;

  /** The line above the tree: the active filter, or a hint when the workspace has no glossary. */
  private describe(workspaceGlossaries = this.workspaceGlossaries): void {
    this.workspaceGlossaries = workspaceGlossaries;
    if (this.glossary.filter) this.glossaryView.message = `Filtered by "${this.glossary.filter}"`;
    else if (workspaceGlossaries === 0) this.glossaryView.message = 'Showing the shipped glossary. Add a GLOSSARY.md for your own terms ("Create Workspace Glossary" in the … menu).';
    else this.glossaryView.message = undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
