import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, positionOf, waitFor } from './util';

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('Completion', () => {
  before(() => glossaryLens());

  it('offers glossary terms while a word is typed in a Python comment', async () => {
    const { document } = await openFile('scripts/backport.py');
    const position = positionOf(document, 'the latency of', 'the lat'.length);
    await waitFor(async () => (await completionLabels(document.uri, position)).includes('Latency'), { message: 'Latency among the completions after "# Watch the lat"' });

    const misspelt = positionOf(document, 'a cherry-pick over', 'a cherry-pi'.length);
    assert.ok((await completionLabels(document.uri, misspelt)).includes('Cherry Pick'));
  });

  it('offers no glossary terms in code', async () => {
    const { document } = await openFile('scripts/backport.py');
    // Ready first: the same word in a comment completes.
    const inComment = positionOf(document, 'a cherry-pick over', 'a cherry-pi'.length);
    await waitFor(async () => (await completionLabels(document.uri, inComment)).includes('Cherry Pick'), { message: 'Cherry Pick completing in a comment' });
    const inCode = positionOf(document, '    cherry_pick("HEAD"', '    cherry_pi'.length);
    assert.ok(!(await completionLabels(document.uri, inCode)).includes('Cherry Pick'));
  });
});
