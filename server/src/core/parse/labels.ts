import {
  ALIAS_PREFIXES, CLAIM_FIRST_WORDS, CONTAINER_LABELS, MAX_PART_WORDS, MAX_TERM_WORDS, NAME_CONNECTORS,
  NARRATIVE_FIRST_WORDS, NON_ALIAS_OPENINGS, STEP_PATTERN, STRUCTURAL_LABELS, STRUCTURAL_PREFIXES,
  STRUCTURAL_SUFFIXES,
} from './stopLists';

/** A label with its decoration (emoji, numbering, bold markers, trailing colon) removed. */
export interface CleanLabel {
  readonly text: string;
  /** The label started with "1." / "2)" / "iv." numbering. */
  readonly numbered: boolean;
}

/**
 * What a label says about the block it heads: a term, a container of terms ("Key features"),
 * narrative ("Pros", "How to check"), or a numbered title ("3. High-Performance APIs"), which is
 * a section when its body opens with terms and narrative otherwise.
 */
export type LabelKind = 'term' | 'container' | 'narrative' | 'numbered';

/** A piece of a composite label, with its offset inside the label text. */
export interface LabelPart {
  readonly text: string;
  readonly offset: number;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const NUMBERING = /^(?:\d{1,3}[.)]|[ivx]{1,4}\.)\s+/i;
const ALIAS_DASH = /\s+[–—-]+\s+/;

/** Removes emoji, numbering ("1. "), stray emphasis markers and a trailing colon from a label. */
export function cleanLabel(raw: string): CleanLabel {
  let text = raw.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  text = stripMarkers(text);
  const numbering = NUMBERING.exec(text);
  if (numbering) text = stripMarkers(text.slice(numbering[0].length));
  text = stripMarkers(text.replace(/\s*[:：]\s*$/, ''));
  return { text, numbered: numbering !== null };
}

function stripMarkers(text: string): string {
  return text.replace(/^[*_\s]+|[*_\s]+$/g, '');
}

/** Decides whether a label names a term, introduces a list of terms, or heads narrative. */
export function classifyLabel(label: CleanLabel): LabelKind {
  const text = label.text;
  if (!/[\p{L}\p{N}]/u.test(text) || text.length > 120) return 'narrative';
  if (/[?？]\s*$/.test(text)) return 'narrative';
  const key = listKey(text);
  if (CONTAINER_LABELS.has(key)) return 'container';
  if (STRUCTURAL_LABELS.has(key)) return 'narrative';
  if (STRUCTURAL_PREFIXES.some((prefix) => key.startsWith(prefix))) return 'narrative';
  if (STRUCTURAL_SUFFIXES.some((suffix) => key.endsWith(suffix))) return 'narrative';
  if (STEP_PATTERN.test(text)) return 'narrative';
  const words = mainName(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_TERM_WORDS) return 'narrative';
  const first = words[0];
  if (!isAcronym(first)) {
    const firstKey = first.toLowerCase().replace(/[.,:;!]+$/, '');
    // A claim needs a predicate ("Faster connection setup") or a place in a numbered list of reasons
    // ("5. Future-Proofing"); a single word such as "More" on its own is a name.
    if (NARRATIVE_FIRST_WORDS.has(firstKey) || ((words.length > 1 || label.numbered) && CLAIM_FIRST_WORDS.has(firstKey))) return 'narrative';
  }
  // Numbered titles usually enumerate steps, reasons or use cases; a numbered title is a term
  // only when it names one explicitly: a single word, or a name with its expansion.
  if (label.numbered && words.length > 1 && !hasAliasMarker(text)) return 'numbered';
  return 'term';
}

/** The label compared against the stop-lists: lower case, plain apostrophes, no end punctuation. */
export function listKey(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/[\s.:;!…]+$/, '').replace(/\s+/g, ' ').trim();
}

/** The label without its parenthetical and dash-separated alias. */
function mainName(text: string): string {
  const depthZero = withoutParentheticals(text);
  return depthZero.split(ALIAS_DASH)[0].trim();
}

function hasAliasMarker(text: string): boolean {
  return /[(（]/.test(text) || ALIAS_DASH.test(text);
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\p{N}][\p{Lu}\p{N}./&+-]*s?$/u.test(word) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(word);
}

function withoutParentheticals(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const COMPOSITE_SEPARATOR = /,\s+(?:(?:and|&)\s+)?|\s+(?:and|&|vs\.?|versus|\/)\s+/gi;

/**
 * Splits "Gunicorn and Uvicorn", "I/O Bound, CPU Bound", "Authentication vs Authorization" into
 * their terms. Returns no parts unless every part looks like a short name of its own, so
 * "Keep It Simple, Stupid" inside parentheses or "Build and deploy" stay whole.
 */
export function splitComposite(text: string): LabelPart[] {
  if (isSpelledOut(text)) return [];
  const depth = parenDepths(text);
  const parts: LabelPart[] = [];
  let start = 0;
  for (const match of text.matchAll(COMPOSITE_SEPARATOR)) {
    const at = match.index ?? 0;
    if (depth[at] !== 0) continue;
    parts.push(trimPart(text, start, at));
    start = at + match[0].length;
  }
  if (parts.length === 0) return [];
  parts.push(trimPart(text, start, text.length));
  return parts.every((part) => looksLikeNamePart(part.text)) ? parts : [];
}

/** "Keep It Simple, Stupid (KISS)": an acronym in parentheses spells the whole label, so it is one name. */
function isSpelledOut(text: string): boolean {
  const paren = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(text);
  return paren !== null && initialsSpell(paren[2].trim(), paren[1].replace(/,/g, ' '));
}

function parenDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    depths.push(depth);
    if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depths;
}

function trimPart(text: string, start: number, end: number): LabelPart {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: start + lead };
}

function looksLikeNamePart(part: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_PART_WORDS) return false;
  return words.every((word) => NAME_CONNECTORS.has(word) || /^[\p{Lu}\p{N}.(]/u.test(word) || /\p{Lu}/u.test(word));
}

/** A label read as a term and its aliases. */
export interface LabelNames {
  readonly term: string;
  readonly aliases: readonly string[];
}

/**
 * Reads "REST (Representational State Transfer)", "SLI – Service Level Indicator",
 * "Continuous Integration (CI)" and "HTTP (HTTP/1.1)" as a term plus aliases. A parenthetical
 * that is a remark rather than a name ("401 - Unauthorized", "e.g. JSON") is dropped.
 */
export function parseLabelNames(text: string): LabelNames {
  const aliases: string[] = [];
  let term = text.trim();
  const paren = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(term);
  if (paren) {
    const outer = paren[1].trim();
    const inner = paren[2].trim();
    if (!outer) {
      term = inner;
    } else {
      const alias = asAlias(inner, outer);
      term = outer;
      if (alias && isRefinement(alias, outer)) {
        // "HTTP (HTTP/1.1)": the parenthetical is the more specific name of the same thing.
        term = alias;
        aliases.push(outer);
      } else if (alias) {
        aliases.push(alias);
      }
    }
  }
  const dashed = term.split(ALIAS_DASH);
  if (dashed.length === 2 && dashed[0].trim() && dashed[1].trim()) {
    const left = dashed[0].trim();
    const alias = asAlias(dashed[1].trim(), left);
    term = left;
    if (alias) aliases.unshift(alias);
  }
  return { term, aliases: aliases.filter((alias) => alias.toLowerCase() !== term.toLowerCase()) };
}

function isRefinement(alias: string, outer: string): boolean {
  return alias.length > outer.length && alias.startsWith(outer) && !/[\p{L}]/u.test(alias[outer.length]);
}

/**
 * Returns the alias when `candidate` reads as another name of `term`: capitalised (in any
 * script), a script without case (CJK), or a lower-case expansion whose initials spell the term.
 */
export function asAlias(candidate: string, term: string): string | undefined {
  const alias = candidate.replace(ALIAS_PREFIXES, '').replace(/^["“'‘]|["”'’]$/g, '').trim();
  if (!alias || alias.length > 80 || NON_ALIAS_OPENINGS.test(alias)) return undefined;
  if (/^\d/.test(alias) || /[`<>:;=]/.test(alias)) return undefined;
  if (alias.split(/\s+/).length > MAX_TERM_WORDS) return undefined;
  if (alias.toLowerCase() === term.toLowerCase()) return undefined;
  if (/^[\p{Lu}\p{Lo}]/u.test(alias)) return alias;
  if (initialsSpell(term, alias) || initialsSpell(alias, term)) return alias;
  return undefined;
}

function initialsSpell(acronym: string, expansion: string): boolean {
  if (!isAcronym(acronym)) return false;
  const letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = expansion.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const all = words.map((word) => word[0]).join('');
  const significant = words.filter((word) => !NAME_CONNECTORS.has(word)).map((word) => word[0]).join('');
  return letters.length >= 2 && (letters === all || letters === significant);
}
