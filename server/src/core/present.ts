/**
 * How entries are shown: a plain-text summary for lists, and hover markdown that is safe to
 * render even though glossary content is untrusted (no raw HTML, no command or script links).
 */
import type { Link, Nodes } from 'mdast';
import { parseMarkdown, type MarkdownDialect } from './parse/markdown';
import type { GlossaryEntry } from './types';

const SUMMARY_LIMIT = 160;

/** The first sentence of a markdown definition, as plain text, at most ~160 characters. */
export function firstSentence(markdown: string): string {
  const text = markdownToPlainText(markdown);
  const match = /^(.+?[.!?。])(\s|$)/su.exec(text);
  const sentence = (match?.[1] ?? text).trim();
  return sentence.length > SUMMARY_LIMIT ? `${sentence.slice(0, SUMMARY_LIMIT - 1).trimEnd()}…` : sentence;
}

/** A rough plain-text rendering: enough for one-line summaries, not a markdown renderer. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Link targets a hover may keep: the web, files and mail. Relative references have no scheme and are kept too. */
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'file', 'mailto']);

/**
 * Longer markdown is made inert without being parsed: on hostile input (thousands of brackets) the
 * parser's cost grows with the square of the text, and no hover needs that much anyway.
 */
export const SANITIZE_PARSE_LIMIT = 10_000;

/** Each round neutralizes what the last one uncovered; a text that needs more rounds is hostile. */
const MAX_ROUNDS = 8;

/**
 * Makes untrusted markdown inert: raw HTML is shown as text (its `<` becomes `&lt;`) and links,
 * images and link definitions whose target has a scheme other than http(s), file or mailto lose
 * their target. The text is read by a CommonMark parser, both as plain CommonMark and with the
 * GitHub extensions (renderers differ on tables, footnotes and autolinked URLs), so every spelling
 * of a link (titles, line breaks, entities, escapes, references) is seen and code stays verbatim;
 * it is read again after each change until neither reading finds anything to neutralize. Text
 * longer than {@link SANITIZE_PARSE_LIMIT} is made inert outright (every `<`, bracket, backtick and
 * tilde becomes an entity).
 */
export function sanitizeMarkdown(markdown: string): string {
  // micromark leaves a byte order mark out of its offsets; it is invisible anyway.
  let text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  if (text.length > SANITIZE_PARSE_LIMIT) return inert(text);
  // Without `<` there is no HTML or autolink, without `[` no link, image or definition.
  if (!/[<[]/.test(text)) return text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const dialect of DIALECTS) {
      if (dialect === 'gfm' && !GFM_SIGNS.test(text)) continue;
      const edits = unsafeEdits(text, dialect);
      if (edits.length === 0) continue;
      text = applyEdits(text, edits);
      changed = true;
    }
    if (!changed) return text;
  }
  return inert(text);
}

const DIALECTS: readonly MarkdownDialect[] = ['commonmark', 'gfm'];

/** Text without these reads the same with the GitHub extensions: no table, autolinked URL or address, footnote or strikethrough. */
const GFM_SIGNS = /[|~@]|www\.|:\/\/|\[\^|mailto:|xmpp:/i;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The edits that neutralize the raw HTML and unsafe links of `text`, as `dialect` reads it. */
function unsafeEdits(text: string, dialect: MarkdownDialect): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'html':
        // An entity, unlike a backslash, is never taken for something else (a URL's last character, an escaped backslash).
        for (let i = start; i < end; i++) if (text[i] === '<' && /[A-Za-z!/?]/.test(text[i + 1] ?? '')) edits.push({ start: i, end: i + 1, text: '&lt;' });
        return;
      case 'link':
        if (isSafeTarget(node.url)) break;
        // An autolink (`<command:x>`) becomes text; any other link keeps its label in brackets.
        edits.push(text[start] === '<' ? { start, end: start + 1, text: '&lt;' } : { start, end, text: `[${labelSource(node, text)}]` });
        return;
      case 'image':
        if (!isSafeTarget(node.url)) edits.push({ start, end, text: `[${escapeInline(node.alt ?? '')}]` });
        return;
      case 'definition':
        if (!isSafeTarget(node.url)) edits.push(definitionEdit(text, start, end));
        return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(text, dialect));
  return edits;
}

/** The label of a link as written. */
function labelSource(link: Link, text: string): string {
  const first = link.children[0]?.position?.start.offset;
  const last = link.children[link.children.length - 1]?.position?.end.offset;
  return first === undefined || last === undefined ? '' : text.slice(first, last);
}

/** `[label]: target "title"` becomes `[label]: #`; a label cannot hold an unescaped `]`. */
function definitionEdit(text: string, start: number, end: number): Edit {
  let close = start + 1;
  while (close < end && text[close] !== ']') close += text[close] === '\\' ? 2 : 1;
  // Should the label not end where expected, spelling its bracket as an entity unmakes the definition all the same.
  return text[close] === ']' && text[close + 1] === ':' ? { start: close + 2, end, text: ' #' } : { start, end: start + 1, text: '&#91;' };
}

/**
 * Whether a link target is harmless: relative, or with a safe scheme. The scheme is read the way
 * browsers do (controls and whitespace dropped), and once more with percent-escapes decoded.
 */
export function isSafeTarget(url: string): boolean {
  const forms = [url];
  try {
    forms.push(decodeURIComponent(url));
  } catch {
    // A malformed escape decodes to nothing else.
  }
  return forms.every((form) => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(form.replace(/[\s\p{Cc}]/gu, ''))?.[1];
    return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
  });
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

const INERT: Readonly<Record<string, string>> = { '<': '&lt;', '[': '&#91;', ']': '&#93;', '`': '&#96;', '~': '&#126;' };

/**
 * Every `<`, bracket, backtick and tilde spelled as an entity: no HTML, link, definition or code
 * (which could be left open) can be read from it.
 */
function inert(text: string): string {
  return text.replace(/[<[\]`~]/g, (char) => INERT[char]!);
}

export interface EntryMarkdownOptions {
  /** Text of the link to the source, e.g. "glossary/web.md:12". */
  readonly sourceLabel: string;
  /** Target of that link, e.g. "file:///…/web.md#L12". */
  readonly sourceLink: string;
}

/**
 * The markdown a hover shows for one entry. A code block that the definition leaves open is
 * closed, so that it cannot take in the footer, or whatever a hover shows after the entry.
 */
export function entryMarkdown(entry: GlossaryEntry, options: EntryMarkdownOptions): string {
  const heading = [`**${escapeInline(entry.term)}**`];
  if (entry.aliases.length) heading.push(`(${entry.aliases.map(escapeInline).join(', ')})`);
  // A definition too long to parse is made inert, fences included, so closing them parses nothing.
  const parts = [heading.join(' '), closeOpenFence(sanitizeMarkdown(entry.definition))];
  const footer: string[] = [];
  if (entry.section.length) footer.push(`*${entry.section.map(escapeInline).join(' › ')}*`);
  if (entry.seeAlso.length) footer.push(`See also: ${entry.seeAlso.map(escapeInline).join(', ')}`);
  footer.push(`[${escapeInline(options.sourceLabel)}](${options.sourceLink.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20')})`);
  parts.push(footer.join(' · '));
  return parts.join('\n\n');
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** `markdown` with a closing fence added when it ends inside a fenced code block at the top level. */
function closeOpenFence(markdown: string): string {
  if (!/^ {0,3}(?:```|~~~)/m.test(markdown)) return markdown;
  const last = parseMarkdown(markdown, 'commonmark').children.at(-1);
  if (last?.type !== 'code') return markdown;
  const source = markdown.slice(last.position?.start.offset ?? 0, last.position?.end.offset ?? markdown.length);
  const opener = /^ {0,3}(`{3,}|~{3,})/.exec(source)?.[1];
  if (!opener) return markdown;
  const lines = source.split(/\r?\n|\r/);
  const closer = lines.length > 1 ? FENCE_LINE.exec(lines[lines.length - 1]!)?.[1] : undefined;
  if (closer && closer[0] === opener[0] && closer.length >= opener.length) return markdown;
  return `${markdown}${/[\r\n]$/.test(markdown) ? '' : '\n'}${opener}`;
}

/**
 * Escapes characters that markdown would interpret in a one-line label. `<`, `>` and `&` become
 * entities: a renderer that autolinks URLs takes a backslash right after a URL for part of it,
 * and would then read the `<` after it as HTML.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|]/g, '\\$&').replace(/[<>&]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&amp;'));
}
