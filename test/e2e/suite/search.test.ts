import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, within } from './util';

describe('Search Terms', () => {
  before(() => glossaryLens());

  it('finds Cherry Pick for the misspelt "chery pik"', async () => {
    const api = await glossaryLens();
    const items = await api.searchItems('chery pik');
    assert.equal(items[0]?.label, 'Cherry Pick');
    assert.ok(items[0]?.entryId);
  });

  it('finds a workspace term by its alias, naming its glossary file', async () => {
    const api = await glossaryLens();
    const [first] = await api.searchItems('idempotency token');
    assert.equal(first?.label, 'Idempotency Key');
    assert.match(first?.description ?? '', /GLOSSARY\.md/);
  });

  it('opens the quick pick with a query, and closes it', async () => {
    await glossaryLens();
    await within(vscode.commands.executeCommand('glossaryLens.searchTerms', 'chery pik'), 10_000, 'glossaryLens.searchTerms');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
