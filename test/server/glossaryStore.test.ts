/**
 * The glossary store with a parser the test controls: what the index ends up holding when parses
 * finish late, are superseded, or fail, in the orders an editor and a busy worker produce.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { readGlossary } from '../../server/src/core';
import { GlossaryStore, type GlossaryParser } from '../../server/src/glossaryStore';
import type { Logger } from '../../server/src/logger';
import type { ParseOutcome } from '../../server/src/node/boundedParser';
import { defaultSettings } from '../../server/src/settings';

const logger: Logger = { error() {}, warn() {}, info() {}, debug() {}, setLevel() {}, once() {} };

/** A parser whose parses end when the test says, like BoundedParser: a newer text of a file supersedes one still waiting. */
function controlledParser() {
  const waiting: { uri: string; text: string; resolve: (outcome: ParseOutcome) => void }[] = [];
  const parse: GlossaryParser = (uri, text) =>
    new Promise((resolve) => {
      for (const older of waiting.filter((job) => job.uri === uri)) {
        waiting.splice(waiting.indexOf(older), 1);
        older.resolve({ superseded: true });
      }
      waiting.push({ uri, text, resolve });
    });
  return {
    parse,
    /** Ends the oldest waiting parse: parsed, or failed with `failure`. */
    finishNext(failure?: string) {
      const job = waiting.shift();
      if (!job) throw new Error('no parse is waiting');
      job.resolve(failure ? { failed: failure } : { parsed: readGlossary(job.uri, job.text) });
    },
    get waiting() {
      return waiting.length;
    },
  };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function storeWith(parser: ReturnType<typeof controlledParser>, warmUp?: (uri: string, text: string) => void) {
  const root = mkdtempSync(path.join(tmpdir(), 'glossary-lens-store-'));
  folders.push(root);
  let changes = 0;
  const store = new GlossaryStore(logger, () => changes++, parser.parse, warmUp);
  await store.reload([{ uri: URI.file(root).toString(), settings: defaultSettings }], undefined, false);
  const uri = URI.file(path.join(root, 'GLOSSARY.md')).toString();
  /** Waits (10 s at most) until `read()` gives `expected`; returns what it gives then. */
  const settled = async <T>(read: () => T, expected: T): Promise<T> => {
    for (const until = Date.now() + 10_000; Date.now() < until && JSON.stringify(read()) !== JSON.stringify(expected);) await new Promise((resolve) => setTimeout(resolve, 20));
    return read();
  };
  /** The terms of the index requests are answered from, once it holds exactly `expected`. */
  const terms = (...expected: string[]) => settled(() => store.index().entries.map((entry) => entry.term).sort(), expected.sort());
  /** The problem codes of that index, once they are `expected`. */
  const problems = (...expected: string[]) => settled(() => store.index().problems.map((problem) => problem.code), expected);
  return { store, uri, terms, problems, changes: () => changes };
}

const glossary = (term: string) => `# Team\n\n## ${term}\n\nA definition.\n`;

describe('GlossaryStore with a parser on another thread', () => {
  it('keeps the newest text when the same text is handed over again while its parse waits', async () => {
    const parser = controlledParser();
    const { store, uri, terms } = await storeWith(parser);
    // Typed, then the same text again (undo and redo, or the file read on close): two parses of one text.
    store.documentChanged(uri, glossary('Blue Widget'));
    store.documentChanged(uri, glossary('Blue Widget'));
    expect(parser.waiting).toBe(1);
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
  });

  it('tells the parser to get ready when a glossary it has read is opened, and parses only new texts', async () => {
    const parser = controlledParser();
    const warmedUp: string[] = [];
    const { store, uri, terms, problems } = await storeWith(parser, (_uri, text) => warmedUp.push(text));
    store.documentChanged(uri, glossary('Blue Widget'));
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
    expect(warmedUp).toEqual([]);
    // Opened in the editor with the text already read: no parse, but its edits are likely to follow.
    store.documentChanged(uri, glossary('Blue Widget'));
    expect(warmedUp).toEqual([glossary('Blue Widget')]);
    expect(parser.waiting).toBe(0);
    store.documentChanged(uri, glossary('Green Widget'));
    expect(parser.waiting).toBe(1);
    expect(warmedUp).toHaveLength(1);

    // A text the parser gave up on is parsed again when reopened, not warmed up on beside that parse.
    parser.finishNext('it could not be parsed within 10 s');
    expect(await problems('not-parsed')).toEqual(['not-parsed']);
    store.documentChanged(uri, glossary('Green Widget'));
    expect(parser.waiting).toBe(1);
    expect(warmedUp).toHaveLength(1);
  });

  it('does not warm the parser up for a glossary read again from disk with the same text', async () => {
    const parser = controlledParser();
    const warmedUp: string[] = [];
    const { store, uri, terms } = await storeWith(parser, (_uri, text) => warmedUp.push(text));
    writeFileSync(URI.parse(uri).fsPath, glossary('Blue Widget'));
    store.documentChanged(uri, glossary('Blue Widget'));
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
    // Closed: the file on disk, the same text, is read again. No edit is coming.
    await store.documentClosed(uri);
    expect(parser.waiting).toBe(0);
    expect(warmedUp).toEqual([]);
  });

  it('never lets an older text that finishes last replace a newer one', async () => {
    const parser = controlledParser();
    const { store, uri, terms } = await storeWith(parser);
    store.documentChanged(uri, glossary('Blue Widget'));
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
    store.documentChanged(uri, glossary('Green Widget'));
    store.documentChanged(uri, glossary('Blue Widget'));
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
  });

  it('parses a text it gave up on again when it is read again, and says so in the index', async () => {
    const parser = controlledParser();
    const { store, uri, terms, problems } = await storeWith(parser);
    store.documentChanged(uri, glossary('Blue Widget'));
    parser.finishNext('it could not be parsed within 10 s');
    // Waited for: the failure reaches the index after the parse ends, not at once.
    expect(await problems('not-parsed')).toEqual(['not-parsed']);
    expect(await terms()).toEqual([]);
    expect(store.userGlossaries()).toEqual([uri]);

    // The same text again (the machine was busy): another try, and this time it is read.
    store.documentChanged(uri, glossary('Blue Widget'));
    expect(parser.waiting).toBe(1);
    parser.finishNext();
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
    expect(await problems()).toEqual([]);
  });

  it('builds the index without waiting for a slow parse, and again when it ends', async () => {
    const parser = controlledParser();
    const { store, uri, terms } = await storeWith(parser);
    const other = uri.replace('GLOSSARY.md', 'docs/ops.glossary.md');
    store.documentChanged(uri, glossary('Blue Widget'));
    store.documentChanged(other, glossary('Night Shift'));
    parser.finishNext(); // Blue Widget; Night Shift stays in progress.
    expect(await terms('Blue Widget')).toEqual(['Blue Widget']);
    expect(parser.waiting).toBe(1);
    parser.finishNext();
    expect(await terms('Blue Widget', 'Night Shift')).toEqual(['Blue Widget', 'Night Shift']);
  });
});
