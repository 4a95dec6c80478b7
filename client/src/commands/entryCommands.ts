import * as vscode from 'vscode';
import type { EntrySummary } from '../../../server/src/protocol';
import type { ExplorerNode } from '../explorer/glossaryTree';
import type { GlossaryService } from '../glossaryService';

/** A tree node, an entry id or nothing (then the command does nothing). */
export type EntryArgument = ExplorerNode | string | undefined;

export function entryIdOf(argument: EntryArgument): string | undefined {
  if (typeof argument === 'string') return argument;
  return argument?.kind === 'term' ? argument.entry.id : undefined;
}

/** Where the entry's label is in its glossary file: the first line of the entry, at the term. */
async function entryPosition(entry: EntrySummary): Promise<{ uri: vscode.Uri; position: vscode.Position }> {
  const uri = vscode.Uri.parse(entry.source.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const line = Math.min(entry.source.startLine, Math.max(0, document.lineCount - 1));
  const character = Math.max(0, document.lineAt(line).text.indexOf(entry.term));
  return { uri, position: new vscode.Position(line, character) };
}

/** Opens the glossary file with the entry's lines selected. */
export async function openEntrySource(service: GlossaryService, argument: EntryArgument): Promise<void> {
  const id = entryIdOf(argument);
  const entry = id ? await service.entry(id) : undefined;
  if (!entry) return;
  const { uri, position } = await entryPosition(entry);
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Copies the definition as written in the glossary (markdown). */
export async function copyDefinition(service: GlossaryService, argument: EntryArgument): Promise<void> {
  const id = entryIdOf(argument);
  const entry = id ? await service.entry(id) : undefined;
  if (!entry) return;
  await vscode.env.clipboard.writeText(entry.definition);
  vscode.window.setStatusBarMessage(`Copied the definition of ${entry.term}`, 3000);
}

/** Every use of the term in the workspace, in the References view. */
export async function findReferences(service: GlossaryService, argument: EntryArgument): Promise<void> {
  const id = entryIdOf(argument);
  const entry = id ? await service.entry(id) : undefined;
  if (!entry) return;
  const { uri, position } = await entryPosition(entry);
  try {
    await vscode.commands.executeCommand('references-view.findReferences', uri, position);
  } catch {
    // Without the built-in references view, the peek widget in the glossary file does it.
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations ?? []);
  }
}
