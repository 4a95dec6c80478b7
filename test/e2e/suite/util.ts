/**
 * Helpers for tests in the real extension host: wait on conditions (never fixed sleeps), reach
 * the extension's API, open fixture files and find positions by their text.
 */
import * as vscode from 'vscode';
import type { GlossaryLensApi } from '../../../client/src/api';
import { waitFor } from '../waitFor';

export { waitFor, type WaitOptions } from '../waitFor';

export const EXTENSION_ID = 'glossary-lens.glossary-lens';

/** Resolves with `promise`'s value, or fails with `message` after `timeout` ms. */
export async function within<T>(promise: Thenable<T>, timeout: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(promise),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${timeout} ms: ${message}.`)), timeout))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

let api: Promise<GlossaryLensApi> | undefined;

/** Activates the extension and waits for the language server's first index. */
export function glossaryLens(): Promise<GlossaryLensApi> {
  api ??= (async () => {
    const extension = vscode.extensions.getExtension<GlossaryLensApi>(EXTENSION_ID);
    if (!extension) throw new Error(`The extension ${EXTENSION_ID} is not loaded.`);
    const exports = await within(extension.activate(), 30_000, `activating ${EXTENSION_ID}`);
    await within(exports.ready(), 30_000, 'the language server announcing its first index');
    return exports;
  })();
  return api;
}

/** A file of the fixture workspace (the run's copy of test/e2e/workspace). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open.');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a fixture file in the active editor. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position `offset` characters into the first occurrence of `text` in the document. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in ${document.uri.path}.`);
  return document.positionAt(index + offset);
}

/** The range of the first occurrence of `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const start = positionOf(document, text);
  return new vscode.Range(start, start.translate(0, text.length));
}

/** Every hover's markdown at a position, from every provider. */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents).map((content) => (content instanceof vscode.MarkdownString ? content : new vscode.MarkdownString(typeof content === 'string' ? content : content.value)));
}

/**
 * Hovers at a position until a hover contains `expected` (the first hover after a file opens
 * can come back empty while the server starts), and returns the markdown that contains it.
 */
export async function waitForHover(uri: vscode.Uri, position: vscode.Position, expected: string | RegExp, timeout = 20_000): Promise<vscode.MarkdownString> {
  const matches = (value: string) => (typeof expected === 'string' ? value.includes(expected) : expected.test(value));
  return waitFor(async () => (await hoversAt(uri, position)).find((markdown) => matches(markdown.value)), {
    timeout,
    message: `a hover at ${uri.path.split('/').pop()}:${position.line + 1}:${position.character + 1} containing ${String(expected)}`,
  });
}

/** The label a tree item shows. */
export async function labelOf<T>(provider: vscode.TreeDataProvider<T>, node: T): Promise<string> {
  const item = await provider.getTreeItem(node);
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The children of a tree node (or the roots) with their labels. */
export async function childrenOf<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<{ node: T; label: string }[]> {
  const children = (await provider.getChildren(node)) ?? [];
  return Promise.all(children.map(async (child) => ({ node: child, label: await labelOf(provider, child) })));
}

/** True when `labels` are in alphabetical order, ignoring case. */
export function isSorted(labels: readonly string[]): boolean {
  return labels.every((label, index) => index === 0 || labels[index - 1]!.localeCompare(label, undefined, { sensitivity: 'base' }) <= 0);
}

/** Prints a line among mocha's output (a measured figure, say), in code-server and in Electron alike. */
export function report(message: string): void {
  console.log((process.env.GLOSSARY_LENS_E2E_REPORTER_PREFIX ?? '') + message);
}
