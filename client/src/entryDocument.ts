/**
 * The markdown page that "Show Entry" opens in the preview. Pure: the server's hover markdown
 * is already sanitized (no raw HTML, no command links); labels are escaped here.
 */
import type { EntryDetails } from '../../server/src/protocol';

/**
 * The page for an entry. `sourceLink` replaces the target of the hover's link to the glossary
 * file (the markdown preview follows relative links, not `file:` ones); `null` leaves its label
 * as plain text; `undefined` keeps the hover's link.
 */
export function entryPage(entry: EntryDetails, sourceLink?: string | null): string {
  const lines = [`# ${escapeHeading(entry.term)}`];
  if (entry.aliases.length) lines.push('', `*Also called:* ${entry.aliases.map(escapeText).join(', ')}`);
  lines.push('', relink(withoutTitle(entry.markdown), sourceLink));
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

/** Points the trailing source link (`[label](file:…)`) somewhere else, or unlinks it. */
function relink(markdown: string, sourceLink: string | null | undefined): string {
  if (sourceLink === undefined) return markdown;
  return markdown.replace(/\[((?:[^\]\\]|\\.)*)\]\(file:[^)\s]*\)$/, (_whole, label: string) => (sourceLink === null ? label : `[${label}](${sourceLink.replace(/[()\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`));
}

function escapeHeading(text: string): string {
  return escapeText(text).replace(/\s+/g, ' ');
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|&]/g, '\\$&');
}
