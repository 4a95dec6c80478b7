import type { Heading, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { entryPage } from '../../client/src/entryDocument';
import type { EntryDetails } from '../../server/src/protocol';

const details = (overrides: Partial<EntryDetails> = {}): EntryDetails => ({
  id: 'file:///ws/GLOSSARY.md#etag',
  term: 'ETag',
  aliases: ['entity tag'],
  summary: 'An HTTP response header.',
  section: ['HTTP'],
  source: { uri: 'file:///ws/GLOSSARY.md', startLine: 2, endLine: 4, label: 'GLOSSARY.md' },
  definition: 'An HTTP response header.',
  tags: [],
  seeAlso: [],
  markdown: '**ETag** (entity tag)\n\nAn HTTP response header.\n\n[GLOSSARY.md](file:///ws/GLOSSARY.md#L3)',
  ...overrides,
});

/** Parses the page as the markdown preview would (CommonMark + GFM). */
const parse = (page: string): Root => unified().use(remarkParse).use(remarkGfm).parse(page);

type Node = Root | RootContent;
const children = (node: Node): Node[] => ('children' in node ? (node.children as Node[]) : []);
const descendants = (node: Node): Node[] => children(node).flatMap((child) => [child, ...descendants(child)]);
const plainText = (node: Node): string => ('value' in node && node.type === 'text' ? node.value : children(node).map(plainText).join(''));

const headings = (page: string) => descendants(parse(page)).filter((node): node is Heading => node.type === 'heading');

/** The node types inside the page's first heading, other than plain text. */
const markupInTitle = (page: string) => descendants(headings(page)[0]!).filter((node) => node.type !== 'text').map((node) => node.type);

describe('the entry page', () => {
  it('is titled with the term, then its aliases and the hover\'s definition and source link, without repeating the term', () => {
    const entry = details();
    const page = entryPage(entry);
    expect(page.startsWith('# ETag\n')).toBe(true);
    expect(page).toContain('*Also called:* entity tag');
    expect(page).toContain('An HTTP response header.\n\n[GLOSSARY.md](file:///ws/GLOSSARY.md#L3)');
    expect(page).not.toContain('**ETag**');
    const [title] = headings(page);
    expect(title!.depth).toBe(1);
    expect(plainText(title!)).toBe('ETag');
  });

  it('ends with a newline', () => {
    expect(entryPage(details()).endsWith('\n')).toBe(true);
  });

  it('lists the tags after the definition', () => {
    const page = entryPage(details({ tags: ['http', 'caching'] }));
    expect(page.trimEnd().split('\n').at(-1)).toBe('Tags: http, caching');
    expect(page.indexOf('Tags:')).toBeGreaterThan(page.indexOf('An HTTP response header.'));
  });

  it('has no tags line when the entry has no tags', () => {
    expect(entryPage(details({ tags: [] }))).not.toContain('Tags');
  });

  it('a term with markdown characters cannot inject a link or HTML into the entry page heading', () => {
    for (const term of [
      '[Run me](command:workbench.action.terminal.new)',
      '<img src=x onerror="alert(1)">',
      '![pixel](pixel.png)',
      '<script>alert(1)</script>',
      '`code` and *stars* and _under_',
      '[ref]\n\n[ref]: command:evil',
    ]) {
      const page = entryPage(details({ term }));
      expect(markupInTitle(page), term).toEqual([]);
      expect(descendants(parse(page)).filter((node) => node.type === 'html'), term).toEqual([]);
    }
  });

  it('shows a term with markdown characters exactly as written, without backslashes', () => {
    for (const term of ['C#', 'C++', 'a_b_c', '<T>', 'f(x) [beta]', 'x | y', 'back\\slash', '\\*not emphasis\\*', '#hashtag', '1. not a list', '&lt;T&gt;', 'AT&T']) {
      expect(plainText(headings(entryPage(details({ term })))[0]!), term).toBe(term);
    }
  });

  it('a term spread over several lines stays one heading line and cannot start a new block', () => {
    const page = entryPage(details({ term: 'Evil\n\n# Second title\n\n<div>x</div>' }));
    expect(page.split('\n')[0]).toBe('# Evil \\# Second title \\<div\\>x\\</div\\>');
    const titles = headings(page);
    expect(titles).toHaveLength(1);
    expect(plainText(titles[0]!)).toBe('Evil # Second title <div>x</div>');
  });

  it('tags with markdown characters show as text, not links or HTML', () => {
    const page = entryPage(details({ tags: ['[x](command:evil)', '<b>bold</b>', '*em*'] }));
    const tagsParagraph = parse(page).children.at(-1)!;
    expect(plainText(tagsParagraph)).toBe('Tags: [x](command:evil), <b>bold</b>, *em*');
    expect(descendants(tagsParagraph).filter((node) => node.type !== 'text')).toEqual([]);
  });
});

describe('the entry page\'s link to its glossary file', () => {
  it('points at the given relative target, which the markdown preview can follow', () => {
    const page = entryPage(details(), '../../../ws/GLOSSARY.md#L3');
    expect(page).toContain('[GLOSSARY.md](../../../ws/GLOSSARY.md#L3)');
    expect(page).not.toContain('file:');
  });

  it('is plain text when there is no way to link to the file', () => {
    const page = entryPage(details(), null);
    expect(page.trimEnd().endsWith('GLOSSARY.md')).toBe(true);
    expect(page).not.toContain('](');
  });

  it('keeps a target with spaces or parentheses in one piece', () => {
    expect(entryPage(details(), '../My Docs (old)/GLOSSARY.md#L3')).toContain('[GLOSSARY.md](../My%20Docs%20%28old%29/GLOSSARY.md#L3)');
  });
});
