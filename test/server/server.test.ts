import { mkdtempSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, SymbolInformation, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { TestClient, withCursor } from './lspClient';
import { ensureBuilt } from '../support/build';

const TEAM_GLOSSARY = ['# Team', '', '## Blue Widget', 'Aliases: bw', '', 'Our name for the billing worker.', ''].join('\n');

let workspace: string;
let clients: TestClient[] = [];

async function start(options: Parameters<typeof TestClient.start>[0] = {}) {
  const client = await TestClient.start({ folders: [workspace], ...options });
  clients.push(client);
  return client;
}

const hoverText = async (client: TestClient, file: string, source: string, languageId: string) => {
  const { text, position } = withCursor(source);
  const uri = client.open(path.join(workspace, file), text, languageId);
  const hover = await client.hover(uri, position);
  return hover ? (hover.contents as { value: string }).value : undefined;
};

beforeAll(async () => {
  await ensureBuilt();
  workspace = mkdtempSync(path.join(tmpdir(), 'glossary-lens-ws-'));
  writeFileSync(path.join(workspace, 'GLOSSARY.md'), TEAM_GLOSSARY);
  mkdirSync(path.join(workspace, 'src'));
  writeFileSync(path.join(workspace, 'src', 'billing.ts'), 'export const blueWidget = startBlueWidget();\n');
  writeFileSync(path.join(workspace, 'src', 'worker.py'), '# the blue widget runs nightly\n');
  // A glossary folder's README documents it; its headings are not terms.
  mkdirSync(path.join(workspace, 'glossary'));
  writeFileSync(path.join(workspace, 'glossary', 'README.md'), '# About\n\n## Purple Sprocket\n\nNot a term.\n');
  mkdirSync(path.join(workspace, 'node_modules'));
  writeFileSync(path.join(workspace, 'node_modules', 'dep.js'), 'blueWidget();\n');
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()));
  clients = [];
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('language server over stdio', () => {
  it('hovers etagCache in TypeScript with the ETag definition, its source and the matched range', async () => {
    const client = await start();
    const { text, position } = withCursor('const et|agCache = new Map<string, string>();\n');
    const uri = client.open(path.join(workspace, 'src', 'cache.ts'), text, 'typescript');
    const hover = await client.hover(uri, position);
    const value = (hover?.contents as { value: string }).value;
    expect(value).toMatch(/^\*\*ETag\*\*/);
    expect(value).toContain('HTTP response header');
    expect(value).toMatch(/\[glossary\/web\.md:\d+\]\(file:\/\/\/.*web\.md#L\d+\)/);
    expect(hover?.range).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 10 } });
  });

  it('hovers cherry_pick in Python, SLO in YAML and a Russian term in markdown', async () => {
    const client = await start();
    expect(await hoverText(client, 'git_tools.py', 'def cherry_p|ick(commits):\n    pass\n', 'python')).toMatch(/^\*\*Cherry Pick\*\*/);
    expect(await hoverText(client, 'slo.yaml', 'SL|O_TARGET: 99.9\n', 'yaml')).toMatch(/^\*\*SLO\*\*/);
    expect(await hoverText(client, 'notes.md', 'Высокая Задер|жка на мобильных сетях.\n', 'markdown')).toMatch(/^\*\*Latency\*\*/);
  });

  it('shows nothing on words that merely contain a term, or for headings of a glossary folder README', async () => {
    const client = await start();
    expect(await hoverText(client, 'a.ts', 'db.rest|ore(backup);\n', 'typescript')).toBeUndefined();
    expect(await hoverText(client, 'b.ts', 'const hea|der = "x";\n', 'typescript')).toBeUndefined();
    expect(await hoverText(client, 'c.ts', 'purpleSpro|cket();\n', 'typescript')).toBeUndefined();
  });

  it('offers glossary completions inside a comment but not in code', async () => {
    const client = await start();
    const inComment = withCursor('// we cache by etag and chery|\nconst x = 1;\n');
    const uri = client.open(path.join(workspace, 'c.ts'), inComment.text, 'typescript');
    const list = await client.completion(uri, inComment.position);
    expect(list?.items[0]?.label).toBe('Cherry Pick');
    expect(list?.items[0]?.detail).toMatch(/commits/);
    expect(list!.items.length).toBeLessThanOrEqual(50);
    const resolved: CompletionItem = await client.connection.sendRequest('completionItem/resolve', list!.items[0]);
    expect((resolved.documentation as { value: string }).value).toMatch(/^\*\*Cherry Pick\*\*/);

    const inCode = withCursor('const chery| = 1;\n');
    const codeUri = client.open(path.join(workspace, 'd.ts'), inCode.text, 'typescript');
    expect(await client.completion(codeUri, inCode.position)).toBeNull();
  });

  it('goes to the definition of a term in its glossary file, workspace first', async () => {
    const client = await start();
    const { text, position } = withCursor('startBlue|Widget();\n');
    const uri = client.open(path.join(workspace, 'e.ts'), text, 'typescript');
    const locations = await client.definition(uri, position);
    expect(locations.map((location) => location.uri)).toEqual([URI.file(path.join(workspace, 'GLOSSARY.md')).toString()]);
    expect(locations[0]!.range.start.line).toBe(2);
  });

  it('finds references across workspace files and skips excluded folders', async () => {
    const client = await start();
    const glossaryUri = client.open(path.join(workspace, 'GLOSSARY.md'), TEAM_GLOSSARY, 'markdown');
    // On the heading "## Blue Widget", inside the label.
    const locations = await client.references(glossaryUri, { line: 2, character: 6 });
    const files = new Set(locations.map((location) => path.relative(workspace, URI.parse(location.uri).fsPath)));
    expect(files).toContain(path.join('src', 'billing.ts'));
    expect(files).toContain(path.join('src', 'worker.py'));
    expect([...files].some((file) => file.startsWith('node_modules'))).toBe(false);
  });

  it('lists terms as workspace symbols', async () => {
    const client = await start();
    const symbols: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'etag' });
    expect(symbols[0]?.name).toBe('ETag');
    expect(symbols[0]?.location.uri).toMatch(/glossary\/web\.md$/);
  });

  it('reports a duplicate term in a workspace glossary', async () => {
    const client = await start();
    const uri = client.open(path.join(workspace, 'GLOSSARY.md'), `${TEAM_GLOSSARY}\n## Blue Widget\n\nAgain.\n`, 'markdown');
    await client.waitFor(() => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'duplicate-term'), 'a duplicate-term diagnostic');
    const diagnostic = client.diagnostics.get(uri)!.find((d) => d.code === 'duplicate-term')!;
    expect(diagnostic.range.start.line).toBe(7);
    expect(diagnostic.message).toContain("'Blue Widget' is already defined");
  });

  it("offers to add an unknown word to the glossary with an edit that appends a stub", async () => {
    const client = await start();
    const { text, position } = withCursor('const fooBar| = 1;\n');
    const uri = client.open(path.join(workspace, 'f.ts'), text, 'typescript');
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    expect(actions.map((action) => action.title)).toEqual(["Add 'Bar' to the glossary"]);
    const change = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
    expect(change.textDocument.uri).toBe(URI.file(path.join(workspace, 'GLOSSARY.md')).toString());
    expect(change.edits[0]!.newText).toContain('## Bar');
  });

  it('creates GLOSSARY.md at the folder root when the workspace has no glossary yet', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'glossary-lens-empty-'));
    try {
      const client = await start({ folders: [empty] });
      const { text, position } = withCursor('const fooBar| = 1;\n');
      const uri = client.open(path.join(empty, 'f.ts'), text, 'typescript');
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      const glossaryUri = URI.file(path.join(empty, 'GLOSSARY.md')).toString();
      const [create, edit] = actions[0]!.edit!.documentChanges!;
      expect(create).toEqual({ kind: 'create', uri: glossaryUri, options: { ignoreIfExists: true } });
      expect((edit as TextDocumentEdit).edits[0]!.newText).toBe('# Glossary\n\n## Bar\n\nTODO: define Bar.\n');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('makes a term added to a glossary hoverable in other files, and forgets a deleted glossary', async () => {
    const client = await start();
    const glossaryPath = path.join(workspace, 'GLOSSARY.md');
    const glossaryUri = client.open(glossaryPath, TEAM_GLOSSARY, 'markdown');
    const { text, position } = withCursor('const greenGad|get = 1;\n');
    const uri = client.open(path.join(workspace, 'g.ts'), text, 'typescript');
    expect(await client.hover(uri, position)).toBeNull();

    const started = Date.now();
    client.change(glossaryUri, `${TEAM_GLOSSARY}\n## Green Gadget\n\nA new thing.\n`);
    let hover = null;
    while (!hover && Date.now() - started < 5_000) hover = await client.hover(uri, position);
    expect((hover?.contents as { value: string }).value).toContain('**Green Gadget**');

    const extra = path.join(workspace, 'docs.glossary.md');
    writeFileSync(extra, '# More\n\n## Red Sprocket\n\nA part.\n');
    const extraUri = URI.file(extra).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 1 }] });
    const sprocket = withCursor('redSpro|cket();\n');
    const sprocketUri = client.open(path.join(workspace, 'h.ts'), sprocket.text, 'typescript');
    let found = null;
    const deadline = Date.now() + 5_000;
    while (!found && Date.now() < deadline) found = await client.hover(sprocketUri, sprocket.position);
    expect(found).not.toBeNull();

    unlinkSync(extra);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 3 }] });
    let gone: unknown = found;
    const until = Date.now() + 5_000;
    while (gone && Date.now() < until) gone = await client.hover(sprocketUri, sprocket.position);
    expect(gone).toBeNull();
  });

  it('survives a wrong-typed setting: warns and keeps the default', async () => {
    const client = await start({ settings: { builtinGlossary: 'yes please', completion: { scope: 42 }, files: 'GLOSSARY.md' } });
    await client.waitFor(() => client.logs.some((line) => line.includes('glossaryLens.builtinGlossary')), 'a settings warning');
    expect(await hoverText(client, 'i.ts', 'const et|ag = 1;\n', 'typescript')).toMatch(/\*\*ETag\*\*/);
    expect(await hoverText(client, 'j.ts', 'blue|Widget();\n', 'typescript')).toMatch(/\*\*Blue Widget\*\*/);
  });

  it('leaves the shipped glossary out when builtinGlossary is false', async () => {
    const client = await start({ settings: { builtinGlossary: false } });
    expect(await hoverText(client, 'k.ts', 'const et|ag = 1;\n', 'typescript')).toBeUndefined();
    expect(await hoverText(client, 'l.ts', 'blue|Widget();\n', 'typescript')).toMatch(/\*\*Blue Widget\*\*/);
  });

  it('reads glossaries from every folder of a multi-root workspace', async () => {
    const second = mkdtempSync(path.join(tmpdir(), 'glossary-lens-ws2-'));
    try {
      mkdirSync(path.join(second, 'glossary'));
      writeFileSync(path.join(second, 'glossary', 'ops.md'), '# Ops\n\n## Night Shift\n\nWho is on call after hours.\n');
      const client = await start({ folders: [workspace, second] });
      expect(await hoverText(client, 'm.ts', 'nightSh|ift();\n', 'typescript')).toMatch(/\*\*Night Shift\*\*/);
      expect(await hoverText(client, 'n.ts', 'blue|Widget();\n', 'typescript')).toMatch(/\*\*Blue Widget\*\*/);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
