import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown } from '../../../server/src/core/present';
import { anyMarkdown, expectSafe } from './markdownSafety';
import { check, FUZZ_TIMEOUT, unicodeText } from './support';

describe('sanitizeMarkdown under fuzzing', () => {
  it('leaves no raw HTML and no link that can run a command or script, whatever the markdown', async () => {
    await check(fc.property(anyMarkdown, (markdown) => expectSafe(markdown, sanitizeMarkdown(markdown))), 1800);
  }, FUZZ_TIMEOUT);

  it('stays safe when its own output is sanitized again', async () => {
    await check(fc.property(anyMarkdown, (markdown) => {
      const once = sanitizeMarkdown(markdown);
      expectSafe(once, sanitizeMarkdown(once));
    }), 400);
  }, FUZZ_TIMEOUT);

  it('leaves markdown without raw HTML or unsafe links alone: web and relative links, code, a lone <', async () => {
    const safe = fc.constantFrom(
      'word', ' ', '\n', '\n\n', '**bold**', '*it*', '# ', '- ', '1. ', '> ', '| a | b |\n|---|---|', '😀', 'é', 'a < b', 'x<3', '[RFC](https://www.rfc-editor.org/rfc/rfc9110)',
      '[web](web.md#etag)', '[top](#top)', '![logo](https://example.com/logo.png)', '[mail](mailto:a@example.com)', '[ref]', '[ref]: https://example.com', '`<b>`',
      '\n```html\n<div>ok</div>\n```\n', '<https://example.com>', 'www.example.com',
    );
    const plain = fc.array(fc.oneof(safe, unicodeText(5).map((text) => text.replace(/[<[\]`~\\&!\uFEFF]/g, ''))), { maxLength: 30 }).map((parts) => parts.join(' '));
    await check(fc.property(plain, (markdown) => {
      expect(sanitizeMarkdown(markdown)).toBe(markdown);
    }), 2000);
  }, FUZZ_TIMEOUT);

  it('never throws on arbitrary Unicode', async () => {
    await check(fc.property(unicodeText(300), (text) => {
      expect(typeof sanitizeMarkdown(text)).toBe('string');
    }), 3000);
  }, FUZZ_TIMEOUT);
});

