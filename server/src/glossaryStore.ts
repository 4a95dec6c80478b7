import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { clearParseCache, createGlossarySet, readGlossary, type GlossaryIndex, type GlossarySet, type LinePosition, type ParsedGlossary } from './core';
import type { Logger } from './logger';
import type { ParseOutcome } from './node/boundedParser';
import { isGlossaryMarkdown, listMarkdownFiles, readTextFile } from './node/glossaryFiles';
import { preferSmallHeap } from './node/heapTuning';
import { findFiles, globMatcher, type PathMatcher } from './node/workspaceFiles';
import { defaultSettings, type Settings } from './settings';

/** Where a glossary file comes from; workspace files come before the shipped ones in every answer. */
export type GlossaryOrigin = 'workspace' | 'extra' | 'builtin';

const PRIORITY: Record<GlossaryOrigin, number> = { workspace: 0, extra: 0, builtin: 1 };

/** How long an index build waits for parses in progress before it goes ahead without them. */
const MAX_PARSE_WAIT_MS = 1_000;

/** Files read ahead of the parser while glossaries load. */
const READ_AHEAD = 8;

/** Glossary files read per workspace folder, and per extra glossary folder. */
const MAX_GLOSSARY_FILES = 2_000;
/** Folders entered per workspace folder: a large monorepo has a few thousand. */
const MAX_WORKSPACE_FOLDERS = 50_000;
/** Folders entered per extra glossary: `extraGlossaries: ["/"]` walked the whole disk (77 s). */
const MAX_EXTRA_FOLDERS = 5_000;

/**
 * Glossary edits typed in quick succession are parsed once they pause this long: short enough
 * that a new term is hoverable at once, long enough that a burst of keystrokes is parsed once.
 */
const EDIT_DEBOUNCE_MS = 10;

interface KnownFile {
  readonly origin: GlossaryOrigin;
  /** Short name for people: `glossary/web.md`, `docs/GLOSSARY.md`. */
  readonly label: string;
}

/**
 * Parses one glossary file. The server's parses a file on a worker thread within a budget
 * (node/boundedParser.ts); `keepCache: false` says the text will not be edited soon (a load).
 */
export type GlossaryParser = (uri: string, text: string, options: { keepCache: boolean }) => Promise<ParseOutcome>;

/** Parses on the calling thread, without a budget: for trusted glossaries (the shipped one). */
export const parseHere: GlossaryParser = async (uri, text, { keepCache }) => {
  const parsed = readGlossary(uri, text);
  if (!keepCache) clearParseCache();
  return { parsed };
};

export interface WorkspaceFolderInfo {
  readonly uri: string;
  readonly settings: Settings;
}

/**
 * The glossary files the server knows: found on disk, reported by the file watcher, or open in
 * the editor (an open document's text wins over the file). Each change re-parses one file; the
 * index is rebuilt in the background while requests are answered from the previous one.
 */
export class GlossaryStore {
  private readonly set: GlossarySet = createGlossarySet();
  private readonly known = new Map<string, KnownFile>();
  private readonly openDocuments = new Map<string, string>();
  /** Edited documents waiting for the edits to pause before they are parsed. */
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  /** The newest parse of each file, by a number per call; an older parse's result is dropped. */
  private readonly parsing = new Map<string, number>();
  private parses = 0;
  /** Known files that are not there to read (deleted, or no longer a file); not counted as glossaries. */
  private readonly absent = new Set<string>();
  /** Called whenever an edit stops pending or a parse ends. */
  private editsSettled: (() => void)[] = [];
  private folders: readonly WorkspaceFolderInfo[] = [];
  private matchers: { folder: string; include: PathMatcher; exclude: PathMatcher }[] = [];
  /** The absolute paths of the extra glossaries (files or folders) the settings name. */
  private extraRoots: string[] = [];
  /**
   * The index requests are answered from: complete, its matcher built. While a newer one is
   * prepared, and while a reload reads the workspace's glossaries, requests get this one (the
   * shipped glossary at start-up) rather than waiting for, or seeing, a half-built or half-read one.
   */
  private served: GlossaryIndex | undefined;
  /** True while a reload reads glossary files; changes are then prepared once it has read them all. */
  private reading = false;
  private preparing = false;
  /** A change not yet announced through `onChange`. */
  private unannounced = false;
  /** Counts reloads; a reload that a newer one overtook stops reading. */
  private generation = 0;

  constructor(
    private readonly logger: Logger,
    private readonly onChange: () => void,
    private readonly parse: GlossaryParser = parseHere,
    /** Told of a glossary opened in the editor whose text is already parsed: its edits are likely to follow. */
    private readonly warmUp: (uri: string, text: string) => void = () => {},
  ) {}

  /** The version of the index requests are answered from. */
  get version(): number {
    return this.index().version;
  }

  /** True while a reload is reading glossary files in the background. */
  get loading(): boolean {
    return this.reading;
  }

  index(): GlossaryIndex {
    return this.served ?? this.set.index();
  }

  /** Where an offset of a known file's parse (an entry's label, a problem) lies in the file. */
  positionAt(uri: string, offset: number): LinePosition | undefined {
    return this.set.positionAt(uri, offset);
  }

  /** A known file's text now, from its open document or the disk (the store keeps no texts). */
  async readText(uri: string): Promise<string | undefined> {
    return this.currentText(uri, this.settingsFor(uri)?.maxFileSize);
  }

  origin(uri: string): GlossaryOrigin | undefined {
    return this.known.get(uri)?.origin;
  }

  label(uri: string): string {
    return this.known.get(uri)?.label ?? path.basename(URI.parse(uri).path);
  }

  /**
   * Workspace and extra glossaries that were read, the ones a user can edit and should see
   * problems in. A file that is gone, or is no file any more, is not one.
   */
  userGlossaries(): string[] {
    return [...this.known].filter(([uri, file]) => file.origin !== 'builtin' && !this.absent.has(uri)).map(([uri]) => uri);
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

    this.extraRoots = folders.flatMap(extraGlossaryPaths);

    const generation = ++this.generation;
    const overtaken = () => generation !== this.generation;
    this.reading = true;
    preferSmallHeap(false);
    const started = Date.now();
    try {
      // The shipped glossary first, before the workspace is even searched: it is small, and
      // hovers use it while the workspace's glossaries are found and read.
      const builtin = new Map<string, KnownFile>();
      if (builtinEnabled && builtinDir) {
        for (const file of await listMarkdownFiles(builtinDir)) {
          builtin.set(URI.file(file).toString(), { origin: 'builtin', label: `glossary/${relativeLabel(builtinDir, file)}` });
        }
      }
      if (overtaken()) return;
      this.forgetUnless((uri, file) => file.origin !== 'builtin' || builtin.has(uri));
      if (!(await this.readAll(builtin, overtaken))) return;
      if (this.matchers.length) {
        // At start-up the shipped glossary alone is small enough to index at once; requests use
        // it while the rest is found and read. A later reload keeps serving the index it had.
        this.served ??= this.set.index();
        this.unannounced = false;
        this.onChange();
      }
      const user = await this.findUserGlossaries(folders);
      if (overtaken()) return;
      this.forgetUnless((uri, file) => file.origin === 'builtin' || user.has(uri));
      if (!(await this.readAll(user, overtaken))) return;
      const entries = this.set.uris().reduce((sum, uri) => sum + (this.set.parsed(uri)?.entries.length ?? 0), 0);
      this.logger.info(`Loaded ${this.set.uris().length} glossary files with ${entries} entries in ${Date.now() - started} ms.`);
    } finally {
      if (!overtaken()) {
        this.reading = false;
        // Announced once prepared, even when nothing changed: the client learns that loading ended.
        this.changed();
      }
    }
  }

  /** The workspace's glossary files and the extra ones its settings name, in every folder. */
  private async findUserGlossaries(folders: readonly WorkspaceFolderInfo[]): Promise<Map<string, KnownFile>> {
    const found = new Map<string, KnownFile>();
    for (const folder of folders) {
      const root = URI.parse(folder.uri);
      if (root.scheme !== 'file') continue;
      const files = await findFiles(root.fsPath, {
        include: folder.settings.files,
        exclude: folder.settings.exclude,
        limit: MAX_GLOSSARY_FILES,
        maxFolders: MAX_WORKSPACE_FOLDERS,
        onTruncated: (reason) => this.logger.warn(`Looking for glossaries in ${root.fsPath}: stopped after ${reason}. Narrow glossaryLens.files or widen glossaryLens.exclude.`),
      });
      for (const file of files) found.set(URI.file(file).toString(), { origin: 'workspace', label: relativeLabel(root.fsPath, file, folders.length > 1) });
      for (const absolute of extraGlossaryPaths(folder)) {
        const listed = await listMarkdownFiles(absolute, {
          limit: MAX_GLOSSARY_FILES,
          maxFolders: MAX_EXTRA_FOLDERS,
          onTruncated: (reason) => this.logger.warn(`glossaryLens.extraGlossaries: stopped reading ${absolute} after ${reason}; name a smaller folder.`),
        });
        if (!listed.length) this.logger.warn(`glossaryLens.extraGlossaries: nothing to read at ${absolute}.`);
        for (const file of listed) found.set(URI.file(file).toString(), { origin: 'extra', label: relativeLabel(root.fsPath, file, folders.length > 1) });
      }
    }
    return found;
  }

  /** Reads every file of `files` (requests are answered in between); false when overtaken. */
  private async readAll(files: ReadonlyMap<string, KnownFile>, overtaken: () => boolean): Promise<boolean> {
    // Files are read one after the other and handed to the parser in that order (the set keeps
    // it: it orders duplicate terms), while up to READ_AHEAD of them wait to be parsed, so the
    // parser never waits for the disk.
    const parsing: Promise<boolean>[] = [];
    try {
      for (const [uri, file] of files) {
        this.known.set(uri, file);
        const maxBytes = file.origin === 'builtin' ? this.folders[0]?.settings.maxFileSize : this.settingsFor(uri)?.maxFileSize;
        const text = await this.currentText(uri, maxBytes);
        // keepCache false: the parser keeps the syntax tree of every piece it parsed, for an edit
        // of the same file to reuse; a load reads each file once, and would keep every tree for nothing.
        if (text === undefined) this.forgetText(uri);
        else parsing.push(this.update(uri, text, false));
        if (parsing.length >= READ_AHEAD) await parsing.shift();
        if (overtaken()) return false;
      }
    } finally {
      await Promise.all(parsing);
    }
    return !overtaken();
  }

  /** After any change of the files: prepare the new index in the background, then announce it. */
  private changed(): void {
    this.unannounced = true;
    // A reload prepares once it has read every file.
    if (!this.reading) void this.prepare();
  }

  /**
   * Builds the index of the current files, then its matcher, then its problems, one step per turn
   * of the event loop, while requests are answered from the served index; then serves and
   * announces it. A change in between abandons the stale build and starts over, so a burst of
   * edits builds one index rather than one per edit.
   */
  private async prepare(): Promise<void> {
    if (this.preparing) return; // The running loop picks up the newest version.
    this.preparing = true;
    try {
      while (!this.reading && (this.unannounced || this.served?.version !== this.set.version)) {
        const version = this.set.version;
        if (this.served?.version !== version) {
          preferSmallHeap(false);
          const took: string[] = [];
          let stale = false;
          // Edits that arrived meanwhile make this build stale once parsed: wait and see, but
          // not for a slow parse (a large glossary may take its whole budget): it makes one
          // more build when it ends.
          const deadline = Date.now() + MAX_PARSE_WAIT_MS;
          for (const [name, step] of PREPARATION) {
            await turn();
            while (this.pendingEdits.size || (this.parsing.size && Date.now() < deadline)) await this.nextSettling(deadline);
            stale = this.reading || this.set.version !== version;
            if (stale) break;
            const started = performance.now();
            step(this.set);
            took.push(`${name} ${(performance.now() - started).toFixed(1)} ms`);
          }
          if (stale) {
            this.logger.debug(`Index version ${version} abandoned: the glossaries changed while it was built.`);
            continue;
          }
          this.served = this.set.index();
          this.logger.debug(`Index version ${version} prepared: ${this.served.entries.length} terms; ${took.join(', ')}, each step between requests.`);
        }
        this.unannounced = false;
        this.onChange();
      }
      // Idle until the next change: keep the heap close to what the served index needs.
      if (!this.reading) preferSmallHeap(true);
    } catch (error) {
      this.logger.error(`Could not build the glossary index: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.preparing = false;
    }
  }

  private settleEdits(): void {
    for (const resolve of this.editsSettled.splice(0)) resolve();
  }

  /** Resolves when an edit stops pending or a parse ends, or at `deadline`. */
  private nextSettling(deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      this.editsSettled.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private forgetUnless(keep: (uri: string, file: KnownFile) => boolean): void {
    for (const [uri, file] of [...this.known]) if (!keep(uri, file)) this.forget(uri);
  }

  /** True when a workspace file at this URI would be a glossary under the current settings. */
  isGlossaryUri(uri: string): boolean {
    if (this.known.has(uri)) return true;
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    if (this.isExtraGlossary(parsed.fsPath)) return true;
    return this.matchers.some(({ folder, include, exclude }) => {
      const relative = path.relative(folder, parsed.fsPath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const posix = relative.split(path.sep).join('/');
      return include(posix) && !exclude(posix);
    });
  }

  /** An extra glossary the settings name, or a glossary file in an extra glossary folder. */
  private isExtraGlossary(file: string): boolean {
    return this.extraRoots.some((root) => {
      if (file === root) return true;
      const relative = path.relative(root, file);
      return !relative.startsWith('..') && !path.isAbsolute(relative) && isGlossaryMarkdown(file);
    });
  }

  /** A created, changed or deleted file, as the file watcher reports it. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (deleted) {
      // A folder deleted as a whole is reported once, for the folder: its glossaries go too.
      let changed = false;
      for (const known of [...this.known.keys()]) {
        if (known !== uri && !known.startsWith(`${uri}/`)) continue;
        // An open buffer still holds the user's text.
        if (!this.openDocuments.has(known) && this.forget(known)) changed = true;
      }
      if (changed) this.changed();
      return;
    }
    if (!this.isGlossaryUri(uri)) return;
    const fsPath = URI.parse(uri).fsPath;
    if (this.extraRoots.includes(fsPath) && (await fs.stat(fsPath).catch(() => undefined))?.isDirectory()) {
      // An extra glossary folder created (cloned, moved in) as a whole is reported once, for the folder.
      const files = await listMarkdownFiles(fsPath, { limit: MAX_GLOSSARY_FILES, maxFolders: MAX_EXTRA_FOLDERS });
      for (const file of files) await this.fileChanged(URI.file(file).toString(), false);
      return;
    }
    if (!this.known.has(uri)) this.known.set(uri, { origin: this.originOfNew(uri), label: this.labelForWorkspaceFile(uri) });
    if (this.openDocuments.has(uri)) return; // The editor's text wins while the document is open.
    if (await this.refreshFromDisk(uri, this.settingsFor(uri)?.maxFileSize)) this.changed();
  }

  /**
   * An open document was opened or edited: when it is a glossary, it is parsed once its edits
   * pause (a newer edit replaces the pending parse), with the text `read` gives then.
   */
  documentEdited(uri: string, read: () => string | undefined): void {
    if (!this.isGlossaryUri(uri)) return;
    clearTimeout(this.pendingEdits.get(uri));
    this.pendingEdits.set(uri, setTimeout(() => {
      this.pendingEdits.delete(uri);
      const text = read();
      if (text !== undefined) this.documentChanged(uri, text);
      this.settleEdits();
    }, EDIT_DEBOUNCE_MS));
  }

  /** An open glossary document's text changed (or it was opened): parsed now, in the background. */
  documentChanged(uri: string, text: string): void {
    if (!this.isGlossaryUri(uri)) return;
    this.openDocuments.set(uri, text);
    if (!this.known.has(uri)) this.known.set(uri, { origin: this.originOfNew(uri), label: this.labelForWorkspaceFile(uri) });
    const limit = this.settingsFor(uri)?.maxFileSize ?? Infinity;
    if (text.length > limit) {
      this.logger.once(`large:${uri}`, 'warn', `${this.label(uri)} is larger than glossaryLens.maxFileSize; it is not read.`);
      if (this.forgetText(uri)) this.changed();
      return;
    }
    void this.update(uri, text, true, true).then((changed) => changed && this.changed());
  }

  /** An open glossary document was closed: the file on disk is the truth again. */
  async documentClosed(uri: string): Promise<void> {
    clearTimeout(this.pendingEdits.get(uri));
    if (this.pendingEdits.delete(uri)) this.settleEdits();
    if (!this.openDocuments.delete(uri) || !this.known.has(uri)) return;
    if (await this.refreshFromDisk(uri, this.settingsFor(uri)?.maxFileSize)) this.changed();
  }

  private async refreshFromDisk(uri: string, maxBytes?: number, keepCache = true): Promise<boolean> {
    if (!this.known.has(uri)) return false;
    const text = await this.currentText(uri, maxBytes);
    return text === undefined ? this.forgetText(uri) : this.update(uri, text, keepCache);
  }

  /** A known file's text now: its open document's, or else the disk's; undefined (said why) when unreadable. */
  private async currentText(uri: string, maxBytes = defaultSettings.maxFileSize): Promise<string | undefined> {
    const open = this.openDocuments.get(uri);
    if (open !== undefined) return open;
    const result = await readTextFile(URI.parse(uri).fsPath, maxBytes);
    // Opened in the editor while the disk was read: the editor's text wins.
    const openedMeanwhile = this.openDocuments.get(uri);
    if (openedMeanwhile !== undefined) return openedMeanwhile;
    if (!('error' in result)) {
      this.absent.delete(uri);
      return result.text;
    }
    if (result.missing || result.notAFile) this.absent.add(uri);
    else this.absent.delete(uri);
    // A file deleted is no news (the watcher says so too); anything else is worth a line.
    const message = `${this.label(uri)}: ${result.error}`;
    if (result.missing) this.logger.debug(message);
    else this.logger.warn(message);
    return undefined;
  }

  /**
   * Parses a known file's text and gives it to the set; true when the set changed. A parse that a
   * newer text of the file (or its removal) overtook is dropped. A file that cannot be parsed within
   * the parser's budget stays known, with no terms and one problem that says why. `inEditor`: the
   * text is an open document's.
   */
  private async update(uri: string, text: string, keepCache: boolean, inEditor = false): Promise<boolean> {
    const origin = this.known.get(uri)?.origin ?? 'workspace';
    const priority = PRIORITY[origin];
    // A text the parser gave up on is tried again: the machine may only have been busy.
    if (this.set.hasText(uri, text) && !this.set.parsed(uri)?.problems.some((problem) => problem.code === NOT_PARSED)) {
      this.parsing.delete(uri);
      // Opened in the editor (or an edit undone) with the text already parsed: edits are likely to
      // follow. Not the shipped glossary, which is parsed on this thread.
      if (inEditor && origin !== 'builtin') this.warmUp(uri, text);
      return this.set.update(uri, text, { priority });
    }
    const token = ++this.parses;
    this.parsing.set(uri, token);
    const started = performance.now();
    try {
      // The shipped glossary is ours and small: parsed here at once, it answers hovers before a
      // worker thread has even started.
      const parse = this.known.get(uri)?.origin === 'builtin' ? parseHere : this.parse;
      const outcome = await parse(uri, text, { keepCache });
      if ('superseded' in outcome || this.parsing.get(uri) !== token || !this.known.has(uri)) return false;
      let parsed: ParsedGlossary;
      if ('parsed' in outcome) {
        parsed = outcome.parsed;
        this.logger.debug(`Parsed ${this.label(uri)} (${text.length} characters) ${(performance.now() - started).toFixed(1)} ms after it was read.`);
      } else {
        parsed = unreadable(uri, outcome.failed);
        // The error on the file stays in view; the log says it once per file and reason.
        this.logger.once(`not-parsed:${uri}:${outcome.failed}`, 'warn', `${this.label(uri)} was not read: ${outcome.failed}.`);
      }
      return this.set.update(uri, text, { priority, parsed });
    } finally {
      if (this.parsing.get(uri) === token) this.parsing.delete(uri);
      this.settleEdits();
    }
  }

  private forget(uri: string): boolean {
    this.known.delete(uri);
    this.absent.delete(uri);
    return this.forgetText(uri);
  }

  private forgetText(uri: string): boolean {
    this.parsing.delete(uri);
    this.settleEdits();
    return this.set.remove(uri);
  }

  private originOfNew(uri: string): GlossaryOrigin {
    return this.isExtraGlossary(URI.parse(uri).fsPath) ? 'extra' : 'workspace';
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

/** What `prepare` builds, one step per turn: each would otherwise be built by the first request that needs it. */
const PREPARATION: readonly (readonly [string, (set: GlossarySet) => unknown])[] = [
  ['index', (set) => set.index()],
  ['matcher', (set) => set.index().scan('')],
  ['problems', (set) => set.index().problems],
];

/**
 * Resolves once requests that arrived meanwhile had their turn: the poll phase before the
 * immediate reads them, the message handler's own immediate runs before the timer.
 */
async function turn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const NOT_PARSED = 'not-parsed';

/** What the index holds for a file the parser gave up on: no terms, and a problem saying why. */
function unreadable(uri: string, reason: string): ParsedGlossary {
  return {
    uri,
    entries: [],
    problems: [{
      code: NOT_PARSED,
      severity: 'error',
      uri,
      span: { start: 0, end: 0 },
      message: `Glossary Lens did not read this file: ${reason}. Its terms are not available. Markdown this costly to parse is usually generated; split the file, or simplify its structure (very long lists, deep nesting, unbalanced emphasis).`,
    }],
  };
}

/** The absolute paths of the extra glossaries (files or folders) a workspace folder's settings name. */
export function extraGlossaryPaths(folder: WorkspaceFolderInfo): string[] {
  const root = URI.parse(folder.uri);
  return root.scheme === 'file' ? folder.settings.extraGlossaries.map((extra) => path.resolve(root.fsPath, extra)) : [];
}

function relativeLabel(root: string, file: string, withRootName = false): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return withRootName ? `${path.basename(root)}/${relative}` : relative;
}
