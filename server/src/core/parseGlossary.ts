import type { Heading, RootContent, Yaml } from 'mdast';
import { buildEntries, buildSingleEntry } from './parse/entries';
import { extractCandidates, type ExtractEnv } from './parse/extract';
import { readFrontMatter, type FrontMatter } from './parse/frontMatter';
import { createLineIndex, type LineIndex } from './parse/lines';
import { parseBlocks } from './parse/markdown';
import { contentSpan, endOf, plainText, startOf } from './parse/nodes';
import type { GlossaryEntry, GlossaryProblem, ParsedGlossary, ProblemSeverity, Span } from './types';

/** Texts longer than this (in UTF-16 code units, ~10 MB) are not parsed at all. */
export const MAX_GLOSSARY_LENGTH = 10 * 1024 * 1024;

/**
 * Reads the glossary entries of one markdown file. Understands term headings, bold-only
 * pseudo-headings, bold-led paragraphs and list items, tables with bold first cells, definition
 * lists, abbreviations, one-term files with YAML front matter, and `Aliases:`/`Tags:`/`See also:`/
 * `Case:` metadata lines. Never throws: failures become problems next to whatever was read.
 */
export function parseGlossary(uri: string, text: string): ParsedGlossary {
  const problems: GlossaryProblem[] = [];
  const report = (code: string, severity: ProblemSeverity, message: string, span: Span = { start: 0, end: 0 }) =>
    problems.push({ code, severity, message, uri, span });
  let entries: GlossaryEntry[] = [];
  try {
    if (text.length > MAX_GLOSSARY_LENGTH) {
      report('file-too-large', 'warning', `The file is larger than ${MAX_GLOSSARY_LENGTH / 1024 / 1024} MB; it was not read as a glossary.`);
    } else if (text.includes('\0')) {
      report('binary-file', 'warning', 'The file looks binary (it contains NUL characters); it was not read as a glossary.');
    } else {
      entries = readEntries(uri, text, report);
    }
  } catch (error) {
    report('parse-failed', 'error', `The glossary could not be read completely: ${describe(error)}`);
  }
  // Entries without a definition are kept; the index reports them (`empty-definition`).
  return { uri, entries, problems };
}

type Report = (code: string, severity: ProblemSeverity, message: string, span?: Span) => void;

function readEntries(uri: string, original: string, report: Report): GlossaryEntry[] {
  // A lone CR (classic Mac line ends) becomes an LF of the same length: offsets and lines stay, and every line reader sees it.
  const text = original.includes('\r') ? original.replace(/\r(?!\n)/g, '\n') : original;
  const { frontMatter: yaml, blocks, narrativeHeadings } = parseBlocks(text);
  const lines = createLineIndex(text);
  const frontMatter = yaml ? readFileMetadata(yaml, report) : undefined;
  const env: ExtractEnv = {
    text,
    lines,
    narrativeHeadings,
    onError: (error, at) => report('parse-failed', 'error', `Part of the glossary could not be read: ${describe(error)}`, at),
  };
  const candidates = extractCandidates(blocks, env);
  const single = frontMatter && (frontMatter.term || frontMatter.aliases.length > 0 || (frontMatter.title && candidates.length <= 1));
  if (frontMatter && single && yaml) {
    const entry = singleEntry(uri, text, lines, frontMatter, yaml, blocks);
    if (entry) return [entry];
  }
  return buildEntries(uri, candidates, { tags: frontMatter?.tags ?? [], section: [] });
}

function readFileMetadata(yaml: Yaml, report: Report): FrontMatter | undefined {
  const result = readFrontMatter(yaml.value);
  if ('frontMatter' in result) return result.frontMatter;
  report('invalid-front-matter', 'warning', `The front matter is not valid YAML: ${result.error}`, { start: startOf(yaml), end: endOf(yaml) });
  return undefined;
}

/** A file that defines one term: the term from the front matter or the first H1, the body as definition. */
function singleEntry(uri: string, text: string, lines: LineIndex, frontMatter: FrontMatter, yaml: Yaml, blocks: readonly RootContent[]): GlossaryEntry | undefined {
  const first = blocks.find((block) => block.type !== 'html' && block.type !== 'thematicBreak');
  const h1 = first?.type === 'heading' && first.depth === 1 ? (first as Heading) : undefined;
  // A setext heading may run over several lines; a name is always one line.
  const h1Text = h1 ? plainText(h1).replace(/\s+/g, ' ').trim() : undefined;
  const term = frontMatter.term ?? frontMatter.title ?? h1Text;
  if (!term) return undefined;
  const bodyStart = h1 ? endOf(h1) : endOf(yaml);
  const labelSpan = h1 && h1Text === term ? contentSpan(h1) : spanOfValue(text, yaml, term);
  return buildSingleEntry(uri, {
    term,
    aliases: frontMatter.aliases,
    tags: frontMatter.tags,
    seeAlso: frontMatter.seeAlso,
    caseMode: frontMatter.caseMode,
    definition: text.slice(bodyStart),
    labelSpan,
    startLine: lines.lineAt(labelSpan.start),
    endLine: lines.lineAt(Math.max(bodyStart, text.trimEnd().length) - 1),
  });
}

/** Where the front matter spells `value` (the term), or the front matter itself. */
function spanOfValue(text: string, yaml: Yaml, value: string): Span {
  const start = startOf(yaml);
  const at = text.slice(start, endOf(yaml)).indexOf(value);
  return at === -1 ? { start, end: endOf(yaml) } : { start: start + at, end: start + at + value.length };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
