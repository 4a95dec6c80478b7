/**
 * The markdown page that "Show Entry" opens in the preview. Pure: the server's hover markdown
 * is already sanitized (no raw HTML, no command links); labels are escaped here.
 */
import type { EntryDetails } from '../../server/src/protocol';

export function entryPage(entry: EntryDetails): string {
  const lines = [`# ${escapeHeading(entry.term)}`];
  if (entry.aliases.length) lines.push('', `*Also called:* ${entry.aliases.map(escapeText).join(', ')}`);
  lines.push('', withoutTitle(entry.markdown));
  if (entry.tags.length) lines.push('', `Tags: ${entry.tags.map(escapeText).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The hover markdown without its first paragraph (`**Term** (aliases)`), which the page's heading
 * and alias line replace: definition, section, see-also and the link to the source remain.
 */
function withoutTitle(markdown: string): string {
  const end = markdown.indexOf('\n\n');
  return markdown.startsWith('**') && end >= 0 ? markdown.slice(end + 2) : markdown;
}

function escapeHeading(text: string): string {
  return escapeText(text).replace(/\s+/g, ' ');
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|&]/g, '\\$&');
}
