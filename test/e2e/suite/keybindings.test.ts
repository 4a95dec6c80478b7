import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, waitFor } from './util';

interface Keybinding {
  readonly key?: string;
  readonly command?: string;
}

describe('Keybindings', () => {
  it('"Define Term at Cursor" has a default key that no built-in command uses', async () => {
    await glossaryLens();
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const document = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('keybindings.json') && vscode.window.activeTextEditor.document, {
      message: 'the default keybindings file to open',
    });
    // The file is JSON with comments; strip them before parsing.
    const bindings = JSON.parse(document.getText().replace(/^\s*\/\/.*$/gm, '')) as Keybinding[];
    const ours = bindings.filter((binding) => binding.command === 'glossaryLens.defineTermAtCursor');
    assert.equal(ours.length, 1, 'the default keybindings list Define Term at Cursor once');
    const clashes = bindings.filter((binding) => binding.key === ours[0]!.key && binding.command !== 'glossaryLens.defineTermAtCursor' && !binding.command?.startsWith('-'));
    assert.deepEqual(clashes, [], `nothing else is bound to ${ours[0]!.key}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
