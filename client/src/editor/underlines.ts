import * as vscode from 'vscode';
import type { GlossaryService } from '../glossaryService';
import { rangesToUnderline } from '../explorer/fileTermsModel';
import { toRange, type DocumentOccurrences } from './documentOccurrences';

export type UnderlineMode = 'off' | 'firstOccurrence' | 'all';

/** How long typing must pause before the underlines follow. */
const UNDERLINE_DEBOUNCE_MS = 250;

/** Reads `glossaryLens.underline` for a document; anything unexpected means the default. */
export function underlineMode(scope?: vscode.Uri): UnderlineMode {
  const value = vscode.workspace.getConfiguration('glossaryLens', scope).get<unknown>('underline');
  return value === 'off' || value === 'all' ? value : 'firstOccurrence';
}

/**
 * A subtle dotted underline under recognized terms in the visible editors, from the server's
 * occurrences: all of them or each term's first, as `glossaryLens.underline` says.
 */
export class Underlines implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '1px',
    borderColor: new vscode.ThemeColor('glossaryLens.termUnderline'),
  });
  private readonly applied = new WeakMap<vscode.TextEditor, readonly vscode.Range[]>();
  private readonly updated = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires after an editor's underlines were recomputed. */
  readonly onDidUpdate = this.updated.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    service: GlossaryService,
    private readonly occurrences: DocumentOccurrences,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) this.schedule(UNDERLINE_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('glossaryLens.underline')) this.schedule(0);
      }),
      service.onDidChangeIndex(() => this.schedule(0)),
    ];
    this.schedule(0);
  }

  /** What is underlined in `editor` now. */
  rangesIn(editor: vscode.TextEditor): readonly vscode.Range[] {
    return this.applied.get(editor) ?? [];
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.updateVisibleEditors(), delay);
  }

  private async updateVisibleEditors(): Promise<void> {
    await Promise.all(vscode.window.visibleTextEditors.map((editor) => this.update(editor)));
  }

  private async update(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const mode = underlineMode(document.uri);
    const occurrences = mode === 'off' ? [] : await this.occurrences.get(document);
    // The server could not answer (yet): keep what is shown rather than flicker.
    if (occurrences === undefined) return;
    if (editor.document.version !== document.version) return;
    const ranges = rangesToUnderline(occurrences, mode).map(toRange);
    editor.setDecorations(this.decoration, ranges);
    this.applied.set(editor, ranges);
    this.updated.fire(editor);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(this.decoration, this.updated, ...this.subscriptions).dispose();
  }
}
