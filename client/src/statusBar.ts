import * as vscode from 'vscode';
import type { IndexChangedParams } from '../../server/src/protocol';

/**
 * The status-bar item: how many terms are loaded, a warning when a workspace glossary has
 * problems, an error when the server is down. A click opens "Search Terms…".
 */
export class GlossaryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('glossaryLens.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Glossary Lens';
    this.item.command = 'glossaryLens.searchTerms';
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(loading~spin) Glossary';
    this.item.tooltip = 'Glossary Lens: loading the glossaries…';
    this.item.backgroundColor = undefined;
  }

  stopped(): void {
    this.item.text = '$(error) Glossary';
    this.item.tooltip = 'Glossary Lens: the language server is not running. Run "Glossary Lens: Restart Language Server".';
    this.item.command = 'glossaryLens.restartServer';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  show(index: IndexChangedParams): void {
    const terms = `${index.termCount} term${index.termCount === 1 ? '' : 's'}`;
    const glossaries = `${index.glossaryCount} glossar${index.glossaryCount === 1 ? 'y' : 'ies'}`;
    this.item.command = 'glossaryLens.searchTerms';
    if (index.loading) {
      this.item.text = `$(loading~spin) ${terms}`;
      this.item.tooltip = `Glossary Lens: ${terms} so far; still reading the workspace's glossaries. Click to search.`;
      this.item.backgroundColor = undefined;
    } else if (index.problemCount > 0) {
      this.item.text = `$(warning) ${terms}`;
      this.item.tooltip = `Glossary Lens: ${terms} from ${glossaries}; ${index.problemCount} problem${index.problemCount === 1 ? '' : 's'} in workspace glossaries (see the Problems panel). Click to search.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(book) ${terms}`;
      this.item.tooltip = `Glossary Lens: ${terms} from ${glossaries}. Click to search.`;
      this.item.backgroundColor = undefined;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
