import type { CaseMode, GlossaryEntry, Span } from '../types';
import type { Candidate } from './extract';
import { asAlias, parseLabelNames } from './labels';
import { splitMetadata } from './metadata';

/** Fields that a whole file gives every entry (from its front matter). */
export interface FileDefaults {
  readonly tags: readonly string[];
  readonly section: readonly string[];
}

/**
 * Reads each candidate's names and metadata and gives it a unique id. A nested candidate whose
 * name is defined at the top level elsewhere in the file is a mention, not a definition: dropped.
 */
export function buildEntries(uri: string, candidates: readonly Candidate[], defaults: FileDefaults): GlossaryEntry[] {
  const named = candidates.map((candidate) => ({ candidate, names: parseLabelNames(candidate.label.text) }));
  const topLevel = new Set<string>();
  for (const { candidate, names } of named) if (!candidate.nested) topLevel.add(nameKey(names.term));
  const ids = new IdAllocator(uri);
  const built: GlossaryEntry[] = [];
  for (const { candidate, names } of named) {
    if (!names.term || (candidate.nested && topLevel.has(nameKey(names.term)))) continue;
    const { definition, metadata } = splitMetadata(candidate.definition, candidate.sentence);
    const parenthetical = candidate.extraAliases.flatMap((raw) => asAlias(raw, names.term) ?? []);
    built.push({
      id: ids.next(names.term),
      term: names.term,
      aliases: distinctNames([...names.aliases, ...parenthetical, ...metadata.aliases], names.term),
      definition,
      section: [...defaults.section, ...candidate.section],
      source: {
        uri,
        startLine: candidate.startLine,
        endLine: Math.max(candidate.startLine, candidate.endLine),
        labelSpan: candidate.labelSpan,
      },
      tags: distinctNames([...defaults.tags, ...metadata.tags]),
      seeAlso: distinctNames(metadata.seeAlso),
      ...(metadata.caseMode ? { caseMode: metadata.caseMode } : {}),
    });
  }
  return built;
}

/** One entry for a whole file (front matter mode). */
export interface SingleEntryInput {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly seeAlso: readonly string[];
  readonly caseMode?: CaseMode;
  readonly definition: string;
  readonly labelSpan: Span;
  readonly startLine: number;
  readonly endLine: number;
}

/** Builds the entry of a one-term file; metadata lines in the body add to the front matter's. */
export function buildSingleEntry(uri: string, input: SingleEntryInput): GlossaryEntry {
  const { definition, metadata } = splitMetadata(input.definition);
  const names = parseLabelNames(input.term);
  const caseMode = metadata.caseMode ?? input.caseMode;
  return {
    id: new IdAllocator(uri).next(names.term),
    term: names.term,
    aliases: distinctNames([...names.aliases, ...input.aliases, ...metadata.aliases], names.term),
    definition,
    section: [],
    source: { uri, startLine: input.startLine, endLine: Math.max(input.startLine, input.endLine), labelSpan: input.labelSpan },
    tags: distinctNames([...input.tags, ...metadata.tags]),
    seeAlso: distinctNames([...input.seeAlso, ...metadata.seeAlso]),
    ...(caseMode ? { caseMode } : {}),
  };
}

/** Compares names the way the seed list and the index do: case, spaces, `-` and `_` ignored. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function distinctNames(names: readonly string[], except?: string): string[] {
  const seen = new Set(except ? [nameKey(except)] : []);
  const out: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Hands out `uri#slug` ids, suffixing `-2`, `-3` for repeated slugs. */
class IdAllocator {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly uri: string) {}

  next(term: string): string {
    const base = slugify(term);
    let slug = base;
    let count = this.counters.get(base) ?? 1;
    while (this.used.has(slug)) slug = `${base}-${++count}`;
    this.counters.set(base, count);
    this.used.add(slug);
    return `${this.uri}#${slug}`;
  }
}

/** A URL fragment for a term: lower case letters and digits of any script, runs of others as `-`. */
export function slugify(term: string): string {
  const slug = term.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug || 'entry';
}
