/**
 * The language server under load, over stdio: many workspace glossaries, a long document, hovers
 * while the glossaries load, and a burst of edits to one glossary. These tests check behaviour,
 * not timing (bench/load.ts measures the time). By default 10k terms in 200 files and a 20k-line
 * document; `GLOSSARY_LENS_LOAD=full` runs the benchmark's size: 50k terms in 1,000 files and a
 * 200k-line document.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, Position, SymbolInformation } from 'vscode-languageserver-protocol';
import { generateDocument, generateGlossaryFiles, generateTerms } from '../../bench/generate';
import { probeLine, rapidTerm } from '../../bench/load';
import { ensureBuilt } from '../support/build';
import { TestClient } from './lspClient';

const FULL = process.env.GLOSSARY_LENS_LOAD === 'full';
const SIZE = FULL ? { files: 1_000, terms: 50_000, lines: 200_000 } : { files: 200, terms: 10_000, lines: 20_000 };
/** Generous: a loaded two-core machine parses 10k terms in seconds and 50k in a minute. */
const TIMEOUT_MS = FULL ? 300_000 : 60_000;
const SEED = 20240917;
const EDITS = 1_000;
/** Every this-many lines of the document is `etagCache` followed by a workspace term. */
const PROBE_EVERY = 200;

interface Probe {
  readonly etag: Position;
  readonly term: string;
  readonly termAt: Position;
}

let workspace: string;
let documentText: string;
let probes: Probe[];
let client: TestClient | undefined;

const rapidGlossary = (edit: number) => `# Rapid\n\n## ${rapidTerm(edit)}\n\nA widget renamed on every edit.\n`;

const valueOf = (hover: Hover | null) => (hover ? (hover.contents as { value: string }).value.replace(/\\/g, '') : '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loaded = (c: TestClient) => c.indexChanges.some((change) => !change.loading);

beforeAll(async () => {
  await ensureBuilt();
  workspace = mkdtempSync(path.join(tmpdir(), 'glossary-lens-load-'));
  const specs = generateTerms(SEED, SIZE.terms);
  mkdirSync(path.join(workspace, 'glossary'));
  for (const file of generateGlossaryFiles(SEED, specs, SIZE.terms / SIZE.files)) writeFileSync(path.join(workspace, 'glossary', file.name), file.text);
  const lines = generateDocument(SEED, specs, SIZE.lines).split('\n');
  probes = [];
  for (let line = PROBE_EVERY / 2, k = 0; line < SIZE.lines; line += PROBE_EVERY, k++) {
    const term = specs[(k * 7919) % specs.length]!.term;
    lines[line] = probeLine(term);
    const termStart = probeLine('').indexOf(' here');
    probes.push({ etag: { line, character: 8 }, term, termAt: { line, character: termStart + Math.floor(term.length / 2) } });
  }
  documentText = lines.join('\n');
}, TIMEOUT_MS);

afterAll(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe(`language server with ${SIZE.terms} terms in ${SIZE.files} glossary files and a ${SIZE.lines}-line document`, () => {
  it('answers hovers from the shipped glossary while the workspace glossaries load, then from all of them', async () => {
    client = await TestClient.start({
      folders: [workspace],
      // The document is larger than the default maxFileSize; debug logging says what was parsed.
      settings: { maxFileSize: 64 * 1024 * 1024, logLevel: 'debug' },
      until: 'firstIndex',
    });
    // The shipped glossary is announced first, before the workspace's files are even listed.
    const [first] = client.indexChanges;
    expect(first).toMatchObject({ loading: true });
    const uri = client.open(path.join(workspace, 'src', 'document.ts'), documentText, 'typescript');

    const middle = probes[probes.length >> 1]!;
    const shipped = valueOf(await client.hover(uri, middle.etag));
    // Answered before the complete index was announced: the server and this client handle
    // messages in the order they were sent, and reading every workspace file takes far longer.
    expect(loaded(client)).toBe(false);
    expect(shipped).toMatch(/^\*\*ETag\*\*/);
    expect(shipped).toContain('HTTP response header');

    await client.waitFor(() => loaded(client!), 'the complete index', TIMEOUT_MS);
    const complete = client.indexChanges.find((change) => !change.loading)!;
    expect(complete.termCount).toBe(first!.termCount + SIZE.terms);
    for (const probe of probes.filter((_, i) => i % Math.ceil(probes.length / 20) === 0)) {
      expect(valueOf(await client.hover(uri, probe.termAt))).toContain(`**${probe.term}**`);
    }
    expect(valueOf(await client.hover(uri, middle.etag))).toMatch(/^\*\*ETag\*\*/);
  }, TIMEOUT_MS);

  it(`ends ${EDITS} rapid edits of a glossary with exactly the last edit's terms, parsing it far fewer times`, async () => {
    client ??= await TestClient.start({ folders: [workspace], settings: { maxFileSize: 64 * 1024 * 1024, logLevel: 'debug' } });
    const c = client;
    await c.waitFor(() => loaded(c), 'the complete index', TIMEOUT_MS);
    const termCount = c.indexChanges.at(-1)!.termCount;
    const [firstTerm, middleTerm, finalTerm] = [rapidTerm(0), rapidTerm(EDITS / 2), rapidTerm(EDITS)];
    const watchUri = c.open(path.join(workspace, 'src', 'rapid.ts'), [firstTerm, middleTerm, finalTerm].map((term) => `// the ${term} here\n`).join(''), 'typescript');
    const shows = async (line: number, term: string) => valueOf(await c.hover(watchUri, { line, character: 10 })).includes(`**${term}**`);
    const until = async (line: number, term: string) => {
      const deadline = Date.now() + TIMEOUT_MS;
      while (!(await shows(line, term))) {
        if (Date.now() > deadline) throw new Error(`${term} never became hoverable. Server log:\n${c.logs.slice(-20).join('\n')}`);
        await sleep(10);
      }
    };

    // The glossary as opened is indexed first, so that its term is known to have been there.
    const glossaryUri = c.open(path.join(workspace, 'glossary', 'rapid.md'), rapidGlossary(0), 'markdown');
    await until(0, firstTerm);
    const logsBefore = c.logs.length;
    for (let edit = 1; edit <= EDITS; edit++) {
      c.change(glossaryUri, rapidGlossary(edit));
      // A turn of the event loop between edits, not a timer: on a busy machine a timer's delay can
      // exceed the server's 10 ms debounce, and those edits would no longer be rapid ones.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(2, finalTerm);

    expect(await c.hover(watchUri, { line: 0, character: 10 })).toBeNull();
    expect(await c.hover(watchUri, { line: 1, character: 10 })).toBeNull();
    await c.waitFor(() => c.indexChanges.at(-1)!.termCount === termCount + 1, 'the index with one more term', TIMEOUT_MS);
    const symbols = (query: string) => c.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query });
    expect((await symbols(finalTerm)).map((symbol) => symbol.name)).toContain(finalTerm);
    expect((await symbols(middleTerm)).map((symbol) => symbol.name)).not.toContain(middleTerm);

    // Edits that arrive while a parse is pending replace it: the file is parsed a handful of times.
    const parses = c.logs.slice(logsBefore).filter((line) => line.startsWith('Parsed glossary/rapid.md ')).length;
    expect(parses, 'times glossary/rapid.md was parsed').toBeGreaterThan(0);
    expect(parses, 'times glossary/rapid.md was parsed').toBeLessThan(EDITS / 10);
  }, TIMEOUT_MS);
});
