/**
 * The check that rendered hover markdown is inert, read as the editor reads it (CommonMark with
 * GitHub's extensions); the hover falls back to plain text when it is not.
 */
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from './parse/markdown';
import { isSafeTarget } from './present';

/**
 * `](` before a target with another scheme: a link in some dialect even where CommonMark reads
 * text (a target followed by something that is not a title), so it is not let through either.
 */
const LINK_LIKE = /\]\(\s*<?\s*(?!(?:https?|file|mailto):)[a-z][a-z0-9+.-]*:/i;

/**
 * Quotes and lists nested this deep are no definition anyone wrote; parsing or rendering them
 * costs seconds (remark's work grows with the square of the depth), so they are shown as plain text.
 */
const DEEP_NESTING = /^[ \t]*(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+){16}|^[ \t]{64}/m;

/**
 * What any raw HTML, link with a target, link definition or code fence needs in markdown: a `<`,
 * `](` or `]:` (CommonMark allows nothing between the two), or three backticks or tildes. A
 * definition with none of them needs no parsing to be known inert.
 */
const MARKUP = /<|\](?:\(|:)|`{3}|~{3}/;

/** True when quotes or lists nest deeper than any renderer should be asked to follow. */
export function isDeeplyNested(markdown: string): boolean {
  return DEEP_NESTING.test(markdown);
}

/** True when a definition could hold HTML, a link target or a fence, and the result must be checked. */
export function mayHoldMarkup(definition: string): boolean {
  return MARKUP.test(definition);
}

/**
 * Whether markdown renders with no raw HTML and no link, image or link definition whose target
 * has another scheme (`command:`, `javascript:`, `data:`…), once entities are decoded the way a
 * renderer decodes them; and whether it ends with a paragraph holding a link, so that nothing
 * (a code fence, an HTML block) is left open to swallow what a hover puts after it. A text that
 * the parser cannot read (nesting deep enough to exhaust the stack) is not inert, and neither is
 * a text where another dialect could see such a link (LINK_LIKE), or one nested too deep to read.
 */
export function isInertMarkdown(markdown: string): boolean {
  if (LINK_LIKE.test(markdown) || isDeeplyNested(markdown)) return false;
  let tree: Root;
  try {
    tree = parseMarkdown(markdown, 'gfm');
  } catch {
    return false;
  }
  const last = tree.children[tree.children.length - 1];
  if (last?.type !== 'paragraph' || !last.children.some((child) => child.type === 'link')) return false;
  // Walk without recursion: a hostile text nests deeply.
  const pending: Nodes[] = [tree];
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === 'html') return false;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeTarget(node.url)) return false;
    if ('children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  }
  return true;
}
