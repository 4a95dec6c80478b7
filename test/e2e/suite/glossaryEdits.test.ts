import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, rangeOf, waitFor, waitForHover, within, workspaceFile } from './util';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Runs Add Selection to Glossary on the first occurrence of `word` in src/refunds.ts. */
async function addToGlossary(word: string): Promise<void> {
  const editor = await openFile('src/refunds.ts');
  const range = rangeOf(editor.document, word);
  editor.selection = new vscode.Selection(range.start, range.end);
  await within(vscode.commands.executeCommand('glossaryLens.addSelectionToGlossary'), 15_000, `adding ${word} to the glossary`);
}

const readBytes = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri));

describe('Add Selection to Glossary keeps user data safe', () => {
  const glossaryUri = () => workspaceFile('GLOSSARY.md');
  let original: Buffer;

  before(async () => {
    await glossaryLens();
    original = await readBytes(glossaryUri());
  });

  after(async () => {
    // Put the fixture back for the suites that run later.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(glossaryUri(), original);
  });

  it('keeps an unsaved glossary buffer, appends after it, and can be undone', async () => {
    const glossary = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(glossaryUri()), { preview: false });
    const end = glossary.document.lineAt(glossary.document.lineCount - 1).range.end;
    await glossary.edit((builder) => builder.insert(end, '\n## Draft Term\n\nNot saved yet.\n'));
    assert.ok(glossary.document.isDirty);

    await addToGlossary('Chargeback');
    await waitFor(() => /^## Chargeback$/m.test(glossary.document.getText()), { message: '"## Chargeback" in the open GLOSSARY.md' });
    const text = glossary.document.getText();
    assert.ok(text.indexOf('## Draft Term') < text.indexOf('## Chargeback'), 'the stub comes after the unsaved edit, which is kept');
    assert.deepEqual(await readBytes(glossaryUri()), original, 'nothing was written to disk behind the user\'s back');

    await vscode.window.showTextDocument(glossary.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => !glossary.document.getText().includes('## Chargeback'), { message: 'undo to remove the stub' });
    assert.match(glossary.document.getText(), /^## Draft Term$/m, 'undo removes only the stub');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('preserves a byte order mark and CRLF line endings', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const crlf = Buffer.concat([BOM, Buffer.from(original.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8')]);
    await vscode.workspace.fs.writeFile(glossaryUri(), crlf);
    // The earlier tests leave a document for GLOSSARY.md behind (closed editors keep their model a
    // while); the editor reloads it from disk on the file's change event, not at once.
    const reloaded = await vscode.workspace.openTextDocument(glossaryUri());
    await waitFor(() => reloaded.eol === vscode.EndOfLine.CRLF && !reloaded.isDirty, { message: 'the editor to read GLOSSARY.md with CRLF line endings' });
    await glossaryLens();
    // The server re-reads the changed file; its terms stay hoverable.
    const code = await openFile('src/refunds.ts');
    await waitForHover(code.document.uri, rangeOf(code.document, 'ledger entry').start, '**Ledger Entry**');

    await addToGlossary('Clawback');
    const glossary = await vscode.workspace.openTextDocument(glossaryUri());
    await waitFor(() => /^## Clawback\r?$/m.test(glossary.getText()), { message: '"## Clawback" in GLOSSARY.md' });
    assert.equal(glossary.eol, vscode.EndOfLine.CRLF);
    assert.ok(await glossary.save(), 'the glossary saves');

    const bytes = await waitFor(async () => {
      const saved = await readBytes(glossaryUri());
      return saved.includes('## Clawback') && saved;
    }, { message: 'the saved GLOSSARY.md to contain the new entry' });
    assert.deepEqual(bytes.subarray(0, 3), BOM, 'the byte order mark is still there');
    const body = bytes.subarray(3).toString('utf8');
    assert.doesNotMatch(body, /(^|[^\r])\n/, 'every line ends in CRLF, the new entry\'s too');
    assert.ok(body.startsWith(crlf.subarray(3).toString('utf8').trimEnd()), 'the existing entries are unchanged');
    await waitForHover(code.document.uri, rangeOf(code.document, 'Clawback').start.translate(0, 2), '**Clawback**');
  });
});
