import { parse } from 'yaml';
import type { CaseMode } from '../types';
import { splitList } from './metadata';

/** The glossary fields of a YAML front matter block. */
export interface FrontMatter {
  readonly term?: string;
  readonly title?: string;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly seeAlso: readonly string[];
  readonly caseMode?: CaseMode;
}

/** The front matter, or why it could not be read. */
export type FrontMatterResult = { readonly frontMatter: FrontMatter } | { readonly error: string };

/** Reads `term`/`title`, `aliases`, `tags`, `see-also`/`seeAlso` and `case` from YAML; never throws. */
export function readFrontMatter(source: string): FrontMatterResult {
  let data: unknown;
  try {
    // Warnings (an unknown `!tag`...) would go to the process's stderr; the core reports through problems only.
    data = parse(source, { logLevel: 'error' });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (data === null || data === undefined) return { frontMatter: { aliases: [], tags: [], seeAlso: [] } };
  if (typeof data !== 'object' || Array.isArray(data)) return { error: 'Front matter is not a mapping.' };
  const fields = data as Record<string, unknown>;
  const caseValue = text(fields['case'])?.toLowerCase();
  return {
    frontMatter: {
      term: text(fields['term']),
      title: text(fields['title']),
      aliases: names(fields['aliases'] ?? fields['alias']),
      tags: names(fields['tags'] ?? fields['tag']),
      seeAlso: names(fields['see-also'] ?? fields['seeAlso'] ?? fields['see_also'] ?? fields['related']),
      caseMode: caseValue === 'sensitive' || caseValue === 'insensitive' ? caseValue : undefined,
    },
  };
}

function text(value: unknown): string | undefined {
  // YAML block and folded scalars may span lines; names and tags are one line.
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (text(item) ? [text(item) as string] : []));
  const single = text(value);
  return single ? splitList(single) : [];
}
