import * as vscode from 'vscode';
import type { EntrySummary, TreeSection } from '../../../server/src/protocol';
import type { GlossaryService } from '../glossaryService';
import { countTerms, filterTree, sectionAt } from './treeModel';

export type ExplorerNode =
  | { readonly kind: 'section'; readonly name: string; readonly path: readonly string[] }
  | { readonly kind: 'term'; readonly entry: EntrySummary };

/**
 * The "Glossary" view: sections → terms as the server's tree request gives them, narrowed by
 * an optional filter. It re-reads the tree when the server announces a new index.
 */
export class GlossaryTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private sections: Promise<readonly TreeSection[]> | undefined;
  /** The tree as shown: the server's, filtered; computed once per tree and filter, not per item. */
  private visible: Promise<readonly TreeSection[]> | undefined;
  private filterText = '';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: GlossaryService) {
    this.subscription = service.onDidChangeIndex(() => this.refresh());
  }

  get filter(): string {
    return this.filterText;
  }

  /** Narrows the tree to terms matching `text`; an empty text shows everything again. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    this.visible = undefined;
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.sections = undefined;
    this.visible = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const sections = await this.visibleSections();
    if (!node) return sections.map((section) => ({ kind: 'section', name: section.name, path: [section.name] }));
    if (node.kind === 'term') return [];
    const section = sectionAt(sections, node.path);
    if (!section) return [];
    return [
      ...section.sections.map((child): ExplorerNode => ({ kind: 'section', name: child.name, path: [...node.path, child.name] })),
      ...section.terms.map((entry): ExplorerNode => ({ kind: 'term', entry })),
    ];
  }

  async getTreeItem(node: ExplorerNode): Promise<vscode.TreeItem> {
    if (node.kind === 'term') return termItem(node.entry);
    const section = sectionAt(await this.visibleSections(), node.path);
    // A filtered tree opens up, so the matches are visible without clicking.
    const state = this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.name, state);
    item.id = `section:${node.path.join('\u0000')}`;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = 'glossarySection';
    if (section) item.description = String(countTerms(section));
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node.kind === 'section') {
      return node.path.length > 1 ? { kind: 'section', name: node.path[node.path.length - 2]!, path: node.path.slice(0, -1) } : undefined;
    }
    const path = node.entry.section.length ? node.entry.section : [node.entry.source.label];
    return { kind: 'section', name: path[path.length - 1]!, path };
  }

  private visibleSections(): Promise<readonly TreeSection[]> {
    this.sections ??= this.service.tree().then((tree) => tree?.sections ?? []);
    const filter = this.filterText;
    this.visible ??= this.sections.then((sections) => filterTree(sections, filter));
    return this.visible;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function termItem(entry: EntrySummary): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.term, vscode.TreeItemCollapsibleState.None);
  item.id = `term:${entry.id}`;
  item.description = entry.summary;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(entry.term).appendMarkdown('**');
  if (entry.aliases.length) tooltip.appendText(` (${entry.aliases.join(', ')})`);
  tooltip.appendMarkdown('\n\n').appendText(entry.summary).appendMarkdown('\n\n*').appendText(entry.source.label).appendMarkdown('*');
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon('symbol-key');
  item.contextValue = 'glossaryTerm';
  item.command = { command: 'glossaryLens.showEntry', title: 'Show Entry', arguments: [entry.id] };
  return item;
}
