import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntryDetails } from '../../server/src/protocol';
import { entryPage } from './entryDocument';
import type { GlossaryService } from './glossaryService';

/**
 * Shows a glossary entry as a rendered markdown page: the built-in markdown preview of a page
 * written to the extension's storage. A real file, because the preview follows only relative
 * links (never `file:` ones), and the page's link to the glossary file must work.
 */
export class EntryView implements vscode.Disposable {
  /** Pages shown so far, by entry id, so they follow edits to their glossary. */
  private readonly shown = new Map<string, vscode.Uri>();
  private readonly indexSubscription: vscode.Disposable;
  /** Pages of an earlier session are removed once, before the first page of this one is written. */
  private cleared: Promise<void> | undefined;

  constructor(
    private readonly service: GlossaryService,
    private readonly storage: vscode.Uri,
  ) {
    this.indexSubscription = service.onDidChangeIndex(() => {
      for (const [id, uri] of this.shown) {
        void this.service.entry(id).then((entry) => entry && this.write(entry, uri));
      }
    });
  }

  private get pagesFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'entries');
  }

  /** Opens the entry's page in a locked preview, which stays on this entry. */
  async show(entryId: string): Promise<void> {
    const entry = await this.service.entry(entryId);
    if (!entry) {
      void vscode.window.showWarningMessage('Glossary Lens: that term is no longer in the glossary.');
      return;
    }
    // One folder per entry, so the preview's title is just the term.
    const uri = vscode.Uri.joinPath(this.pagesFolder, hash(entryId), `${fileName(entry.term)}.md`);
    // Not at activation: most sessions never open an entry page.
    await (this.cleared ??= Promise.resolve(vscode.workspace.fs.delete(this.pagesFolder, { recursive: true, useTrash: false })).then(undefined, () => undefined));
    await this.write(entry, uri);
    this.shown.set(entryId, uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri, [uri], { locked: true });
    } catch {
      // Without the built-in markdown extension, the page still reads well as text.
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }

  private async write(entry: EntryDetails, uri: vscode.Uri): Promise<void> {
    const source = vscode.Uri.parse(entry.source.uri);
    const link = source.scheme === 'file' && uri.scheme === 'file' ? relativeLink(path.dirname(uri.fsPath), source.fsPath, entry.source.startLine + 1) : undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(entryPage(entry, link ?? null)));
  }

  dispose(): void {
    this.indexSubscription.dispose();
  }
}

/** A markdown link target from the page's folder to a line of the glossary file. */
function relativeLink(fromFolder: string, to: string, line: number): string | undefined {
  const relative = path.relative(fromFolder, to);
  // Another drive (Windows) has no relative path; the page then names the file without a link.
  if (path.isAbsolute(relative)) return undefined;
  return `${relative.split(path.sep).map(encodeURIComponent).join('/')}#L${line}`;
}

/** A file name that reads as the term, with characters no file system minds. */
function fileName(term: string): string {
  return term.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'entry';
}

function hash(text: string): string {
  let value = 0;
  for (let index = 0; index < text.length; index += 1) value = (Math.imul(value, 31) + text.charCodeAt(index)) | 0;
  return (value >>> 0).toString(36);
}
