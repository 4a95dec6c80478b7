import * as vscode from 'vscode';
import type { DocumentOccurrence } from '../../../server/src/protocol';
import type { GlossaryService } from '../glossaryService';

/**
 * The term occurrences of a document, asked of the server once per document version and index
 * version, and shared by the "In This File" view and the underlines.
 */
export class DocumentOccurrences implements vscode.Disposable {
  private readonly cache = new Map<string, { key: string; result: Promise<readonly DocumentOccurrence[] | undefined> }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: GlossaryService) {
    this.subscriptions = [vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()))];
  }

  /** The occurrences, or `undefined` when the server cannot answer (not running, not synced). */
  get(document: vscode.TextDocument): Promise<readonly DocumentOccurrence[] | undefined> {
    const uri = document.uri.toString();
    const key = `${document.version}:${this.service.index?.version ?? -1}`;
    const cached = this.cache.get(uri);
    if (cached?.key === key) return cached.result;
    const result = this.service.occurrences(document.uri).then((answer) => {
      // An answer for an older version is stale; the next change asks again.
      if (!answer || (answer.version !== null && answer.version !== document.version)) {
        this.cache.delete(uri);
        return answer?.occurrences;
      }
      return answer.occurrences;
    });
    this.cache.set(uri, { key, result });
    return result;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.cache.clear();
  }
}

/** Converts a protocol range to a VS Code range. */
export function toRange(range: DocumentOccurrence['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
