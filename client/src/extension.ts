import * as vscode from 'vscode';
import type { GlossaryLensApi } from './api';
import { copyDefinition, findReferences, openEntrySource, entryIdOf, type EntryArgument } from './commands/entryCommands';
import { addSelectionToGlossary, defineTermAtCursor, goToNextOccurrence } from './commands/editorCommands';
import { createGlossary, openGlossary, toggleUnderlines } from './commands/glossaryCommands';
import { DocumentOccurrences } from './editor/documentOccurrences';
import { Underlines } from './editor/underlines';
import { EntryView } from './entryView';
import { ConceptExplorer, GLOSSARY_VIEW } from './explorer/conceptExplorer';
import type { FileTermNode } from './explorer/fileTermsTree';
import { GlossaryService } from './glossaryService';
import { createLanguageClient, showWithLog } from './languageClient';
import { searchItems, showSearchQuickPick } from './search/searchQuickPick';
import { GlossaryStatusBar } from './statusBar';
import { State, type LanguageClient } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Set by the bundle's first line (see esbuild.mjs); undefined when loaded unbundled. */
declare const GLOSSARY_LENS_LOAD_START: number | undefined;
/** When this module (and so the whole bundle) finished evaluating. */
const LOADED = performance.now();

/** Wires the client, the views, the commands and the decorations; starts the server. */
export async function activate(context: vscode.ExtensionContext): Promise<GlossaryLensApi> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Glossary Lens', { log: true });
  client = createLanguageClient(context, log);
  const service = new GlossaryService(client, log);
  const occurrences = new DocumentOccurrences(service);
  const entryView = new EntryView(service, context.globalStorageUri);
  const explorer = new ConceptExplorer(service, occurrences);
  const underlines = new Underlines(service, occurrences);
  const statusBar = new GlossaryStatusBar();
  context.subscriptions.push(log, service, occurrences, entryView, explorer, underlines, statusBar);

  context.subscriptions.push(
    service.onDidChangeIndex((index) => statusBar.show(index)),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) statusBar.stopped();
      if (newState === State.Starting) statusBar.starting();
      // After a restart the server announces a fresh index, which refreshes every view.
    }),
  );

  const command = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('glossaryLens.searchTerms', (query?: string) => showSearchQuickPick(service, entryView, typeof query === 'string' ? query : ''));
  command('glossaryLens.defineTermAtCursor', () => defineTermAtCursor(service, occurrences, entryView));
  command('glossaryLens.addSelectionToGlossary', () => addSelectionToGlossary());
  command('glossaryLens.openGlossary', () => openGlossary(service));
  command('glossaryLens.createGlossary', () => createGlossary());
  command('glossaryLens.showConceptExplorer', () => vscode.commands.executeCommand(`${GLOSSARY_VIEW}.focus`));
  command('glossaryLens.restartServer', () => restart(log));
  command('glossaryLens.toggleUnderlines', () => toggleUnderlines(context.globalState));
  command('glossaryLens.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:glossary-lens.glossary-lens'));
  command('glossaryLens.showLog', () => log.show());
  command('glossaryLens.refreshExplorer', () => {
    explorer.glossary.refresh();
    explorer.fileTerms.refresh();
  });
  command('glossaryLens.filterGlossary', () => explorer.filter());
  command('glossaryLens.clearGlossaryFilter', () => explorer.clearFilter());
  command('glossaryLens.showEntry', (argument: EntryArgument) => {
    const id = entryIdOf(argument);
    return id ? entryView.show(id) : undefined;
  });
  command('glossaryLens.openInGlossaryFile', (argument: EntryArgument) => openEntrySource(service, argument));
  command('glossaryLens.copyDefinition', (argument: EntryArgument) => copyDefinition(service, argument));
  command('glossaryLens.findReferences', (argument: EntryArgument) => findReferences(service, argument));
  command('glossaryLens.goToNextOccurrence', (node: FileTermNode) => goToNextOccurrence(node));

  // Starting is not awaited: activation stays fast, and a failure is reported, not thrown.
  client.start().catch((error: unknown) => {
    statusBar.stopped();
    log.error(`The language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    void showWithLog(log, 'error', 'Glossary Lens: the language server failed to start.');
  });
  const activation = {
    loadMs: typeof GLOSSARY_LENS_LOAD_START === 'number' ? LOADED - GLOSSARY_LENS_LOAD_START : undefined,
    activateMs: performance.now() - started,
  };
  log.info(`Activated in ${activation.activateMs.toFixed(1)} ms (bundle loaded in ${activation.loadMs?.toFixed(1) ?? '?'} ms).`);

  return {
    activation,
    ready: () => service.ready(),
    get index() {
      return service.index;
    },
    onDidChangeIndex: service.onDidChangeIndex,
    glossaryTree: explorer.glossary,
    fileTerms: explorer.fileTerms,
    searchItems: (query) => searchItems(service, query),
    underlinedRanges: (editor) => underlines.rangesIn(editor),
    onDidUpdateUnderlines: underlines.onDidUpdate,
  };
}

async function restart(log: vscode.LogOutputChannel): Promise<void> {
  if (!client) return;
  try {
    await client.restart();
    log.info('The language server was restarted.');
  } catch (error) {
    log.error(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    void showWithLog(log, 'error', 'Glossary Lens: the language server could not be restarted.');
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
