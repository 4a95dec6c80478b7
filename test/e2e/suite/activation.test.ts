import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, glossaryLens, report, workspaceFile } from './util';

describe('Activation', () => {
  it('opens the copy of the fixture workspace, with its own GLOSSARY.md', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    const expected = process.env.GLOSSARY_LENS_E2E_WORKSPACE;
    if (expected) assert.equal(path.resolve(folders[0]!.uri.fsPath), path.resolve(expected));
    const glossary = Buffer.from(await vscode.workspace.fs.readFile(workspaceFile('GLOSSARY.md'))).toString('utf8');
    assert.match(glossary, /^# Checkout Domain$/m);
  });

  it('activates and announces an index of the shipped and the workspace glossaries', async () => {
    const api = await glossaryLens();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const index = api.index;
    assert.ok(index, 'api.index is set once ready() has resolved');
    assert.ok(index.termCount > 50, `expected the shipped terms and the workspace's, got ${index.termCount}`);
    assert.ok(index.glossaryCount >= 2, `expected the shipped glossary files and GLOSSARY.md, got ${index.glossaryCount}`);
    assert.equal(index.problemCount, 0, 'the fixture GLOSSARY.md has no problems');
    assert.equal(index.workspaceGlossaryCount, 2, 'GLOSSARY.md and docs/vendor.glossary.md are the workspace glossaries');
    // Recorded in docs/benchmarks.md: the extension's own time, bundle evaluation included.
    report(`      activation: bundle loaded in ${api.activation.loadMs?.toFixed(1)} ms, activate() took ${api.activation.activateMs.toFixed(1)} ms`);
  });

  it('registers the commands it contributes', async () => {
    await glossaryLens();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['glossaryLens.searchTerms', 'glossaryLens.showConceptExplorer', 'glossaryLens.addSelectionToGlossary', 'glossaryLens.defineTermAtCursor']) {
      assert.ok(commands.has(id), `${id} is registered`);
    }
    // Every command the manifest contributes, not only the ones above.
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
    assert.ok(contributed.length > 10);
    for (const { command } of contributed) assert.ok(commands.has(command), `${command} is registered`);
  });
});
