import type { Heading, List, ListItem, Nodes, Paragraph, RootContent, Strong, Table } from 'mdast';
import type { Span } from '../types';
import { classifyLabel, cleanLabel, parseLabelNames, splitComposite, type CleanLabel, type LabelKind } from './labels';
import type { LineIndex } from './lines';
import { boldOnly, contentSpan, endOf, leadingStrong, plainText, startOf } from './nodes';

/**
 * A term found in the text, before its names and metadata are read. Sections are relative while
 * the walk climbs back up: each level prepends its own name.
 */
export interface Candidate {
  readonly label: CleanLabel;
  readonly labelSpan: Span;
  readonly startLine: number;
  readonly endLine: number;
  /** The definition's markdown, metadata lines still in it. */
  readonly definition: string;
  /** The definition opens with the label's own sentence; metadata lines follow that line. */
  readonly sentence: boolean;
  /** Raw parentheticals written after the label (`**WSGI** (Web Server Gateway Interface) is`). */
  readonly extraAliases: readonly string[];
  readonly fromHeading: boolean;
  section: string[];
  /** Inside another entry's definition. */
  nested: boolean;
}

/** What the walk needs from its caller. */
export interface ExtractEnv {
  readonly text: string;
  readonly lines: LineIndex;
  /** Headings already known to be narrative (their bodies were not parsed), by start offset. */
  readonly narrativeHeadings: ReadonlySet<number>;
  /** Called when handling one block failed; the walk goes on with the next block. */
  readonly onError: (error: unknown, at: Span) => void;
}

type Block = RootContent;

/** Where a label is and what it says. */
interface LabelSite {
  readonly raw: string;
  readonly span: Span;
  readonly extraAliases?: readonly string[];
  /** The heading level, for labels that are headings. */
  readonly depth?: number;
}

/** What follows a label: its definition and the blocks that may hold sub-entries. */
interface BodySite {
  readonly defStart: number;
  readonly defEnd: number;
  /** Where the children's container ends (for bodies that run to the end of it). */
  readonly limit: number;
  /** A rendered definition (table rows, definition lists) instead of the source slice. */
  readonly definition?: string;
  readonly children: readonly Block[];
  /** A heading-like label: it is a section when its body holds term headings or opens with a term. */
  readonly mayBeSection: boolean;
  readonly sentence: boolean;
  readonly fromHeading: boolean;
}

/** Finds every candidate term in a run of blocks. */
export function extractCandidates(blocks: readonly Block[], env: ExtractEnv): Candidate[] {
  return walk(blocks, 0, blocks.length, env.text.length, env);
}

/** Visits `blocks[from, to)`; `limit` is the end offset of their container. */
function walk(blocks: readonly Block[], from: number, to: number, limit: number, env: ExtractEnv): Candidate[] {
  const out: Candidate[] = [];
  let i = from;
  while (i < to) {
    const block = blocks[i];
    let next = i + 1;
    try {
      next = visitBlock(blocks, i, to, limit, env, out);
    } catch (error) {
      env.onError(error, { start: startOf(block), end: endOf(block) });
    }
    i = Math.max(next, i + 1);
  }
  return out;
}

/** Handles the block at `i` (and whatever it owns); returns the index of the next block to visit. */
function visitBlock(blocks: readonly Block[], i: number, to: number, limit: number, env: ExtractEnv, out: Candidate[]): number {
  const block = blocks[i];
  switch (block.type) {
    case 'heading': {
      const end = headingEnd(blocks, i, to);
      if (!env.narrativeHeadings.has(startOf(block))) {
        push(out, labelled(headingSite(block), bodyOf(blocks, i + 1, end, limit, true), env));
      }
      return end;
    }
    case 'paragraph':
      return visitParagraph(blocks, i, to, limit, env, out);
    case 'list':
      push(out, listEntries(block, env));
      return i + 1;
    case 'table':
      push(out, tableEntries(block, env));
      return i + 1;
    default:
      // Blockquotes are callouts and quotes, code is code: neither defines terms.
      return i + 1;
  }
}

function visitParagraph(blocks: readonly Block[], i: number, to: number, limit: number, env: ExtractEnv, out: Candidate[]): number {
  const paragraph = blocks[i] as Paragraph;
  const bold = boldOnly(paragraph);
  if (bold && !bold.colon) {
    // A bold-only line is a pseudo-heading: it owns everything up to the next break or heading.
    const kind = labelKind(bold.strong);
    const end = pseudoHeadingEnd(blocks, i, to, kind);
    push(out, labelled(strongSite(bold.strong), bodyOf(blocks, i + 1, end, limit, false), env));
    return end;
  }
  if (bold) {
    // `**Label**:` alone on its line labels the block right after it.
    const body = i + 1 < to && isLabelledBody(blocks[i + 1]) ? i + 2 : i + 1;
    const end = body > i + 1 ? endOf(blocks[i + 1]) : endOf(paragraph);
    push(out, labelled(strongSite(bold.strong), bodyOf(blocks, i + 1, body, end, false), env));
    return body;
  }
  const spaced = spacedDefinition(blocks, i, to, env);
  if (spaced) {
    push(out, spaced);
    return i + 2;
  }
  return paragraphEntries(blocks, i, to, env, out);
}

function isTermParagraph(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const lead = leadingStrong(block);
  return lead !== undefined && labelKind(lead) === 'term';
}

function push(out: Candidate[], found: readonly Candidate[]): void {
  for (const candidate of found) out.push(candidate);
}

function labelKind(strong: Strong): LabelKind {
  return classifyLabel(cleanLabel(plainText(strong)));
}

function headingSite(heading: Heading): LabelSite {
  return { raw: plainText(heading), span: contentSpan(heading), depth: heading.depth };
}

function strongSite(strong: Strong, extraAliases?: readonly string[]): LabelSite {
  return { raw: plainText(strong), span: contentSpan(strong), extraAliases };
}

/** The index of the first block after a heading's section: the next heading of the same or a higher level. */
function headingEnd(blocks: readonly Block[], i: number, to: number): number {
  const depth = (blocks[i] as Heading).depth;
  let end = i + 1;
  while (end < to) {
    const block = blocks[end];
    if (block.type === 'heading' && block.depth <= depth) break;
    end++;
  }
  return end;
}

/**
 * A pseudo-heading ends at a thematic break, a heading or the next bold-only term label. A
 * narrative one ("**Examples**") also ends where a bold-led term paragraph starts, so that a
 * stray structural label cannot swallow the definitions after it.
 */
function pseudoHeadingEnd(blocks: readonly Block[], i: number, to: number, kind: LabelKind): number {
  let end = i + 1;
  for (; end < to; end++) {
    const block = blocks[end];
    if (block.type === 'thematicBreak' || block.type === 'heading') break;
    if (block.type !== 'paragraph') continue;
    const bold = boldOnly(block);
    if (bold && !bold.colon && ['term', 'numbered'].includes(labelKind(bold.strong))) break;
    const lead = leadingStrong(block);
    if (kind === 'narrative' && lead && labelKind(lead) === 'term') break;
  }
  return end;
}

function isLabelledBody(block: Block): boolean {
  switch (block.type) {
    case 'list': case 'table': case 'code': case 'blockquote': case 'html':
      return true;
    case 'paragraph':
      return !leadingStrong(block);
    default:
      return false;
  }
}

/**
 * The body `blocks[from, to)`: its definition runs from the first block to the next block after
 * it (or `limit`), so text the parser skipped (see skim.ts) stays in it.
 */
function bodyOf(blocks: readonly Block[], from: number, to: number, limit: number, fromHeading: boolean): BodySite {
  const children = blocks.slice(from, to);
  const first = children.findIndex((block) => block.type !== 'thematicBreak');
  const end = to < blocks.length ? Math.min(limit, startOf(blocks[to])) : limit;
  const defStart = first === -1 ? end : startOf(children[first]);
  return { defStart, defEnd: end, limit: end, children, mayBeSection: true, sentence: false, fromHeading };
}

const TRAILING_BREAKS = /(?:\n[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}))+\s*$/;

/** The definition's source, trimmed of blank lines and trailing thematic breaks, and where it really ends. */
function sliceDefinition(text: string, start: number, end: number): { definition: string; end: number } {
  const raw = text.slice(start, end);
  const trimmed = ('\n' + raw.trim()).replace(TRAILING_BREAKS, '').slice(1).trim();
  if (!trimmed) return { definition: '', end: start };
  const lead = raw.length - raw.trimStart().length;
  return { definition: trimmed, end: start + lead + trimmed.length };
}

/**
 * Turns a label and its body into candidates: none for narrative labels, the body's own for
 * containers, sections and groups ("Rebase, Merge, Cherry Pick" over its items), otherwise one
 * entry per term of the label plus the body's entries nested under it.
 */
function labelled(site: LabelSite, body: BodySite, env: ExtractEnv): Candidate[] {
  const label = cleanLabel(site.raw);
  const kind = classifyLabel(label);
  if (kind === 'narrative') {
    // A narrative-looking heading over term headings ("# Notes" over "## ETag") is a section.
    if (!body.fromHeading || !holdsTermHeading(body.children, env)) return [];
    return within(walk(body.children, 0, body.children.length, body.limit, env), label.text, false);
  }
  if (kind === 'numbered') {
    if (!body.mayBeSection || !opensWithTerm(body.children, env, body.fromHeading)) return [];
    return within(walk(body.children, 0, body.children.length, body.limit, env), label.text, false);
  }
  const children = walk(body.children, 0, body.children.length, body.limit, env);
  if (kind === 'container') return children;
  // A level-1 heading over entries is the document's title, even when an introduction comes first.
  // (Bold-led paragraphs below it are entries of their own; a list below it is the term's own.)
  if (site.depth === 1 && body.children.some(isTermParagraph)) return within(children, label.text, false);
  if (body.mayBeSection && isSectionBody(body.children, env, body.fromHeading)) return within(children, label.text, false);
  const parts = splitComposite(label.text);
  if (parts.length >= 2 && children.filter((child) => child.section.length === 0).length >= 2) {
    return within(children, label.text, false);
  }
  const sliced = sliceDefinition(env.text, body.defStart, body.defEnd);
  const definition = body.definition ?? sliced.definition;
  if (!definition && !body.fromHeading) return within(children, label.text, false);
  const span = trimLabelSpan(env.text, site.span);
  const base = {
    startLine: env.lines.lineAt(site.span.start),
    endLine: env.lines.lineAt(Math.max(site.span.end, !definition ? 0 : body.definition === undefined ? sliced.end : body.defEnd) - 1),
    definition,
    sentence: body.sentence,
    extraAliases: site.extraAliases ?? [],
    fromHeading: body.fromHeading,
  };
  const own: Candidate[] = parts.length >= 2
    ? parts.map((part) => ({ ...base, label: { text: part.text, numbered: false }, labelSpan: partSpan(env.text, span, part.text), section: [], nested: false }))
    : [{ ...base, label, labelSpan: span, section: [], nested: false }];
  const name = parts.length >= 2 ? label.text : parseLabelNames(label.text).term;
  return [...own, ...within(children, name, true)];
}

function within(children: Candidate[], name: string, nested: boolean): Candidate[] {
  for (const child of children) {
    child.section.unshift(name);
    if (nested) child.nested = true;
  }
  return children;
}

/** A heading is a section when its body holds term headings or opens with a term definition. */
function isSectionBody(blocks: readonly Block[], env: ExtractEnv, heading: boolean): boolean {
  return holdsTermHeading(blocks, env) || opensWithTerm(blocks, env, heading);
}

/** Whether the blocks hold a term heading (not counting headings inside narrative ones). */
function holdsTermHeading(blocks: readonly Block[], env: ExtractEnv): boolean {
  let skipDeeperThan = 0;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    if (skipDeeperThan && block.depth > skipDeeperThan) continue;
    skipDeeperThan = 0;
    if (isTermHeading(block, env)) return true;
    skipDeeperThan = block.depth;
  }
  return false;
}

function isTermHeading(heading: Heading, env: ExtractEnv): boolean {
  if (env.narrativeHeadings.has(startOf(heading))) return false;
  const kind = classifyLabel(cleanLabel(plainText(heading)));
  return kind === 'term' || kind === 'container';
}

/**
 * The body's first block is a term heading, a bold term label or a definition list. Under a
 * real heading, a list or table made only of bold term labels counts too (`## B` over
 * `- **Backoff**: ...`); under a bold label it is the label's own list (`**Cache Eviction**:`).
 */
function opensWithTerm(blocks: readonly Block[], env: ExtractEnv, heading: boolean): boolean {
  const first = blocks.find((block) => block.type !== 'thematicBreak');
  if (first?.type === 'heading') return isTermHeading(first, env);
  if (heading && first?.type === 'list') return first.children.every((item) => isTermLed(item.children[0]));
  if (heading && first?.type === 'table') return first.children.length > 1 && first.children.slice(1).every((row) => isTermLed(row.children[0]));
  if (first?.type !== 'paragraph') return false;
  const lead = leadingStrong(first);
  if (lead) return labelKind(lead) === 'term';
  return /\n[ \t]*:[ \t]/.test(plainText(first)) || /^\*\[[^\]]+\]:/.test(plainText(first));
}

function isTermLed(node: Nodes | undefined): boolean {
  if (node?.type !== 'paragraph' && node?.type !== 'tableCell') return false;
  const first = node.children[0];
  return first?.type === 'strong' && labelKind(first) === 'term';
}

/** The label span without decoration: bold markers, emoji, numbering, trailing colon. */
function trimLabelSpan(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = /^(?:[\s*_]|\p{Extended_Pictographic}|\uFE0F|\u200D)*(?:(?:\d{1,3}[.)]|[ivx]{1,4}\.)\s+)?(?:[\s*_]|\p{Extended_Pictographic}|\uFE0F)*/iu.exec(slice)?.[0].length ?? 0;
  const trail = /(?:[\s*_:：]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/u.exec(slice.slice(lead))?.[0].length ?? 0;
  if (lead < slice.length - trail) return { start: span.start + lead, end: span.start + slice.length - trail };
  // Nothing is left without the decoration (the name is "1."): keep the label, trimmed of blanks.
  const start = span.start + slice.length - slice.trimStart().length;
  const end = span.start + slice.trimEnd().length;
  return start < end ? { start, end } : span;
}

function partSpan(text: string, span: Span, part: string): Span {
  const at = text.slice(span.start, span.end).indexOf(part);
  return at === -1 ? span : { start: span.start + at, end: span.start + at + part.length };
}

// ---------------------------------------------------------------------------------------------
// Paragraph lines: bold-led definitions, definition lists, abbreviations.

interface Line {
  readonly start: number;
  /** Offset of the first non-blank character. */
  readonly first: number;
  readonly end: number;
}

const ABBREVIATION = /^\*\[([^\]]+)\]:[ \t]*(.+)$/;

function paragraphEntries(blocks: readonly Block[], i: number, to: number, env: ExtractEnv, out: Candidate[]): number {
  const paragraph = blocks[i] as Paragraph;
  const lines = linesOf(env.text, startOf(paragraph), endOf(paragraph));
  const strongs = new Map<number, Strong>();
  for (const child of paragraph.children) if (child.type === 'strong') strongs.set(startOf(child), child);
  const isDescription = (line: Line | undefined) => line !== undefined && /^:[ \t]/.test(env.text.slice(line.first, line.first + 2));
  const isTerm = (k: number) => !isDescription(lines[k]) && isDescription(lines[k + 1]);
  const starts = (k: number) => isTerm(k) || strongs.has(lines[k].first) || ABBREVIATION.test(lineText(env.text, lines[k]));
  let next = i + 1;
  for (let k = 0; k < lines.length; k++) {
    if (!starts(k)) continue;
    let last = k;
    while (last + 1 < lines.length && !starts(last + 1)) last++;
    const line = lines[k];
    const abbreviation = ABBREVIATION.exec(lineText(env.text, line));
    const strong = strongs.get(line.first);
    if (isTerm(k)) {
      push(out, definitionListEntry(line, lines.slice(k + 1, last + 1), env));
    } else if (abbreviation) {
      push(out, abbreviationEntry(line, abbreviation, env));
    } else if (strong) {
      const attach = last === lines.length - 1 && i + 1 < to && endsWithColon(env.text, lines[last]) && isAttachable(blocks[i + 1]);
      push(out, boldLedEntry(strong, lines[last].end, attach ? blocks[i + 1] : undefined, env));
      if (attach) next = i + 2;
    }
    k = last;
  }
  // `<!-- aliases: a, b -->` right under a bold-led entry is a block of its own; it belongs to it.
  const comment = blocks[next];
  const owner = out[out.length - 1];
  if (next < to && comment?.type === 'html' && META_COMMENT_BLOCK.test(comment.value) && owner && !owner.fromHeading && startOf(comment) > owner.labelSpan.start) {
    out[out.length - 1] = { ...owner, definition: `${owner.definition}\n${comment.value}`, section: owner.section, nested: owner.nested };
    next++;
  }
  return next;
}

const META_COMMENT_BLOCK = /^<!--\s*(?:aliases?|tags?|see[- ]?also|case)\s*:[^\n]*-->\s*$/i;

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let at = start;
  while (at < end) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    let first = at;
    while (first < lineEnd && (text[first] === ' ' || text[first] === '\t')) first++;
    lines.push({ start: at, first, end: text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd });
    at = lineEnd + 1;
  }
  return lines;
}

function lineText(text: string, line: Line): string {
  return text.slice(line.first, line.end);
}

function endsWithColon(text: string, last: Line): boolean {
  return /[:：]\**\s*$/.test(text.slice(last.first, last.end));
}

function isAttachable(block: Block): boolean {
  return block.type === 'list' || block.type === 'table' || block.type === 'code';
}

/** Reads what follows a bold label: a parenthetical alias, then a colon or dash (label form) or prose (sentence form). */
function afterLabel(text: string, strong: Strong, limit: number): { defStart: number; sentence: boolean; alias?: string } {
  let at = endOf(strong);
  const newline = text.indexOf('\n', at);
  const lineEnd = newline === -1 || newline > limit ? limit : newline;
  const skip = () => { while (at < limit && (text[at] === ' ' || text[at] === '\t')) at++; };
  skip();
  let alias: string | undefined;
  if (text[at] === '(' || text[at] === '（') {
    const close = text.slice(at, limit).search(/[)）]/);
    if (close !== -1) {
      // A parenthetical may wrap onto the next line; a name is one line.
      alias = text.slice(at + 1, at + close).replace(/\s+/g, ' ').trim();
      at += close + 1;
      skip();
    }
  }
  // A label alone on its line: the definition is on the lines below.
  if (text.slice(at, lineEnd).trim() === '') return { defStart: lineEnd, sentence: false, alias };
  if (text[at] === ':' || text[at] === '：') return { defStart: at + 1, sentence: false, alias };
  if (/^[–—-][ \t]/.test(text.slice(at, at + 2))) return { defStart: at + 2, sentence: false, alias };
  if (/[:：]\s*$/.test(plainText(strong))) return { defStart: endOf(strong), sentence: false, alias };
  return { defStart: startOf(strong), sentence: true, alias };
}

function boldLedEntry(strong: Strong, lineEnd: number, attached: Block | undefined, env: ExtractEnv): Candidate[] {
  const after = afterLabel(env.text, strong, lineEnd);
  const defEnd = attached ? endOf(attached) : lineEnd;
  return labelled(
    strongSite(strong, after.alias ? [after.alias] : []),
    { defStart: after.defStart, defEnd, limit: defEnd, children: attached ? [attached] : [], mayBeSection: false, sentence: after.sentence, fromHeading: false },
    env,
  );
}

function abbreviationEntry(line: Line, match: RegExpExecArray, env: ExtractEnv): Candidate[] {
  const start = line.first + 2;
  const expansion = match[2].trim();
  return labelled(
    { raw: match[1], span: { start, end: start + match[1].length }, extraAliases: [expansion] },
    { defStart: line.first, defEnd: line.end, limit: line.end, definition: expansion, children: [], mayBeSection: false, sentence: false, fromHeading: false },
    env,
  );
}

function definitionListEntry(term: Line, descriptions: readonly Line[], env: ExtractEnv): Candidate[] {
  const definition = descriptions
    .map((line) => lineText(env.text, line).replace(/^:[ \t]*/, ''))
    .join('\n')
    .trim();
  const last = descriptions[descriptions.length - 1] ?? term;
  return labelled(
    { raw: lineText(env.text, term), span: { start: term.first, end: term.end } },
    { defStart: term.end, defEnd: last.end, limit: last.end, definition, children: [], mayBeSection: false, sentence: false, fromHeading: false },
    env,
  );
}

/** `Term` as a one-line paragraph, a blank line, then a paragraph starting with `: `. */
function spacedDefinition(blocks: readonly Block[], i: number, to: number, env: ExtractEnv): Candidate[] | undefined {
  const paragraph = blocks[i] as Paragraph;
  const next = blocks[i + 1];
  if (i + 1 >= to || next.type !== 'paragraph' || !/^:[ \t]/.test(env.text.slice(startOf(next), startOf(next) + 2))) return undefined;
  const termLines = linesOf(env.text, startOf(paragraph), endOf(paragraph));
  if (termLines.length !== 1) return undefined;
  return definitionListEntry(termLines[0], linesOf(env.text, startOf(next), endOf(next)), env);
}

// ---------------------------------------------------------------------------------------------
// Lists and tables.

function listEntries(list: List, env: ExtractEnv): Candidate[] {
  const out: Candidate[] = [];
  for (const item of list.children) {
    try {
      push(out, itemEntries(item, env));
    } catch (error) {
      env.onError(error, { start: startOf(item), end: endOf(item) });
    }
  }
  return out;
}

/** `- **Merge**: Combines ...` (label form) or `- **POSIX** (...) is ...` (sentence form). */
function itemEntries(item: ListItem, env: ExtractEnv): Candidate[] {
  const first = item.children[0];
  const strong = first?.type === 'paragraph' ? leadingStrong(first) : undefined;
  if (!first || first.type !== 'paragraph' || !strong) return walk(item.children, 0, item.children.length, endOf(item), env);
  const bold = boldOnly(first);
  const after = bold ? { defStart: endOf(first), sentence: false, alias: undefined } : afterLabel(env.text, strong, endOf(first));
  const rest = item.children.slice(1);
  return labelled(
    strongSite(strong, after.alias ? [after.alias] : []),
    { defStart: after.defStart, defEnd: endOf(item), limit: endOf(item), children: rest, mayBeSection: false, sentence: after.sentence, fromHeading: false },
    env,
  );
}

/** Rows whose first cell is bold name a concept; the other cells define it. */
function tableEntries(table: Table, env: ExtractEnv): Candidate[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const headers = header.children.map((cell) => plainText(cell).trim());
  const out: Candidate[] = [];
  for (const row of rows) {
    const [first, ...cells] = row.children;
    const strong = first?.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
    if (strong?.type !== 'strong') continue;
    const sources = cells.map((cell) => env.text.slice(contentSpan(cell).start, contentSpan(cell).end).trim());
    const definition = sources.length === 1
      ? sources[0]
      : sources.map((source, k) => (source ? `- **${headers[k + 1] || `Column ${k + 2}`}**: ${source}` : '')).filter(Boolean).join('\n');
    push(out, labelled(
      strongSite(strong),
      { defStart: startOf(row), defEnd: endOf(row), limit: endOf(row), definition, children: [], mayBeSection: false, sentence: false, fromHeading: false },
      env,
    ));
  }
  return out;
}
