/**
 * `glossary-lens`: look terms up, search and scan files from a terminal. Argument parsing and
 * dispatch only; the commands live in cli/commands.ts, the output formats in cli/format.ts.
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { define, list, scan, search, type CommandContext, type ExitCode, type Output } from './cli/commands';
import { createGlossaryIndex } from './core/glossaryIndex';
import { loadGlossaries } from './node/glossaryFiles';
import { createParseCache, defaultCacheDir } from './node/parseCache';

const USAGE = `Usage: glossary-lens <command> [options]

Commands:
  define TERM          Show the entry for TERM (exit 1 and suggestions if there is none)
  search QUERY         Fuzzy search over terms, aliases and definitions
  list                 List every entry
  scan PATH...         Find glossary terms in files or folders (skips node_modules, .git,
                       binary files, and files over 2 MB inside folders)

Options:
  -g, --glossary PATH  A glossary file, or a folder of .md files (repeatable; these come
                       before the shipped glossary)
      --no-builtin     Leave the shipped glossary out
      --no-cache       Parse every glossary now instead of reusing parses kept in
                       $GLOSSARY_LENS_CACHE or ~/.cache/glossary-lens
  -n, --limit N        At most N search results (default 20)
      --json           Print JSON (the shapes are documented in docs/cli.md)
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 found, 1 nothing found, 2 bad usage or unreadable input.
`;

const OPTIONS = {
  glossary: { type: 'string', short: 'g', multiple: true },
  'no-builtin': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  limit: { type: 'string', short: 'n' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Bad usage: reported as one line on stderr with exit code 2. */
class UsageError extends Error {}

const output: Output = {
  out: (chunk) => void process.stdout.write(chunk),
  err: (line) => void process.stderr.write(`${line}\n`),
};

async function main(args: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(args);
  if (values.help) return print(USAGE);
  if (values.version) return print(`${version}\n`);
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError('no command given (try --help)');
  if (!['define', 'search', 'list', 'scan'].includes(command)) throw new UsageError(`unknown command: ${command} (try --help)`);
  if (values.limit !== undefined && command !== 'search') throw new UsageError('--limit applies to search only');
  if (command === 'list' && rest.length) throw new UsageError('list takes no arguments');
  if (command !== 'list' && !rest.length) throw new UsageError(`${command} needs ${command === 'scan' ? 'a PATH' : command === 'define' ? 'a TERM' : 'a QUERY'}`);
  const limit = parseLimit(values.limit);

  const cache = values['no-cache'] ? undefined : createParseCache(defaultCacheDir());
  const loaded = await loadGlossaries(values.glossary ?? [], { builtin: !values['no-builtin'], cache });
  if (loaded.errors.length) {
    for (const error of loaded.errors) output.err(`cannot read glossary ${error}`);
    return 2;
  }
  if (!loaded.glossaries.length) throw new UsageError('no glossary to read: give --glossary PATH, or drop --no-builtin');
  const context: CommandContext = { index: createGlossaryIndex(loaded.glossaries), json: values.json ?? false, output };

  switch (command) {
    case 'define':
      return define(context, rest.join(' '));
    case 'search':
      return search(context, rest.join(' '), limit);
    case 'list':
      return list(context);
    default:
      return scan(context, rest);
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit wants a positive whole number, not ${JSON.stringify(raw)}`);
  return limit;
}

function print(text: string): ExitCode {
  output.out(text);
  return 0;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    // Setting the code (not calling exit) lets piped output drain completely.
    process.exitCode = code;
  },
  (error: unknown) => {
    output.err(error instanceof UsageError ? `glossary-lens: ${error.message}` : `glossary-lens: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 2;
  },
);
