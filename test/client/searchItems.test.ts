import { describe, expect, it } from 'vitest';
import { toSearchItem, truncate } from '../../client/src/search/searchItems';
import type { EntrySummary } from '../../server/src/protocol';

const entry = (overrides: Partial<EntrySummary> = {}): EntrySummary => ({
  id: 'file:///ws/GLOSSARY.md#jwt',
  term: 'JWT',
  aliases: [],
  summary: 'A signed token carrying claims.',
  section: ['Security'],
  source: { uri: 'file:///ws/GLOSSARY.md', startLine: 3, endLine: 5, label: 'GLOSSARY.md' },
  ...overrides,
});

describe('search quick-pick items', () => {
  it('shows the term as the label and remembers which entry it opens', () => {
    const item = toSearchItem(entry());
    expect(item.label).toBe('JWT');
    expect(item.entryId).toBe('file:///ws/GLOSSARY.md#jwt');
  });

  it('is always shown, so VS Code does not hide what the server ranked', () => {
    expect(toSearchItem(entry()).alwaysShow).toBe(true);
  });

  it('describes a term by its aliases and the file it comes from', () => {
    expect(toSearchItem(entry({ aliases: ['JSON Web Token', 'bearer token'] })).description).toBe('JSON Web Token, bearer token · GLOSSARY.md');
  });

  it('a term without aliases is described by its file alone', () => {
    expect(toSearchItem(entry()).description).toBe('GLOSSARY.md');
  });

  it('has no description at all when there is nothing to say', () => {
    const item = toSearchItem(entry({ source: { uri: 'file:///x.md', startLine: 0, endLine: 0, label: '' } }));
    expect(item).not.toHaveProperty('description');
  });

  it('shows a short summary in full as the detail line', () => {
    expect(toSearchItem(entry()).detail).toBe('A signed token carrying claims.');
  });

  it('a term without a summary has no detail line', () => {
    expect(toSearchItem(entry({ summary: '' }))).not.toHaveProperty('detail');
  });

  it('cuts a long summary to fit one detail line', () => {
    const summary = `${'A token that proves who you are '.repeat(10)}and then some.`;
    const detail = toSearchItem(entry({ summary })).detail!;
    expect(detail.length).toBeLessThanOrEqual(160);
    expect(detail.endsWith('…')).toBe(true);
    expect(summary.startsWith(detail.slice(0, -1))).toBe(true);
  });
});

describe('truncating text', () => {
  it('keeps text that fits, up to exactly the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('0123456789', 10)).toBe('0123456789');
    expect(truncate('', 10)).toBe('');
  });

  it('long summaries are cut at a word with an ellipsis', () => {
    // The limit falls inside "foxes": the whole word goes, not half of it.
    expect(truncate('The quick brown foxes jump over the lazy dog', 20)).toBe('The quick brown…');
  });

  it('never makes the text longer than the limit, ellipsis included', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';
    for (let max = 5; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…'), `max ${max}`).toBe(true);
      expect(text.startsWith(cut.slice(0, -1)), `max ${max}`).toBe(true);
    }
  });

  it('leaves no space before the ellipsis', () => {
    // Two spaces before "elephant": cutting at the last space must not leave the other one.
    const cut = truncate('An enormous grey  elephant walked by', 25);
    expect(cut).toBe('An enormous grey…');
  });

  it('a single long word is cut mid-word rather than dropped', () => {
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });

  it('does not cut back to a far-away word break, which would lose most of the text', () => {
    // The only space is near the start: cutting there would keep 2 of 30 characters.
    const cut = truncate('An extraordinarilylongwordwithoutanybreaks', 30);
    expect(cut).toBe('An extraordinarilylongwordwit…');
  });

  it('keeps a word that ends right at the limit', () => {
    expect(truncate('aaaaaaaaaaaaaa bbbb cccc', 20)).toBe('aaaaaaaaaaaaaa bbbb…');
  });

  it('never splits an emoji in half', () => {
    const cut = truncate('xxxxxxxx😀yyyyyy', 10);
    expect(cut).toBe('xxxxxxxx…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
