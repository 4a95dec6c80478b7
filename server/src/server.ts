import {
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { occurrenceHelpers, type ServerContext } from './context';
import { registerAddToGlossary } from './features/addToGlossary';
import { registerCompletion } from './features/completion';
import { registerCustomRequests } from './features/customRequests';
import { registerDefinition } from './features/definition';
import { createDiagnosticsPublisher } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerReferences } from './features/references';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { GlossaryStore, type GlossaryParser } from './glossaryStore';
import { createLogger } from './logger';
import { IndexChangedNotification, type InitializationOptions } from './protocol';
import { SettingsCache } from './settingsCache';
import { createWatcherRegistry } from './watchers';

export interface ServerOptions {
  /** The shipped glossary folder when the client does not say where it is. */
  readonly defaultBuiltinGlossaryPath?: string;
  /** How glossary files are parsed; on this thread, without a budget, when absent. */
  readonly parser?: GlossaryParser;
  /** Called with a glossary opened in the editor (its text already known), so that `parser` gets ready for its edits. */
  readonly warmUpParser?: (uri: string, text: string) => void;
}

/** How long the index must stay unchanged before the searcher is built ahead of the first search. */
const SEARCHER_WARMUP_MS = 500;

/** Wires the language server: capabilities, documents, glossary store and one file per feature. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const logger = createLogger(connection);
  const documents = new TextDocuments(TextDocument);
  let capabilities: InitializeParams['capabilities'] = {};
  let builtinPath = options.defaultBuiltinGlossaryPath;
  let workspaceFolders: { uri: string }[] = [];

  const settings = new SettingsCache(connection, logger, () => Boolean(capabilities.workspace?.configuration));
  let publishDiagnostics = () => {};
  const store = new GlossaryStore(logger, () => scheduleIndexChanged(), options.parser, options.warmUpParser);
  const helpers = occurrenceHelpers(store, logger);
  const context: ServerContext = { connection, documents, store, settings, logger, ...helpers };

  let indexChangedTimer: NodeJS.Timeout | undefined;
  let searcherTimer: NodeJS.Timeout | undefined;
  function scheduleIndexChanged() {
    clearTimeout(indexChangedTimer);
    indexChangedTimer = setTimeout(() => {
      const index = store.index();
      // Build the matcher now rather than on the next hover, which would otherwise pay for it.
      index.scan('');
      void connection.sendNotification(IndexChangedNotification, {
        version: index.version,
        termCount: index.entries.length,
        glossaryCount: new Set(index.entries.map((entry) => entry.source.uri)).size,
        problemCount: index.problems.filter((problem) => store.origin(problem.uri) !== 'builtin').length,
        workspaceGlossaryCount: store.userGlossaries().length,
        loading: store.loading,
      });
      publishDiagnostics();
      // The searcher is only needed by completion, search and symbols; build it when idle.
      clearTimeout(searcherTimer);
      searcherTimer = setTimeout(() => store.index().search('', 1), SEARCHER_WARMUP_MS);
    }, 0);
  }

  /** What the glossary files were last loaded for; a settings change that leaves it alone (the
   * client's first configuration push, an underline toggle) does not re-read every glossary. */
  let loadedFor: string | undefined;
  const watchers = createWatcherRegistry(connection, logger, () => Boolean(capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport));

  async function reload() {
    try {
      const folders = await Promise.all(workspaceFolders.map(async (folder) => ({ uri: folder.uri, settings: await settings.get(folder.uri) })));
      const global = await settings.get(undefined);
      logger.setLevel(global.logLevel);
      const key = JSON.stringify([
        builtinPath,
        global.builtinGlossary,
        folders.map(({ uri, settings: folder }) => [uri, folder.files, folder.exclude, folder.extraGlossaries, folder.maxFileSize]),
      ]);
      if (key === loadedFor) return;
      loadedFor = key;
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) watchers.update(folders);
      await store.reload(folders, builtinPath, global.builtinGlossary);
      for (const document of documents.all()) store.documentChanged(document.uri, document.getText());
    } catch (error) {
      loadedFor = undefined;
      logger.error(`Could not load the glossaries: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.builtinGlossaryPath === 'string') builtinPath = init.builtinGlossaryPath;
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: { workDoneProgress: true },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['refactor.rewrite'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Glossary Lens', version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder.uri)), ...event.added];
        void reload();
      });
    }
    void reload();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    void reload();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      try {
        await store.fileChanged(change.uri, change.type === FileChangeType.Deleted);
      } catch (error) {
        logger.warn(`Could not re-read ${change.uri}: ${String(error)}`);
      }
    }
  });

  documents.onDidChangeContent(({ document }) => store.documentEdited(document.uri, () => documents.get(document.uri)?.getText()));
  documents.onDidClose(({ document }) => {
    helpers.forget(document.uri);
    void store.documentClosed(document.uri);
  });

  registerHover(context);
  registerCompletion(context);
  registerDefinition(context);
  registerReferences(context);
  registerWorkspaceSymbols(context);
  registerAddToGlossary(context, () => Boolean(capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create')));
  registerCustomRequests(context);
  publishDiagnostics = createDiagnosticsPublisher(context);

  documents.listen(connection);
}

declare const SERVER_VERSION: string;
