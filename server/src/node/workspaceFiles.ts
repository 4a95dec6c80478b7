import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface FindFilesOptions {
  /** Globs relative to the root, e.g. `**\/GLOSSARY.md`. */
  readonly include: readonly string[];
  /** A further test of a file `include` matched, by its relative path. */
  readonly accept?: (relativePath: string) => boolean;
  /** Globs relative to the root; a matching folder is not entered at all. */
  readonly exclude: readonly string[];
  /** Stop after this many matches. */
  readonly limit?: number;
  /** Stop after entering this many folders (a workspace or an extra glossary at `/` or `~`). */
  readonly maxFolders?: number;
  /** Told when the walk stopped at `limit` or `maxFolders` before it saw everything. */
  readonly onTruncated?: (reason: string) => void;
  /** Checked between folders; return true to stop early. */
  readonly isCancelled?: () => boolean;
}

export type PathMatcher = (relativePath: string) => boolean;

/**
 * A matcher for posix-style relative paths; dot files match too, since `.github/GLOSSARY.md` is
 * fair. The syntax is VS Code's: no extglobs (`+(a|b)`, which can backtrack without end), and a
 * glob picomatch cannot compile (an empty one) matches nothing rather than throwing; settings.ts
 * warns about such globs before they get here.
 */
export function globMatcher(globs: readonly string[]): PathMatcher {
  const matchers = globs.flatMap((glob) => {
    try {
      return [picomatch(glob, { dot: true, nocase: process.platform === 'win32', noextglob: true })];
    } catch {
      return [];
    }
  });
  if (!matchers.length) return () => false;
  if (matchers.length === 1) return matchers[0]!;
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}

/**
 * Walks `root` and returns the absolute paths of files matching `include` and not `exclude`,
 * sorted. Unreadable folders and symbolic-link loops are skipped rather than reported.
 */
export async function findFiles(root: string, options: FindFilesOptions): Promise<string[]> {
  const include = globMatcher(options.include);
  const exclude = globMatcher(options.exclude);
  const limit = options.limit ?? 10_000;
  const maxFolders = options.maxFolders ?? Infinity;
  const found: string[] = [];
  const seen = new Set<string>();
  const pending = [root];

  let full = false;
  while (pending.length && !full && !options.isCancelled?.()) {
    const folder = pending.pop()!;
    const real = await fs.realpath(folder).catch(() => undefined);
    if (!real || seen.has(real)) continue;
    if (seen.size >= maxFolders) {
      options.onTruncated?.(`${maxFolders.toLocaleString('en-US')} folders`);
      break;
    }
    seen.add(real);
    const children = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const child of children) {
      const absolute = path.join(folder, child.name);
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      if (exclude(relative) || exclude(`${relative}/`)) continue;
      const target = child.isSymbolicLink() ? await fs.stat(absolute).catch(() => undefined) : child;
      if (!target) continue; // A dangling link.
      if (target.isDirectory()) {
        pending.push(absolute);
      } else if (target.isFile() && include(relative) && (options.accept?.(relative) ?? true)) {
        // One past the limit: only a file that is left out makes the list incomplete.
        if (found.length === limit) {
          options.onTruncated?.(`${limit.toLocaleString('en-US')} files`);
          full = true;
          break;
        }
        found.push(absolute);
      }
    }
  }
  return found.sort();
}
