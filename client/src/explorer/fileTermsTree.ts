import * as vscode from 'vscode';
import type { GlossaryService } from '../glossaryService';
import { toRange, type DocumentOccurrences } from '../editor/documentOccurrences';
import { groupOccurrences } from './fileTermsModel';

export interface FileTermNode {
  readonly entryId: string;
  readonly term: string;
  readonly count: number;
  readonly ranges: readonly vscode.Range[];
  readonly uri: vscode.Uri;
}

/** How long typing must pause before the list is recomputed. */
const TYPING_DEBOUNCE_MS = 300;

/**
 * The "In This File" view: the glossary terms of the active editor with their counts. It follows
 * the active editor, the edits to it (debounced) and new indexes.
 */
export class FileTermsProvider implements vscode.TreeDataProvider<FileTermNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  /** What the view should say above an empty list, or `undefined` when the list says it all. */
  readonly onDidChangeMessage = this.messageChanged.event;

  constructor(
    service: GlossaryService,
    private readonly occurrences: DocumentOccurrences,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed.fire(), TYPING_DEBOUNCE_MS);
      }),
      service.onDidChangeIndex(() => this.changed.fire()),
    ];
  }

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: FileTermNode): Promise<FileTermNode[]> {
    if (node) return [];
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      // With no editor open at all, the welcome view says it; with a preview or another kind of tab, the message does.
      const anyTab = vscode.window.tabGroups.all.some((group) => group.tabs.length > 0);
      this.messageChanged.fire(anyTab ? 'Focus a text editor to see the glossary terms it uses.' : undefined);
      return [];
    }
    const occurrences = await this.occurrences.get(document);
    if (!occurrences) {
      this.messageChanged.fire('Waiting for the language server…');
      return [];
    }
    this.messageChanged.fire(occurrences.length ? undefined : `No glossary terms in ${vscode.workspace.asRelativePath(document.uri)}.`);
    // Each occurrence names its entries; the preferred (first) one gives the group its term.
    return groupOccurrences(occurrences).map((group) => ({
      entryId: group.entryId,
      term: group.term,
      count: group.count,
      ranges: group.ranges.map(toRange),
      uri: document.uri,
    }));
  }

  getTreeItem(node: FileTermNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.term, vscode.TreeItemCollapsibleState.None);
    item.id = `file-term:${node.entryId}`;
    item.description = `×${node.count}`;
    item.tooltip = `${node.term}: ${node.count} occurrence${node.count === 1 ? '' : 's'} in this file. Click to go to the next one.`;
    item.iconPath = new vscode.ThemeIcon('symbol-key');
    item.contextValue = 'fileTerm';
    item.command = { command: 'glossaryLens.goToNextOccurrence', title: 'Go to Next Occurrence', arguments: [node] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
    this.messageChanged.dispose();
  }
}
