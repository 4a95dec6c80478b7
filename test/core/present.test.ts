import { describe, expect, it } from 'vitest';
import { entryMarkdown, firstSentence, SANITIZE_PARSE_LIMIT, sanitizeMarkdown } from '../../server/src/core/present';
import type { GlossaryEntry } from '../../server/src/core/types';

const entry = (overrides: Partial<GlossaryEntry>): GlossaryEntry => ({
  id: 'file:///g.md#x',
  term: 'ETag',
  aliases: [],
  definition: '',
  section: [],
  source: { uri: 'file:///g.md', startLine: 0, endLine: 0, labelSpan: { start: 0, end: 0 } },
  tags: [],
  seeAlso: [],
  ...overrides,
});

describe('presenting entries', () => {
  it('summarises a definition by its first sentence in plain text', () => {
    expect(firstSentence('An **HTTP** response header. If the resource changes, a new value is made.')).toBe('An HTTP response header.');
    expect(firstSentence('- **What it is**: The foundation of web communication since the late 90s. More.')).toBe(
      'What it is: The foundation of web communication since the late 90s.',
    );
  });

  it('cuts a long first sentence with an ellipsis', () => {
    const summary = firstSentence(`${'word '.repeat(100)}end.`);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('shows raw HTML as text and drops command, script and data links', () => {
    const unsafe = 'Click <img src=x onerror=alert(1)> [here](command:workbench.action.quit) or [there](javascript:alert(1)) ![x](data:image/png;base64,AAA)';
    const safe = sanitizeMarkdown(unsafe);
    expect(safe).not.toMatch(/(^|[^\\])<img/);
    expect(safe).not.toContain('command:');
    expect(safe).not.toContain('javascript:');
    expect(safe).not.toContain('data:');
    expect(safe).toContain('[here]');
  });

  it('drops command and script links in every spelling CommonMark allows', () => {
    const spellings = [
      '[a](data:text/html,x (title))', "[a](javascript:alert(1) 'title')", '[a](\njavascript:alert(1)\n)', '[a\nb](javascript:alert(1))',
      '[a [b] c](javascript:alert(1))', '[a](<javascript:alert(1)>)', '[a](java&#x73;cript:alert(1))', '[a](JavaScript:alert(1))',
      '[a](command%3Aworkbench.action.quit)', '[a][r]\n\n[r]:\n  javascript:alert(1)',
      '> [r]: javascript:alert(1)\n\n[a][r]', '- [r]: javascript:alert(1)\n\n[a][r]', '`x`` [a](javascript:alert(1))',
    ];
    for (const markdown of spellings) expect(sanitizeMarkdown(markdown), markdown).not.toMatch(/javascript|command|data:/i);
    // An autolink to a command is shown as text.
    expect(sanitizeMarkdown('<command:workbench.action.quit>')).toBe('&lt;command:workbench.action.quit>');
  });

  it('shows raw HTML as text where a careless reading would take it for code or an escape', () => {
    const tricks = [
      '\\\\<img src=x onerror=alert(1)>', '`x``<img src=x onerror=alert(1)>', '``` `\n<img src=x onerror=alert(1)>', '\t```\n<img src=x onerror=alert(1)>',
      '- a\n\n  ```\n  x\n- b\n<img src=x onerror=alert(1)>', '| `a | <img src=x onerror=alert(1)> ` |\n|---|---|', 'https://example.com<img src=x onerror=alert(1)>',
    ];
    for (const markdown of tricks) expect(sanitizeMarkdown(markdown), markdown).toContain('&lt;img');
    // An escaped `<` already is text; it stays as the author wrote it.
    expect(sanitizeMarkdown('\\<img> is a tag')).toBe('\\<img> is a tag');
  });

  it('makes a definition too long to parse inert at once, whatever it holds', () => {
    const hostile = `${'[a]('.repeat(100_000)}\n\n\`\`\`\n<img src=x onerror=alert(1)>`;
    expect(hostile.length).toBeGreaterThan(SANITIZE_PARSE_LIMIT);
    const safe = sanitizeMarkdown(hostile);
    expect(safe).not.toMatch(/[<[\]`]/);
    expect(entryMarkdown(entry({ definition: hostile }), { sourceLabel: 'g.md:1', sourceLink: 'file:///g.md#L1' })).toContain(safe);
  });

  it('keeps web links, relative links and code untouched', () => {
    const text = 'See [RFC](https://www.rfc-editor.org/rfc/rfc9110) and [web](web.md#etag); `a<b>` stays\n```html\n<div>ok</div>\n```';
    expect(sanitizeMarkdown(text)).toBe(text);
  });

  it('shows names with markup, entities and HTML as written, even right after a URL', () => {
    const markdown = entryMarkdown(entry({ term: 'AT&amp;T', seeAlso: ['https://example.com<img src=x onerror=alert(1)>'] }), { sourceLabel: 'g.md:1', sourceLink: 'file:///g.md#L1' });
    expect(markdown).toContain('**AT&amp;amp;T**');
    expect(markdown).toContain('https://example.com&lt;img src=x onerror=alert\\(1\\)&gt;');
  });

  it('closes a code block the definition leaves open, so that the footer and the next entry stay outside it', () => {
    const open = entryMarkdown(entry({ definition: 'Example:\n\n````js\nconst x = 1;' }), { sourceLabel: 'g.md:1', sourceLink: 'file:///g.md#L1' });
    expect(open).toBe('**ETag**\n\nExample:\n\n````js\nconst x = 1;\n````\n\n[g.md:1](file:///g.md#L1)');
    const next = entryMarkdown(entry({ definition: '~~~\n```\n</b>' }), { sourceLabel: 'g.md:2', sourceLink: 'file:///g.md#L2' });
    const hover = `${entryMarkdown(entry({ definition: '```' }), { sourceLabel: 'g.md:1', sourceLink: 'file:///g.md#L1' })}\n\n---\n\n${next}`;
    expect(hover).toContain('\n```\n\n[g.md:1]');
    expect(next).toContain('</b>\n~~~\n\n[g.md:2]');
  });

  it('builds hover markdown with term, aliases, definition, section and a source link', () => {
    const markdown = entryMarkdown(
      entry({ term: 'REST', aliases: ['Representational State Transfer'], definition: 'A web service architecture.', section: ['Web Development and Networking'] }),
      { sourceLabel: 'glossary/web.md:12', sourceLink: 'file:///ext/glossary/web.md#L12' },
    );
    expect(markdown).toBe(
      '**REST** (Representational State Transfer)\n\nA web service architecture.\n\n*Web Development and Networking* · [glossary/web.md:12](file:///ext/glossary/web.md#L12)',
    );
  });
});
