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
    warnings.push(`glossaryLens.${key}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const completion = isRecord(section.completion) ? section.completion : {};
  const trace = isRecord(section.trace) ? section.trace : {};

  const settings: Settings = {
    builtinGlossary: pick('builtinGlossary', section.builtinGlossary, defaultSettings.builtinGlossary, isBoolean),
    files: pick('files', section.files, defaultSettings.files, isStringArray),
    exclude: pick('exclude', section.exclude, defaultSettings.exclude, isStringArray),
    extraGlossaries: pick('extraGlossaries', section.extraGlossaries, defaultSettings.extraGlossaries, isStringArray),
    completion: {
      scope: pick('completion.scope', completion.scope ?? section['completion.scope'], defaultSettings.completion.scope, oneOf(['commentsAndStrings', 'everywhere', 'off'])),
    },
    underline: pick('underline', section.underline, defaultSettings.underline, oneOf(['off', 'firstOccurrence', 'all'])),
    maxFileSize: pick('maxFileSize', section.maxFileSize, defaultSettings.maxFileSize, isPositiveNumber),
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

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function oneOf<T extends string>(choices: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => typeof value === 'string' && (choices as readonly string[]).includes(value);
}
