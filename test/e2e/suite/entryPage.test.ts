import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, positionOf, waitFor } from './util';

/** The entry page documents: markdown files the extension writes to its storage. */
const entryPage = (term: string) =>
  vscode.workspace.textDocuments.find((document) => document.uri.path.includes('/entries/') && path.posix.basename(document.uri.path) === `${term}.md`);

/** A tab showing the preview of an entry page titled `term`. */
const previewTab = (term: string) =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label.includes(`${term}.md`));

describe('Entry pages', () => {
  before(() => glossaryLens());

  it('"Define Term at Cursor" on etagCache opens the ETag page, rendered, with a working link to its source', async () => {
    const editor = await openFile('src/orderCache.ts');
    const position = positionOf(editor.document, 'const etagCache', 'const et'.length);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('glossaryLens.defineTermAtCursor');
    await waitFor(() => previewTab('ETag'), { message: 'a markdown preview tab for ETag.md' });
    const page = await waitFor(() => entryPage('ETag'), { message: 'the ETag entry page document' });
    const text = page.getText();
    assert.match(text, /^# ETag$/m);
    assert.match(text, /HTTP response header/);
    // The preview follows relative links only; this one must lead to the shipped glossary's line.
    const link = /\[glossary\/web\.md:(\d+)\]\(([^)]+)\)/.exec(text);
    assert.ok(link, 'the page links to glossary/web.md and its line');
    const [target, fragment] = link[2]!.split('#');
    assert.equal(fragment, `L${link[1]}`);
    const resolved = vscode.Uri.joinPath(page.uri, '..', ...decodeURIComponent(target!).split('/'));
    const glossary = await vscode.workspace.openTextDocument(resolved);
    assert.match(glossary.lineAt(Number(link[1]) - 1).text, /ETag/, 'the link points at the ETag entry');
  });

  it('"Show Entry" opens a workspace term\'s page in a preview that stays on it', async () => {
    const api = await glossaryLens();
    const hit = (await api.searchItems('ledger entry'))[0];
    assert.equal(hit?.label, 'Ledger Entry');
    await vscode.commands.executeCommand('glossaryLens.showEntry', hit.entryId);
    const page = await waitFor(() => entryPage('Ledger Entry'), { message: 'the Ledger Entry page' });
    assert.match(page.getText(), /immutable line in the payment ledger/);
    assert.match(page.getText(), /\*Also called:\* ledger line/);
    await waitFor(() => previewTab('Ledger Entry'), { message: 'a preview tab for Ledger Entry.md' });
    // A locked preview does not turn into the preview of the next markdown file opened.
    await openFile('GLOSSARY.md');
    assert.ok(previewTab('Ledger Entry'), 'the Ledger Entry preview is still open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
