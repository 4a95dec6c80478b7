import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { glossaryLens, openFile, positionOf, waitForHover } from './util';

describe('Untrusted glossary content', () => {
  before(() => glossaryLens());

  it('a glossary entry with command links, script and HTML hovers as inert text', async () => {
    const { document } = await openFile('src/orderCache.ts');
    const markdown = await waitForHover(document.uri, positionOf(document, 'quarantineQueueName', 3), '**Quarantine Queue**');
    assert.ok(!markdown.isTrusted, 'the hover is not trusted, so VS Code runs no command link');
    assert.ok(!markdown.supportHtml, 'the hover renders no HTML');
    assert.doesNotMatch(markdown.value, /\]\(command:/, 'the command link lost its target');
    assert.doesNotMatch(markdown.value, /\]\(javascript:/, 'the javascript: link lost its target');
    assert.doesNotMatch(markdown.value, /(^|[^\\])<(img|script)/, 'raw HTML is escaped');
    assert.match(markdown.value, /\[a safe link\]\(https:\/\/example\.com\/quarantine\)/, 'an https link is kept');
  });
});
