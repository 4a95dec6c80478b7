/** Search queries with a known intended term: exact names, one-edit typos, word-prefix abbreviations and prefixes. */
import type { TermSpec } from './generate';
import { createRandom, deriveSeed, type Random } from './random';

export type QueryKind = 'exact' | 'typo' | 'abbreviation' | 'prefix';

export interface Query {
  readonly kind: QueryKind;
  readonly text: string;
  /** The term the user meant. */
  readonly intended: string;
}

export const QUERY_KINDS: readonly QueryKind[] = ['exact', 'typo', 'abbreviation', 'prefix'];

/** `perKind` queries of each kind, aimed at terms of `specs`, deterministic for the seed. */
export function generateQueries(seed: number, specs: readonly TermSpec[], perKind: number): Query[] {
  const random = createRandom(deriveSeed(seed, 4));
  const queries: Query[] = [];
  for (const kind of QUERY_KINDS) {
    let made = 0;
    for (let attempts = 0; made < perKind && attempts < perKind * 50; attempts++) {
      const spec = random.pick(specs);
      const text = makeQuery(random, kind, spec.term.toLowerCase());
      if (text === undefined) continue;
      queries.push({ kind, text, intended: spec.term });
      made++;
    }
  }
  return queries;
}

function makeQuery(random: Random, kind: QueryKind, name: string): string | undefined {
  const words = name.split(/\s+/);
  switch (kind) {
    case 'exact':
      return name;
    case 'typo':
      return name.length >= 5 ? typo(random, name) : undefined;
    case 'abbreviation':
      // "dep inj" for "dependency injection".
      return words.length >= 2 && words.every((word) => word.length >= 5)
        ? words.map((word) => word.slice(0, random.int(3, 4))).join(' ')
        : undefined;
    case 'prefix':
      return name.length >= 8 ? name.slice(0, random.int(5, Math.min(10, name.length - 2))) : undefined;
  }
}

/** One edit that people make: a dropped, doubled, swapped or wrong letter, never the first one. */
function typo(random: Random, name: string): string {
  const at = random.int(1, name.length - 2);
  const letter = String.fromCharCode(97 + random.int(0, 25));
  switch (random.int(0, 3)) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1);
    case 1:
      return name.slice(0, at) + name.charAt(at) + name.slice(at);
    case 2:
      return name.slice(0, at) + name.charAt(at + 1) + name.charAt(at) + name.slice(at + 2);
    default:
      return name.slice(0, at) + letter + name.slice(at + 1);
  }
}
