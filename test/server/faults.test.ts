/**
 * Faults while the server runs, at the protocol level: glossary files deleted, renamed, made
 * unreadable or replaced by folders; workspace folders removed and added back; settings that
 * are nonsense. Each test ends with a working server and an index that matches the disk.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { TestClient, type TestClientOptions } from './lspClient';
import { ensureBuilt } from '../support/build';

const TEAM = '# Team\n\n## Blue Widget\n\nOur name for the billing worker.\n';
const OPS = '# Ops\n\n## Night Shift\n\nWho is on call after hours.\n\n## Day Shift\n\nWho is on call in office hours.\n';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

/** Whether chmod 000 stops this process reading a file; it does not stop root. */
const chmodBlocksReads = (() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'glossary-lens-chmod-'));
  try {
    const file = path.join(dir, 'probe');
    writeFileSync(file, 'x');
    chmodSync(file, 0o000);
    try {
      readFileSync(file);
      return false;
    } catch {
      return true;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

let cleanups: (() => Promise<void> | void)[] = [];

beforeAll(ensureBuilt);

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A temporary folder holding `files` (path → text), removed after the test. */
function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'glossary-lens-faults-'));
  cleanups.push(() => {
    // A test may leave a file without permissions behind; the folder goes anyway.
    rmSync(root, { recursive: true, force: true });
  });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A server on `folders`, without the shipped glossary unless the settings say otherwise, stopped after the test. */
async function start(folders: string[], options: TestClientOptions = {}): Promise<TestClient> {
  const client = await TestClient.start({ folders, settings: { builtinGlossary: false }, ...options });
  cleanups.push(() => client.stop());
  return client;
}

const lastIndex = (client: TestClient) => client.indexChanges[client.indexChanges.length - 1] as { termCount: number; workspaceGlossaryCount?: number; loading?: boolean } | undefined;

/** Waits until the index has settled on `count` terms. */
const termsBecome = (client: TestClient, count: number) =>
  client.waitFor(() => lastIndex(client)?.termCount === count && lastIndex(client)?.loading !== true, `an index of ${count} terms (now ${lastIndex(client)?.termCount})`);

/** Does `act`, then waits for a new index that has settled on `count` terms. */
async function reindexed(client: TestClient, count: number, act: () => unknown): Promise<void> {
  const seen = client.indexChanges.length;
  await act();
  await client.waitFor(
    () => client.indexChanges.length > seen && lastIndex(client)?.termCount === count && lastIndex(client)?.loading !== true,
    `a new index of ${count} terms (now ${lastIndex(client)?.termCount})`,
  );
}

const watched = (client: TestClient, ...changes: [file: string, type: number][]) =>
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([file, type]) => ({ uri: URI.file(file).toString(), type })) });

let probes = 0;

/** The hover on `identifier` in a fresh TypeScript document, as markdown, or undefined. */
async function hoverOn(client: TestClient, folder: string, identifier: string): Promise<string | undefined> {
  const uri = client.open(path.join(folder, `probe${++probes}.ts`), `${identifier}();\n`, 'typescript');
  const hover: Hover | null = await client.hover(uri, { line: 0, character: 1 });
  return hover ? (hover.contents as { value: string }).value : undefined;
}

const symbols = (client: TestClient, query: string): Promise<SymbolInformation[]> => client.connection.sendRequest('workspace/symbol', { query });

describe('glossary files that change under the server', () => {
  it('forgets the terms of a deleted glossary and keeps the others', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);

    unlinkSync(path.join(root, 'docs/ops.glossary.md'));
    await watched(client, [path.join(root, 'docs/ops.glossary.md'), DELETED]);
    await termsBecome(client, 1);
    expect(await hoverOn(client, root, 'nightShift')).toBeUndefined();
    expect(await symbols(client, 'shift')).toEqual([]);
    expect(await hoverOn(client, root, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);
  });

  it('follows a renamed glossary: its terms come back with the new file name and location', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);

    const renamed = path.join(root, 'docs/rota.glossary.md');
    renameSync(path.join(root, 'docs/ops.glossary.md'), renamed);
    await reindexed(client, 3, () => watched(client, [path.join(root, 'docs/ops.glossary.md'), DELETED], [renamed, CREATED]));
    const [night] = await symbols(client, 'Night Shift');
    expect(night).toMatchObject({ name: 'Night Shift', containerName: 'docs/rota.glossary.md › Ops', location: { uri: URI.file(renamed).toString() } });
    expect(night!.location.range.start.line).toBe(2);
    expect(await hoverOn(client, root, 'nightShift')).toContain('[docs/rota.glossary.md:3](');
  });

  it.skipIf(!chmodBlocksReads)('says a glossary made unreadable (chmod 000) cannot be read, and reads it again once it can (skipped when chmod does not stop this user, as for root)', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);
    const file = path.join(root, 'docs/ops.glossary.md');

    chmodSync(file, 0o000);
    await watched(client, [file, CHANGED]);
    await termsBecome(client, 1);
    expect(client.logs).toContain('docs/ops.glossary.md: permission denied');
    expect(await hoverOn(client, root, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);

    chmodSync(file, 0o644);
    await watched(client, [file, CHANGED]);
    await termsBecome(client, 3);
  });

  it('says a glossary replaced by a symbolic link to itself cannot be read, and keeps working (unreadable even for root)', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);
    const file = path.join(root, 'docs/ops.glossary.md');

    unlinkSync(file);
    symlinkSync('ops.glossary.md', file);
    await watched(client, [file, CHANGED]);
    await termsBecome(client, 1);
    expect(client.logs).toContain('docs/ops.glossary.md: is a symbolic link that leads back to itself');
    expect(await hoverOn(client, root, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);

    unlinkSync(file);
    writeFileSync(file, OPS);
    await watched(client, [file, CHANGED]);
    await termsBecome(client, 3);
  });

  it('does not wait forever on glossaries replaced by named pipes', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);
    // As many pipes as Node has threads for file reads: waiting on them would stop every read.
    const pipes = ['docs/ops.glossary.md', 'a.glossary.md', 'b.glossary.md', 'c.glossary.md'];
    unlinkSync(path.join(root, 'docs/ops.glossary.md'));
    for (const pipe of pipes) execFileSync('mkfifo', [path.join(root, pipe)]);
    await watched(client, [path.join(root, 'docs/ops.glossary.md'), DELETED], ...pipes.map((pipe): [string, number] => [path.join(root, pipe), CREATED]));
    await termsBecome(client, 1);
    await client.waitFor(() => client.logs.filter((line) => line.endsWith(': is not a regular file (a pipe, socket or device)')).length === pipes.length, 'a warning for each pipe');

    await reindexed(client, 2, async () => {
      writeFileSync(path.join(root, 'more.glossary.md'), '# More\n\n## Red Sprocket\n\nA part.\n');
      await watched(client, [path.join(root, 'more.glossary.md'), CREATED]);
    });
    expect(await hoverOn(client, root, 'redSprocket')).toMatch(/^\*\*Red Sprocket\*\*/);
  });

  // workspaceGlossaryCount tells the Concept Explorer whether to offer creating a glossary.
  it('says a glossary replaced by a folder of the same name is a folder, stops counting it, and keeps working', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);
    const file = path.join(root, 'GLOSSARY.md');

    unlinkSync(file);
    mkdirSync(file);
    writeFileSync(path.join(file, 'notes.txt'), 'Not a glossary.\n');
    await reindexed(client, 2, () => watched(client, [file, DELETED], [file, CREATED]));
    expect(client.logs).toContain('GLOSSARY.md: is a folder, not a file');
    expect(lastIndex(client)?.workspaceGlossaryCount).toBe(1);
    expect(await hoverOn(client, root, 'blueWidget')).toBeUndefined();
    expect(await hoverOn(client, root, 'nightShift')).toMatch(/^\*\*Night Shift\*\*/);

    rmSync(file, { recursive: true });
    writeFileSync(file, TEAM);
    await watched(client, [file, DELETED], [file, CREATED]);
    await termsBecome(client, 3);
  });

  it("keeps an open glossary's text after its file is deleted, until the editor closes it; then stops counting it, without a warning", async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM, 'docs/ops.glossary.md': OPS });
    const client = await start([root]);
    await termsBecome(client, 3);
    const file = path.join(root, 'GLOSSARY.md');
    // The buffer has an unsaved term the file never had.
    const uri = client.open(file, `${TEAM}\n## Green Gadget\n\nNot saved yet.\n`, 'markdown');
    await termsBecome(client, 4);

    unlinkSync(file);
    await watched(client, [file, DELETED]);
    expect(await hoverOn(client, root, 'greenGadget')).toMatch(/^\*\*Green Gadget\*\*/);
    expect(await hoverOn(client, root, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);

    await reindexed(client, 2, () => client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } }));
    expect(client.logs.filter((line) => line.startsWith('GLOSSARY.md'))).toEqual([]);
    expect(lastIndex(client)?.workspaceGlossaryCount).toBe(1);
    expect(await hoverOn(client, root, 'greenGadget')).toBeUndefined();
    expect(await hoverOn(client, root, 'blueWidget')).toBeUndefined();
    expect(await hoverOn(client, root, 'nightShift')).toMatch(/^\*\*Night Shift\*\*/);
  });
});

describe('file watchers', () => {
  /** The glob patterns the server asked the client to watch, as `base: pattern`. */
  const watchedPatterns = (client: TestClient) =>
    [...client.registrations.values()]
      .filter((registration) => registration.method === 'workspace/didChangeWatchedFiles')
      .flatMap((registration) => (registration.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers)
      .map(({ globPattern }) => `${URI.parse(globPattern.baseUri).fsPath}: ${globPattern.pattern}`);

  it("watches the configured glossary globs and extra glossaries, follows new files in an extra folder, and re-registers when settings change", async () => {
    const root = folderWith({ 'team.terms.md': TEAM });
    const shared = folderWith({ 'ops.md': OPS });
    const client = await start([root], { settings: { builtinGlossary: false, files: ['**/*.terms.md'], extraGlossaries: [shared] } });
    await termsBecome(client, 3);
    expect(watchedPatterns(client).sort()).toEqual([`${path.dirname(shared)}: ${path.basename(shared)}`, `${root}: **/*.terms.md`, `${shared}: **/*.md`].sort());

    // A file created in the extra folder, outside the workspace, is a glossary too.
    writeFileSync(path.join(shared, 'billing.md'), '# Billing\n\n## Clawback\n\nMoney taken back after a payout.\n');
    await reindexed(client, 4, () => watched(client, [path.join(shared, 'billing.md'), CREATED]));
    expect(await hoverOn(client, root, 'clawback')).toMatch(/^\*\*Clawback\*\*/);
    expect(lastIndex(client)?.workspaceGlossaryCount).toBe(3);

    // New settings, new watchers; the old registration is withdrawn.
    client.settings = { builtinGlossary: false, files: ['**/GLOSSARY.md'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => watchedPatterns(client).join() === `${root}: **/GLOSSARY.md`, 'the watchers for the new settings');
    await termsBecome(client, 0);
  });

  it('reads an extra glossary folder created at once (one event for the folder), and forgets it deleted at once', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM });
    const parent = folderWith({});
    const shared = path.join(parent, 'shared-terms');
    const client = await start([root], { settings: { builtinGlossary: false, extraGlossaries: [shared] } });
    await termsBecome(client, 1);

    // Cloned or moved in: the editor reports the folder, not each file in it.
    mkdirSync(path.join(shared, 'ops'), { recursive: true });
    writeFileSync(path.join(shared, 'ops', 'shifts.md'), OPS);
    await reindexed(client, 3, () => watched(client, [shared, CREATED]));
    expect(await hoverOn(client, root, 'nightShift')).toMatch(/^\*\*Night Shift\*\*/);
    expect(lastIndex(client)?.workspaceGlossaryCount).toBe(2);

    rmSync(shared, { recursive: true });
    await reindexed(client, 1, () => watched(client, [shared, DELETED]));
    expect(await hoverOn(client, root, 'nightShift')).toBeUndefined();
    expect(lastIndex(client)?.workspaceGlossaryCount).toBe(1);
  });
});

describe('workspace folders that come and go', () => {
  it("forgets a removed folder's glossaries and reads them again when it is added back", async () => {
    const first = folderWith({ 'GLOSSARY.md': TEAM });
    const second = folderWith({ 'glossary/ops.md': OPS });
    const client = await start([first, second]);
    await termsBecome(client, 3);
    const folder = { uri: URI.file(second).toString(), name: path.basename(second) };

    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await termsBecome(client, 1);
    expect(await hoverOn(client, first, 'nightShift')).toBeUndefined();
    expect(await symbols(client, 'shift')).toEqual([]);
    expect(await hoverOn(client, first, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);

    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await termsBecome(client, 3);
    const [night] = await symbols(client, 'Night Shift');
    expect(night).toMatchObject({ containerName: `${path.basename(second)}/glossary/ops.md › Ops`, location: { uri: URI.file(path.join(second, 'glossary/ops.md')).toString() } });
  });
});

describe('settings that are nonsense', () => {
  /** Sends `settings` as the answer to workspace/configuration and waits for the warnings they cause. */
  async function configure(client: TestClient, settings: unknown, ...warnings: RegExp[]): Promise<void> {
    client.settings = settings;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => warnings.every((warning) => client.logs.some((line) => warning.test(line))), `warnings matching ${warnings.join(', ')}`);
  }

  /** The server still answers from the shipped glossary and the workspace's, as with default settings. */
  async function answersAsWithDefaults(client: TestClient, root: string): Promise<void> {
    expect(await hoverOn(client, root, 'etagCache')).toMatch(/^\*\*ETag\*\*/);
    expect(await hoverOn(client, root, 'blueWidget')).toMatch(/^\*\*Blue Widget\*\*/);
  }

  it('warns once about each bad value, keeps the default for it, and keeps answering', async () => {
    // Long names that a glob with four `*` in one segment takes about ten seconds each to reject.
    const root = folderWith({ 'GLOSSARY.md': TEAM, ...Object.fromEntries(['md', 'txt', 'ts'].map((ext) => [`${'a'.repeat(240)}.${ext}`, 'Not a glossary.\n'])) });
    const nonsense = {
      builtinGlossary: 'yes please',
      files: '**/GLOSSARY.md',
      exclude: { '**/node_modules/**': true },
      extraGlossaries: [42],
      maxFileSize: -1,
      logLevel: 7,
      underline: ['all'],
      completion: 'off',
      trace: 5,
    };
    const client = await start([root], { settings: nonsense });
    await client.waitFor(() => client.logs.some((line) => line.startsWith('Loaded ')), 'the glossaries');
    const expected = [
      /^glossaryLens\.builtinGlossary: "yes please" is not valid; using true\.$/,
      /^glossaryLens\.files: "\*\*\/GLOSSARY\.md" is not valid; using \[/,
      /^glossaryLens\.exclude: \{.*\} is not valid; using \[/,
      /^glossaryLens\.extraGlossaries: \[42\] is not valid; using \[\]\.$/,
      /^glossaryLens\.maxFileSize: -1 is not valid; using 5242880\.$/,
      /^glossaryLens\.logLevel: 7 is not valid; using "info"\.$/,
      /^glossaryLens\.underline: \["all"\] is not valid; using "firstOccurrence"\.$/,
      /^glossaryLens\.completion: "off" is not valid; expected an object\.$/,
      /^glossaryLens\.trace: 5 is not valid; expected an object\.$/,
    ];
    for (const warning of expected) expect(client.logs.filter((line) => warning.test(line)), String(warning)).toHaveLength(1);
    await answersAsWithDefaults(client, root);
    // The default completion scope: terms in comments, none in code.
    const comment = client.open(path.join(root, 'c.ts'), '// the blue wid\n', 'typescript');
    expect((await client.completion(comment, { line: 0, character: 15 }))?.items[0]?.label).toBe('Blue Widget');

    // The same nonsense again (any settings change makes the server read them again): no new warnings.
    const before = client.logs.length;
    await configure(client, { ...nonsense, maxFileSize: 'abc' }, /^glossaryLens\.maxFileSize: "abc" is not valid/);
    expect(client.logs.slice(before)).toEqual([expect.stringMatching(/^glossaryLens\.maxFileSize: "abc"/)]);
    await answersAsWithDefaults(client, root);

    await configure(
      client,
      { files: ['['], exclude: [''], extraGlossaries: [null], maxFileSize: 0.5 },
      /^glossaryLens\.files: "\[" has an unclosed "\[" or "\{"; using \[/,
      /^glossaryLens\.exclude: "" is empty; using \[/,
      /^glossaryLens\.extraGlossaries: \[null\] is not valid/,
      /^glossaryLens\.maxFileSize: 0\.5 is not valid/,
    );
    await answersAsWithDefaults(client, root);

    await configure(
      client,
      { files: ['**/*a*a*a*a*b', '**/GLOSSARY.md'], exclude: ['!**/node_modules/**'], maxFileSize: 1e308 },
      /^glossaryLens\.files: "\*\*\/\*a\*a\*a\*a\*b" has more than two "\*" in one path segment/,
      /^glossaryLens\.exclude: "!\*\*\/node_modules\/\*\*" starts with "!"/,
    );
    // Refused, the glob is never matched against the 240-character names (about ten seconds each).
    await answersAsWithDefaults(client, root);
    // A huge size is a size: no warning.
    expect(client.logs.filter((line) => line.includes('1e+308'))).toEqual([]);
  });

  it('walks an extra glossary as big as a disk only so far, says so once, and keeps answering', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM });
    const disk = mkdtempSync(path.join(tmpdir(), 'glossary-lens-disk-'));
    for (let k = 0; k < 5_100; k++) mkdirSync(path.join(disk, `folder-${k}`));
    try {
      const client = await start([root], { settings: { extraGlossaries: [disk] } });
      const warning = `glossaryLens.extraGlossaries: stopped reading ${disk} after 5,000 folders; name a smaller folder.`;
      expect(client.logs.filter((line) => line === warning)).toHaveLength(1);
      await answersAsWithDefaults(client, root);
    } finally {
      rmSync(disk, { recursive: true, force: true });
    }
  });

  it('survives settings that are not an object, and answers to workspace/configuration that are not a list', async () => {
    const root = folderWith({ 'GLOSSARY.md': TEAM });
    const client = await start([root], { settings: [1, 2] });
    await client.waitFor(() => client.logs.some((line) => line.startsWith('Loaded ')), 'the glossaries');
    expect(client.logs.filter((line) => line === 'glossaryLens: expected an object of settings; using the defaults.')).toHaveLength(1);
    await answersAsWithDefaults(client, root);

    // An answer that is not a list reads as no settings at all; an error answer is said once.
    let asked = 0;
    let answer: () => unknown = () => null;
    client.connection.onRequest('workspace/configuration', () => {
      asked++;
      return answer();
    });
    const fail = () => {
      throw new Error('the editor could not read its settings');
    };
    const rounds: [string, () => unknown][] = [
      ['null', () => null],
      ['an object', () => ({ glossaryLens: { builtinGlossary: false } })],
      ['an error', fail],
      ['an error again', fail],
    ];
    for (const [round, [what, next]] of rounds.entries()) {
      answer = next;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor(() => asked >= (round + 1) * 2, `the configuration requests answered with ${what}`);
      // A request answered after the configuration answers: the server has read them by then.
      await answersAsWithDefaults(client, root);
    }
    expect(client.logs.filter((line) => line.startsWith('Could not read settings'))).toEqual([
      'Could not read settings: Request workspace/configuration failed with message: the editor could not read its settings; using the defaults.',
    ]);
  });
});
