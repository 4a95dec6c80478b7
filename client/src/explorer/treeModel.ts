/**
 * Pure shaping of the server's glossary tree for the Concept Explorer: filtering and counting.
 * No `vscode` import, so the unit tests run without an editor.
 */
import type { EntrySummary, TreeSection } from '../../../server/src/protocol';

/**
 * The sections whose terms match `filter` (case-insensitive, on the term, its aliases or its
 * summary), with empty sections dropped. A section whose own name matches keeps all its terms.
 */
export function filterTree(sections: readonly TreeSection[], filter: string): readonly TreeSection[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return sections;
  const matches = (entry: EntrySummary) =>
    entry.term.toLowerCase().includes(needle) ||
    entry.aliases.some((alias) => alias.toLowerCase().includes(needle)) ||
    entry.summary.toLowerCase().includes(needle);
  const prune = (section: TreeSection): TreeSection | undefined => {
    if (section.name.toLowerCase().includes(needle)) return section;
    const terms = section.terms.filter(matches);
    const children = section.sections.map(prune).filter((child): child is TreeSection => child !== undefined);
    return terms.length || children.length ? { name: section.name, sections: children, terms } : undefined;
  };
  return sections.map(prune).filter((section): section is TreeSection => section !== undefined);
}

/** How many terms a section holds, its subsections included. */
export function countTerms(section: TreeSection): number {
  return section.terms.length + section.sections.reduce((sum, child) => sum + countTerms(child), 0);
}

/** The section reached by following `path` from the top level, if it exists. */
export function sectionAt(sections: readonly TreeSection[], path: readonly string[]): TreeSection | undefined {
  let current: TreeSection | undefined;
  let level = sections;
  for (const name of path) {
    current = level.find((section) => section.name === name);
    if (!current) return undefined;
    level = current.sections;
  }
  return current;
}

/** Every term in the tree, each once, sorted by term. */
export function allTerms(sections: readonly TreeSection[]): EntrySummary[] {
  const byId = new Map<string, EntrySummary>();
  const visit = (section: TreeSection) => {
    for (const term of section.terms) byId.set(term.id, term);
    section.sections.forEach(visit);
  };
  sections.forEach(visit);
  return [...byId.values()].sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' }));
}
