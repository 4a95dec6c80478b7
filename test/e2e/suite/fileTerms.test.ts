import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { glossaryLens, isSorted, labelOf, openFile, waitFor } from './util';

describe('In This File', () => {
  before(() => glossaryLens());

  it('lists the terms of the active file with their counts and ranges, sorted', async () => {
    const { fileTerms } = await glossaryLens();
    const { document } = await openFile('src/orderCache.ts');
    const nodes = await waitFor(
      async () => {
        const children = (await fileTerms.getChildren()) ?? [];
        return children.some((node) => node.term === 'ETag' && node.uri.toString() === document.uri.toString()) ? children : undefined;
      },
      { message: 'ETag in the In This File list of src/orderCache.ts' },
    );
    const etag = nodes.find((node) => node.term === 'ETag')!;
    assert.ok(etag.count >= 8, `etagCache, etag and ETag occur at least 8 times; counted ${etag.count}`);
    assert.equal(etag.ranges.length, etag.count);
    for (const range of etag.ranges) assert.match(document.getText(range), /^etag$/i);

    const labels = await Promise.all(nodes.map((node) => labelOf(fileTerms, node)));
    for (const term of ['ETag', 'JWT', 'Idempotency Key']) assert.ok(labels.includes(term), `${term} in ${labels.join(', ')}`);
    assert.ok(isSorted(labels), labels.join(', '));
  });

  it('follows the active editor', async () => {
    const { fileTerms } = await glossaryLens();
    await openFile('scripts/backport.py');
    const terms = await waitFor(
      async () => {
        const children = ((await fileTerms.getChildren()) ?? []).map((node) => node.term);
        return children.includes('Cherry Pick') ? children : undefined;
      },
      { message: 'Cherry Pick in the In This File list of scripts/backport.py' },
    );
    assert.ok(!terms.includes('ETag'), `ETag is not in backport.py: ${terms.join(', ')}`);
  });
});
