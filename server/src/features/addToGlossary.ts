import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { ServerContext } from '../context';
import { glossaryStub, subwordAt } from '../core';

const MAX_TERM_LENGTH = 80;
/** How much text round the cursor is read for the word under it; a line of minified code can be megabytes. */
const WORD_REACH = 256;

/**
 * The code action "Add 'X' to the glossary" on a selection or on the subword under the cursor
 * when X is not a term yet. The edit appends a stub entry to the workspace glossary (creating
 * GLOSSARY.md at the folder root when there is none), so it is undoable like any edit.
 */
export function registerAddToGlossary(context: ServerContext, canCreateFiles: () => boolean): void {
  const { connection, documents, store } = context;
  connection.onCodeAction(async ({ textDocument, range }, token): Promise<CodeAction[]> => {
    const document = documents.get(textDocument.uri);
    if (!document || store.isGlossaryUri(document.uri)) return [];
    const term = candidateTerm(document, range);
    if (!term || store.index().lookup(term).length) return [];
    const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    if (token.isCancellationRequested) return [];
    const edit = await appendEntryEdit(context, document.uri, folders.map((folder) => folder.uri), term, canCreateFiles());
    if (!edit) return [];
    return [{ title: `Add '${term}' to the glossary`, kind: CodeActionKind.RefactorRewrite, edit }];
  });
}

/** The selected text, or the identifier subword under the cursor, if it could be a term. */
function candidateTerm(document: TextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string | undefined {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const text = document.getText();
  // A selection far longer than a term is not one; do not copy and normalize megabytes to learn that.
  if (end - start > MAX_TERM_LENGTH * 4) return undefined;
  const from = Math.max(0, start - WORD_REACH);
  const raw = start === end ? subwordAt(text.slice(from, Math.min(text.length, start + WORD_REACH)), start - from) : text.slice(start, end);
  const term = raw?.replace(/\s+/g, ' ').trim();
  if (!term || term.length > MAX_TERM_LENGTH || term.length < 2 || !/\p{L}/u.test(term)) return undefined;
  return term;
}

/**
 * An edit that appends a stub for `term` to the workspace glossary of the document's folder,
 * keeping the file's line endings; or creates GLOSSARY.md there.
 */
export async function appendEntryEdit(context: ServerContext, documentUri: string, folderUris: readonly string[], term: string, canCreateFiles: boolean): Promise<WorkspaceEdit | undefined> {
  const { store, documents } = context;
  const documentPath = URI.parse(documentUri).fsPath;
  const folder = folderUris.find((uri) => !path.relative(URI.parse(uri).fsPath, documentPath).startsWith('..')) ?? folderUris[0];
  const userFiles = store.userGlossaries().filter((uri) => store.origin(uri) === 'workspace');
  const inFolder = folder ? userFiles.filter((uri) => !path.relative(URI.parse(folder).fsPath, URI.parse(uri).fsPath).startsWith('..')) : userFiles;
  const target = preferredGlossary(inFolder.length ? inFolder : userFiles);

  if (target) {
    const text = documents.get(target)?.getText() ?? (await store.readText(target));
    // Unreadable just now: an edit placed without its text could land in the wrong place.
    if (text === undefined) return undefined;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const end = TextDocument.create(target, 'markdown', 0, text).positionAt(text.length);
    const separator = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
    const version = documents.get(target)?.version ?? null;
    return {
      documentChanges: [{ textDocument: { uri: target, version }, edits: [{ range: { start: end, end }, newText: separator + glossaryStub(term, eol) }] }],
    };
  }
  if (!folder || !canCreateFiles) return undefined;
  const uri = Utils.joinPath(URI.parse(folder), 'GLOSSARY.md').toString();
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Glossary\n\n${glossaryStub(term, '\n')}` }] },
    ],
  };
}

/** GLOSSARY.md at the top of a folder beats one deeper down, which beats other glossary files. */
function preferredGlossary(uris: readonly string[]): string | undefined {
  const score = (uri: string) => {
    const name = path.basename(URI.parse(uri).path).toLowerCase();
    return (name === 'glossary.md' ? 0 : 10) + URI.parse(uri).path.split('/').length;
  };
  return [...uris].sort((a, b) => score(a) - score(b))[0];
}
