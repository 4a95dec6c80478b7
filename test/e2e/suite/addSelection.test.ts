import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, hoversAt, openFile, rangeOf, waitFor, waitForHover, within, workspaceFile } from './util';

describe('Add Selection to Glossary', () => {
  before(() => glossaryLens());

  it('appends the selected word to the workspace GLOSSARY.md, which then defines it', async () => {
    const api = await glossaryLens();
    const editor = await openFile('src/orderCache.ts');
    const range = rangeOf(editor.document, 'Reconciler');
    const onWord = range.start.translate(0, 3);
    // The server answers hovers on known terms here by now; Reconciler is not one yet.
    await waitForHover(editor.document.uri, rangeOf(editor.document, 'etagCache').start, '**ETag**');
    assert.ok(!(await hoversAt(editor.document.uri, onWord)).some((markdown) => markdown.value.includes('**Reconciler**')));
    const termsBefore = api.index?.termCount ?? 0;

    editor.selection = new vscode.Selection(range.start, range.end);
    await within(vscode.commands.executeCommand('glossaryLens.addSelectionToGlossary'), 15_000, 'glossaryLens.addSelectionToGlossary');

    const glossary = await vscode.workspace.openTextDocument(workspaceFile('GLOSSARY.md'));
    await waitFor(() => /^## Reconciler$/m.test(glossary.getText()), { message: '"## Reconciler" in GLOSSARY.md' });
    assert.match(glossary.getText(), /^# Checkout Domain$/m, 'the existing glossary was appended to, not replaced');
    await waitFor(() => (api.index?.termCount ?? 0) > termsBefore, { message: `an index with more than ${termsBefore} terms` });

    const markdown = await waitForHover(editor.document.uri, onWord, '**Reconciler**');
    assert.match(markdown.value, /GLOSSARY\.md:\d+/);

    await glossary.save();
    const onDisk = async () => Buffer.from(await vscode.workspace.fs.readFile(glossary.uri)).toString('utf8');
    await waitFor(async () => /^## Reconciler$/m.test(await onDisk()), { message: '"## Reconciler" in GLOSSARY.md on disk after saving' });
    assert.equal(glossary.isDirty, false);
  });
});
