import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParseCache } from './parseCache';
import { findFiles } from './workspaceFiles';
import { parseGlossary } from '../core/parseGlossary';
import type { ParsedGlossary } from '../core/types';

/** Folders never worth entering: dependencies and version-control metadata. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
/** A NUL byte among the first this-many bytes marks a file as binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;
const DEFAULT_MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;
const PACKAGE_NAME = 'glossary-lens';

/**
 * The glossary folder shipped with the extension. The bundle lives in `dist/`, the sources in
 * `server/src/node/`; both find it next to the package.json named `glossary-lens` above them.
 */
export function builtinGlossaryDir(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    if (isOurPackage(path.join(folder, 'package.json'))) return path.join(folder, 'glossary');
    if (path.dirname(folder) === folder) break;
  }
  return path.resolve(__dirname, '..', 'glossary');
}

function isOurPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

export interface ListFilesOptions {
  /** Which files to keep, by path; every file when absent. Folders in SKIPPED_FOLDERS are never entered. */
  readonly accept?: (file: string) => boolean;
  /** Stop after this many accepted files, or after entering this many folders; told why. */
  readonly limit?: number;
  readonly maxFolders?: number;
  readonly onTruncated?: (reason: string) => void;
}

/**
 * The files under `root`, sorted: a file is itself, a folder is walked recursively. Dependency and
 * version-control folders, unreadable folders and symbolic-link loops are skipped. A path that does
 * not exist gives an empty list. Paths keep the form `root` was given in.
 */
export async function listFiles(root: string, options: ListFilesOptions = {}): Promise<string[]> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) return [];
  if (!stat.isDirectory()) return [root];
  const exclude = [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`);
  const { accept } = options;
  return findFiles(root, {
    include: ['**/*'],
    accept: accept && ((relative) => accept(path.join(root, relative))),
    exclude,
    limit: options.limit ?? Infinity,
    maxFolders: options.maxFolders ?? Infinity,
    onTruncated: options.onTruncated,
  });
}

/**
 * The glossary files at `root`: the file itself, or a folder's `*.md` files recursively, sorted.
 * `README.md` files inside a folder document the glossary and are not part of it.
 */
export function listMarkdownFiles(root: string, options: Omit<ListFilesOptions, 'accept'> = {}): Promise<string[]> {
  return listFiles(root, { ...options, accept: isGlossaryMarkdown });
}

/** A `.md` file that is not a README: what a glossary folder holds. */
export function isGlossaryMarkdown(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  return name.endsWith('.md') && name !== 'readme.md';
}

/**
 * A file's text, or why it has none; `missing`: there is nothing at the path, `notAFile`: there is
 * a folder, a pipe, a socket or a device.
 */
export type ReadResult = { readonly text: string } | { readonly error: string; readonly missing?: boolean; readonly notAFile?: boolean };

/**
 * Reads a text file as UTF-8 (or UTF-16 when it starts with a UTF-16 byte order mark), without
 * its byte order mark. Never throws: a missing, unreadable, binary or too large file is an error,
 * and so is anything that is not a regular file.
 */
export async function readTextFile(file: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { error: 'is a folder, not a file', notAFile: true };
    // Reading a named pipe or a device waits for a writer that may never come.
    if (!stat.isFile()) return { error: 'is not a regular file (a pipe, socket or device)', notAFile: true };
    if (stat.size > maxBytes) return { error: `too large (${formatBytes(stat.size)}; the limit is ${formatBytes(maxBytes)})` };
    return decode(await fs.readFile(file));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    return missing ? { error: describeError(error), missing } : { error: describeError(error) };
  }
}

function decode(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { error: 'binary file' };
  // TextDecoder drops a UTF-8 byte order mark by default.
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'is a symbolic link that leads back to itself';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface LoadOptions {
  /** Add the shipped glossary after the given paths. */
  readonly builtin: boolean;
  /** Files larger than this are not read; 5 MB by default. */
  readonly maxBytes?: number;
  /** Parsed glossaries kept between runs; parse everything when absent. */
  readonly cache?: ParseCache;
}

export interface LoadedGlossaries {
  /** In priority order: the given paths first, in order, then the shipped glossary. */
  readonly glossaries: ParsedGlossary[];
  /** One line per path or file that could not be read, `path: reason`. */
  readonly errors: string[];
}

/**
 * Parses every glossary file at `paths` (files, or folders of `.md` files) and, when asked, the
 * shipped glossary. Each file's URI is its path as named here. A file reached twice is read once.
 */
export async function loadGlossaries(paths: readonly string[], options: LoadOptions): Promise<LoadedGlossaries> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_GLOSSARY_BYTES;
  const roots = options.builtin ? [...paths, builtinGlossaryDir()] : [...paths];
  const glossaries: ParsedGlossary[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    if (!(await fs.stat(root).catch(() => undefined))) {
      errors.push(`${root}: no such file or folder`);
      continue;
    }
    const files = await listMarkdownFiles(root);
    if (files.length === 0) errors.push(`${root}: no glossary (.md) files in this folder`);
    for (const file of files) {
      const resolved = path.resolve(file);
      if (seen.has(resolved)) continue;
      seen.add(resolved);
      const read = await readTextFile(file, maxBytes);
      if ('error' in read) errors.push(`${file}: ${read.error}`);
      else glossaries.push(await parseCached(file, read.text, options.cache));
    }
  }
  return { glossaries, errors };
}

async function parseCached(file: string, text: string, cache: ParseCache | undefined): Promise<ParsedGlossary> {
  const cached = await cache?.get(file, text);
  if (cached) return cached;
  const parsed = parseGlossary(file, text);
  await cache?.set(file, text, parsed);
  return parsed;
}
