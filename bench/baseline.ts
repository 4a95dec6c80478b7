/**
 * The naive approach the term matcher is measured against: one case-insensitive, global,
 * word-bounded regular expression per name, each run over the whole text.
 */

export interface BaselineMatch {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface RegexBaseline {
  readonly size: number;
  scan(text: string): BaselineMatch[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles one `/\bname\b/gi` per name up front; `scan` only runs them. */
export function createRegexBaseline(names: readonly string[]): RegexBaseline {
  const patterns = names.map((name) => ({ name, regex: new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi') }));
  return {
    size: patterns.length,
    scan(text) {
      const matches: BaselineMatch[] = [];
      for (const { name, regex } of patterns) {
        regex.lastIndex = 0;
        for (let match = regex.exec(text); match; match = regex.exec(text)) {
          matches.push({ start: match.index, end: match.index + match[0].length, name });
        }
      }
      return matches;
    },
  };
}
