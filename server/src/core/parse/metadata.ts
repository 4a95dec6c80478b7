import type { CaseMode } from '../types';

/** Explicit metadata an author wrote next to a term. */
export interface Metadata {
  readonly aliases: string[];
  readonly tags: string[];
  readonly seeAlso: string[];
  caseMode?: CaseMode;
}

/** A definition with its metadata lines taken out. */
export interface SplitDefinition {
  readonly definition: string;
  readonly metadata: Metadata;
}

type MetaKey = 'aliases' | 'tags' | 'seeAlso' | 'case';

const KEY = '(aliases?|also known as|aka|tags?|see[- ]?also|related|case)';
const BOLD = '(?:\\*\\*|__)';
/** `Aliases: a, b`, `**Tags:** x`, `- See also: A` */
const META_LINE = new RegExp(`^\\s*(?:[-*]\\s+)?${BOLD}?\\s*${KEY}\\s*(?::\\s*${BOLD}|${BOLD}\\s*:|:)\\s*(.*?)\\s*$`, 'i');
/** `<!-- aliases: a, b -->` */
const META_COMMENT = new RegExp(`^\\s*<!--\\s*${KEY}\\s*:\\s*(.*?)\\s*-->\\s*$`, 'i');
const CASE_VALUE = /^(?:case[- ]?)?(sensitive|insensitive)$/i;

/** Creates an empty metadata record. */
export function emptyMetadata(): Metadata {
  return { aliases: [], tags: [], seeAlso: [] };
}

/**
 * Takes `Aliases:`, `Tags:`, `See also:` and `Case:` lines (or `<!-- key: ... -->` comments) from
 * the start of a definition, and `See also:` lines from its end. With `afterFirstLine`, the
 * leading metadata is looked for after the first line (a bold-led sentence and its next lines).
 */
export function splitMetadata(text: string, afterFirstLine = false): SplitDefinition {
  const split = splitMetadataAt(text, afterFirstLine);
  // Metadata may also follow the definition's first line (`**Jitter**: noise` then `Aliases: …`).
  if (afterFirstLine || hasMetadata(split.metadata)) return split;
  const later = splitMetadataAt(text, true);
  return hasMetadata(later.metadata) ? later : split;
}

function hasMetadata(metadata: Metadata): boolean {
  return metadata.aliases.length + metadata.tags.length + metadata.seeAlso.length > 0 || metadata.caseMode !== undefined;
}

function splitMetadataAt(text: string, afterFirstLine: boolean): SplitDefinition {
  const metadata = emptyMetadata();
  const lines = text.split('\n');
  const head = afterFirstLine ? 1 : 0;
  let from = head;
  for (; from < lines.length; from++) {
    const line = lines[from];
    if (line.trim() === '') continue;
    const meta = readMetaLine(line);
    if (!meta || !apply(metadata, meta.key, meta.value)) break;
  }
  let to = lines.length;
  for (; to > from; to--) {
    const line = lines[to - 1];
    if (line.trim() === '') continue;
    const meta = readMetaLine(line);
    if (!meta || meta.key !== 'seeAlso' || !apply(metadata, meta.key, meta.value)) break;
  }
  const kept = [...lines.slice(0, head), ...lines.slice(from, to)];
  return { definition: kept.join('\n').trim(), metadata };
}

function readMetaLine(line: string): { key: MetaKey; value: string } | undefined {
  const match = META_LINE.exec(line) ?? META_COMMENT.exec(line);
  if (!match) return undefined;
  return { key: metaKey(match[1]), value: match[2] };
}

function metaKey(raw: string): MetaKey {
  const key = raw.toLowerCase();
  if (key.startsWith('tag')) return 'tags';
  if (key.startsWith('see') || key === 'related') return 'seeAlso';
  if (key === 'case') return 'case';
  return 'aliases';
}

/** Records one metadata value; returns false when the line is not metadata after all. */
function apply(metadata: Metadata, key: MetaKey, value: string): boolean {
  if (key === 'case') {
    const match = CASE_VALUE.exec(value.replace(/[*_`]/g, '').trim());
    if (!match) return false;
    metadata.caseMode = match[1].toLowerCase() as CaseMode;
    return true;
  }
  // One by one: spreading a list of a few hundred thousand names overflows the call stack.
  for (const item of splitList(value)) metadata[key].push(item);
  return true;
}

/** Splits `a, b; c` into names, unwrapping quotes, code spans, `[[wiki links]]` and `[links](url)`. */
export function splitList(value: string): string[] {
  return value
    .split(/\s*[,;]\s*/)
    .map((item) => item
      .replace(/^\[\[([^\]|]*)(?:\|[^\]]*)?\]\]$/, '$1')
      .replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1')
      .replace(/^[\s"'“‘`*_]+|[\s"'”’`*_.]+$/g, ''))
    .filter((item) => item.length > 0);
}
