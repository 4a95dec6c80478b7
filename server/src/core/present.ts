/**
 * How entries are shown: a plain-text summary for lists, and hover markdown that is safe to
 * render even though glossary content is untrusted (no raw HTML, no command or script links).
 */
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

const SAFE_LINK = /^(https?:|file:|mailto:|#|\.{0,2}\/|[\w.-]+\.md\b|[\w.-]+\/)/i;

/**
 * Makes untrusted markdown inert: raw HTML is shown as text (its `<` is escaped) and links whose
 * target is not http(s), file, mailto or a relative path lose their target. Code spans and
 * fenced code blocks are left alone, since markdown never interprets anything inside them.
 */
export function sanitizeMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      out.push(line);
      continue;
    }
    out.push(sanitizeInline(line));
  }
  return out.join('\n');
}

function sanitizeInline(line: string): string {
  // Split on code spans so their contents stay verbatim.
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : neutralize(part)))
    .join('');
}

function neutralize(text: string): string {
  return text
    .replace(/<(?=[A-Za-z!/?])/g, '\\<')
    .replace(/(!?\[[^\]]*\])\(\s*<?([^)\s>]*)>?(\s+"[^"]*")?\s*\)/g, (whole, label: string, target: string) =>
      SAFE_LINK.test(target) ? whole : label.replace(/^!/, ''),
    )
    .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/, (whole, prefix: string, target: string) => (SAFE_LINK.test(target) ? whole : `${prefix}#`));
}

export interface EntryMarkdownOptions {
  /** Text of the link to the source, e.g. "glossary/web.md:12". */
  readonly sourceLabel: string;
  /** Target of that link, e.g. "file:///…/web.md#L12". */
  readonly sourceLink: string;
}

/** The markdown a hover shows for one entry. */
export function entryMarkdown(entry: GlossaryEntry, options: EntryMarkdownOptions): string {
  const heading = [`**${escapeInline(entry.term)}**`];
  if (entry.aliases.length) heading.push(`(${entry.aliases.map(escapeInline).join(', ')})`);
  const parts = [heading.join(' '), sanitizeMarkdown(entry.definition)];
  const footer: string[] = [];
  if (entry.section.length) footer.push(`*${entry.section.map(escapeInline).join(' › ')}*`);
  if (entry.seeAlso.length) footer.push(`See also: ${entry.seeAlso.map(escapeInline).join(', ')}`);
  footer.push(`[${escapeInline(options.sourceLabel)}](${options.sourceLink.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20')})`);
  parts.push(footer.join(' · '));
  return parts.join('\n\n');
}

/** Escapes characters that markdown would interpret in a one-line label. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
