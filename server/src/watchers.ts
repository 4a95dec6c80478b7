import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Logger } from './logger';
import { extraGlossaryPaths, type WorkspaceFolderInfo } from './glossaryStore';

/**
 * The file watchers the client keeps for the server: each folder's `glossaryLens.files` globs,
 * and each extra glossary, wherever it is. A fixed `**\/*.md` missed glossaries matched by other
 * patterns and extra glossaries outside the workspace. Re-registered only when they change.
 */
export function createWatcherRegistry(connection: Connection, logger: Logger, relativePatterns: () => boolean) {
  let registered: Promise<Disposable | undefined> | undefined;
  let registeredKey: string | undefined;

  return {
    update(folders: readonly WorkspaceFolderInfo[]): void {
      const watchers = glossaryWatchers(folders, relativePatterns());
      const key = JSON.stringify(watchers);
      if (key === registeredKey) return;
      registeredKey = key;
      const previous = registered;
      registered = (async () => {
        try {
          (await previous)?.dispose();
          return await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
        } catch (error) {
          // Asked again with the next settings change, even an unchanged one.
          if (registeredKey === key) registeredKey = undefined;
          logger.warn(`Could not ask the editor to watch the glossary files: ${error instanceof Error ? error.message : String(error)}. Edits made outside the editor are seen after a restart.`);
          return undefined;
        }
      })();
    },
  };
}

/** The watchers for these folders' settings; string globs only when the client has no relative patterns. */
export function glossaryWatchers(folders: readonly WorkspaceFolderInfo[], relativePatterns: boolean): FileSystemWatcher[] {
  const patterns = new Map<string, FileSystemWatcher>();
  const add = (globPattern: FileSystemWatcher['globPattern']) => patterns.set(JSON.stringify(globPattern), { globPattern });
  for (const folder of folders) {
    const root = URI.parse(folder.uri);
    if (root.scheme !== 'file') continue;
    for (const glob of folder.settings.files) add(relativePatterns ? { baseUri: folder.uri, pattern: glob } : glob);
    for (const absolute of extraGlossaryPaths(folder)) {
      // The whole disk or home folder would be a recursive watch on everything: read, not watched.
      if (absolute === path.parse(absolute).root || absolute === os.homedir()) continue;
      if (!relativePatterns) {
        // The best a plain glob can do; an extra glossary outside the workspace is not seen.
        add('**/*.md');
        continue;
      }
      // A file or a folder of them: watch for both, since a missing path may become either.
      add({ baseUri: URI.file(path.dirname(absolute)).toString(), pattern: path.basename(absolute) });
      add({ baseUri: URI.file(absolute).toString(), pattern: '**/*.md' });
    }
  }
  return [...patterns.values()];
}
