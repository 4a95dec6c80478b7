import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { glossaryLens, openFile, positionOf, waitForHover } from './util';

describe('Hover', () => {
  before(() => glossaryLens());

  it('shows the ETag definition on etagCache in TypeScript', async () => {
    const { document } = await openFile('src/orderCache.ts');
    const markdown = await waitForHover(document.uri, positionOf(document, 'const etagCache', 'const et'.length), 'HTTP response header');
    assert.match(markdown.value, /\*\*ETag\*\*/);
    assert.match(markdown.value, /glossary\/web\.md:\d+/, 'the hover names the glossary file the definition comes from');
  });

  it('renders glossary markdown untrusted: no command links, no HTML', async () => {
    const { document } = await openFile('src/orderCache.ts');
    const markdown = await waitForHover(document.uri, positionOf(document, 'const etagCache', 'const et'.length), '**ETag**');
    assert.ok(!markdown.isTrusted, 'isTrusted is falsy');
    assert.ok(!markdown.supportHtml, 'supportHtml is falsy');
    assert.doesNotMatch(markdown.value, /command:/);
  });

  it('shows workspace terms from GLOSSARY.md on an identifier', async () => {
    const { document } = await openFile('src/orderCache.ts');
    const markdown = await waitForHover(document.uri, positionOf(document, 'idempotencyKey: string', 3), 'client-generated identifier');
    assert.match(markdown.value, /\*\*Idempotency Key\*\*/);
    assert.match(markdown.value, /GLOSSARY\.md:\d+/);
  });

  it('shows terms in Python, Go and YAML', async () => {
    const python = (await openFile('scripts/backport.py')).document;
    await waitForHover(python.uri, positionOf(python, 'def cherry_pick', 'def cherry_'.length), '**Cherry Pick**');
    const go = (await openFile('service/settlement.go')).document;
    await waitForHover(go.uri, positionOf(go, 'const sloTarget', 'const s'.length), '**SLO**');
    const yaml = (await openFile('deploy/checkout.yaml')).document;
    await waitForHover(yaml.uri, positionOf(yaml, 'SLO_TARGET', 1), '**SLO**');
  });
});
