/**
 * Decides whether an offset of a source file lies inside a comment or a string, from each
 * language's comment and quote syntax. It is a lexer, not a parser: good enough to offer prose
 * completions where people write words, and cheap (one pass over the text before the offset).
 */

export type CodeContext = 'code' | 'comment' | 'string' | 'prose';

interface Syntax {
  readonly line: readonly string[];
  readonly block: readonly (readonly [string, string])[];
  readonly quotes: readonly string[];
}

const C_LIKE: Syntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] };
const HASH: Syntax = { line: ['#'], block: [], quotes: ['"""', "'''", '"', "'"] };
const SYNTAXES: Record<string, Syntax> = {
  c: C_LIKE, cpp: C_LIKE, csharp: C_LIKE, java: C_LIKE, javascript: C_LIKE, javascriptreact: C_LIKE,
  typescript: C_LIKE, typescriptreact: C_LIKE, go: C_LIKE, rust: C_LIKE, swift: C_LIKE, kotlin: C_LIKE,
  scala: C_LIKE, dart: C_LIKE, php: { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"] },
  jsonc: C_LIKE, json: { line: [], block: [], quotes: ['"'] }, css: { line: [], block: [['/*', '*/']], quotes: ['"', "'"] },
  scss: C_LIKE, less: C_LIKE, groovy: C_LIKE, 'objective-c': C_LIKE, proto: C_LIKE, proto3: C_LIKE,
  python: HASH, ruby: { line: ['#'], block: [['=begin', '=end']], quotes: ['"', "'"] }, shellscript: HASH,
  perl: HASH, r: HASH, yaml: HASH, toml: HASH, dockerfile: HASH, makefile: HASH, powershell: { line: ['#'], block: [['<#', '#>']], quotes: ['"', "'"] },
  elixir: HASH, coffeescript: HASH, cmake: HASH, ini: { line: [';', '#'], block: [], quotes: ['"'] },
  sql: { line: ['--'], block: [['/*', '*/']], quotes: ["'", '"'] }, lua: { line: ['--'], block: [['--[[', ']]']], quotes: ['"', "'"] },
  haskell: { line: ['--'], block: [['{-', '-}']], quotes: ['"'] },
  html: { line: [], block: [['<!--', '-->']], quotes: [] }, xml: { line: [], block: [['<!--', '-->']], quotes: [] },
  vue: { line: ['//'], block: [['<!--', '-->'], ['/*', '*/']], quotes: ['"', "'", '`'] },
  clojure: { line: [';'], block: [], quotes: ['"'] }, lisp: { line: [';'], block: [], quotes: ['"'] },
  erlang: { line: ['%'], block: [], quotes: ['"'] }, latex: { line: ['%'], block: [], quotes: [] },
  bat: { line: ['REM ', '::'], block: [], quotes: ['"'] }, vb: { line: ["'"], block: [], quotes: ['"'] },
};

/** Languages that are prose through and through. */
const PROSE = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'text', 'git-commit', 'scminput', 'org']);

/**
 * Lexing from the top of a long file on every keystroke would cost milliseconds, so the context is
 * read from at most this many characters before the offset (from a line start). A comment or
 * string that opened further up than this is missed, which only means no completion there.
 */
export const CONTEXT_REACH = 20_000;

/**
 * Where the lexer starts for an offset further in than CONTEXT_REACH: the first line start within
 * reach, or the reach itself when the offset's line is longer (minified code); never the top of
 * the file.
 */
function windowStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset - CONTEXT_REACH);
  return newline === -1 || newline >= offset ? offset - CONTEXT_REACH : newline + 1;
}

/** The context at `offset`; unknown languages are treated as C-like, the most common syntax. */
export function codeContextAt(text: string, offset: number, languageId: string): CodeContext {
  if (PROSE.has(languageId)) return 'prose';
  const syntax = SYNTAXES[languageId] ?? C_LIKE;
  const starts = startCharacters(syntax);
  let i = offset <= CONTEXT_REACH ? 0 : windowStart(text, offset);
  const end = Math.min(offset, text.length);
  while (i < end) {
    // Most characters start nothing; skip them without trying every token.
    if (!starts.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const lineComment = syntax.line.find((token) => text.startsWith(token, i));
    if (lineComment) {
      const newline = text.indexOf('\n', i);
      if (newline === -1 || newline >= end) return 'comment';
      i = newline + 1;
      continue;
    }
    const block = syntax.block.find(([open]) => text.startsWith(open, i));
    if (block) {
      const close = text.indexOf(block[1], i + block[0].length);
      if (close === -1 || close + block[1].length > end) return 'comment';
      i = close + block[1].length;
      continue;
    }
    const quote = syntax.quotes.find((token) => text.startsWith(token, i));
    if (quote) {
      const close = findClosingQuote(text, i + quote.length, quote);
      if (close === -1 || close >= end) return 'string';
      i = close + quote.length;
      continue;
    }
    i++;
  }
  return 'code';
}

const startCache = new WeakMap<Syntax, Set<number>>();

function startCharacters(syntax: Syntax): Set<number> {
  let starts = startCache.get(syntax);
  if (!starts) {
    const tokens = [...syntax.line, ...syntax.block.map(([open]) => open), ...syntax.quotes];
    starts = new Set(tokens.map((token) => token.charCodeAt(0)));
    startCache.set(syntax, starts);
  }
  return starts;
}

/** The offset of the quote that closes a string, or -1. Single-character quotes stop at a newline. */
function findClosingQuote(text: string, from: number, quote: string): number {
  const multiline = quote.length > 1 || quote === '`';
  for (let i = from; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 92 /* \ */) {
      i++;
      continue;
    }
    if (char === 10 && !multiline) return i;
    if (text.startsWith(quote, i)) return i;
  }
  return -1;
}
