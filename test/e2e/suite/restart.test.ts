import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, positionOf, waitForHover, within } from './util';

describe('Restart Language Server', () => {
  before(() => glossaryLens());

  it('restarts the server, which announces a fresh index; hovers and the explorer work again', async () => {
    const api = await glossaryLens();
    const termsBefore = api.index?.termCount;
    // The restarted server first announces the shipped glossary alone (`loading`); the tests after
    // this one need the workspace's glossaries too, so wait for the complete index.
    const announced = new Promise((resolve) => {
      const subscription = api.onDidChangeIndex((index) => {
        if (index.loading) return;
        subscription.dispose();
        resolve(index);
      });
    });
    await vscode.commands.executeCommand('glossaryLens.restartServer');
    await within(announced, 30_000, 'a complete index from the restarted server');
    assert.equal(api.index?.termCount, termsBefore, 'the restarted server indexes the same terms');
    const { document } = await openFile('src/orderCache.ts');
    await waitForHover(document.uri, positionOf(document, 'const etagCache', 'const et'.length), '**ETag**');
    const sections = (await api.glossaryTree.getChildren()) ?? [];
    assert.ok(sections.length > 5, 'the Concept Explorer lists the sections again');
  });
});
