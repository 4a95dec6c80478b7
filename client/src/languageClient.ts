import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../server/src/nodeFlags';
import type { InitializationOptions } from '../../server/src/protocol';

/** The id equals the settings prefix, so `glossaryLens.trace.server` traces the protocol. */
export const CLIENT_ID = 'glossaryLens';

/** vscode-languageclient's own policy: give up after this many crashes in this many minutes. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * The language client: `dist/server.js` over IPC for every file and untitled document, told
 * where the shipped glossary is, with the `glossaryLens` settings synchronised.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { builtinGlossaryPath: context.asAbsolutePath('glossary') };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    initializationOptions,
    synchronize: { configurationSection: 'glossaryLens' },
    outputChannel: log,
    // Glossary files are written by strangers: never trust their markdown in a hover.
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: restartingErrorHandler(log),
  };
  return new LanguageClient(CLIENT_ID, 'Glossary Lens', serverOptions, clientOptions);
}

/**
 * Restarts a crashed server and tells the user once per crash, in words, with the log a click
 * away; after repeated crashes it stops trying and says so.
 */
function restartingErrorHandler(log: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error(_error, _message, count): ErrorHandlerResult {
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        log.error('The language server stopped 5 times in 3 minutes; it will not be restarted.');
        void showWithLog(log, 'error', 'Glossary Lens: the language server keeps stopping, so it will not be restarted. Run "Glossary Lens: Restart Language Server" to try again.');
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      log.warn('The language server stopped unexpectedly; restarting it.');
      void showWithLog(log, 'warning', 'Glossary Lens: the language server stopped unexpectedly and has been restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** Shows a message with an "Open Log" button that reveals the output channel. */
export async function showWithLog(log: vscode.LogOutputChannel, severity: 'error' | 'warning', message: string): Promise<void> {
  const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const choice = await show(message, 'Open Log');
  if (choice === 'Open Log') log.show();
}
