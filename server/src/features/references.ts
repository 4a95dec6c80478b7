import type { CancellationToken, Location, ReferenceParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { ServerContext } from '../context';
import { entryLocation, pathToUri } from '../convert';
import type { GlossaryEntry, TermOccurrence } from '../core';
import type { Settings } from '../settings';
import { readTextFile } from '../node/glossaryFiles';
import { findFiles } from '../node/workspaceFiles';
import { scanInPieces } from '../scanInPieces';

/** Bounds that keep a reference search on a huge repository from running away. */
const MAX_FILES = 5_000;
const MAX_RESULTS = 5_000;

/**
 * Find All References on a term occurrence, or on a term's label in a glossary file: every
 * occurrence in open documents and in the workspace's files (respecting glossaryLens.exclude).
 */
export function registerReferences(context: ServerContext): void {
  const { connection } = context;
  connection.onReferences(async (params, token, workDone): Promise<Location[]> => {
    try {
      return await findReferences(context, params, token, workDone);
    } catch (error) {
      context.logger.error(`Find references failed: ${String(error)}`);
      return [];
    }
  });
}

async function findReferences(context: ServerContext, params: ReferenceParams, token: CancellationToken, workDone: WorkDoneProgressReporter): Promise<Location[]> {
  const { documents, settings, store } = context;
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const config = await settings.get(document.uri);
  if (token.isCancellationRequested) return [];
  const targets = targetEntries(context, document, params, config);
  if (!targets.length) return [];
  const targetIds = new Set(targets.map((entry) => entry.id));

  const locations: Location[] = params.context.includeDeclaration
    ? targets.map((entry) => entryLocation(entry, store))
    : [];
  const collect = (uri: string, text: TextDocument, occurrences: readonly TermOccurrence[]) => {
    for (const occurrence of occurrences) {
      if (occurrence.entryIds.some((id) => targetIds.has(id))) {
        locations.push({ uri, range: { start: text.positionAt(occurrence.start), end: text.positionAt(occurrence.end) } });
      }
    }
  };

  workDone.begin(`Finding references to ${targets[0]!.term}`, 0, undefined, true);
  try {
    const visited = new Set<string>();
    for (const open of documents.all()) {
      visited.add(open.uri);
      const found = await context.findOccurrences(open, config, () => token.isCancellationRequested);
      if (token.isCancellationRequested) return locations;
      // A document that changed during the scan is left out rather than given stale ranges.
      if (found) collect(open.uri, open, found);
    }
    const folders = (await context.connection.workspace.getWorkspaceFolders()) ?? [];
    for (const folder of folders) {
      const root = URI.parse(folder.uri);
      if (root.scheme !== 'file') continue;
      const folderSettings = await settings.get(folder.uri);
      const files = await findFiles(root.fsPath, { include: ['**/*'], exclude: folderSettings.exclude, limit: MAX_FILES, isCancelled: () => token.isCancellationRequested });
      for (const [done, file] of files.entries()) {
        if (token.isCancellationRequested || locations.length >= MAX_RESULTS) return locations;
        const uri = pathToUri(file);
        if (visited.has(uri)) continue;
        visited.add(uri);
        if (done % 50 === 0) workDone.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
        const read = await readTextFile(file, config.maxFileSize);
        if ('error' in read) continue;
        const index = store.index();
        const { occurrences } = await scanInPieces(read.text, (piece) => index.scan(piece), () => token.isCancellationRequested);
        if (!occurrences) return locations;
        collect(uri, TextDocument.create(uri, 'plaintext', 0, read.text), occurrences);
      }
    }
  } finally {
    workDone.done();
  }
  return locations.slice(0, MAX_RESULTS);
}

/** The entries the request is about: the term under the cursor, or the entry whose label it is on. */
function targetEntries(context: ServerContext, document: TextDocument, params: ReferenceParams, settings: Settings): GlossaryEntry[] {
  const offset = document.offsetAt(params.position);
  const labelled = context.store
    .index()
    .entries.filter((entry) => entry.source.uri === document.uri && entry.source.labelSpan.start <= offset && offset <= entry.source.labelSpan.end);
  if (labelled.length) {
    // All entries sharing the term's names, so references to "ETag" find every glossary's ETag.
    return context.store.index().lookup(labelled[0]!.term).slice();
  }
  const occurrence = context.occurrenceAt(document, params.position, settings);
  return occurrence ? context.entriesOf(occurrence) : [];
}
