import { describe, expect, it } from 'vitest';
import { entryMarkdown, firstSentence, sanitizeMarkdown } from '../../server/src/core/present';
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

  it('keeps web links, relative links and code untouched', () => {
    const text = 'See [RFC](https://www.rfc-editor.org/rfc/rfc9110) and [web](web.md#etag); `a<b>` stays\n```html\n<div>ok</div>\n```';
    expect(sanitizeMarkdown(text)).toBe(text);
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
