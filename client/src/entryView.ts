import * as vscode from 'vscode';
import type { EntryDetails } from '../../server/src/protocol';
import { entryPage } from './entryDocument';
import type { GlossaryService } from './glossaryService';

const SCHEME = 'glossary-lens';

/**
 * Shows a glossary entry as a rendered markdown page (the built-in markdown preview of a
 * read-only virtual document), with a link to where it is defined.
 */
export class EntryView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly shown = new Map<string, vscode.Uri>();
  private readonly indexSubscription: vscode.Disposable;

  constructor(private readonly service: GlossaryService) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);
    // An open entry page follows edits to its glossary.
    this.indexSubscription = service.onDidChangeIndex(() => this.shown.forEach((uri) => this.changed.fire(uri)));
  }

  /** Opens the entry's page beside nothing else: in the active column, keeping focus. */
  async show(entryId: string): Promise<void> {
    const entry = await this.service.entry(entryId);
    if (!entry) {
      void vscode.window.showWarningMessage('Glossary Lens: that term is no longer in the glossary.');
      return;
    }
    const uri = entryUri(entry);
    this.shown.set(uri.toString(), uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // Without the built-in markdown extension, the page still reads well as text.
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = new URLSearchParams(uri.query).get('id');
    const entry = id ? await this.service.entry(id) : undefined;
    return entry ? entryPage(entry) : '# Not found\n\nThis term is no longer in the glossary.\n';
  }

  dispose(): void {
    vscode.Disposable.from(this.registration, this.indexSubscription, this.changed).dispose();
  }
}

function entryUri(entry: EntryDetails): vscode.Uri {
  const name = entry.term.replace(/[\\/:*?"<>|#%]/g, ' ').trim() || 'entry';
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md`, query: new URLSearchParams({ id: entry.id }).toString() });
}
