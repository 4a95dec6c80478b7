import type { Nodes, Root, RootContent, Yaml } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor as UnifiedProcessor } from 'unified';
import { capBrackets, capNesting } from './limits';
import { skimNarrative } from './skim';

/**
 * remark's cost grows faster than the text (it is spent per block, and more so in long
 * documents), so texts are parsed in pieces of about this size, cut before heading lines.
 * Small pieces also make re-parsing an edited file cheap: unchanged pieces come from the cache.
 */
const CHUNK_TARGET = 4_000;

/** Parsed pieces are kept by their text, up to about this many characters in all. */
const CACHE_CHARACTERS = 16 * 1024 * 1024;

/** The top-level blocks of a markdown text, positions in offsets of the whole text. */
export interface MarkdownBlocks {
  readonly frontMatter?: Yaml;
  readonly blocks: readonly RootContent[];
  /** Headings whose bodies were skipped as narrative (see skim.ts), by start offset. */
  readonly narrativeHeadings: ReadonlySet<number>;
}

/**
 * GFM tables are the only GitHub extension the reader needs, and the full remark-gfm (autolink
 * literals above all) doubles remark's cost; so pieces with a table get just the table syntax
 * (the extension remark-gfm itself uses), and pieces without one get plain CommonMark.
 */
function gfmTables(this: UnifiedProcessor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processors = {
  plain: unified().use(remarkParse).freeze(),
  tables: unified().use(remarkParse).use(gfmTables).freeze(),
  frontMatter: unified().use(remarkParse).use(gfmTables).use(remarkFrontmatter, ['yaml']).freeze(),
};

/** A GFM table's delimiter row, such as `| --- | :---: |` or `---|---`. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*\|[ \t]*(?::?-+:?[ \t]*\|?[ \t]*)*$/m;

const cache = new Map<string, readonly RootContent[]>();
let cachedCharacters = 0;

/** Forgets every cached piece, so that benchmarks measure parsing rather than the cache. */
export function clearParseCache(): void {
  cache.clear();
  cachedCharacters = 0;
}

/** Parses `text` into top-level mdast blocks; a YAML front matter block is returned apart. */
export function parseBlocks(original: string): MarkdownBlocks {
  const { text, narrativeHeadings, blockStarts } = skimNarrative(capBrackets(capNesting(original)));
  const blocks: RootContent[] = [];
  for (const chunk of chunksOf(text, blockStarts)) {
    const piece = chunk.start === 0 && chunk.end === text.length ? text : text.slice(chunk.start, chunk.end);
    // micromark drops a byte order mark before it counts offsets; count it back in.
    const bom = chunk.start === 0 && piece.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (const block of parsePiece(piece, chunk.start === 0)) blocks.push(shifted(block, chunk.start + bom, chunk.line));
  }
  const first = blocks[0];
  if (first?.type === 'yaml') return { frontMatter: first, blocks: blocks.slice(1), narrativeHeadings };
  return { blocks, narrativeHeadings };
}

/** The blocks of one piece, positions relative to it; cached by the piece's text. */
function parsePiece(piece: string, first: boolean): readonly RootContent[] {
  const key = first ? `F${piece}` : `-${piece}`;
  const cached = cache.get(key);
  if (cached) {
    // Refresh its place in the eviction order.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const processor = first && /^\uFEFF?---/.test(piece) ? processors.frontMatter : TABLE_DELIMITER.test(piece) ? processors.tables : processors.plain;
  const root: Root = processor.parse(piece);
  cache.set(key, root.children);
  cachedCharacters += piece.length;
  for (const [oldKey] of cache) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    cache.delete(oldKey);
    cachedCharacters -= oldKey.length - 1;
  }
  return root.children;
}

/** How a renderer reads markdown: plain CommonMark, or with every GitHub extension (autolinked URLs, footnotes...). */
export type MarkdownDialect = 'commonmark' | 'gfm';

const dialects: Record<MarkdownDialect, { parse(text: string): Root }> = {
  commonmark: processors.plain,
  gfm: unified().use(remarkParse).use(remarkGfm).freeze(),
};

/** Parses a whole markdown text in `dialect`, without the piece cache; offsets are the text's. */
export function parseMarkdown(text: string, dialect: MarkdownDialect): Root {
  return dialects[dialect].parse(text);
}

interface Chunk {
  readonly start: number;
  readonly end: number;
  /** 0-based line of `start`. */
  readonly line: number;
}

/**
 * Cuts a text before some of its lines that surely start a top-level block (headings, and lines
 * at column 0 after a blank line that are no list items; see skim.ts). Such a line always starts
 * a new top-level block, so the pieces parse to the same blocks as the whole text, except for link
 * reference definitions used across pieces, which then read as plain text.
 */
function chunksOf(text: string, blockStarts: readonly number[]): Chunk[] {
  const cuts = [0];
  for (const at of blockStarts) if (at - cuts[cuts.length - 1] >= CHUNK_TARGET) cuts.push(at);
  const chunks: Chunk[] = [];
  let line = 0;
  for (let k = 0; k < cuts.length; k++) {
    if (k > 0) line += countLines(text, cuts[k - 1], cuts[k]);
    chunks.push({ start: cuts[k], end: k + 1 < cuts.length ? cuts[k + 1] : text.length, line });
  }
  return chunks;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A copy of a cached node with positions moved to where its piece starts; the cache stays intact. */
function shifted<T extends Nodes>(node: T, offset: number, line: number): T {
  const copy = { ...node };
  const position = node.position;
  if (position) {
    copy.position = {
      start: { ...position.start, offset: (position.start.offset ?? 0) + offset, line: position.start.line + line },
      end: { ...position.end, offset: (position.end.offset ?? 0) + offset, line: position.end.line + line },
    };
  }
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((child) => shifted(child, offset, line));
  return copy;
}
