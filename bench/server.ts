/**
 * The "Language server" section of `npm run bench`: the real bundled `dist/server.js --stdio`,
 * driven over JSON-RPC like an editor would (the same approach as test/server/lspClient.ts), on
 * a temp workspace holding the 10k-term glossary. Latencies are request → response wall time
 * measured in this process, one request in flight at a time.
 *
 * The server is started with a `-r` preload written to the temp folder that, on SIGUSR2, prints
 * `process.memoryUsage()` (before and after a full GC) to stderr; the server's code is unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionList, Hover, Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { createGlossaryIndex, parseGlossary, type TermOccurrence } from '../server/src/core';
import { SERVER_NODE_OPTIONS } from '../server/src/nodeFlags';
import type { GlossaryFile } from './generate';
import { createRandom, deriveSeed } from './random';
import { mb, ms, type Report } from './report';
import { median, now, percentile } from './stats';

export interface ServerBenchOptions {
  /** The repository root; the server is `dist/server.js` under it. */
  readonly root: string;
  readonly seed: number;
  /** The glossary files to put under `glossary/` in the temp workspace. */
  readonly glossary: readonly GlossaryFile[];
  /** The code document to open (typescript). */
  readonly document: string;
  readonly progress: (message: string) => void;
}

const HOVERS = 500;
const COMPLETIONS = 300;
const EDITS = 20;
const WARMUP = 20;
/** Every single wait is bounded; the whole section normally takes 10–20 s. */
const REQUEST_TIMEOUT_MS = process.env.GLOSSARY_LENS_BENCH_HEAP_SNAPSHOT ? 120_000 : 5_000;
const STARTUP_TIMEOUT_MS = 30_000;
const EDIT_TIMEOUT_MS = 3_000;
const HOVER_POLL_MS = 2;

export const MEMORY_MARK = '@@glossary-lens-bench-memory ';
export const PRELOAD = `'use strict';
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  let after = null;
  try {
    require('v8').setFlagsFromString('--expose-gc');
    require('vm').runInNewContext('gc')();
    after = process.memoryUsage();
  } catch (error) {
    after = null;
  }
  // GLOSSARY_LENS_BENCH_HEAP_SNAPSHOT=<folder>: each sample also writes a heap snapshot there (memory work).
  const snapshots = process.env.GLOSSARY_LENS_BENCH_HEAP_SNAPSHOT;
  if (snapshots) {
    global.__glossaryLensSnapshots = (global.__glossaryLensSnapshots || 0) + 1;
    require('v8').writeHeapSnapshot(require('path').join(snapshots, 'server-' + process.pid + '-' + global.__glossaryLensSnapshots + '.heapsnapshot'));
  }
  process.stderr.write(${JSON.stringify(MEMORY_MARK)} + JSON.stringify({ before, after }) + '\\n');
});
`;

export interface MemorySample {
  readonly rssKb: number;
  readonly hwmKb: number;
  readonly heap?: { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage | null };
}

export interface IndexChanged {
  readonly version: number;
  readonly termCount: number;
  readonly at: number;
}

/** A spawned server and the connection to it, with the bits of client state the bench needs. */
export class BenchClient {
  readonly indexChanges: IndexChanged[] = [];
  readonly problems: string[] = [];
  /** Every window/logMessage, at any level. */
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private exited: string | undefined;

  constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: unknown,
    folders: { uri: string; name: string }[],
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      this.notify();
    });
    child.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal})`;
      this.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onRequest('workspace/workspaceFolders', () => folders);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('textDocument/publishDiagnostics', () => {});
    connection.onNotification('$/progress', () => {});
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      // 1 = error, 2 = warning: anything the server complains about goes into the report.
      if (params.type <= 2) this.problems.push(params.message);
    });
    connection.onNotification('glossaryLens/indexChanged', (params: { version: number; termCount: number }) => {
      this.indexChanges.push({ version: params.version, termCount: params.termCount, at: now() });
      this.notify();
    });
    connection.onError(([error]) => this.problems.push(`connection error: ${error.message}`));
    connection.listen();
  }

  /** Resolves once `condition` holds (checked on every notification and stderr chunk), or rejects after `timeoutMs`. */
  waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) return done(resolve);
        if (this.exited) done(() => reject(new Error(`${this.exited} while waiting for ${what}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
      const done = (finish: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        finish();
      };
      this.waiters.add(check);
      check();
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), REQUEST_TIMEOUT_MS, method);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position });
  }

  open(uri: string, text: string, languageId: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Inserts `text` at `position` (an incremental change, as an editor sends while typing). */
  insert(uri: string, position: Position, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text }],
    });
  }

  /** Asks the preload for heap figures (SIGUSR2) and reads RSS from /proc. */
  async memory(): Promise<MemorySample> {
    const pid = this.child.pid;
    const status = pid ? readProcStatus(pid) : undefined;
    const seen = this.stderr.length;
    let heap: MemorySample['heap'];
    try {
      this.child.kill('SIGUSR2');
      await this.waitFor(() => this.stderr.slice(seen).join('').includes(MEMORY_MARK), 'the memory report', REQUEST_TIMEOUT_MS);
      const line = this.stderr.slice(seen).join('').split('\n').find((text) => text.startsWith(MEMORY_MARK)) ?? '';
      heap = JSON.parse(line.slice(MEMORY_MARK.length)) as MemorySample['heap'];
    } catch (error) {
      this.problems.push(`memory report: ${String(error)}`);
    }
    return { rssKb: status?.rss ?? Number.NaN, hwmKb: status?.hwm ?? Number.NaN, heap };
  }

  /** The server's CPU time so far (user + system), from /proc/<pid>/stat in clock ticks of 10 ms. */
  cpuMs(): number {
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  }

  /** Shuts down politely, then kills whatever is left. Never throws. */
  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await withTimeout(this.connection.sendRequest('shutdown'), 2_000, 'shutdown');
        await this.connection.sendNotification('exit');
        await this.waitFor(() => false, 'exit', 1_000).catch(() => undefined);
      }
    } catch {
      // The server may be wedged or gone; killing it below is what matters.
    }
    this.connection.dispose();
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function readProcStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return undefined;
  }
}

const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));
export const hoverValue = (hover: Hover | null): string => {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
};
/** Hover markdown escapes punctuation; compare without backslashes. */
export const unescaped = (text: string): string => text.replace(/\\/g, '');

/** Converts offsets to positions with a table of line starts. */
function positionsOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - (starts[low] as number) };
  };
}

interface HoverProbe {
  readonly position: Position;
  /** For a probe on a known occurrence: the term and range the hover should show. */
  readonly expected?: { term: string; start: Position; end: Position };
}

/**
 * Half the probes sit in the middle of term occurrences found by the core's own scan of the
 * document (in this process), spread evenly over it; the other half are random positions.
 */
function hoverProbes(seed: number, lines: readonly string[], occurrences: readonly TermOccurrence[], at: (offset: number) => Position, termOf: (occurrence: TermOccurrence) => string): HoverProbe[] {
  const random = createRandom(deriveSeed(seed, 7));
  const probes: HoverProbe[] = [];
  const known = HOVERS / 2;
  for (let i = 0; i < known && occurrences.length; i++) {
    const occurrence = occurrences[Math.floor(((i + 0.5) * occurrences.length) / known)] as TermOccurrence;
    const middle = (occurrence.start + occurrence.end) >> 1;
    probes.push({ position: at(middle), expected: { term: termOf(occurrence), start: at(occurrence.start), end: at(occurrence.end) } });
  }
  while (probes.length < HOVERS) {
    const line = random.int(0, lines.length - 1);
    probes.push({ position: { line, character: random.int(0, (lines[line] ?? '').length) } });
  }
  // Interleave known and random probes so neither kind gets a warmer or colder server.
  for (let i = probes.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [probes[i], probes[j]] = [probes[j] as HoverProbe, probes[i] as HoverProbe];
  }
  return probes;
}

/** Positions right after a partial word (2–4 letters of a word of 4 or more) in `//` comment lines. */
function completionProbes(seed: number, lines: readonly string[]): { position: Position; prefix: string }[] {
  const random = createRandom(deriveSeed(seed, 8));
  const candidates: { position: Position; prefix: string }[] = [];
  lines.forEach((text, line) => {
    const comment = /^\s*\/\/ /.exec(text);
    if (!comment) return;
    const words = [...text.slice(comment[0].length).matchAll(/[A-Za-z]{4,}/g)];
    if (!words.length) return;
    const word = random.pick(words);
    const typed = random.int(2, Math.min(4, word[0].length - 1));
    candidates.push({ position: { line, character: comment[0].length + (word.index ?? 0) + typed }, prefix: word[0].slice(0, typed) });
  });
  const step = Math.max(1, candidates.length / COMPLETIONS);
  const picked: { position: Position; prefix: string }[] = [];
  for (let i = 0; i < COMPLETIONS && Math.floor(i * step) < candidates.length; i++) picked.push(candidates[Math.floor(i * step)] as (typeof candidates)[number]);
  return picked;
}

/** Runs the section; never throws (a failure becomes a MISS row with the reason), always kills the server. */
export async function benchServer(report: Report, options: ServerBenchOptions): Promise<void> {
  report.section('Language server (dist/server.js --stdio, 10k terms, 10k-line document)');
  const serverPath = path.join(options.root, 'dist', 'server.js');
  if (!fs.existsSync(serverPath)) {
    report.add('dist/server.js', 'missing (run npm run build)', 'present', false);
    return;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-lens-bench-'));
  let client: BenchClient | undefined;
  try {
    client = await run(report, options, serverPath, workspace, (started) => (client = started));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.add('run aborted', message.split('\n')[0] ?? message, 'completes', false);
    options.progress(`language server bench failed: ${message}`);
  } finally {
    if (client) {
      const stderr = client.stderr.join('').split('\n').filter((line) => line && !line.startsWith(MEMORY_MARK));
      const problems = [...client.problems, ...stderr];
      report.add('server errors/warnings logged (window/logMessage type ≤ 2, stderr)', problems.length ? `${problems.length}: ${problems.slice(0, 3).join(' | ').slice(0, 300)}` : 'none', 'none', problems.length === 0);
      await client.stop();
    }
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function run(report: Report, options: ServerBenchOptions, serverPath: string, workspace: string, started: (client: BenchClient) => void): Promise<BenchClient> {
  const { progress } = options;
  const glossaryDir = path.join(workspace, 'glossary');
  fs.mkdirSync(glossaryDir);
  for (const file of options.glossary) fs.writeFileSync(path.join(glossaryDir, file.name), file.text);
  const preload = path.join(workspace, 'bench-preload.js');
  fs.writeFileSync(preload, PRELOAD);

  // Ground truth for the hover probes, from the core in this process, before the server starts.
  progress('language server: scanning the document in-process for known occurrences');
  const index = createGlossaryIndex(options.glossary.map((file) => parseGlossary(URI.file(path.join(glossaryDir, file.name)).toString(), file.text)));
  const expectedTerms = index.entries.length;
  const occurrences = index.scan(options.document);
  const termOf = (occurrence: TermOccurrence): string => index.getEntry(occurrence.entryIds[0] ?? '')?.term ?? occurrence.term;
  const lines = options.document.split('\n');
  const at = positionsOf(options.document);
  const probes = hoverProbes(options.seed, lines, occurrences, at, termOf);
  const completions = completionProbes(options.seed, lines);

  progress(`language server: starting ${path.relative(options.root, serverPath)} on ${options.glossary.length} glossary files (${expectedTerms} terms)`);
  const folder = { uri: URI.file(workspace).toString(), name: path.basename(workspace) };
  const spawnedAt = now();
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, '-r', preload, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: workspace });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = new BenchClient(child, connection, { builtinGlossary: false }, [folder]);
  started(client);

  await withTimeout(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: false } } },
        window: { workDoneProgress: true },
      },
    }),
    STARTUP_TIMEOUT_MS,
    'initialize',
  );
  const initializedAt = now();
  await connection.sendNotification('initialized', {});
  await client.waitFor(() => client.indexChanges.some((change) => change.termCount >= expectedTerms), `indexChanged with termCount >= ${expectedTerms}`, STARTUP_TIMEOUT_MS);
  const indexed = client.indexChanges.find((change) => change.termCount >= expectedTerms) as IndexChanged;
  const startupMs = indexed.at - spawnedAt;
  const earlier = client.indexChanges.filter((change) => change.at < indexed.at).map((change) => change.termCount);
  report.add(
    `spawn → first indexChanged with all ${expectedTerms} terms (termCount ${indexed.termCount}${earlier.length ? `; earlier: ${earlier.join(', ')}` : ''})`,
    `${ms(startupMs)} (initialize answered after ${ms(initializedAt - spawnedAt)}; server CPU ${ms(client.cpuMs())})`,
  );
  const afterIndex = await client.memory();

  // The code document, plus a small one whose identifiers name the terms the edit loop adds.
  const documentUri = URI.file(path.join(workspace, 'src', 'document-10000.ts')).toString();
  await client.open(documentUri, options.document, 'typescript');
  const zetaUri = URI.file(path.join(workspace, 'src', 'zeta.ts')).toString();
  await client.open(zetaUri, Array.from({ length: EDITS + 2 }, (_, i) => `zetaWidget${i + 1}();`).join('\n') + '\n', 'typescript');

  // Hovers: the first one separately (cold), then a warm-up, then the measured probes.
  progress(`language server: ${probes.length} hovers`);
  const first = probes[0] as HoverProbe;
  let start = now();
  await client.hover(documentUri, first.position);
  const firstHoverMs = now() - start;
  for (const probe of probes.slice(0, WARMUP)) await client.hover(documentUri, probe.position);
  const hoverCpuStart = client.cpuMs();
  const hoverMs: number[] = [];
  const knownMs: number[] = [];
  let knownRight = 0;
  let randomHits = 0;
  const wrong: string[] = [];
  for (const probe of probes) {
    start = now();
    const hover = await client.hover(documentUri, probe.position);
    const took = now() - start;
    hoverMs.push(took);
    if (!probe.expected) {
      if (hover) randomHits++;
      continue;
    }
    knownMs.push(took);
    const { term, start: from, end: to } = probe.expected;
    const range = hover?.range;
    const sameRange = range?.start.line === from.line && range.start.character === from.character && range.end.line === to.line && range.end.character === to.character;
    if (sameRange && unescaped(hoverValue(hover)).includes(term)) knownRight++;
    else if (wrong.length < 3) wrong.push(`${probe.position.line + 1}:${probe.position.character + 1} expected "${term}", got ${hover ? `"${hoverValue(hover).split('\n')[0]?.slice(0, 60)}"` : 'null'}`);
  }
  const hoverCpu = (client.cpuMs() - hoverCpuStart) / probes.length;
  const knownCount = probes.filter((probe) => probe.expected).length;
  const hoverP99 = percentile(hoverMs, 99);
  report.add(`hover latency over ${hoverMs.length} requests, p50`, ms(percentile(hoverMs, 50)));
  report.add(`hover latency, p99 (max ${ms(Math.max(...hoverMs))})`, ms(hoverP99), '< 2 ms', hoverP99 < 2);
  report.add(`hover, ${knownCount} on known occurrences: p50 / p99`, `${ms(percentile(knownMs, 50))} / ${ms(percentile(knownMs, 99))}`);
  report.add('hover: server CPU per request, average (/proc, 10 ms ticks)', ms(hoverCpu));
  report.add(`hover, first request after didOpen (cold)`, ms(firstHoverMs));
  report.add(
    `hover correctness: known occurrences answered with their term and range${wrong.length ? ` (e.g. ${wrong.join('; ')})` : ''}`,
    `${knownRight} of ${knownCount} (random positions: ${randomHits} of ${probes.length - knownCount} hit a term)`,
    'all',
    knownRight === knownCount,
  );
  const afterHovers = await client.memory();

  // Completion inside `//` comments.
  progress(`language server: ${completions.length} completions`);
  start = now();
  await client.completion(documentUri, (completions[0] as (typeof completions)[number]).position);
  const firstCompletionMs = now() - start;
  for (const probe of completions.slice(0, WARMUP)) await client.completion(documentUri, probe.position);
  const completionCpuStart = client.cpuMs();
  const completionMs: number[] = [];
  const itemCounts: number[] = [];
  let empty = 0;
  for (const probe of completions) {
    start = now();
    const list = await client.completion(documentUri, probe.position);
    completionMs.push(now() - start);
    const items = list?.items.length ?? 0;
    itemCounts.push(items);
    if (!items) empty++;
  }
  const completionCpu = (client.cpuMs() - completionCpuStart) / completions.length;
  const completionP99 = percentile(completionMs, 99);
  report.add(`completion in // comments over ${completionMs.length} requests, p50`, ms(percentile(completionMs, 50)));
  report.add(`completion p99 (max ${ms(Math.max(...completionMs))})`, ms(completionP99), '< 10 ms', completionP99 < 10);
  report.add('completion: server CPU per request, average (/proc)', ms(completionCpu));
  report.add('completion, first request (cold: builds the searcher)', ms(firstCompletionMs));
  report.add('completion items per request: median (requests with none)', `${median(itemCounts)} (${empty})`);

  // Glossary edits: open one glossary file, append a new term, time the notification and the first hover that shows it.
  const edited = options.glossary[Math.floor(options.glossary.length / 2)] as GlossaryFile;
  const editedUri = URI.file(path.join(glossaryDir, edited.name)).toString();
  progress(`language server: ${EDITS} edits of glossary/${edited.name}`);
  await client.open(editedUri, edited.text, 'markdown');
  // Opening parses the file after the server's debounce; let that settle before timing edits.
  await sleep(300);
  let text = edited.text;
  let termCount = client.indexChanges.at(-1)?.termCount ?? 0;
  const toIndex: number[] = [];
  const toHover: number[] = [];
  const indexToHover: number[] = [];
  let retried = 0;
  const editCpuStart = client.cpuMs();
  const editProblems: string[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const term = `Zeta Widget ${n}`;
    const probe = { line: n - 1, character: 3 };
    const before = await client.hover(zetaUri, probe);
    if (unescaped(hoverValue(before)).includes(term)) editProblems.push(`${term} hoverable before it was added`);
    const lastLines = text.split('\n');
    const end = { line: lastLines.length - 1, character: (lastLines.at(-1) ?? '').length };
    const addition = `\n## ${term}\n\nA ${term.toLowerCase()} is a benchmark term added by edit ${n}.\n`;
    text += addition;
    const seen = client.indexChanges.length;
    const editedAt = now();
    await client.insert(editedUri, end, addition);
    // As an editor would: wait for the notification, then hover (again every few ms until the term shows).
    await client.waitFor(() => client.indexChanges.length > seen, `indexChanged after edit ${n}`, EDIT_TIMEOUT_MS).catch((error: Error) => editProblems.push(error.message));
    const change = client.indexChanges[seen];
    if (change) {
      toIndex.push(change.at - editedAt);
      if (change.termCount !== termCount + 1) editProblems.push(`edit ${n}: termCount ${termCount} → ${change.termCount}`);
      termCount = change.termCount;
    }
    let hoverAt: number | undefined;
    let hovers = 0;
    while (hoverAt === undefined && now() - editedAt < EDIT_TIMEOUT_MS) {
      const hover = await client.hover(zetaUri, probe);
      hovers++;
      if (unescaped(hoverValue(hover)).includes(term)) hoverAt = now();
      else await sleep(HOVER_POLL_MS);
    }
    if (hovers > 1) retried++;
    if (hoverAt === undefined) editProblems.push(`edit ${n}: ${term} not hoverable after ${EDIT_TIMEOUT_MS} ms`);
    else {
      toHover.push(hoverAt - editedAt);
      if (change) indexToHover.push(hoverAt - change.at);
    }
    await sleep(100);
    const extra = client.indexChanges.length - seen - 1;
    if (extra > 0) editProblems.push(`edit ${n}: ${extra} extra indexChanged notifications`);
  }
  const editCpu = (client.cpuMs() - editCpuStart) / EDITS;
  const indexMedian = median(toIndex);
  const hoverMedian = median(toHover);
  const hoverMax = toHover.length ? Math.max(...toHover) : Number.NaN;
  report.add(`glossary edit (append a term to 1 of ${options.glossary.length} files) → indexChanged, median of ${toIndex.length} (max ${ms(Math.max(...toIndex))})`, ms(indexMedian), '< 50 ms', indexMedian < 50);
  report.add(`glossary edit → hover in another open file shows the new term, median of ${toHover.length}`, ms(hoverMedian), '< 200 ms', hoverMedian < 200);
  report.add('glossary edit → hover shows the new term, max', ms(hoverMax), '< 200 ms', toHover.length === EDITS && hoverMax < 200);
  report.add(`glossary edit: indexChanged → first hover showing the term, median (hovers retried after ${retried} of ${EDITS} notifications)`, ms(median(indexToHover)));
  report.add('glossary edit: server CPU per edit (parse + index + notification + diagnostics + hovers, /proc)', ms(editCpu));
  report.add('glossary edits: anomalies', editProblems.length ? `${editProblems.length}: ${editProblems.slice(0, 3).join('; ')}` : 'none', 'none', editProblems.length === 0);
  const afterEdits = await client.memory();

  const memoryRow = (label: string, sample: MemorySample, judged: boolean) => {
    const heap = sample.heap;
    const heapUsed = heap?.after?.heapUsed ?? heap?.before.heapUsed;
    const value = `RSS ${mb(sample.rssKb * 1024)} (peak ${mb(sample.hwmKb * 1024)})${heap ? `; heapUsed ${mb(heap.before.heapUsed)}${heap.after ? `, ${mb(heap.after.heapUsed)} after GC` : ''}` : '; heap n/a'}`;
    if (judged && heapUsed !== undefined) report.add(label, value, 'heap < 100 MB', heapUsed < 100e6);
    else report.add(label, value);
  };
  memoryRow('server memory after the initial index', afterIndex, true);
  memoryRow(`server memory after the hovers (2 documents open)`, afterHovers, true);
  memoryRow(`server memory after completions and ${EDITS} glossary edits`, afterEdits, true);
  return client;
}

/** The notes that explain the section's figures. */
export const SERVER_NOTES: readonly string[] = [
  'Language server: the bundled dist/server.js is spawned with --stdio on a temp workspace whose glossary/ holds the 10k-term files (settings { builtinGlossary: false } via workspace/configuration). Latencies are wall time from sending a request to receiving its response in the bench process (JSON-RPC framing and both processes included), one request in flight at a time, after 20 warm-up requests. Hover probes: half in the middle of occurrences the core finds in the document (checked for the same term and range), half random positions. Completion probes: 2–4 letters into a word of a // comment line.',
  `Glossary edit: one glossary file is opened and a "## Zeta Widget N" entry appended with an incremental didChange; the clock stops when glossaryLens/indexChanged arrives, and when a hover on zetaWidgetN() in another open document, sent as soon as that notification arrives (and repeated every ${HOVER_POLL_MS} ms if it does not show the term yet), first shows the term. The server debounces glossary edits by 10 ms (EDIT_DEBOUNCE_MS in server/src/server.ts) before it parses, so both figures include that wait.`,
  'Server memory: RSS and peak RSS (VmRSS / VmHWM from /proc/<pid>/status); heapUsed from process.memoryUsage() inside the server, before and after a full GC, reported by a bench-only preload (node -r, on SIGUSR2); the server code is not changed. The heap target is judged on heapUsed after GC.',
];
