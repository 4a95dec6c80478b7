import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { glossaryLens, openFile, waitFor } from './util';

const setUnderline = (value: string | undefined) => vscode.workspace.getConfiguration('glossaryLens').update('underline', value, vscode.ConfigurationTarget.Global);

describe('Underlines', () => {
  before(() => glossaryLens());
  after(() => setUnderline(undefined));

  it('underlines first occurrences by default, nothing when off, every occurrence when all', async () => {
    const api = await glossaryLens();
    const editor = await openFile('src/orderCache.ts');
    const ranges = () => api.underlinedRanges(editor);

    const first = await waitFor(() => ranges().length > 0 && [...ranges()], { message: 'underlines in src/orderCache.ts (firstOccurrence)' });
    const texts = first.map((range) => editor.document.getText(range).toLowerCase());
    assert.equal(texts.filter((text) => text === 'etag').length, 1, `ETag is underlined once: ${texts.join(', ')}`);

    await setUnderline('off');
    await waitFor(() => ranges().length === 0, { message: 'no underlines with glossaryLens.underline = off' });

    await setUnderline('all');
    const all = await waitFor(() => ranges().length > first.length && [...ranges()], { message: `more than ${first.length} underlines with glossaryLens.underline = all` });
    assert.ok(all.filter((range) => /^etag$/i.test(editor.document.getText(range))).length >= 8);

    await setUnderline(undefined);
    await waitFor(() => ranges().length === first.length, { message: `${first.length} underlines again with the default setting` });
  });
});
