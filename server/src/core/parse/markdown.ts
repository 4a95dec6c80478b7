import type { Nodes, Root, RootContent, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { skimNarrative } from './skim';

/**
 * remark's cost grows faster than the text (it is spent per block, and more so in long
 * documents), so texts are parsed in pieces of about this size, cut before heading lines.
 */
const CHUNK_TARGET = 16_000;

/** The top-level blocks of a markdown text, positions in offsets of the whole text. */
export interface MarkdownBlocks {
  readonly frontMatter?: Yaml;
  readonly blocks: readonly RootContent[];
  /** Headings whose bodies were skipped as narrative (see skim.ts), by start offset. */
  readonly narrativeHeadings: ReadonlySet<number>;
}

type Processor = ReturnType<typeof createProcessor>;
let processor: Processor | undefined;

function createProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
}

/** Parses `text` into top-level mdast blocks; a YAML front matter block is returned apart. */
export function parseBlocks(original: string): MarkdownBlocks {
  processor ??= createProcessor();
  const { text, narrativeHeadings, headingStarts } = skimNarrative(original);
  const blocks: RootContent[] = [];
  for (const chunk of chunksOf(text, headingStarts)) {
    const whole = chunk.start === 0 && chunk.end === text.length;
    const root: Root = processor.parse(whole ? text : text.slice(chunk.start, chunk.end));
    if (chunk.start > 0) shiftPositions(root, chunk.start, chunk.line);
    for (const block of root.children) blocks.push(block);
  }
  const first = blocks[0];
  if (first?.type === 'yaml') return { frontMatter: first, blocks: blocks.slice(1), narrativeHeadings };
  return { blocks, narrativeHeadings };
}

interface Chunk {
  readonly start: number;
  readonly end: number;
  /** 0-based line of `start`. */
  readonly line: number;
}

/**
 * Cuts a text before some of its sure top-level heading lines (column 0, outside code fences,
 * HTML blocks and comments; see skim.ts). Such a line always starts a new top-level block, so the
 * pieces parse to the same blocks as the whole text, except for link reference definitions used
 * across pieces, which then read as plain text.
 */
function chunksOf(text: string, headingStarts: readonly number[]): Chunk[] {
  const cuts = [0];
  for (const at of headingStarts) if (at - cuts[cuts.length - 1] >= CHUNK_TARGET) cuts.push(at);
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

function shiftPositions(node: Nodes, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, offset: (position.start.offset ?? 0) + offset, line: position.start.line + line };
    position.end = { ...position.end, offset: (position.end.offset ?? 0) + offset, line: position.end.line + line };
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, offset, line);
}
