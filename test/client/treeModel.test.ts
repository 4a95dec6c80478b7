import { describe, expect, it } from 'vitest';
import { allTerms, countTerms, filterTree, sectionAt } from '../../client/src/explorer/treeModel';
import type { EntrySummary, TreeSection } from '../../server/src/protocol';

const entry = (term: string, overrides: Partial<EntrySummary> = {}): EntrySummary => ({
  id: `file:///glossary.md#${term.toLowerCase()}`,
  term,
  aliases: [],
  summary: '',
  section: [],
  source: { uri: 'file:///glossary.md', startLine: 0, endLine: 0, label: 'GLOSSARY.md' },
  ...overrides,
});

const section = (name: string, terms: readonly EntrySummary[] = [], sections: readonly TreeSection[] = []): TreeSection => ({ name, sections, terms });

const etag = entry('ETag', { aliases: ['entity tag'], summary: 'An HTTP response header naming a version of a resource.' });
const cacheControl = entry('Cache-Control', { summary: 'An HTTP header with caching directives.' });
const jwt = entry('JWT', { aliases: ['JSON Web Token'], summary: 'A signed token carrying claims.' });
const cherryPick = entry('cherry-pick', { summary: 'Applying one commit onto another branch.' });
const rebase = entry('rebase', { summary: 'Replaying commits on top of another base.' });

/** Web › HTTP › (ETag, Cache-Control); Web › Security › JWT; Git › (cherry-pick, rebase). */
const tree = (): TreeSection[] => [
  section('Web', [], [section('HTTP', [etag, cacheControl]), section('Security', [jwt])]),
  section('Git', [cherryPick, rebase]),
];

/** The tree as names only, easy to compare: `Section > term` lines, depth first. */
function outline(sections: readonly TreeSection[], prefix = ''): string[] {
  return sections.flatMap((s) => [
    ...s.terms.map((t) => `${prefix}${s.name} > ${t.term}`),
    ...outline(s.sections, `${prefix}${s.name} / `),
  ]);
}

describe('filtering the glossary tree', () => {
  it('an empty or blank filter shows the whole tree', () => {
    const sections = tree();
    expect(filterTree(sections, '')).toEqual(sections);
    expect(filterTree(sections, '   ')).toEqual(sections);
  });

  it('filtering by an alias keeps the term and the sections above it', () => {
    const filtered = filterTree(tree(), 'entity tag');
    expect(filtered).toEqual([section('Web', [], [section('HTTP', [etag])])]);
  });

  it('filtering by part of a term is case-insensitive and ignores surrounding spaces', () => {
    expect(outline(filterTree(tree(), '  CHERRY '))).toEqual(['Git > cherry-pick']);
    expect(outline(filterTree(tree(), 'jwt'))).toEqual(['Web / Security > JWT']);
  });

  it('filtering by a word of the summary finds the term', () => {
    expect(outline(filterTree(tree(), 'claims'))).toEqual(['Web / Security > JWT']);
    expect(outline(filterTree(tree(), 'http'))).toEqual(['Web / HTTP > ETag', 'Web / HTTP > Cache-Control']);
  });

  it('a section whose name matches keeps all its terms', () => {
    expect(outline(filterTree(tree(), 'git'))).toEqual(['Git > cherry-pick', 'Git > rebase']);
  });

  it('a section whose name matches keeps its subsections too, even when their terms do not match', () => {
    expect(outline(filterTree(tree(), 'web'))).toEqual(['Web / HTTP > ETag', 'Web / HTTP > Cache-Control', 'Web / Security > JWT']);
  });

  it('sections left without a matching term disappear, however deep', () => {
    const filtered = filterTree(tree(), 'rebase');
    expect(filtered.map((s) => s.name)).toEqual(['Git']);
    expect(filtered[0]!.terms.map((t) => t.term)).toEqual(['rebase']);
  });

  it('a filter that matches nothing leaves an empty tree', () => {
    expect(filterTree(tree(), 'kubernetes')).toEqual([]);
  });

  it('a matching term in a parent section does not keep its non-matching subsections', () => {
    const web = section('Web', [entry('Webhook', { summary: 'A callback over HTTP.' })], [section('Security', [jwt])]);
    expect(outline(filterTree([web], 'callback'))).toEqual(['Web > Webhook']);
  });

  it('filtering does not change the tree it was given', () => {
    const sections = tree();
    const before = structuredClone(sections);
    filterTree(sections, 'rebase');
    expect(sections).toEqual(before);
  });
});

describe('counting terms', () => {
  it('a section counts its own terms and those of every subsection', () => {
    const [web, git] = tree();
    expect(countTerms(web!)).toBe(3);
    expect(countTerms(git!)).toBe(2);
    expect(countTerms(section('Empty'))).toBe(0);
    expect(countTerms(section('Deep', [etag], [section('A', [], [section('B', [jwt, rebase])])]))).toBe(3);
  });
});

describe('finding a section by its path', () => {
  it('follows the path from the top level', () => {
    expect(sectionAt(tree(), ['Web', 'Security'])?.terms).toEqual([jwt]);
    expect(sectionAt(tree(), ['Git'])?.name).toBe('Git');
  });

  it('a path that does not exist finds nothing', () => {
    expect(sectionAt(tree(), ['Web', 'Databases'])).toBeUndefined();
    expect(sectionAt(tree(), ['Nope', 'HTTP'])).toBeUndefined();
  });

  it('a subsection name is not found at the top level', () => {
    expect(sectionAt(tree(), ['HTTP'])).toBeUndefined();
  });

  it('names must match exactly', () => {
    expect(sectionAt(tree(), ['web'])).toBeUndefined();
  });
});

describe('listing every term', () => {
  it('lists each term once, sorted by name whatever its case', () => {
    const sections = [
      section('Web', [entry('etag'), entry('API')], [section('Nested', [entry('Cherry-pick')])]),
      section('Git', [entry('branch')]),
    ];
    expect(allTerms(sections).map((t) => t.term)).toEqual(['API', 'branch', 'Cherry-pick', 'etag']);
  });

  it('a term filed under two sections is listed once', () => {
    const shared = entry('JWT');
    const sections = [section('Security', [shared]), section('Web', [], [section('Auth', [shared, entry('OAuth')])])];
    expect(allTerms(sections).map((t) => t.id)).toEqual([shared.id, entry('OAuth').id]);
  });

  it('two different entries with the same name are both listed', () => {
    const mine = entry('Cache', { id: 'file:///mine.md#cache' });
    const shipped = entry('Cache', { id: 'file:///shipped.md#cache' });
    expect(allTerms([section('A', [mine]), section('B', [shipped])])).toHaveLength(2);
  });

  it('an empty tree has no terms', () => {
    expect(allTerms([])).toEqual([]);
  });
});
