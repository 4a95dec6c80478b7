import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ParsedGlossary } from '../core';

/**
 * Parsed glossaries kept on disk between runs of the command line, keyed by the file's path, its
 * text and the build that parsed it, so a glossary is parsed once per content (remark is the
 * slowest part of a run). Every failure is silent: the cache only ever saves time.
 */
export interface ParseCache {
  get(file: string, text: string): Promise<ParsedGlossary | undefined>;
  set(file: string, text: string, parsed: ParsedGlossary): Promise<void>;
}

/** Keep at most this many cached files; the oldest go first. */
const MAX_FILES = 500;

declare const BUILD_ID: string | undefined;

/** The folder for the cache: `$GLOSSARY_LENS_CACHE`, else `$XDG_CACHE_HOME/glossary-lens`, else `~/.cache/glossary-lens`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GLOSSARY_LENS_CACHE) return env.GLOSSARY_LENS_CACHE;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'glossary-lens');
}

/** A cache in `dir`; without a build id (running from source, as tests do) nothing is cached. */
export function createParseCache(dir: string, buildId: string | undefined = typeof BUILD_ID === 'string' ? BUILD_ID : undefined): ParseCache {
  const fileFor = (file: string, text: string) => {
    const hash = createHash('sha256').update(`${buildId}\0${path.resolve(file)}\0${text}`).digest('hex').slice(0, 40);
    return path.join(dir, `${hash}.json`);
  };
  let pruned = false;

  return {
    async get(file, text) {
      if (!buildId) return undefined;
      try {
        const parsed = JSON.parse(await fs.readFile(fileFor(file, text), 'utf8')) as ParsedGlossary;
        return parsed.uri === file && Array.isArray(parsed.entries) ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    async set(file, text, parsed) {
      if (!buildId) return;
      try {
        await fs.mkdir(dir, { recursive: true });
        const target = fileFor(file, text);
        const temporary = `${target}.${process.pid}.tmp`;
        await fs.writeFile(temporary, JSON.stringify(parsed));
        await fs.rename(temporary, target);
        if (!pruned) {
          pruned = true;
          await prune(dir);
        }
      } catch {
        // A read-only home or a full disk only costs the next run some time.
      }
    },
  };
}

async function prune(dir: string): Promise<void> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.json'));
  if (names.length <= MAX_FILES) return;
  const stats = await Promise.all(names.map(async (name) => ({ name, time: (await fs.stat(path.join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  stats.sort((a, b) => a.time - b.time);
  await Promise.all(stats.slice(0, names.length - MAX_FILES).map(({ name }) => fs.rm(path.join(dir, name), { force: true })));
}
