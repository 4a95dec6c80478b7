import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, positionOf, waitFor } from './util';

/** The open entry pages: virtual documents of the extension's own scheme. */
const entryDocuments = () => vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'glossary-lens');

/** A tab showing the preview of an entry page titled `term`. */
const previewTab = (term: string) =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label.includes(`${term}.md`));

describe('Entry pages', () => {
  before(() => glossaryLens());

  it('"Define Term at Cursor" on etagCache opens the ETag page, rendered, with a link to its source', async () => {
    const editor = await openFile('src/orderCache.ts');
    const position = positionOf(editor.document, 'const etagCache', 'const et'.length);
    editor.selection = new vscode.Selection(position, position);
    await waitFor(async () => {
      await vscode.commands.executeCommand('glossaryLens.defineTermAtCursor');
      return entryDocuments().find((document) => document.uri.path === '/ETag.md');
    }, { message: 'the ETag entry page to open' });
    const page = entryDocuments().find((document) => document.uri.path === '/ETag.md')!;
    assert.match(page.getText(), /^# ETag$/m);
    assert.match(page.getText(), /HTTP response header/);
    assert.match(page.getText(), /\[glossary\/web\.md:\d+\]\(file:\/\/\/.*web\.md#L\d+\)/, 'the page links to the glossary file and line');
    await waitFor(() => previewTab('ETag'), { message: 'a markdown preview tab for ETag.md' });
  });

  it('"Show Entry" from the Concept Explorer opens a workspace term\'s page', async () => {
    const api = await glossaryLens();
    const hit = (await api.searchItems('ledger entry'))[0];
    assert.equal(hit?.label, 'Ledger Entry');
    await vscode.commands.executeCommand('glossaryLens.showEntry', hit.entryId);
    const page = await waitFor(() => entryDocuments().find((document) => document.uri.path === '/Ledger Entry.md'), { message: 'the Ledger Entry page' });
    assert.match(page.getText(), /immutable line in the payment ledger/);
    assert.match(page.getText(), /\*Also called:\* ledger line/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
