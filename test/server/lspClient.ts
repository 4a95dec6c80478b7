/**
 * A minimal LSP client for protocol-level tests: starts the bundled `dist/server.js --stdio`
 * and talks to it with vscode-jsonrpc, answering the server's requests like an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CompletionList,
  Diagnostic,
  Hover,
  InitializeResult,
  Location,
  Position,
  PublishDiagnosticsParams,
  Registration,
  WorkspaceFolder,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

export const serverPath = path.resolve(__dirname, '../../dist/server.js');

export interface TestClientOptions {
  readonly folders?: readonly string[];
  /** What `workspace/configuration` answers for the `glossaryLens` section (any value, even nonsense). */
  readonly settings?: unknown;
  readonly initializationOptions?: unknown;
  /**
   * What `start` waits for: the index with every glossary read (the default), or the first one
   * announced, which may be the shipped glossary alone while the workspace's are still loading.
   */
  readonly until?: 'loaded' | 'firstIndex';
  /** Variables added to the server's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly indexChanges: { version: number; termCount: number; loading: boolean }[] = [];
  readonly logs: string[] = [];
  /** The server's registrations in force, by id (file watchers, for one). */
  readonly registrations = new Map<string, Registration>();
  settings: unknown;
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly folders: readonly WorkspaceFolder[],
    readonly stderr: string[],
  ) {}

  static async start(options: TestClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const folders = (options.folders ?? []).map((folder) => ({ uri: URI.file(folder).toString(), name: path.basename(folder) }));
    const client = new TestClient(child, connection, folders, stderr);
    client.settings = options.settings ?? {};

    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => client.settings));
    connection.onRequest('workspace/workspaceFolders', () => client.folders);
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      for (const registration of params.registrations) client.registrations.set(registration.id, registration);
      return null;
    });
    connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      for (const { id } of params.unregisterations) client.registrations.delete(id);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.diagnostics.set(params.uri, params.diagnostics));
    connection.onNotification('glossaryLens/indexChanged', (params: { version: number; termCount: number; loading: boolean }) => client.indexChanges.push(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.onNotification('$/progress', () => {});
    connection.listen();

    await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: false } } },
        window: { workDoneProgress: true },
      },
    });
    await connection.sendNotification('initialized', {});
    if (options.until === 'firstIndex') await client.waitFor(() => client.indexChanges.length > 0, 'the first index');
    else await client.waitFor(() => client.indexChanges.some((change) => !change.loading), 'the index with every glossary read');
    return client;
  }

  /** Waits until `condition` holds, polling, or fails after `timeoutMs` with a message naming it. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server log:\n${this.logs.join('\n')}\n${this.stderr.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  open(file: string, text: string, languageId: string): string {
    const uri = file.includes(':') && !path.isAbsolute(file) ? file : URI.file(file).toString();
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Location[]> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
  }

  references(uri: string, position: Position, includeDeclaration = false): Promise<Location[]> {
    return this.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is all that matters.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** The position of the `|` marker in `text`, and the text without it. */
export function withCursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf('|');
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { text: before + text.slice(offset + 1), position: { line, character } };
}
