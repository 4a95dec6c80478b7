import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DocumentOccurrencesRequest,
  EntryRequest,
  IndexChangedNotification,
  SearchRequest,
  TreeRequest,
  type DocumentOccurrencesResult,
  type EntryDetails,
  type IndexChangedParams,
  type SearchHit,
  type TreeResult,
} from '../../server/src/protocol';

/**
 * The client's view of the server: typed requests that answer "nothing" while the server is
 * not running, the latest index announcement, and an event when it changes. Views and commands
 * depend on this, not on the language client, so they survive a server restart unchanged.
 */
export class GlossaryService implements vscode.Disposable {
  private readonly indexChanged = new vscode.EventEmitter<IndexChangedParams>();
  /** Fires whenever the server announces a new index (and after a restart). */
  readonly onDidChangeIndex = this.indexChanged.event;
  private latest: IndexChangedParams | undefined;
  private readonly firstIndex: Promise<IndexChangedParams>;
  private readonly disposables: vscode.Disposable[] = [this.indexChanged];

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.firstIndex = new Promise((resolve) => {
      const once = this.onDidChangeIndex((params) => {
        if (params.loading) return;
        once.dispose();
        resolve(params);
      });
    });
    // Registered before start(), so it is re-installed on every restart.
    this.disposables.push(
      client.onNotification(IndexChangedNotification, (params) => {
        this.latest = params;
        this.indexChanged.fire(params);
      }),
    );
  }

  get index(): IndexChangedParams | undefined {
    return this.latest;
  }

  /** Resolves with the first complete index the server announces (every glossary read). */
  ready(): Promise<IndexChangedParams> {
    return this.firstIndex;
  }

  tree(token?: vscode.CancellationToken): Promise<TreeResult | undefined> {
    return this.send(() => this.client.sendRequest(TreeRequest, {}, token));
  }

  search(query: string, limit: number, token?: vscode.CancellationToken): Promise<SearchHit[]> {
    return this.send(() => this.client.sendRequest(SearchRequest, { query, limit }, token)).then((hits) => hits ?? []);
  }

  entry(id: string): Promise<EntryDetails | undefined> {
    return this.send(() => this.client.sendRequest(EntryRequest, { id })).then((entry) => entry ?? undefined);
  }

  occurrences(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<DocumentOccurrencesResult | undefined> {
    return this.send(() => this.client.sendRequest(DocumentOccurrencesRequest, { uri: uri.toString() }, token));
  }

  /** Runs a request when the server is up; a stopped server or a cancelled request means "nothing". */
  private async send<T>(request: () => Promise<T>): Promise<T | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      return await request();
    } catch (error) {
      if (!isCancellation(error)) this.log.warn(`Request failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: number }).code === -32800;
}
