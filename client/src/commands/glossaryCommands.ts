import * as vscode from 'vscode';
import type { GlossaryService } from '../glossaryService';
import { allTerms } from '../explorer/treeModel';

/** The first lines of a new workspace glossary: the format, shown by example. */
const GLOSSARY_TEMPLATE = `# Glossary

Terms of this project. Each \`## Heading\` is a term; the paragraph below it is its definition.
Glossary Lens shows it when you hover the term in code, comments or docs.

## Example Term

Aliases: example, sample term

One or two sentences that say what the term means in this project.
`;

/**
 * "Open Glossary": a pick of the glossary files in use (workspace ones first), or the only one.
 */
export async function openGlossary(service: GlossaryService): Promise<void> {
  const files = new Map<string, string>();
  for (const entry of allTerms((await service.tree())?.sections ?? [])) files.set(entry.source.uri, entry.source.label);
  const items = [...files]
    .map(([uri, label]) => ({ label, uri, builtin: label.startsWith('glossary/') }))
    .sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.label.localeCompare(b.label))
    .map((file) => ({ label: file.label, description: file.builtin ? 'shipped with Glossary Lens' : 'workspace', uri: file.uri }));
  if (!items.length) {
    const choice = await vscode.window.showInformationMessage('Glossary Lens: no glossary is loaded.', 'Create GLOSSARY.md');
    if (choice) await createGlossary();
    return;
  }
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Glossary Lens: Open Glossary', placeHolder: 'Choose a glossary file' });
  if (picked) await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
}

/** Creates GLOSSARY.md from the template in the (chosen) workspace folder, or opens it. */
export async function createGlossary(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage('Glossary Lens: open a folder first; GLOSSARY.md is created at its root.');
    return;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should GLOSSARY.md go?' });
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, 'GLOSSARY.md');
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (!exists) {
    // Through a WorkspaceEdit, so the creation can be undone like any edit.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(GLOSSARY_TEMPLATE) });
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(uri);
}

/** "Toggle Term Underlines": off ↔ on (firstOccurrence, or `all` when that was chosen before). */
export async function toggleUnderlines(memento: vscode.Memento): Promise<void> {
  const config = vscode.workspace.getConfiguration('glossaryLens');
  const current = config.get<string>('underline');
  const inspected = config.inspect('underline');
  const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  if (current === 'off') {
    await config.update('underline', memento.get<string>('glossaryLens.lastUnderline') ?? 'firstOccurrence', target);
  } else {
    await memento.update('glossaryLens.lastUnderline', current);
    await config.update('underline', 'off', target);
  }
}
