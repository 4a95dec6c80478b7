import type { Nodes, Paragraph, Strong } from 'mdast';
import type { Span } from '../types';

/** The node's start offset in the whole text. */
export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

/** The node's end offset (exclusive) in the whole text. */
export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

/** The span from the first child's start to the last child's end: a heading's or strong's content. */
export function contentSpan(node: Nodes): Span {
  if (!('children' in node) || node.children.length === 0) return { start: startOf(node), end: endOf(node) };
  return { start: startOf(node.children[0]), end: endOf(node.children[node.children.length - 1]) };
}

/** The text a reader sees: text and code values, line breaks as spaces, no markup. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += plainText(child);
  return out;
}

/** A paragraph that holds only a bold label, optionally followed by a colon: `**Examples**:`. */
export interface BoldOnly {
  readonly strong: Strong;
  /** The label ends with a colon (inside or after the bold). */
  readonly colon: boolean;
}

/** Reads a bold-only paragraph; undefined for anything else. */
export function boldOnly(paragraph: Paragraph): BoldOnly | undefined {
  const [first, second, ...rest] = paragraph.children;
  if (first?.type !== 'strong' || rest.length > 0) return undefined;
  if (second && (second.type !== 'text' || !/^\s*[:：]?\s*$/.test(second.value))) return undefined;
  const trailing = second?.type === 'text' && /[:：]/.test(second.value);
  return { strong: first, colon: trailing || /[:：]\s*$/.test(plainText(first)) };
}

/** The bold node that opens a paragraph (`**REST** is ...`), if any. */
export function leadingStrong(paragraph: Paragraph): Strong | undefined {
  const first = paragraph.children[0];
  return first?.type === 'strong' ? first : undefined;
}
