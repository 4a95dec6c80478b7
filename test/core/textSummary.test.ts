/**
 * The glossary set keeps a summary of each parsed text instead of the text: the positions it
 * gives must be the editor's, and a changed text must never pass for the same one.
 */
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { isSameText, positionIn, summarizeText } from '../../server/src/core/textSummary';
import { check, unicodeText } from './fuzz/support';

/** Lines of any text, ended every way an editor knows. */
const linedText = fc.array(fc.oneof(unicodeText(12), fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r')), { maxLength: 30 }).map((parts) => parts.join(''));

describe('text summaries', () => {
  it('place every offset where the editor does (LF, CRLF, lone CR, astral characters)', async () => {
    await check(
      fc.property(linedText, (text) => {
        const summary = summarizeText(text);
        const document = TextDocument.create('file:///g.md', 'markdown', 0, text);
        for (let offset = 0; offset <= text.length; offset++) {
          // Between the CR and the LF of one line end the editor moves back before the CR: the
          // summary has no text to see that, and no entry or problem starts inside a line end.
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
          expect(positionIn(summary, offset)).toEqual(document.positionAt(offset));
        }
      }),
      2_000,
    );
  });

  it('tell a changed text from the summarized one, and recognise the same text', async () => {
    await check(
      fc.property(linedText, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (text, at, replacement) => {
        const summary = summarizeText(text);
        expect(isSameText(summary, `${text}`)).toBe(true);
        if (text.length === 0) return;
        const offset = at % text.length;
        const changed = text.slice(0, offset) + replacement + text.slice(offset + 1);
        expect(isSameText(summary, changed)).toBe(changed === text);
        expect(isSameText(summary, `${text} `)).toBe(false);
      }),
      2_000,
    );
  });

  it('tell apart texts that differ only by two swapped characters', () => {
    const text = '# Team\n\n## Blue Widget\n\nOur billing worker.\n';
    expect(isSameText(summarizeText(text), text.replace('Blue', 'Bleu'))).toBe(false);
    expect(isSameText(summarizeText('ab'), 'ba')).toBe(false);
  });

  it('clamp offsets outside the text to its ends', () => {
    const summary = summarizeText('one\ntwo');
    expect(positionIn(summary, -5)).toEqual({ line: 0, character: 0 });
    expect(positionIn(summary, 99)).toEqual({ line: 1, character: 3 });
  });
});
