import { entryKeys } from './entryKeys';
import type { GlossaryEntry, GlossaryProblem } from './types';

/**
 * Problems that only show across entries: a name defined twice in one file, an alias that
 * shadows another entry's term, an empty definition, a see-also link to an unknown term.
 * Definitions of one term in several files are not a problem: each glossary may define it.
 */
export function findIndexProblems(entries: readonly GlossaryEntry[], named: (key: string) => readonly GlossaryEntry[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const report = (entry: GlossaryEntry, code: string, message: string, severity: GlossaryProblem['severity'] = 'warning') =>
    problems.push({ code, message, severity, uri: entry.source.uri, span: entry.source.labelSpan });

  const termOwners = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const key = entryKeys(entry).term;
    const owners = termOwners.get(key);
    if (owners) owners.push(entry);
    else termOwners.set(key, [entry]);
  }

  for (const entry of entries) {
    const sameFile = (other: GlossaryEntry) => other !== entry && other.source.uri === entry.source.uri;
    const earlier = (other: GlossaryEntry) => sameFile(other) && other.source.startLine < entry.source.startLine;

    const keys = entryKeys(entry);
    const termKey = keys.term;
    const firstDefinition = named(termKey).find(earlier);
    if (firstDefinition) {
      report(entry, 'duplicate-term', `'${entry.term}' is already defined in this glossary (line ${firstDefinition.source.startLine + 1}).`);
    }

    for (const [i, alias] of entry.aliases.entries()) {
      const key = keys.aliases[i]!;
      if (key === termKey) continue;
      const shadowed = (termOwners.get(key) ?? []).find((other) => other !== entry && other.term !== entry.term);
      if (shadowed) {
        report(entry, 'alias-shadows-term', `The alias '${alias}' of '${entry.term}' is also the name of the term '${shadowed.term}'.`);
        continue;
      }
      const duplicate = named(key).find((other) => earlier(other) && other.term !== entry.term);
      if (duplicate) {
        report(entry, 'duplicate-alias', `The alias '${alias}' is already used by '${duplicate.term}' in this glossary.`);
      }
    }

    if (!entry.definition.trim()) {
      report(entry, 'empty-definition', `'${entry.term}' has no definition.`);
    }

    for (const [i, name] of entry.seeAlso.entries()) {
      if (named(keys.seeAlso[i]!).length === 0) {
        report(entry, 'unknown-see-also', `See also: '${name}' is not a term in any loaded glossary.`);
      }
    }
  }
  return problems;
}
