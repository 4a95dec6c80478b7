/**
 * Deterministic benchmark inputs: glossary terms, canonical glossary markdown split into files of
 * ~100 terms, and source documents (a TypeScript/Python-like mix) that mention those terms.
 * Everything derives from one seed, so the same seed always gives byte-identical inputs.
 */
import { createRandom, deriveSeed, type Random } from './random';
import {
  GENERIC,
  HEADS,
  LOCALS,
  MODIFIERS,
  NOUNS,
  PEOPLE,
  PEOPLE_NON_ASCII,
  SECTIONS,
  TAGS,
  TRANSLATIONS,
  VERBS,
} from './vocabulary';

/** Bump when the generator's output changes, so cached inputs are regenerated. */
export const GENERATOR_VERSION = 2;
export const TERMS_PER_FILE = 100;

/** One generated concept: its display term and its aliases. */
export interface TermSpec {
  readonly term: string;
  readonly aliases: readonly string[];
}

export interface GlossaryFile {
  readonly name: string;
  readonly text: string;
}

const title = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const titleCase = (words: readonly string[]): string => words.map(title).join(' ');
/** Duplicate detection that is stricter than any reasonable matcher normalization ("Q++" and "Q#" are one name). */
const dedupeKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The first `count` terms of the seed's term list. The list is generated sequentially, so a
 * smaller count is always a prefix of a larger one: the 1k glossary is part of the 10k one.
 */
export function generateTerms(seed: number, count: number): TermSpec[] {
  const random = createRandom(deriveSeed(seed, 1));
  const taken = new Set<string>();
  const specs: TermSpec[] = [];
  const claim = (name: string): boolean => {
    const key = dedupeKey(name);
    if (key.length < 2 || taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  while (specs.length < count) {
    const spec = generateTerm(random, claim);
    if (spec) specs.push(spec);
  }
  return specs;
}

function generateTerm(random: Random, claim: (name: string) => boolean): TermSpec | undefined {
  const roll = random.next();
  const sentenceCase = random.chance(0.25);
  const name = (words: string[]): string => (sentenceCase ? title(words.join(' ')) : titleCase(words));
  if (roll < 0.04) {
    // A single word, sometimes with a translation as alias.
    const noun = random.pick(NOUNS);
    if (!claim(noun)) return undefined;
    const translation = TRANSLATIONS[noun];
    return { term: title(noun), aliases: translation && claim(translation) ? [translation] : [] };
  }
  if (roll < 0.34) return withAlias(random, claim, name([random.pick(MODIFIERS), random.pick(NOUNS)]));
  if (roll < 0.56) return withAlias(random, claim, name([random.pick(NOUNS), random.pick(HEADS)]));
  if (roll < 0.74) return withAlias(random, claim, name([random.pick(MODIFIERS), random.pick(NOUNS), random.pick(HEADS)]));
  if (roll < 0.87) return acronym(random, claim);
  if (roll < 0.92) return named(random, claim, PEOPLE);
  if (roll < 0.95) return named(random, claim, PEOPLE_NON_ASCII);
  return punctuated(random, claim);
}

function withAlias(random: Random, claim: (name: string) => boolean, term: string): TermSpec | undefined {
  if (!claim(term)) return undefined;
  if (!random.chance(0.15)) return { term, aliases: [] };
  const alias = titleCase([random.pick(MODIFIERS), random.pick(NOUNS)]);
  return { term, aliases: claim(alias) ? [alias] : [] };
}

/** "DLM" with the alias "Distributed Lock Manager", or the other way round. */
function acronym(random: Random, claim: (name: string) => boolean): TermSpec | undefined {
  const words = [random.pick(MODIFIERS), random.pick(NOUNS)];
  for (let extra = random.int(0, 2); extra > 0; extra--) words.push(random.pick(extra === 1 ? HEADS : NOUNS));
  const expansion = titleCase(words);
  const short = words.map((word) => word.charAt(0).toUpperCase()).join('');
  if (!claim(expansion)) return undefined;
  if (!claim(short)) return { term: expansion, aliases: [] };
  // "HTTP/2"-like versions of some acronyms.
  if (random.chance(0.1)) {
    const versioned = `${short}/${random.int(2, 3)}`;
    if (claim(versioned)) return { term: versioned, aliases: [`${expansion} ${versioned.slice(-1)}`] };
  }
  return random.chance(0.7) ? { term: short, aliases: [expansion] } : { term: expansion, aliases: [short] };
}

function named(random: Random, claim: (name: string) => boolean, people: readonly string[]): TermSpec | undefined {
  const person = random.pick(people);
  const term = random.chance(0.4)
    ? `${person}'s ${title(random.pick(HEADS))}`
    : `${person} ${title(random.pick(random.chance(0.5) ? NOUNS : HEADS))}`;
  return claim(term) ? { term, aliases: [] } : undefined;
}

/** Names with punctuation and digits: "I/O Bound", "Read-Through Cache", "Q++", "Stream.js", "Base64 Encoding". */
function punctuated(random: Random, claim: (name: string) => boolean): TermSpec | undefined {
  const letter = (): string => String.fromCharCode(65 + random.int(0, 25));
  const forms = [
    () => `${letter()}/${letter()} ${title(random.pick(random.chance(0.5) ? MODIFIERS : HEADS))}`,
    () => `${title(random.pick(MODIFIERS))}-${title(random.pick(NOUNS))} ${title(random.pick(HEADS))}`,
    () => `${letter()}${random.chance(0.5) ? letter() : ''}${random.chance(0.5) ? '++' : '#'}`,
    () => `${title(random.pick(NOUNS))}.${random.pick(['js', 'io', 'rs', 'py'])}`,
    () => `${title(random.pick(NOUNS))}${random.pick(['32', '64', '128', '8'])} ${title(random.pick(HEADS))}`,
    () => `Layer ${random.int(2, 9)} ${title(random.pick(NOUNS))}`,
  ];
  const term = random.pick(forms)();
  return claim(term) ? { term, aliases: [] } : undefined;
}

/** Splits specs into files of `termsPerFile` terms; file `i` depends only on the seed, `i` and that size. */
export function generateGlossaryFiles(seed: number, specs: readonly TermSpec[], termsPerFile = TERMS_PER_FILE): GlossaryFile[] {
  const files: GlossaryFile[] = [];
  for (let start = 0, index = 0; start < specs.length; start += termsPerFile, index++) {
    const random = createRandom(deriveSeed(seed, 2, index));
    const own = specs.slice(start, start + termsPerFile);
    const earlier = specs.slice(0, start + own.length);
    files.push({ name: `glossary-${String(index).padStart(4, '0')}.md`, text: glossaryMarkdown(random, own, earlier) });
  }
  return files;
}

function glossaryMarkdown(random: Random, own: readonly TermSpec[], known: readonly TermSpec[]): string {
  const lines: string[] = [];
  const sections = random.int(2, 4);
  const perSection = Math.ceil(own.length / sections);
  own.forEach((spec, i) => {
    if (i % perSection === 0) {
      if (lines.length) lines.push('');
      lines.push(`# ${random.pick(SECTIONS)}`, '');
    } else {
      lines.push('');
    }
    // Canonical entry: heading, an optional metadata paragraph right under it, then the definition.
    lines.push(`## ${spec.term}`);
    if (spec.aliases.length) lines.push(`Aliases: ${spec.aliases.join(', ')}`);
    if (random.chance(0.3)) lines.push(`Tags: ${random.pick(TAGS)}, ${random.pick(TAGS)}`);
    if (random.chance(0.2)) lines.push(`See also: ${random.pick(known).term}`);
    lines.push('', definition(random, spec, known));
  });
  return `${lines.join('\n')}\n`;
}

function definition(random: Random, spec: TermSpec, known: readonly TermSpec[]): string {
  const other = (): string => random.pick(known).term;
  const noun = (): string => random.pick(NOUNS);
  const templates = [
    () => `A ${spec.term} is a ${random.pick(MODIFIERS)} ${noun()} that ${random.pick(VERBS)} each ${noun()} before the ${noun()} is released.`,
    () => `It ${random.pick(VERBS)} ${noun()}s without blocking the ${noun()}, which keeps the ${other()} ${random.pick(MODIFIERS)}.`,
    () => `Compare with ${other()}, which ${random.pick(VERBS)} the whole ${noun()} at once.`,
    () => `Typically implemented with a ${other()} and a ${random.pick(MODIFIERS)} ${noun()} per ${noun()}.`,
    () => `Teams use it when the ${noun()} grows beyond a single ${noun()} or the ${other()} becomes a bottleneck.`,
  ];
  const sentences: string[] = [];
  for (let n = random.int(1, 3); n > 0; n--) sentences.push(random.pick(templates)());
  return sentences.join(' ');
}

/** ASCII word parts of a term, for building identifiers ("I/O Bound" → ["I", "O", "Bound"]). */
function wordParts(term: string): string[] {
  const ascii = term.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/Ł/g, 'L');
  return ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

const camel = (parts: readonly string[]): string =>
  parts.map((part, i) => (i === 0 ? part.toLowerCase() : title(part.toLowerCase()))).join('');
const pascal = (parts: readonly string[]): string => parts.map((part) => title(part.toLowerCase())).join('');
const snake = (parts: readonly string[]): string => parts.map((part) => part.toLowerCase()).join('_');
const scream = (parts: readonly string[]): string => parts.map((part) => part.toUpperCase()).join('_');

/**
 * A source document of exactly `lineCount` lines: TypeScript and Python blocks whose identifiers,
 * comments and strings mention terms. The same seed gives a prefix-stable stream, so the
 * 10k-line document is the first 10k lines of the 100k-line one.
 */
export function generateDocument(seed: number, specs: readonly TermSpec[], lineCount: number): string {
  const random = createRandom(deriveSeed(seed, 3));
  // Half the mentions come from the first 1k terms (common concepts), half from all of them.
  const common = specs.slice(0, Math.min(1000, specs.length));
  const termOf = (): string => random.pick(random.chance(0.5) ? common : specs).term;
  const partsOf = (): string[] => {
    const parts = wordParts(termOf());
    return parts.length ? parts : [random.pick(NOUNS)];
  };
  const ident = {
    camel: () => (random.chance(0.5) ? camel([random.pick(GENERIC), ...partsOf()]) : camel(partsOf())),
    pascal: () => pascal(partsOf()),
    snake: () => (random.chance(0.5) ? snake([random.pick(GENERIC), ...partsOf()]) : snake(partsOf())),
    scream: () => scream(partsOf()),
    local: () => random.pick(LOCALS),
  };
  const mention = (): string => (random.chance(0.5) ? termOf() : termOf().toLowerCase());
  const sentence = (): string =>
    random.pick([
      () => `Retry the ${mention()} before the ${mention()} expires.`,
      () => `TODO: replace the ${mention()} with a ${random.pick(MODIFIERS)} ${random.pick(NOUNS)}.`,
      () => `Keeps the ${random.pick(NOUNS)} ${random.pick(MODIFIERS)}; see ${mention()}.`,
      () => `The ${mention()} ${random.pick(VERBS)} every ${random.pick(NOUNS)}.`,
      () => `Avoids ${mention()} when the ${random.pick(NOUNS)} is ${random.pick(MODIFIERS)}.`,
    ])();
  const prose = (): string => (random.chance(0.35) ? `${sentence()} ${sentence()}` : sentence());

  const tsBlock = (): string[] => {
    const name = ident.camel();
    const lines = [
      `/** ${prose()} */`,
      `export function ${name}(${ident.local()}: ${ident.pascal()}, ${ident.local()}?: Options): ${ident.pascal()} {`,
    ];
    for (let n = random.int(2, 8); n > 0; n--) {
      lines.push(
        random.pick([
          () => `  const ${ident.camel()} = ${ident.local()}.${ident.camel()}(${ident.local()}, ${ident.local()});`,
          () => `  const ${ident.local()} = await ${ident.camel()}(${ident.local()}, '${mention()}');`,
          () => `  // ${prose()}`,
          () => `  if (${ident.local()} > ${ident.scream()}) return ${ident.local()};`,
          () => `  log.debug('${mention()} ${random.pick(VERBS)}');`,
          () => `  ${ident.local()}.push(${ident.camel()});`,
          () => ``,
        ])(),
      );
    }
    lines.push(`  return ${ident.local()};`, `}`, ``);
    if (random.chance(0.3)) lines.push(`const ${ident.scream()} = ${random.int(1, 9999)};`);
    if (random.chance(0.2)) lines.push(`import { ${ident.pascal()} } from './${snake(partsOf()).replace(/_/g, '-')}';`);
    return lines;
  };

  const pyBlock = (): string[] => {
    const lines = [`def ${ident.snake()}(${ident.local()}, ${ident.snake()}=None):`, `    """${prose()}"""`];
    for (let n = random.int(2, 8); n > 0; n--) {
      lines.push(
        random.pick([
          () => `    ${ident.snake()} = ${ident.local()}.${ident.snake()}()`,
          () => `    # ${prose()}`,
          () => `    if ${ident.local()} is None:\n        raise ValueError("${mention()} is not ${random.pick(MODIFIERS)}")`,
          () => `    ${ident.snake()} = ${ident.snake()}(${ident.local()}, "${mention()}")`,
          () => `    ${ident.local()}[${random.int(0, 9)}] = ${ident.scream()}`,
          () => ``,
        ])(),
      );
    }
    lines.push(`    return ${ident.local()}`, ``);
    if (random.chance(0.3)) lines.push(`${ident.scream()} = ${random.int(1, 9999)}`);
    return lines;
  };

  const out: string[] = [];
  while (out.length < lineCount) {
    for (const line of random.chance(0.6) ? tsBlock() : pyBlock()) out.push(...line.split('\n'));
  }
  out.length = lineCount;
  return `${out.join('\n')}\n`;
}
