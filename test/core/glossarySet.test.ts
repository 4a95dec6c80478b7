import { describe, expect, it } from 'vitest';
import { createGlossarySet } from '../../server/src/core/glossarySet';

const glossary = (...terms: string[]) => ['# Terms', '', ...terms.flatMap((term) => [`## ${term}`, '', `What ${term} means.`, ''])].join('\n');

describe('glossary set', () => {
  it('makes a term added to one file findable in other text', () => {
    const set = createGlossarySet();
    set.update('file:///a.md', glossary('Widget'));
    expect(set.index().scan('the gadgetFactory').map((hit) => hit.term)).toEqual([]);
    set.update('file:///a.md', glossary('Widget', 'Gadget'));
    expect(set.index().scan('the gadgetFactory').map((hit) => hit.term)).toEqual(['Gadget']);
  });

  it('re-parses only the file that changed and keeps the version when nothing changed', () => {
    const set = createGlossarySet();
    set.update('file:///a.md', glossary('Widget'));
    set.update('file:///b.md', glossary('Gadget'));
    const before = set.parsed('file:///a.md');
    const version = set.version;
    expect(set.update('file:///b.md', glossary('Gadget'))).toBe(false);
    expect(set.version).toBe(version);
    set.update('file:///b.md', glossary('Gadget', 'Sprocket'));
    expect(set.parsed('file:///a.md')).toBe(before);
    expect(set.index().version).toBe(version + 1);
  });

  it('forgets the terms of a removed file', () => {
    const set = createGlossarySet();
    set.update('file:///a.md', glossary('Widget'));
    set.update('file:///b.md', glossary('Gadget'));
    expect(set.remove('file:///b.md')).toBe(true);
    expect(set.remove('file:///b.md')).toBe(false);
    expect(set.index().lookup('gadget')).toEqual([]);
    expect(set.index().lookup('widget')).toHaveLength(1);
  });

  it('orders entries by priority so the workspace comes before the shipped glossary', () => {
    const set = createGlossarySet();
    set.update('file:///ext/glossary/web.md', glossary('Widget'), { priority: 1 });
    set.update('file:///ws/GLOSSARY.md', glossary('Widget'), { priority: 0 });
    expect(set.index().lookup('widget').map((entry) => entry.source.uri)).toEqual(['file:///ws/GLOSSARY.md', 'file:///ext/glossary/web.md']);
  });
});
