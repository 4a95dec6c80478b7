import { describe, expect, it } from 'vitest';
import { createGlossaryIndex } from '../../server/src/core/glossaryIndex';
import { parseGlossary } from '../../server/src/core/parseGlossary';

const web = parseGlossary('file:///ws/GLOSSARY.md', [
  '# Team terms',
  '',
  '## ETag',
  'Aliases: entity tag',
  '',
  'Our CDN keeps an ETag per asset.',
  '',
  '## Cherry Pick',
  'Aliases: cherry-pick',
  'See also: Rebase, Squash',
  '',
  'Copy one commit onto another branch.',
  '',
].join('\n'));

const shipped = parseGlossary('file:///ext/glossary/web.md', [
  '# Web',
  '',
  '## ETag',
  '',
  'An HTTP response header that identifies a version of a resource.',
  '',
  '## Rebase',
  '',
  'Replays commits on top of another base.',
  '',
].join('\n'));

describe('glossary index', () => {
  it('keeps every definition of a term, in the priority order of the glossaries', () => {
    const index = createGlossaryIndex([web, shipped]);
    const etags = index.lookup('etag');
    expect(etags.map((entry) => entry.source.uri)).toEqual(['file:///ws/GLOSSARY.md', 'file:///ext/glossary/web.md']);
    const [occurrence] = index.scan('const etagCache = new Map();');
    expect(occurrence).toMatchObject({ start: 6, end: 10, term: 'ETag' });
    expect(occurrence?.entryIds).toEqual(etags.map((entry) => entry.id));
  });

  it('looks names up however they are spelled', () => {
    const index = createGlossaryIndex([web, shipped]);
    expect(index.lookup('cherry_pick')[0]?.term).toBe('Cherry Pick');
    expect(index.lookup('Entity Tag')[0]?.term).toBe('ETag');
    expect(index.lookup('squash')).toEqual([]);
  });

  it('finds entries by id and by fuzzy search', () => {
    const index = createGlossaryIndex([web, shipped], { version: 7 });
    expect(index.version).toBe(7);
    const first = index.entries[0]!;
    expect(index.getEntry(first.id)).toBe(first);
    expect(index.search('chery pik')[0]?.entry.term).toBe('Cherry Pick');
  });

  it('reports a see-also link to a term no glossary defines', () => {
    const index = createGlossaryIndex([web, shipped]);
    const problems = index.problems.filter((problem) => problem.code === 'unknown-see-also');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Squash');
    expect(problems[0]!.uri).toBe('file:///ws/GLOSSARY.md');
  });

  it('reports a term defined twice in one glossary but not across glossaries', () => {
    const twice = parseGlossary('file:///ws/twice.md', '# T\n\n## Cache\n\nOne.\n\n## Cache\n\nTwo.\n');
    const index = createGlossaryIndex([twice, web, shipped]);
    const duplicates = index.problems.filter((problem) => problem.code === 'duplicate-term');
    expect(duplicates.map((problem) => problem.uri)).toEqual(['file:///ws/twice.md']);
    expect(duplicates[0]!.message).toContain('line 3');
  });

  it('reports an alias that shadows another term', () => {
    const shadow = parseGlossary('file:///ws/shadow.md', '# T\n\n## Replay\nAliases: Rebase\n\nReplays things.\n');
    const index = createGlossaryIndex([shadow, shipped]);
    expect(index.problems.map((problem) => problem.code)).toContain('alias-shadows-term');
  });

  it('reports an entry with an empty definition', () => {
    const empty = parseGlossary('file:///ws/empty.md', '# T\n\n## Widget\n\n## Gadget\n\nA small tool.\n');
    const index = createGlossaryIndex([empty]);
    const problems = index.problems.filter((problem) => problem.code === 'empty-definition');
    expect(problems.map((problem) => problem.message)).toEqual(["'Widget' has no definition."]);
  });

  it('looks an entry up by any of hundreds of thousands of aliases, and by an alias written twice once', () => {
    const names = Array.from({ length: 300_000 }, (_, i) => `n${i}`);
    const many = parseGlossary('file:///ws/many.md', `# Many\n\n## REST\nAliases: ${names.join(', ')}, N-0\n\nA style.\n`);
    // Indexing compares each alias's key with those before it: by a set, or this takes minutes.
    const index = createGlossaryIndex([many]);
    expect(index.lookup('n299999').map((entry) => entry.term)).toEqual(['REST']);
    expect(index.lookup('n0').map((entry) => entry.term)).toEqual(['REST']);
  });
});
