/**
 * The `glossaryLens` settings: one type, one set of defaults, one parser that never throws.
 * A value of the wrong type falls back to its default and produces a warning for the log.
 */

export type CompletionScope = 'commentsAndStrings' | 'everywhere' | 'off';
export type UnderlineMode = 'off' | 'firstOccurrence' | 'all';
export type TraceLevel = 'off' | 'messages' | 'verbose';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Settings {
  /** Load the glossary that ships with the extension. */
  readonly builtinGlossary: boolean;
  /** Globs of workspace glossary files, relative to each workspace folder. */
  readonly files: readonly string[];
  /** Globs excluded from glossary discovery and from Find All References. */
  readonly exclude: readonly string[];
  /** More glossary files or folders, absolute or relative to the workspace folder. */
  readonly extraGlossaries: readonly string[];
  readonly completion: { readonly scope: CompletionScope };
  readonly underline: UnderlineMode;
  readonly maxFileSize: number;
  readonly logLevel: LogLevel;
  readonly trace: { readonly server: TraceLevel };
}

export const defaultSettings: Settings = Object.freeze<Settings>({
  builtinGlossary: true,
  files: ['**/GLOSSARY.md', '**/glossary.md', '**/glossary/**/*.md', '**/*.glossary.md'],
  // A README.md inside a glossary folder documents the glossary; it is not one.
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/build/**', '**/target/**', '**/.vscode-test/**', '**/glossary/**/README.md'],
  extraGlossaries: [],
  completion: { scope: 'commentsAndStrings' },
  underline: 'firstOccurrence',
  maxFileSize: 5 * 1024 * 1024,
  logLevel: 'info',
  trace: { server: 'off' },
});

export interface ParsedSettings {
  readonly settings: Settings;
  /** One message per value that was ignored. */
  readonly warnings: string[];
}

/** Reads settings from whatever the client sent (possibly nothing, possibly nonsense). */
export function parseSettings(raw: unknown): ParsedSettings {
  const warnings: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) warnings.push('glossaryLens: expected an object of settings; using the defaults.');

  const pick = <T>(key: string, value: unknown, fallback: T, valid: (value: unknown) => value is T): T => {
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    warnings.push(`glossaryLens.${key}: ${JSON.stringify(value)?.slice(0, 200)} is not valid; using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const globs = (key: string, value: unknown, fallback: readonly string[]): readonly string[] => {
    const list = pick(key, value, fallback, isStringArray);
    const problems = list.flatMap((glob) => globProblem(glob) ?? []);
    if (!problems.length) return list;
    warnings.push(`glossaryLens.${key}: ${problems.join('; ')}; using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const group = (key: string, value: unknown): Record<string, unknown> => {
    if (value === undefined || value === null || isRecord(value)) return value ?? {};
    warnings.push(`glossaryLens.${key}: ${JSON.stringify(value)?.slice(0, 200)} is not valid; expected an object.`);
    return {};
  };
  const completion = group('completion', section.completion);
  const trace = group('trace', section.trace);

  const settings: Settings = {
    builtinGlossary: pick('builtinGlossary', section.builtinGlossary, defaultSettings.builtinGlossary, isBoolean),
    files: globs('files', section.files, defaultSettings.files),
    exclude: globs('exclude', section.exclude, defaultSettings.exclude),
    extraGlossaries: pick('extraGlossaries', section.extraGlossaries, defaultSettings.extraGlossaries, isStringArray),
    completion: {
      scope: pick('completion.scope', completion.scope ?? section['completion.scope'], defaultSettings.completion.scope, oneOf(['commentsAndStrings', 'everywhere', 'off'])),
    },
    underline: pick('underline', section.underline, defaultSettings.underline, oneOf(['off', 'firstOccurrence', 'all'])),
    maxFileSize: pick('maxFileSize', section.maxFileSize, defaultSettings.maxFileSize, isSize),
    logLevel: pick('logLevel', section.logLevel, defaultSettings.logLevel, oneOf(['error', 'warn', 'info', 'debug'])),
    trace: { server: pick('trace.server', trace.server ?? section['trace.server'], defaultSettings.trace.server, oneOf(['off', 'messages', 'verbose'])) },
  };
  return { settings, warnings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** A size in bytes: at least one (the contributed setting's minimum), and finite. */
function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1;
}

/**
 * What is wrong with a glob, or undefined. Besides the empty and the unfinished, this refuses
 * what could make matching run for minutes: a glob is turned into a regular expression, and
 * three or more `*` in one path segment backtrack in time that grows with the name's length
 * to that power (a 250-character name takes 20 s with four). Negation (`!`) is not glob syntax
 * in VS Code; with picomatch a lone `!x` would match nearly every file.
 */
function globProblem(glob: string): string | undefined {
  const quoted = JSON.stringify(glob.length > 60 ? `${glob.slice(0, 60)}…` : glob);
  if (!glob.trim()) return `${quoted} is empty`;
  if (glob.length > MAX_GLOB_LENGTH) return `${quoted} is longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob.startsWith('!')) return `${quoted} starts with "!", which is not supported (use glossaryLens.exclude)`;
  const unescaped = glob.replace(/\\./g, '');
  if (!balanced(unescaped, '[', ']') || !balanced(unescaped, '{', '}')) return `${quoted} has an unclosed "[" or "{"`;
  if (unescaped.split('/').some((segment) => segment !== '**' && (segment.match(/\*+/g) ?? []).length > 2)) {
    return `${quoted} has more than two "*" in one path segment, which can take minutes to match`;
  }
  return undefined;
}

const MAX_GLOB_LENGTH = 1_000;

/** Whether every `open` is closed by a later `close`, without nesting `[` (a class holds no class). */
function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === open) depth = open === '[' ? 1 : depth + 1;
    else if (char === close && depth > 0) depth--;
  }
  return depth === 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function oneOf<T extends string>(choices: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => typeof value === 'string' && (choices as readonly string[]).includes(value);
}
