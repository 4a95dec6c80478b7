import * as vscode from 'vscode';
import type { EntryView } from '../entryView';
import type { GlossaryService } from '../glossaryService';
import { allTerms } from '../explorer/treeModel';
import { toSearchItem, type SearchItem } from './searchItems';
import { openEntrySource } from '../commands/entryCommands';

const RESULT_LIMIT = 50;

type PickItem = SearchItem & vscode.QuickPickItem;

const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert Term at Cursor' };
const openButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open in Glossary File' };

/** The items for a query: the server's fuzzy ranking, or every term when the query is empty. */
export async function searchItems(service: GlossaryService, query: string, token?: vscode.CancellationToken): Promise<PickItem[]> {
  const entries = query.trim()
    ? await service.search(query, RESULT_LIMIT, token)
    : allTerms((await service.tree(token))?.sections ?? []);
  return entries.map((entry) => ({ ...toSearchItem(entry), buttons: [insertButton, openButton] }));
}

/**
 * "Search Terms…": a quick pick the server's search feeds as you type. Enter shows the entry;
 * the item buttons insert the term at the cursor or open its glossary file.
 */
export async function showSearchQuickPick(service: GlossaryService, entryView: EntryView, initialQuery = ''): Promise<void> {
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = 'Glossary Lens: Search Terms';
  pick.placeholder = 'Type a term, an alias or a misspelling (e.g. "chery pik")';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.value = initialQuery;
  // The editor that was active before the pick opened receives "Insert".
  const editor = vscode.window.activeTextEditor;
  let pending: vscode.CancellationTokenSource | undefined;

  const update = async (query: string) => {
    pending?.cancel();
    const source = (pending = new vscode.CancellationTokenSource());
    pick.busy = true;
    const items = await searchItems(service, query, source.token);
    if (source.token.isCancellationRequested) return;
    pick.items = items;
    pick.busy = false;
    if (!items.length) pick.placeholder = query ? `No term matches "${query}"` : 'No glossary is loaded';
  };

  const disposables = [
    pick.onDidChangeValue((value) => void update(value)),
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item) return;
      pick.hide();
      void entryView.show(item.entryId);
    }),
    pick.onDidTriggerItemButton(({ button, item }) => {
      pick.hide();
      if (button === insertButton) void insertTerm(editor, item.label);
      else void openEntrySource(service, item.entryId);
    }),
    pick.onDidHide(() => {
      pending?.cancel();
      vscode.Disposable.from(pick, ...disposables).dispose();
    }),
  ];
  pick.show();
  await update(initialQuery);
}

async function insertTerm(editor: vscode.TextEditor | undefined, term: string): Promise<void> {
  if (!editor || editor.document.isClosed) {
    void vscode.window.showInformationMessage('Glossary Lens: open an editor to insert a term into.');
    return;
  }
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await editor.edit((builder) => editor.selections.forEach((selection) => builder.replace(selection, term)));
}
