import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createGlossarySet, type GlossaryIndex, type GlossarySet } from './core';
import type { Logger } from './logger';
import { listMarkdownFiles, readTextFile } from './node/glossaryFiles';
import { findFiles, globMatcher, type PathMatcher } from './node/workspaceFiles';
import type { Settings } from './settings';

/** Where a glossary file comes from; workspace files come before the shipped ones in every answer. */
export type GlossaryOrigin = 'workspace' | 'extra' | 'builtin';

const PRIORITY: Record<GlossaryOrigin, number> = { workspace: 0, extra: 0, builtin: 1 };

interface KnownFile {
  readonly origin: GlossaryOrigin;
  /** Short name for people: `glossary/web.md`, `docs/GLOSSARY.md`. */
  readonly label: string;
}

export interface WorkspaceFolderInfo {
  readonly uri: string;
  readonly settings: Settings;
}

/**
 * The glossary files the server knows: found on disk, reported by the file watcher, or open in
 * the editor (an open document's text wins over the file). Each change re-parses one file.
 */
export class GlossaryStore {
  private readonly set: GlossarySet = createGlossarySet();
  private readonly known = new Map<string, KnownFile>();
  private readonly openDocuments = new Map<string, string>();
  private folders: readonly WorkspaceFolderInfo[] = [];
  private matchers: { folder: string; include: PathMatcher; exclude: PathMatcher }[] = [];
  /**
   * While a reload reads the workspace's glossaries, requests are answered from the index as it
   * was before (the shipped glossary at start-up) rather than from a half-read, ever-changing one.
   */
  private snapshot: GlossaryIndex | undefined;
  /** Counts reloads; a reload that a newer one overtook stops reading. */
  private generation = 0;

  constructor(private readonly logger: Logger, private readonly onChange: () => void) {}

  get version(): number {
    return this.snapshot?.version ?? this.set.version;
  }

  /** True while a reload is reading glossary files in the background. */
  get loading(): boolean {
    return this.snapshot !== undefined;
  }

  index(): GlossaryIndex {
    return this.snapshot ?? this.set.index();
  }

  /** The current text of a known glossary file. */
  text(uri: string): string | undefined {
    return this.set.text(uri);
  }

  origin(uri: string): GlossaryOrigin | undefined {
    return this.known.get(uri)?.origin;
  }

  label(uri: string): string {
    return this.known.get(uri)?.label ?? path.basename(URI.parse(uri).path);
  }

  /** Workspace and extra glossaries, the ones a user can edit and should see problems in. */
  userGlossaries(): string[] {
    return [...this.known].filter(([, file]) => file.origin !== 'builtin').map(([uri]) => uri);
  }

  /** Finds every glossary again, after start-up or a change of settings or folders. */
  async reload(folders: readonly WorkspaceFolderInfo[], builtinDir: string | undefined, builtinEnabled: boolean): Promise<void> {
    this.folders = folders;
    this.matchers = folders.flatMap((folder) => {
      const root = URI.parse(folder.uri).fsPath;
      return URI.parse(folder.uri).scheme === 'file'
        ? [{ folder: root, include: globMatcher(folder.settings.files), exclude: globMatcher(folder.settings.exclude) }]
        : [];
    });

    const wanted = new Map<string, KnownFile>();
    if (builtinEnabled && builtinDir) {
      for (const file of await listMarkdownFiles(builtinDir)) {
        wanted.set(URI.file(file).toString(), { origin: 'builtin', label: `glossary/${relativeLabel(builtinDir, file)}` });
      }
    }
    for (const folder of folders) {
      const root = URI.parse(folder.uri);
      if (root.scheme !== 'file') continue;
      const files = await findFiles(root.fsPath, { include: folder.settings.files, exclude: folder.settings.exclude, limit: 2_000 });
      for (const file of files) wanted.set(URI.file(file).toString(), { origin: 'workspace', label: relativeLabel(root.fsPath, file, folders.length > 1) });
      for (const extra of folder.settings.extraGlossaries) {
        const absolute = path.resolve(root.fsPath, extra);
        const listed = await listMarkdownFiles(absolute);
        if (!listed.length) this.logger.warn(`glossaryLens.extraGlossaries: nothing to read at ${absolute}.`);
        for (const file of listed) wanted.set(URI.file(file).toString(), { origin: 'extra', label: relativeLabel(root.fsPath, file, folders.length > 1) });
      }
    }

    const generation = ++this.generation;
    // A reload this one overtook may have left its snapshot behind.
    this.snapshot = undefined;
    const started = Date.now();
    for (const uri of [...this.known.keys()]) {
      if (!wanted.has(uri)) this.forget(uri);
    }
    // The shipped glossary first: it is small, and hovers can use it while the rest loads.
    const builtin = [...wanted].filter(([, file]) => file.origin === 'builtin');
    const user = [...wanted].filter(([, file]) => file.origin !== 'builtin');
    for (const [uri, file] of builtin) {
      this.known.set(uri, file);
      await this.refreshFromDisk(uri, this.folders[0]?.settings.maxFileSize);
      if (generation !== this.generation) return;
    }
    if (user.length) {
      this.snapshot = this.set.index();
      this.onChange();
    }
    try {
      for (const [uri, file] of user) {
        this.known.set(uri, file);
        await this.refreshFromDisk(uri, this.settingsFor(uri)?.maxFileSize);
        if (generation !== this.generation) return;
      }
    } finally {
      if (generation === this.generation) this.snapshot = undefined;
    }
    this.logger.info(`Loaded ${this.set.uris().length} glossary files with ${this.index().entries.length} entries in ${Date.now() - started} ms.`);
    this.onChange();
  }

  /** True when a workspace file at this URI would be a glossary under the current settings. */
  isGlossaryUri(uri: string): boolean {
    if (this.known.has(uri)) return true;
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    return this.matchers.some(({ folder, include, exclude }) => {
      const relative = path.relative(folder, parsed.fsPath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const posix = relative.split(path.sep).join('/');
      return include(posix) && !exclude(posix);
    });
  }

  /** A created, changed or deleted file, as the file watcher reports it. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (!this.isGlossaryUri(uri)) return;
    if (deleted) {
      if (this.openDocuments.has(uri)) return; // The open buffer still holds the user's text.
      if (this.forget(uri)) this.onChange();
      return;
    }
    if (!this.known.has(uri)) this.known.set(uri, { origin: 'workspace', label: this.labelForWorkspaceFile(uri) });
    if (this.openDocuments.has(uri)) return; // The editor's text wins while the document is open.
    if (await this.refreshFromDisk(uri, this.settingsFor(uri)?.maxFileSize)) this.onChange();
  }

  /** An open glossary document's text changed (or it was opened). */
  documentChanged(uri: string, text: string): void {
    if (!this.isGlossaryUri(uri)) return;
    this.openDocuments.set(uri, text);
    if (!this.known.has(uri)) this.known.set(uri, { origin: 'workspace', label: this.labelForWorkspaceFile(uri) });
    const limit = this.settingsFor(uri)?.maxFileSize ?? Infinity;
    if (text.length > limit) {
      this.logger.once(`large:${uri}`, 'warn', `${this.label(uri)} is larger than glossaryLens.maxFileSize; it is not read.`);
      if (this.forgetText(uri)) this.onChange();
      return;
    }
    if (this.set.update(uri, text, { priority: PRIORITY[this.known.get(uri)!.origin] })) this.onChange();
  }

  /** An open glossary document was closed: the file on disk is the truth again. */
  async documentClosed(uri: string): Promise<void> {
    if (!this.openDocuments.delete(uri) || !this.known.has(uri)) return;
    if (await this.refreshFromDisk(uri, this.settingsFor(uri)?.maxFileSize)) this.onChange();
  }

  private async refreshFromDisk(uri: string, maxBytes = 5 * 1024 * 1024): Promise<boolean> {
    const open = this.openDocuments.get(uri);
    const file = this.known.get(uri);
    if (!file) return false;
    if (open !== undefined) return this.set.update(uri, open, { priority: PRIORITY[file.origin] });
    const result = await readTextFile(URI.parse(uri).fsPath, maxBytes);
    if ('error' in result) {
      this.logger.warn(`${file.label}: ${result.error}`);
      return this.forgetText(uri);
    }
    return this.set.update(uri, result.text, { priority: PRIORITY[file.origin] });
  }

  private forget(uri: string): boolean {
    this.known.delete(uri);
    return this.forgetText(uri);
  }

  private forgetText(uri: string): boolean {
    return this.set.remove(uri);
  }

  private settingsFor(uri: string): Settings | undefined {
    return this.folderOf(uri)?.settings ?? this.folders[0]?.settings;
  }

  private folderOf(uri: string): WorkspaceFolderInfo | undefined {
    const file = URI.parse(uri).fsPath;
    return this.folders.find((folder) => !path.relative(URI.parse(folder.uri).fsPath, file).startsWith('..'));
  }

  private labelForWorkspaceFile(uri: string): string {
    const folder = this.folderOf(uri);
    const file = URI.parse(uri).fsPath;
    return folder ? relativeLabel(URI.parse(folder.uri).fsPath, file, this.folders.length > 1) : path.basename(file);
  }
}

function relativeLabel(root: string, file: string, withRootName = false): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return withRootName ? `${path.basename(root)}/${relative}` : relative;
}
