import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { childrenOf, glossaryLens, isSorted, waitFor, within } from './util';

const WORKSPACE_SECTION = 'Checkout Domain';
const SHIPPED_SECTIONS = ['Web Development and Networking', 'Git and Version Control', 'Security and Cryptography'];

describe('Concept Explorer', () => {
  before(() => glossaryLens());

  it('lists the workspace glossary section beside the shipped sections, in order', async () => {
    const { glossaryTree } = await glossaryLens();
    const roots = await waitFor(
      async () => {
        const children = await childrenOf(glossaryTree);
        return children.some(({ label }) => label === WORKSPACE_SECTION) ? children : undefined;
      },
      { message: `the "${WORKSPACE_SECTION}" section in the Glossary tree` },
    );
    const labels = roots.map(({ label }) => label);
    for (const section of SHIPPED_SECTIONS) assert.ok(labels.includes(section), `"${section}" is a top-level section (got ${labels.join(' | ')})`);
    assert.ok(roots.every(({ node }) => node.kind === 'section'));
    assert.ok(isSorted(labels), `sections are sorted: ${labels.join(' | ')}`);
  });

  it('lists the terms of a section in alphabetical order', async () => {
    const { glossaryTree } = await glossaryLens();
    const roots = await childrenOf(glossaryTree);
    const termsOf = async (section: string) => {
      const root = roots.find(({ label }) => label === section);
      assert.ok(root, `section "${section}"`);
      const children = await childrenOf(glossaryTree, root.node);
      return children.filter(({ node }) => node.kind === 'term').map(({ label }) => label);
    };

    const workspaceTerms = await termsOf(WORKSPACE_SECTION);
    for (const term of ['Idempotency Key', 'Ledger Entry', 'Settlement Window']) assert.ok(workspaceTerms.includes(term), `${term} in ${workspaceTerms.join(', ')}`);
    assert.ok(isSorted(workspaceTerms), workspaceTerms.join(', '));

    const webTerms = await termsOf('Web Development and Networking');
    assert.ok(webTerms.includes('ETag'));
    assert.ok(isSorted(webTerms), webTerms.join(', '));
  });

  it('opens on "Show Concept Explorer"', async () => {
    await glossaryLens();
    await within(vscode.commands.executeCommand('glossaryLens.showConceptExplorer'), 10_000, 'glossaryLens.showConceptExplorer');
  });
});
