import { createGlossaryIndex, type GlossaryIndex } from './glossaryIndex';
import { parseGlossary } from './parseGlossary';
import { findMojibake } from './mojibake';
import { isSameText, positionIn, summarizeText, type LinePosition, type TextSummary } from './textSummary';
import type { GlossaryProblem, ParsedGlossary } from './types';

/**
 * The glossary files currently known, each parsed once per content. Changing one file re-parses
 * only that file; the index is rebuilt lazily, once per version.
 */
export interface GlossarySet {
  /**
   * Sets a file's text, parsed here unless `parsed` (from {@link readGlossary} elsewhere, such as
   * a worker thread) is given; returns false (and keeps the version) when nothing changed.
   */
  update(uri: string, text: string, options?: { priority?: number; parsed?: ParsedGlossary }): boolean;
  /** Forgets a file; returns false when it was not known. */
  remove(uri: string): boolean;
  has(uri: string): boolean;
  uris(): string[];
  parsed(uri: string): ParsedGlossary | undefined;
  /** Whether `text` is the text the file was last parsed from. */
  hasText(uri: string, text: string): boolean;
  /** Where an offset of the parse (an entry's label, a problem) lies in the file's text. */
  positionAt(uri: string, offset: number): LinePosition | undefined;
  readonly version: number;
  /** The index for the current version. */
  index(): GlossaryIndex;
}

interface FileState {
  /** Not the text itself: an index of 50k terms would keep every glossary's text twice (see textSummary.ts). */
  readonly summary: TextSummary;
  readonly parsed: ParsedGlossary;
  /** Lower comes first in the index: workspace glossaries before the shipped one. */
  readonly priority: number;
  readonly order: number;
}

export function createGlossarySet(): GlossarySet {
  const files = new Map<string, FileState>();
  let version = 0;
  let order = 0;
  let built: GlossaryIndex | undefined;

  return {
    update(uri, text, options = {}) {
      const previous = files.get(uri);
      const priority = options.priority ?? previous?.priority ?? 0;
      const same = previous !== undefined && isSameText(previous.summary, text);
      if (previous && same && previous.priority === priority && (!options.parsed || options.parsed === previous.parsed)) return false;
      const parsed = options.parsed ?? (same ? previous.parsed : readGlossary(uri, text));
      files.set(uri, { summary: same ? previous.summary : summarizeText(text), parsed, priority, order: previous?.order ?? order++ });
      version++;
      return true;
    },
    remove(uri) {
      if (!files.delete(uri)) return false;
      version++;
      return true;
    },
    has: (uri) => files.has(uri),
    uris: () => [...files.keys()],
    parsed: (uri) => files.get(uri)?.parsed,
    hasText(uri, text) {
      const file = files.get(uri);
      return file !== undefined && isSameText(file.summary, text);
    },
    positionAt(uri, offset) {
      const file = files.get(uri);
      return file && positionIn(file.summary, offset);
    },
    get version() {
      return version;
    },
    index() {
      if (built?.version !== version) {
        const ordered = [...files.values()].sort((a, b) => a.priority - b.priority || a.order - b.order);
        built = createGlossaryIndex(ordered.map((file) => file.parsed), { version });
      }
      return built;
    },
  };
}

/** Parses a file and adds the problems that concern its text as a whole. */
export function readGlossary(uri: string, text: string): ParsedGlossary {
  const parsed = parseGlossary(uri, text);
  const mojibake = findMojibake(text, 3);
  if (mojibake.length < 3) return parsed;
  const problem: GlossaryProblem = {
    code: 'mojibake',
    severity: 'warning',
    uri,
    span: mojibake[0]!,
    message: 'This file looks like UTF-8 text that was decoded as Mac Roman and saved again ("‚Äî" instead of "—"). Re-save it as UTF-8 from the original, or repair it.',
  };
  return { ...parsed, problems: [...parsed.problems, problem] };
}
