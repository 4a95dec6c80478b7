import fc from 'fast-check';
import { describe, it } from 'vitest';
import { entryMarkdown } from '../../../server/src/core/present';
import { anyMarkdown, expectSafe, hostileLink, hostileMarkdown } from './markdownSafety';
import { check, FUZZ_TIMEOUT, makeEntry, unicodeText } from './support';

describe('entryMarkdown under fuzzing', () => {
  const hostileName = fc.oneof(hostileMarkdown, hostileLink, unicodeText(20));
  const hostileEntry = fc
    .record({ term: hostileName, aliases: fc.array(hostileName, { maxLength: 3 }), section: fc.array(hostileName, { maxLength: 3 }), seeAlso: fc.array(hostileName, { maxLength: 3 }), definition: anyMarkdown, label: hostileName })
    .map(({ label, ...fields }) => ({ entry: makeEntry({ id: 'file:///g.md#x', ...fields }), label }));

  it('renders hostile entries (markup in names, sections and definitions) without raw HTML or unsafe links, alone or together', async () => {
    await check(fc.property(hostileEntry, hostileEntry, (first, second) => {
      const [one, two] = [first, second].map(({ entry, label }) => entryMarkdown(entry, { sourceLabel: label, sourceLink: 'file:///g.md#L1' }));
      expectSafe(JSON.stringify(first.entry), one!);
      // A hover on a name of several entries shows them one after another, between rules.
      expectSafe(JSON.stringify([first.entry, second.entry]), `${one}\n\n---\n\n${two}`);
    }), 400);
  }, FUZZ_TIMEOUT);
});
