import * as vscode from 'vscode';
import type { EntryView } from '../entryView';
import type { FileTermNode } from '../explorer/fileTermsTree';
import { nextRange } from '../explorer/fileTermsModel';
import type { GlossaryService } from '../glossaryService';
import type { DocumentOccurrences } from '../editor/documentOccurrences';
import { showSearchQuickPick } from '../search/searchQuickPick';
import { toRange } from '../editor/documentOccurrences';

/**
 * "Define Term at Cursor": the entry of the term under the cursor; when there is none, the
 * search opens with the word under the cursor so the user can look it up anyway.
 */
export async function defineTermAtCursor(service: GlossaryService, occurrences: DocumentOccurrences, entryView: EntryView): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    await showSearchQuickPick(service, entryView);
    return;
  }
  const cursor = editor.selection.active;
  const found = (await occurrences.get(editor.document)) ?? [];
  const hit = found.find((occurrence) => toRange(occurrence.range).contains(cursor));
  const entryId = hit?.entryIds[0];
  if (entryId) {
    await entryView.show(entryId);
    return;
  }
  const word = editor.document.getText(editor.selection.isEmpty ? editor.document.getWordRangeAtPosition(cursor) : editor.selection);
  await showSearchQuickPick(service, entryView, word.trim().slice(0, 80));
}

/**
 * "Add Selection to Glossary": runs the server's "Add 'X' to the glossary" code action on the
 * selection (or the word under the cursor). The edit is a WorkspaceEdit, so it can be undone and
 * it respects an unsaved glossary buffer.
 */
export async function addSelectionToGlossary(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Glossary Lens: select a word in an editor to add it to the glossary.');
    return;
  }
  const range = editor.selection.isEmpty ? (editor.document.getWordRangeAtPosition(editor.selection.active) ?? editor.selection) : editor.selection;
  const text = editor.document.getText(range).replace(/\s+/g, ' ').trim();
  if (!text) {
    void vscode.window.showInformationMessage('Glossary Lens: select a word or phrase to add to the glossary.');
    return;
  }
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range, vscode.CodeActionKind.RefactorRewrite.value)) ?? [];
  const add = actions.find((action) => action.title.startsWith('Add ') && action.title.endsWith(' to the glossary') && action.edit);
  if (!add?.edit) {
    void vscode.window.showInformationMessage(`Glossary Lens: "${text}" is already in the glossary, or there is no workspace folder to create GLOSSARY.md in.`);
    return;
  }
  if (!(await vscode.workspace.applyEdit(add.edit))) {
    void vscode.window.showErrorMessage(`Glossary Lens: could not add "${text}" to the glossary.`);
    return;
  }
  await revealNewEntry(add.edit, text);
}

/** Opens the glossary at the stub just added, so the user can write its definition. */
async function revealNewEntry(edit: vscode.WorkspaceEdit, term: string): Promise<void> {
  const [uri] = edit.entries().map(([target]) => target);
  if (!uri) return;
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const text = editor.document.getText();
  const heading = text.lastIndexOf(`## ${term}`);
  if (heading < 0) return;
  const position = editor.document.positionAt(heading);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Moves the cursor to the term's next occurrence after it in the file, wrapping round. */
export async function goToNextOccurrence(node: FileTermNode | undefined): Promise<void> {
  if (!node?.ranges.length) return;
  const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === node.uri.toString());
  const editor = visible ?? (await vscode.window.showTextDocument(node.uri));
  const next = nextRange(node.ranges, editor.selection);
  if (!next) return;
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
