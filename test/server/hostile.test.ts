/**
 * Hostile input, at the protocol level: huge, binary and one-line documents opened in the editor,
 * and glossary files written to break the parser or to smuggle links and HTML into hovers. Each
 * test ends with a server that still answers, and asserts what a user would notice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { TestClient, withCursor } from './lspClient';
import { ensureBuilt } from '../support/build';

const MB = 1024 * 1024;

/** Runs `work` and returns its result with how long it took, in milliseconds. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

const hoverValue = (hover: Hover | null) => (hover ? (hover.contents as { value: string }).value : undefined);

/** Measurements for the report at the end of the run. */
const measured: string[] = [];
afterAll(() => {
  if (measured.length) console.info(`Hostile input, measured:\n  ${measured.join('\n  ')}`);
});

describe('hostile documents', () => {
  let workspace: string;
  let client: TestClient;
  /** A small TypeScript document whose hover must stay fast while hostile ones are open. */
  let other: { uri: string; position: Position };

  beforeAll(async () => {
    await ensureBuilt();
    workspace = mkdtempSync(path.join(tmpdir(), 'glossary-lens-hostile-docs-'));
    client = await TestClient.start({ folders: [workspace] });
    const { text, position } = withCursor('const et|agCache = new Map();\n');
    other = { uri: client.open(path.join(workspace, 'other.ts'), text, 'typescript'), position };
    expect(hoverValue(await client.hover(other.uri, other.position))).toMatch(/^\*\*ETag\*\*/);
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Log lines that mention `uri`. */
  const logsAbout = (uri: string) => client.logs.filter((line) => line.includes(uri));

  /** Hovers the small document and records how long that took. */
  async function hoverOther(label: string): Promise<number> {
    const { result, ms } = await timed(() => client.hover(other.uri, other.position));
    expect(hoverValue(result)).toMatch(/^\*\*ETag\*\*/);
    measured.push(`hover on another document ${label}: ${ms} ms`);
    return ms;
  }

  it('skips a 50 MB minified file, says so once, and keeps answering hovers elsewhere', async () => {
    const chunk = 'function a(b){return b.etag&&b.cherryPick?c(b):d}var e=1,f="x";';
    const text = chunk.repeat(Math.ceil((50 * MB) / chunk.length));
    const uri = client.open(path.join(workspace, 'vendor.min.js'), text, 'javascript');
    await hoverOther('right after opening a 50 MB one-line file');

    // What the VS Code client asks for a visible editor: its occurrences (underlines), and hovers.
    const occurrences = await timed(() => client.connection.sendRequest<{ occurrences: unknown[] }>('glossaryLens/documentOccurrences', { uri }));
    expect(occurrences.result.occurrences).toEqual([]);
    measured.push(`documentOccurrences on the 50 MB file: ${occurrences.ms} ms`);
    for (let i = 0; i < 3; i++) expect(await client.hover(uri, { line: 0, character: 20 + i })).toBeNull();
    const completion = await timed(() => client.completion(uri, { line: 0, character: 25 * MB }));
    expect(completion.result).toBeNull();
    measured.push(`completion 25 MB into the 50 MB line: ${completion.ms} ms`);
    await client.waitFor(() => logsAbout(uri).length > 0, 'a log message about the 50 MB file');
    expect(logsAbout(uri)).toEqual([expect.stringMatching(/larger than glossaryLens\.maxFileSize/)]);
    await hoverOther('with the 50 MB file open');
  });

  it('does not look up terms in a binary file opened as text, and says so once', async () => {
    const bytes = Buffer.alloc(256 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    bytes.write('etag cherry pick', 1000, 'latin1');
    const uri = client.open(path.join(workspace, 'image.bin'), bytes.toString('latin1'), 'plaintext');
    const occurrences = await client.connection.sendRequest<{ occurrences: unknown[] }>('glossaryLens/documentOccurrences', { uri });
    expect(occurrences.occurrences).toEqual([]);
    expect(await client.hover(uri, { line: 0, character: 1001 })).toBeNull();
    expect(await client.hover(uri, { line: 0, character: 1002 })).toBeNull();
    await client.waitFor(() => logsAbout(uri).length > 0, 'a log message about the binary file');
    expect(logsAbout(uri)).toEqual([expect.stringMatching(/looks binary/)]);
    await hoverOther('with a binary file open');
  });

  it('leaves a 5 MB line out of underlines, says so once, and still hovers and completes on it', async () => {
    const chunk = 'var q=w.etagCache||{};function r(s){return s+1}/* cherry pick */';
    const before = chunk.repeat(Math.floor((2.4 * MB) / chunk.length));
    const line = `${before}const x = etagCache;${before}`;
    expect(line.length).toBeLessThan(5 * MB);
    const uri = client.open(path.join(workspace, 'bundle.js'), line, 'javascript');

    const occurrences = await timed(() => client.connection.sendRequest<{ occurrences: unknown[] }>('glossaryLens/documentOccurrences', { uri }));
    expect(occurrences.result.occurrences).toEqual([]);
    measured.push(`documentOccurrences on the 5 MB line: ${occurrences.ms} ms`);
    await client.connection.sendRequest('glossaryLens/documentOccurrences', { uri });
    await client.waitFor(() => logsAbout(uri).length > 0, 'a log message about the 5 MB line');
    expect(logsAbout(uri)).toEqual([expect.stringMatching(/a line longer than 20000 characters.*hovers still work/)]);

    const onLine = { line: 0, character: before.length + 'const x = et'.length };
    const first = await timed(() => client.hover(uri, onLine));
    expect(hoverValue(first.result)).toMatch(/^\*\*ETag\*\*/);
    expect(first.result?.range?.start).toEqual({ line: 0, character: before.length + 'const x = '.length });
    measured.push(`hover on the 5 MB line itself: ${first.ms} ms`);
    const again = await timed(() => client.hover(uri, { ...onLine, character: onLine.character + 1 }));
    expect(hoverValue(again.result)).toMatch(/^\*\*ETag\*\*/);
    measured.push(`hover on the 5 MB line itself, again: ${again.ms} ms`);

    // Inside the last `/* cherry pick */` before the term: prose completions are offered.
    const inComment = await timed(() => client.completion(uri, { line: 0, character: before.length - ' */'.length }));
    expect(inComment.result?.items.length).toBeGreaterThan(0);
    measured.push(`completion in a comment 2.4 MB into the line: ${inComment.ms} ms`);
    const inCode = await timed(() => client.completion(uri, { line: 0, character: before.length + 'const x = etag'.length }));
    expect(inCode.result).toBeNull();
    measured.push(`completion in code 2.4 MB into the line: ${inCode.ms} ms`);
    expect(logsAbout(uri)).toHaveLength(1);
    await hoverOther('with the 5 MB line open');
  });

  it('answers a hover on another document while a 4 MB file is scanned for underlines', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `    const value${i} = cache.get(key); // refresh the etag of entry ${i} before the deadline\n`);
    const uri = client.open(path.join(workspace, 'generated.ts'), lines.join(''), 'typescript');
    let scanned: number | undefined;
    const occurrences = client.connection
      .sendRequest<{ occurrences: { term: string; range: { start: Position } }[] }>('glossaryLens/documentOccurrences', { uri })
      .then((result) => ((scanned = performance.now()), result));
    const started = performance.now();
    await hoverOther('sent right after asking for the occurrences of a 4 MB file');
    const hovered = performance.now();
    const result = await occurrences;
    measured.push(`documentOccurrences on the 4 MB file: ${Math.round(scanned! - started)} ms, ${result.occurrences.length} occurrences`);
    expect(hovered).toBeLessThan(scanned!);
    // Every line's `etag` is found, at the same place as a scan of the whole text would put it.
    const etags = result.occurrences.filter((occurrence) => occurrence.term === 'ETag');
    expect(etags).toHaveLength(lines.length);
    expect(etags[12_345]!.range.start).toEqual({ line: 12_345, character: lines[12_345]!.indexOf('etag') });
  });
});

/**
 * What would not be inert if a markdown renderer (CommonMark with GitHub's extensions) showed
 * this: raw HTML, link targets with a scheme other than http(s), file or mailto, and a text
 * left open (the source link at the end swallowed by a code fence or an HTML block).
 */
function activeContent(markdown: string): string[] {
  const found: string[] = [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const pending: Nodes[] = [tree];
  let outsideCode = markdown;
  while (pending.length) {
    const node = pending.pop()!;
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      const { start, end } = node.position;
      outsideCode = outsideCode.slice(0, start.offset) + ' '.repeat(end.offset! - start.offset!) + outsideCode.slice(end.offset);
    }
    if (node.type === 'html') found.push(`raw HTML ${JSON.stringify(node.value.slice(0, 60))}`);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isHarmlessTarget(node.url)) {
      found.push(`${node.type} to ${JSON.stringify(node.url.slice(0, 60))}`);
    }
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
  const last = tree.children[tree.children.length - 1];
  if (last?.type !== 'paragraph') found.push(`ends in an open ${last?.type ?? 'nothing'}`);
  // Whatever the dialect: outside code, no unescaped `<tag` and no `](` before a script or command scheme.
  if (/(^|[^\\])(\\\\)*<[a-z!?/]/im.test(outsideCode)) found.push('an unescaped "<" before a tag name');
  if (/\]\(\s*<?\s*(javascript|vbscript|data|command):/i.test(outsideCode)) found.push('an inline link to a script or command');
  return found;
}

/** Relative, or http(s), file or mailto, also as a browser reads it: escapes decoded, whitespace and controls dropped. */
function isHarmlessTarget(url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Not decodable: the raw form is what counts.
  }
  return [url, decoded].every((form) => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(form.replace(/[\s\p{Cc}]/gu, ''))?.[1];
    return scheme === undefined || /^(https?|file|mailto)$/i.test(scheme);
  });
}

/** One hostile definition per entry; each term is hoverable as "hazard <name>". */
const HOSTILE_DEFINITIONS: Record<string, string> = {
  commandLink: 'Run [the terminal](command:workbench.action.terminal.new) now.',
  commandLinkArgs: '[Open](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D)',
  javascriptLink: '[x](javascript:alert(1))',
  javascriptCase: '[x](JaVaScRiPt:alert(1))',
  javascriptSpaces: '[x](   javascript:alert(1)   )',
  javascriptAngle: '[x](<javascript:alert(1)>)',
  javascriptEntity: '[x](java&#115;cript:alert(1)) and [y](&#x6A;avascript:alert(1))',
  javascriptAutolink: '<javascript:alert(1)>',
  javascriptTabEntity: '[x](java&#9;script:alert(1)) and [y](&#32;javascript:alert(1))',
  javascriptPercent: '[x](java%09script:alert(1)) and [y](%6Aavascript:alert(1))',
  javascriptReference: 'See [x][evil].\n\n[evil]: javascript:alert(1)',
  vbscriptLink: '[x](vbscript:msgbox(1))',
  dataLink: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  dataImage: '![pic](DATA:image/svg+xml,<svg onload=alert(1)>)',
  singleQuotedTitle: "[x](command:workbench.action.terminal.new 'title')",
  parenthesizedTitle: '[x](command:workbench.action.terminal.new (title))',
  nestedBrackets: '[a [b] c](command:workbench.action.terminal.new)',
  escapedBracket: '[a\\]](command:workbench.action.terminal.new)',
  labelOverTwoLines: '[click\nhere](command:workbench.action.terminal.new)',
  definitionOverTwoLines: 'See [x].\n\n[x]:\ncommand:workbench.action.terminal.new',
  imgOnerror: '<img src=x onerror=alert(1)>',
  imgUppercase: '<IMG SRC=x ONERROR=alert(1)>',
  script: '<script>alert(1)</script>',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  anchorCommand: '<a href="command:workbench.action.terminal.new">click</a>',
  commentThenImg: '<!-- hidden --><img src=x onerror=alert(1)>',
  escapedBackslash: '\\<img src=x onerror=alert(1)>',
  unevenBackticks: '`a <img src=x onerror=alert(1)>``',
  // Not a fence (a backtick in the info string), so the last line opens one; the next closes it.
  fenceWithBacktickInfo: '``` a`b\n<script>alert(1)</script>\n```\n```',
  unclosedFence: '```\n<script>alert(1)</script>',
};

/** A hostile glossary: `## Hazard <name>` and one definition each. */
function hostileGlossary(): { text: string; terms: string[] } {
  const terms = Object.keys(HOSTILE_DEFINITIONS).map((name) => `Hazard ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`);
  const text = ['# Hazards', '', ...Object.values(HOSTILE_DEFINITIONS).flatMap((definition, k) => [`## ${terms[k]}`, '', definition, ''])].join('\n');
  return { text, terms };
}

describe('hostile glossary content', () => {
  let workspace: string;
  let client: TestClient;
  let other: { uri: string; position: Position };

  beforeAll(async () => {
    await ensureBuilt();
    workspace = mkdtempSync(path.join(tmpdir(), 'glossary-lens-hostile-glossaries-'));
    writeFileSync(path.join(workspace, 'GLOSSARY.md'), '# Team\n\n## Blue Widget\n\nOur billing worker.\n');
    // Room for the 10 MB glossaries below; 11 MB keeps one of them above the limit.
    client = await TestClient.start({ folders: [workspace], settings: { maxFileSize: 11 * MB } });
    const { text, position } = withCursor('blue|Widget();\n');
    other = { uri: client.open(path.join(workspace, 'other.ts'), text, 'typescript'), position };
    await client.waitFor(() => client.logs.some((line) => line.startsWith('Loaded ')), 'the workspace glossary');
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const termCount = () => client.indexChanges[client.indexChanges.length - 1]?.termCount ?? 0;

  /** Writes a glossary file, tells the server, and waits until the index has `added` more terms; returns the time that took. */
  async function addGlossary(name: string, text: string, added: number, timeoutMs = 40_000): Promise<number> {
    const before = termCount();
    const file = path.join(workspace, name);
    writeFileSync(file, text);
    const started = performance.now();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type: 1 }] });
    await client.waitFor(() => {
      if (client.process.exitCode !== null || client.process.signalCode !== null) throw new Error(`The server stopped while reading ${name}:\n${client.stderr.join('').slice(0, 2_000)}`);
      return termCount() === before + added;
    }, `${name} in the index`, timeoutMs);
    return Math.round(performance.now() - started);
  }

  async function stillAnswers(label: string): Promise<void> {
    const { result, ms } = await timed(() => client.hover(other.uri, other.position));
    expect(hoverValue(result)).toMatch(/^\*\*Blue Widget\*\*/);
    measured.push(`hover on another document ${label}: ${ms} ms`);
  }

  it('never lets a definition put a command, script or data link or raw HTML into a hover or an entry', async () => {
    const { text, terms } = hostileGlossary();
    await addGlossary('hazards.glossary.md', text, terms.length);
    // A second glossary defines one of the same terms, so one hover shows two definitions.
    await addGlossary('more.glossary.md', '# More\n\n## Hazard unclosed fence\n\n```\n<script>alert(2)</script>\n```\n\n[x](command:workbench.action.terminal.new)\n', 1);

    const document = client.open(path.join(workspace, 'hazards.md'), terms.map((term) => `- ${term}`).join('\n'), 'markdown');
    const { occurrences } = await client.connection.sendRequest<{ occurrences: { term: string; range: { start: Position }; entryIds: string[] }[] }>('glossaryLens/documentOccurrences', { uri: document });
    expect(occurrences.map((occurrence) => occurrence.term)).toEqual(terms);
    for (const occurrence of occurrences) {
      const hover = hoverValue(await client.hover(document, occurrence.range.start));
      expect(hover, occurrence.term).toBeDefined();
      expect(activeContent(hover!), `hover on ${occurrence.term}:\n${hover}`).toEqual([]);
      for (const id of occurrence.entryIds) {
        const entry = await client.connection.sendRequest<{ markdown: string }>('glossaryLens/entry', { id });
        expect(activeContent(entry.markdown), `entry ${id}:\n${entry.markdown}`).toEqual([]);
      }
    }
    await stillAnswers('after hovering every hostile entry');
  });

  it('parses pathological markdown in bounded time, keeps its hovers short and inert, and keeps answering', async () => {
    const pathological: Record<string, string> = {
      emphasis: '*a **a *a '.repeat(2_000),
      brackets: '[a]('.repeat(1_000) + '['.repeat(5_000),
      unclosedLinks: '[a](b '.repeat(1_500),
      backticks: '`a ``b '.repeat(2_000),
      list: '- a\n'.repeat(1_000),
      nestedLists: Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'),
      nestedQuotes: `${'>'.repeat(5_000)} deep`,
      hugeImage: `![diagram](data:image/png;base64,${'iVBORw0KGgo'.repeat(100_000)})`,
    };
    for (const [name, body] of Object.entries(pathological)) {
      const term = `Hazard ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`;
      const ms = await addGlossary(`${name}.glossary.md`, `# Pathological\n\n## ${term}\n\n${body}\n`, 1);
      measured.push(`indexing a glossary of ${name} (${Math.round(body.length / 1024)} KB): ${ms} ms`);
      const document = client.open(path.join(workspace, `${name}.md`), `${term}\n`, 'markdown');
      const { result, ms: hoverMs } = await timed(() => client.hover(document, { line: 0, character: 1 }));
      const hover = hoverValue(result);
      measured.push(`first hover on the ${name} term: ${hoverMs} ms`);
      expect(hover, term).toMatch(new RegExp(`^\\*\\*${term}\\*\\*`));
      expect(hover!.length, `hover on ${term}`).toBeLessThan(10_000);
      expect(activeContent(hover!), `hover on ${term}`).toEqual([]);
      await stillAnswers(`after indexing ${name}`);
    }
  });

  it('reads a 9.5 MB glossary, warns about one above maxFileSize, and reports one too large to parse', async () => {
    const paragraph = `${'The quick brown fox jumps over the lazy dog. '.repeat(200)}\n\n`;
    const big = `# Big\n\n## Hazard big text\n\n${paragraph.repeat(Math.floor((9.5 * MB) / paragraph.length))}`;
    const ms = await addGlossary('big.glossary.md', big, 1);
    measured.push(`indexing a 9.5 MB glossary: ${ms} ms`);
    const document = client.open(path.join(workspace, 'big.md'), 'Hazard big text\n', 'markdown');
    const hover = await timed(() => client.hover(document, { line: 0, character: 1 }));
    measured.push(`first hover on the 9.5 MB entry: ${hover.ms} ms`);
    expect(hoverValue(hover.result)).toMatch(/^\*\*Hazard big text\*\*[\s\S]*goes on in the glossary file/);
    expect(hoverValue(hover.result)!.length).toBeLessThan(10_000);
    const tree = await timed(() => client.connection.sendRequest('glossaryLens/tree', {}));
    measured.push(`glossaryLens/tree with the 9.5 MB entry: ${tree.ms} ms`);
    const symbols = await timed(() => client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'hazard big' }));
    expect(symbols.result.map((symbol) => symbol.name)).toContain('Hazard big text');
    measured.push(`workspace/symbol with the 9.5 MB entry: ${symbols.ms} ms`);

    const tooLarge = path.join(workspace, 'huge.glossary.md');
    writeFileSync(tooLarge, `# Huge\n\n## Hazard huge text\n\n${paragraph.repeat(Math.ceil((12 * MB) / paragraph.length))}`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(tooLarge).toString(), type: 1 }] });
    await client.waitFor(() => client.logs.some((line) => line.startsWith('huge.glossary.md: too large')), 'a warning about the 12 MB glossary');
    expect(client.logs.filter((line) => line.includes('huge.glossary.md'))).toEqual([expect.stringMatching(/too large \(12\.\d MB; the limit is 11\.0 MB\)/)]);

    // Under maxFileSize but over what the parser reads (10 MiB of text): a problem on the file.
    const overParser = path.join(workspace, 'over.glossary.md');
    writeFileSync(overParser, `# Over\n\n## Hazard over text\n\n${paragraph.repeat(Math.ceil((10.6 * MB) / paragraph.length))}`);
    const overUri = URI.file(overParser).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: overUri, type: 1 }] });
    await client.waitFor(() => (client.diagnostics.get(overUri) ?? []).some((diagnostic: Diagnostic) => diagnostic.code === 'file-too-large'), 'a file-too-large diagnostic');
    for (const name of ['Hazard huge text', 'Hazard over text']) {
      const symbolsNow = await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: name });
      expect(symbolsNow.map((symbol) => symbol.name)).not.toContain(name);
    }
    await stillAnswers('with 10 MB glossaries in the workspace');
  });

  it('keeps well-formed markup as written: code spans, fenced code and web, mail and relative links', async () => {
    const definition = 'Wrap it in `<div>` and see [the docs](https://example.com/docs), [the notes](./notes.md) or [mail us](mailto:team@example.com).\n\n```html\n<script>start()</script>\n```';
    await addGlossary('benign.glossary.md', `# Benign\n\n## Hazard benign markup\n\n${definition}\n`, 1);
    const document = client.open(path.join(workspace, 'benign.md'), 'The hazard benign markup.\n', 'markdown');
    const hover = hoverValue(await client.hover(document, { line: 0, character: 8 }));
    expect(hover).toContain(definition);
    expect(activeContent(hover!)).toEqual([]);
  });
});

describe('glossaries too costly to parse', () => {
  let workspace: string;
  let client: TestClient | undefined;

  beforeAll(ensureBuilt);

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  // Budgets far below the defaults (10 s plus 10 s per MB, and a 1 GB heap) keep the test short;
  // every well-formed glossary here parses in a small fraction of them.
  it.each([
    ['over the time budget', { GLOSSARY_LENS_PARSE_BUDGET_MS: '3000' }, `${'*a **a *a '.repeat(200_000)}\n`, 'it could not be parsed within 3 s'],
    ['over the memory budget', { GLOSSARY_LENS_PARSE_HEAP_MB: '128' }, '- a\n'.repeat(1_000_000), 'parsing it needs more than 128 MB of memory'],
  ])('gives up on a glossary %s with an error on the file, answers hovers meanwhile, and reads it once fixed', async (kind, env, body, reason) => {
    workspace = mkdtempSync(path.join(tmpdir(), 'glossary-lens-costly-'));
    writeFileSync(path.join(workspace, 'GLOSSARY.md'), '# Team\n\n## Blue Widget\n\nOur billing worker.\n');
    const server = (client = await TestClient.start({ folders: [workspace], env }));
    const { text, position } = withCursor('blue|Widget();\n');
    const other = server.open(path.join(workspace, 'other.ts'), text, 'typescript');
    const file = path.join(workspace, 'costly.glossary.md');
    const uri = URI.file(file).toString();
    const notParsed = () => (server.diagnostics.get(uri) ?? []).find((diagnostic: Diagnostic) => diagnostic.code === 'not-parsed');
    const write = (content: string) => {
      writeFileSync(file, content);
      return server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    };

    await write(`# Costly\n\n## Hazard costly\n\n${body}`);
    const { result, ms } = await timed(() => server.hover(other, position));
    // Answered while the worker is still at it: the server's own thread does not parse.
    expect(server.logs.some((line) => line.startsWith('costly.glossary.md was not read'))).toBe(false);
    expect(hoverValue(result)).toMatch(/^\*\*Blue Widget\*\*/);
    measured.push(`hover while a glossary ${kind} is parsed: ${ms} ms`);

    await server.waitFor(() => notParsed() !== undefined, 'the not-parsed error', 60_000);
    expect(notParsed()!.message).toContain(`Glossary Lens did not read this file: ${reason}.`);
    expect(notParsed()!.severity).toBe(1);
    expect(server.logs.filter((line) => line.startsWith('costly.glossary.md'))).toEqual([`costly.glossary.md was not read: ${reason}.`]);
    expect(server.process.exitCode).toBeNull();
    expect(hoverValue(await server.hover(other, position))).toMatch(/^\*\*Blue Widget\*\*/);

    // Fixed, it is read like any other glossary, on a fresh worker.
    await write('# Costly\n\n## Hazard costly\n\nNow short.\n');
    await server.waitFor(() => !notParsed(), 'the error cleared');
    const document = server.open(path.join(workspace, 'costly.txt'), 'hazard costly\n', 'plaintext');
    expect(hoverValue(await server.hover(document, { line: 0, character: 1 }))).toMatch(/^\*\*Hazard costly\*\*\n\nNow short\./);
  }, 120_000);
});
