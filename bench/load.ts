/**
 * `npm run bench -- --load`: the bundled language server on a large workspace — 50k terms in
 * 1,000 glossary files plus an open 200k-line document — from spawn to a loaded index, then
 * 1,000 rapid edits to one glossary. Driven over stdio like an editor (bench/server.ts's client).
 *
 * The workspace is generated from the seed and cached under `.bench/inputs/`; the server reads
 * it in place (it writes nothing: the edits are didChange notifications of an open document).
 * The server runs with `logLevel: 'debug'`, whose "Parsed …" and "Index version …" lines count
 * how often the edited file was parsed and the index rebuilt.
 *
 * `GLOSSARY_LENS_BENCH_NODE_FLAGS` adds node flags to the server's command line (experiments);
 * `GLOSSARY_LENS_BENCH_HEAP_SNAPSHOT=<folder>` writes a heap snapshot of the server at each memory sample there.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Hover, Position, SymbolInformation } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { SERVER_NODE_OPTIONS } from '../server/src/nodeFlags';
import { GENERATOR_VERSION, generateDocument, generateGlossaryFiles, generateTerms, type TermSpec } from './generate';
import { writeOnce } from './inputs';
import { createRandom, deriveSeed } from './random';
import { mb, ms, type Report } from './report';
import { BenchClient, hoverValue, MEMORY_MARK, PRELOAD, unescaped, withTimeout, type IndexChanged, type MemorySample } from './server';
import { now, percentile } from './stats';

export const LOAD_FILES = 1_000;
export const LOAD_TERMS = 50_000;
export const LOAD_LINES = 200_000;
/** Every this-many lines of the document is a probe line (see `probeLine`). */
const PROBE_EVERY = 200;
const LOADED_HOVERS = 1_000;
const WARMUP = 20;
const EDITS = 1_000;
/** The pause between two edits: 1,000 edits take a few seconds, faster than anyone types. */
const EDIT_INTERVAL_MS = 3;
/** Which glossary file the edits go to (its index among the generated files). */
const EDITED_FILE_INDEX = 500;

const TARGET_FIRST_HOVER_MS = 2_000;
const TARGET_MEMORY_MB = 300;
const TARGET_HOVER_P99_MS = 5;

const STARTUP_TIMEOUT_MS = 30_000;
/** While the index is built a request may wait seconds on a busy machine; that is measured, not a failure. */
const HOVER_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 180_000;
const SETTLE_TIMEOUT_MS = 60_000;
const CORRECT_TIMEOUT_MS = 60_000;
/** How long the server is left idle after the edits before its memory is sampled. */
const IDLE_MS = 10_000;

export interface LoadBenchOptions {
  /** The repository root: `dist/server.js` and `.bench/` are under it. */
  readonly root: string;
  readonly seed: number;
  /** How many times to run the whole scenario, each with a fresh server. */
  readonly runs: number;
  readonly progress: (message: string) => void;
}

/** One line of the document that a hover can check: the shipped ETag, then a workspace term. */
interface Probe {
  readonly etag: Position;
  readonly term: string;
  readonly termAt: Position;
}

interface LoadInputs {
  readonly workspace: string;
  readonly documentUri: string;
  readonly document: string;
  readonly probes: readonly Probe[];
  readonly editedUri: string;
  readonly editedText: string;
}

/** What one run measured; every time is in milliseconds from spawning the server unless named otherwise. */
interface LoadRun {
  firstHover: number;
  /** The server's CPU time (user + system) when the first hover was answered. */
  firstHoverCpu: number;
  firstIndex: number;
  builtinTerms: number;
  fullIndex: number;
  fullTerms: number;
  loadingHovers: number[];
  loadingHoversAnswered: number;
  loadedHovers: number[];
  /** Requests of a method the server does not have (answered at once): the round trip's own cost on this machine. */
  controlHovers: number[];
  /** The server's CPU time over the loaded hovers (and their control requests), per hover. */
  hoverCpu: number;
  loadedRight: number;
  loadedWrong: string[];
  memory: { loaded: MemorySample; hovered: MemorySample; edited: MemorySample };
  edits: {
    sendMs: number;
    toCorrect: number;
    parses: number;
    /** Indexes built in full (and served), and builds abandoned because an edit made them stale. */
    rebuilds: number;
    abandoned: number;
    termCountRight: boolean;
    intermediateGone: boolean;
    symbolFound: boolean;
    hoversDuring: number[];
  };
  problems: string[];
}

/** The probe line: `etag` at character 8 is the shipped glossary's ETag; the term follows `// see `. */
export const probeLine = (term: string): string => `const etagCache = lookup(); // see ${term} here`;
const PROBE_TERM_AT = probeLine('').indexOf(' here');

/** A made-up word of letters only, different for every `n`: 0 → "Zqa", 27 → "Zqbb". */
function wordFor(n: number): string {
  let word = '';
  for (let rest = n; ; rest = Math.floor(rest / 26) - 1) {
    word = String.fromCharCode(97 + (rest % 26)) + word;
    if (rest < 26) break;
  }
  return `Zq${word}`;
}

/** The edited glossary's new entry is renamed on every edit: "Rapid Zqa Widget", "Rapid Zqb Widget"… */
export const rapidTerm = (edit: number): string => `Rapid ${wordFor(edit)} Widget`;

/** Generates (once per seed and generator version) the workspace: `glossary/*.md` and `src/document-200000.ts`. */
export function prepareLoadInputs(root: string, seed: number, files = LOAD_FILES, terms = LOAD_TERMS, lines = LOAD_LINES): LoadInputs {
  const workspace = path.join(root, '.bench', 'inputs', `seed-${seed}-v${GENERATOR_VERSION}`, `load-${terms}x${files}-${lines}`);
  const specs = generateTerms(seed, terms);
  const glossaries = generateGlossaryFiles(seed, specs, Math.ceil(terms / files));
  for (const file of glossaries) writeOnce(path.join(workspace, 'glossary', file.name), () => file.text);
  const { text, probes } = loadDocument(seed, specs, lines);
  const documentPath = path.join(workspace, 'src', `document-${lines}.ts`);
  writeOnce(documentPath, () => text);
  const edited = glossaries[Math.min(glossaries.length - 1, EDITED_FILE_INDEX)]!;
  return {
    workspace,
    documentUri: URI.file(documentPath).toString(),
    document: text,
    probes,
    editedUri: URI.file(path.join(workspace, 'glossary', edited.name)).toString(),
    editedText: edited.text,
  };
}

/** The generated document with every PROBE_EVERY-th line replaced by a probe line. */
export function loadDocument(seed: number, specs: readonly TermSpec[], lineCount: number): { text: string; probes: Probe[] } {
  const random = createRandom(deriveSeed(seed, 11));
  const lines = generateDocument(seed, specs, lineCount).split('\n');
  const probes: Probe[] = [];
  for (let line = PROBE_EVERY / 2; line < lineCount; line += PROBE_EVERY) {
    const term = random.pick(specs).term;
    lines[line] = probeLine(term);
    probes.push({ etag: { line, character: 8 }, term, termAt: { line, character: PROBE_TERM_AT + Math.floor(term.length / 2) } });
  }
  return { text: lines.join('\n'), probes };
}

const hover = (client: BenchClient, uri: string, position: Position): Promise<Hover | null> =>
  withTimeout(client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), HOVER_TIMEOUT_MS, 'textDocument/hover');
/** Node flags for the server beyond those every client passes (SERVER_NODE_OPTIONS), for experiments: `GLOSSARY_LENS_BENCH_NODE_FLAGS="--optimize-for-size"`. */
const nodeFlags = (): string[] => process.env.GLOSSARY_LENS_BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const sleep = (wait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, wait));
const isEtag = (hover: Hover | null): boolean => hoverValue(hover).startsWith('**ETag**');
const shows = (hover: Hover | null, term: string): boolean => unescaped(hoverValue(hover)).includes(`**${term}**`);
const count = (lines: readonly string[], prefix: string, infix = ''): number => lines.filter((line) => line.startsWith(prefix) && line.includes(infix)).length;

/**
 * Waits until the server's CPU time stays flat for `quietMs` (it finished its background work,
 * including the searcher it builds 500 ms after an index change).
 */
async function settle(client: BenchClient, quietMs = 1_000): Promise<void> {
  const deadline = now() + SETTLE_TIMEOUT_MS;
  let last = client.cpuMs();
  while (now() < deadline) {
    await sleep(quietMs);
    const cpu = client.cpuMs();
    if (cpu - last <= 20) return;
    last = cpu;
  }
}

/** One run on a fresh server; throws on a failure, always stops the server. */
async function runOnce(inputs: LoadInputs, serverPath: string, preload: string, progress: (message: string) => void): Promise<LoadRun> {
  const folder = { uri: URI.file(inputs.workspace).toString(), name: path.basename(inputs.workspace) };
  // A 200k-line document is larger than the default 5 MB maxFileSize; this one must be looked up.
  const settings = { maxFileSize: 64 * 1024 * 1024, logLevel: 'debug' };
  const spawnedAt = now();
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...nodeFlags(), '-r', preload, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: inputs.workspace });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = new BenchClient(child, connection, settings, [folder]);
  try {
    return await measureRun(client, inputs, folder, spawnedAt, progress);
  } finally {
    await client.stop();
  }
}

async function measureRun(client: BenchClient, inputs: LoadInputs, folder: { uri: string; name: string }, spawnedAt: number, progress: (message: string) => void): Promise<LoadRun> {
  const problems: string[] = [];
  const since = (at: number) => at - spawnedAt;
  await withTimeout(
    client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
        textDocument: { hover: { contentFormat: ['markdown'] } },
      },
    }),
    STARTUP_TIMEOUT_MS,
    'initialize',
  );
  await client.connection.sendNotification('initialized', {});
  // An editor restores its open editors at once: the document is open before any glossary is read.
  await client.open(inputs.documentUri, inputs.document, 'typescript');

  // Until the first ETag hover: the server starts, reads the shipped glossary, announces it.
  const middle = inputs.probes[inputs.probes.length >> 1]!;
  let firstHover = Number.NaN;
  while (Number.isNaN(firstHover)) {
    if (since(now()) > STARTUP_TIMEOUT_MS) throw new Error(`no ETag hover after ${STARTUP_TIMEOUT_MS} ms`);
    if (isEtag(await hover(client, inputs.documentUri, middle.etag))) firstHover = since(now());
    else await sleep(5);
  }
  const firstHoverCpu = client.cpuMs();
  progress(`load: first ETag hover ${ms(firstHover)} after spawn; hovering until the index is complete`);

  // While the workspace glossaries load: hovers one at a time, shipped and workspace probes alternating.
  const full = (change: IndexChanged) => change.termCount >= LOAD_TERMS;
  const loadingHovers: number[] = [];
  let loadingHoversAnswered = 0;
  for (let i = 0; !client.indexChanges.some(full); i++) {
    if (since(now()) > LOAD_TIMEOUT_MS) throw new Error(`index not complete after ${LOAD_TIMEOUT_MS} ms (last termCount ${client.indexChanges.at(-1)?.termCount})`);
    const probe = inputs.probes[i % inputs.probes.length]!;
    const start = now();
    const answer = await hover(client, inputs.documentUri, i % 2 ? probe.termAt : probe.etag);
    loadingHovers.push(now() - start);
    if (answer) loadingHoversAnswered++;
  }
  const first = client.indexChanges[0]!;
  const complete = client.indexChanges.find(full)!;
  progress(`load: index with ${complete.termCount} terms ${ms(since(complete.at))} after spawn; settling`);
  await settle(client);
  const loaded = await client.memory();

  // Once loaded: ETag and workspace-term probes interleaved, after a warm-up.
  const random = createRandom(17);
  const positions = Array.from({ length: LOADED_HOVERS }, (_, i) => {
    const probe = inputs.probes[random.int(0, inputs.probes.length - 1)]!;
    return i % 2 ? { at: probe.termAt, term: probe.term } : { at: probe.etag, term: 'ETag' };
  });
  for (const { at } of positions.slice(0, WARMUP)) await hover(client, inputs.documentUri, at);
  const loadedHovers: number[] = [];
  const controlHovers: number[] = [];
  const cpuBefore = client.cpuMs();
  let loadedRight = 0;
  const loadedWrong: string[] = [];
  for (const { at, term } of positions) {
    let start = now();
    await client.connection.sendRequest('glossaryLens/benchControl').catch(() => null);
    controlHovers.push(now() - start);
    start = now();
    const answer = await hover(client, inputs.documentUri, at);
    loadedHovers.push(now() - start);
    if (shows(answer, term)) loadedRight++;
    else if (loadedWrong.length < 3) loadedWrong.push(`${at.line + 1}:${at.character + 1} "${term}" got ${answer ? `"${hoverValue(answer).split('\n')[0]?.slice(0, 50)}"` : 'null'}`);
  }
  const hoverCpu = (client.cpuMs() - cpuBefore) / positions.length;
  const hovered = await client.memory();

  const edits = await rapidEdits(client, inputs, complete.termCount, progress);
  // Sampling forces a full GC; wait first, to see what the server's own collections leave.
  await sleep(IDLE_MS);
  const edited = await client.memory();
  problems.push(...client.problems, ...client.stderr.join('').split('\n').filter((line) => line && !line.startsWith(MEMORY_MARK)));
  return {
    firstHover,
    firstHoverCpu,
    firstIndex: since(first.at),
    builtinTerms: first.termCount,
    fullIndex: since(complete.at),
    fullTerms: complete.termCount,
    loadingHovers,
    loadingHoversAnswered,
    loadedHovers,
    controlHovers,
    hoverCpu,
    loadedRight,
    loadedWrong,
    memory: { loaded, hovered, edited },
    edits,
    problems,
  };
}

/**
 * Opens one glossary file and appends a "Rapid … Widget" entry, waits until it is indexed, then
 * sends EDITS incremental changes, EDIT_INTERVAL_MS apart, each renaming it. Meanwhile a second
 * loop hovers.
 */
async function rapidEdits(client: BenchClient, inputs: LoadInputs, termCount: number, progress: (message: string) => void): Promise<LoadRun['edits']> {
  const [firstTerm, middleTerm, finalTerm] = [rapidTerm(0), rapidTerm(EDITS / 2), rapidTerm(EDITS)];
  const watchUri = URI.file(path.join(inputs.workspace, 'src', 'rapid.ts')).toString();
  await client.open(watchUri, [firstTerm, middleTerm, finalTerm].map((term) => `// the ${term} here\n`).join(''), 'typescript');
  const hoverable = async (line: number, term: string): Promise<number> => {
    const from = now();
    while (now() - from < CORRECT_TIMEOUT_MS) {
      if (shows(await hover(client, watchUri, { line, character: 12 }), term)) return now() - from;
      await sleep(2);
    }
    return Number.NaN;
  };

  await client.open(inputs.editedUri, inputs.editedText, 'markdown');
  const endLine = inputs.editedText.split('\n').length - 1;
  const headingLine = endLine + 1;
  let version = 1;
  const change = (range: { start: Position; end: Position }, text: string) =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: inputs.editedUri, version: ++version }, contentChanges: [{ range, text }] });
  const at = (line: number, character: number) => ({ line, character });
  let previous = `## ${firstTerm}`;
  await change({ start: at(endLine, 0), end: at(endLine, 0) }, `\n${previous}\n\nA widget renamed on every edit.\n`);
  // The entry as first added is indexed, so the rename below is known to remove a name that was there.
  if (Number.isNaN(await hoverable(0, firstTerm))) throw new Error(`${firstTerm} never became hoverable`);
  await settle(client);
  const label = `Parsed glossary/${path.basename(URI.parse(inputs.editedUri).fsPath)} `;
  const logsBefore = client.logs.length;
  progress(`load: ${EDITS} edits of ${label.slice(7, -1)}, ${EDIT_INTERVAL_MS} ms apart`);

  let editing = true;
  const hoversDuring: number[] = [];
  const hovering = (async () => {
    for (let i = 0; editing; i++) {
      const start = now();
      await hover(client, inputs.documentUri, inputs.probes[i % inputs.probes.length]!.etag);
      hoversDuring.push(now() - start);
      await sleep(EDIT_INTERVAL_MS);
    }
  })();
  const started = now();
  for (let edit = 1; edit <= EDITS; edit++) {
    const heading = `## ${rapidTerm(edit)}`;
    await change({ start: at(headingLine, 0), end: at(headingLine, previous.length) }, heading);
    previous = heading;
    await sleep(EDIT_INTERVAL_MS);
  }
  const sent = now();
  const toCorrect = await hoverable(2, finalTerm);
  editing = false;
  await hovering;
  await settle(client);
  const intermediateGone = (await hover(client, watchUri, { line: 0, character: 12 })) === null && (await hover(client, watchUri, { line: 1, character: 12 })) === null;
  const symbols = await withTimeout(client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: finalTerm }), SETTLE_TIMEOUT_MS, 'workspace/symbol');
  const symbolFound = symbols.some((symbol) => symbol.name === finalTerm);
  const logs = client.logs.slice(logsBefore);
  return {
    sendMs: sent - started,
    toCorrect,
    parses: count(logs, label),
    rebuilds: count(logs, 'Index version ', ' prepared: '),
    abandoned: count(logs, 'Index version ', ' abandoned: '),
    termCountRight: client.indexChanges.at(-1)?.termCount === termCount + 1,
    intermediateGone,
    symbolFound,
    hoversDuring,
  };
}

/** Runs the scenario `options.runs` times and adds one row per metric, the runs' values side by side. */
export async function benchLoad(report: Report, options: LoadBenchOptions): Promise<void> {
  report.section(`Load (dist/server.js --stdio: ${LOAD_TERMS / 1000}k terms in ${LOAD_FILES} glossary files, ${LOAD_LINES / 1000}k-line document open)`);
  const serverPath = path.join(options.root, 'dist', 'server.js');
  if (!fs.existsSync(serverPath)) {
    report.add('dist/server.js', 'missing (run npm run build)', 'present', false);
    return;
  }
  options.progress(`load: generating the workspace (seed ${options.seed})`);
  const inputs = prepareLoadInputs(options.root, options.seed);
  options.progress(`load: workspace ready at ${path.relative(options.root, inputs.workspace)} (${inputs.document.length} characters of document)`);
  const temp = fs.mkdtempSync(path.join(options.root, '.bench', 'load-'));
  const preload = path.join(temp, 'bench-preload.js');
  fs.writeFileSync(preload, PRELOAD);
  const runs: LoadRun[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      options.progress(`load: run ${run} of ${options.runs}`);
      try {
        runs.push(await runOnce(inputs, serverPath, preload, options.progress));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.add(`run ${run} aborted`, message.split('\n')[0] ?? message, 'completes', false);
      }
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  if (runs.length) addRows(report, runs);
}

function addRows(report: Report, runs: readonly LoadRun[]): void {
  const each = (value: (run: LoadRun) => string): string => runs.map(value).join(' · ');
  const all = (ok: (run: LoadRun) => boolean): boolean => runs.every(ok);
  const p = (samples: readonly number[], rank: number) => percentile(samples, rank);
  const heapOf = (sample: MemorySample) => sample.heap?.after?.heapUsed ?? sample.heap?.before.heapUsed ?? Number.NaN;
  const memory = (sample: MemorySample) => `RSS ${mb(sample.rssKb * 1024)}, heap ${mb(sample.heap?.before.heapUsed ?? Number.NaN)} (${mb(heapOf(sample))} after GC)`;
  const peakRss = (run: LoadRun) => Math.max(run.memory.loaded.hwmKb, run.memory.hovered.hwmKb, run.memory.edited.hwmKb) * 1024;
  const peakHeap = (run: LoadRun) => Math.max(...[run.memory.loaded, run.memory.hovered, run.memory.edited].map((sample) => sample.heap?.before.heapUsed ?? Number.NaN));

  report.add(`runs (values of each run, separated by ·)`, String(runs.length));
  report.add('spawn → first ETag hover in the 200k-line document', each((run) => ms(run.firstHover)), `< ${TARGET_FIRST_HOVER_MS} ms`, all((run) => run.firstHover < TARGET_FIRST_HOVER_MS));
  report.add('server CPU time (user + system) by then, /proc, 10 ms ticks', each((run) => ms(run.firstHoverCpu)));
  report.add('spawn → first indexChanged (shipped glossary; its termCount)', each((run) => `${ms(run.firstIndex)} (${run.builtinTerms})`));
  report.add('spawn → indexChanged with every term (its termCount)', each((run) => `${ms(run.fullIndex)} (${run.fullTerms})`), `${LOAD_TERMS}+ terms`, all((run) => run.fullTerms >= LOAD_TERMS));
  report.add('hovers while loading: count (answered) p50 / p99 / max', each((run) => `${run.loadingHovers.length} (${run.loadingHoversAnswered}) ${ms(p(run.loadingHovers, 50))} / ${ms(p(run.loadingHovers, 99))} / ${ms(Math.max(...run.loadingHovers))}`));
  report.add(`hovers once loaded (${LOADED_HOVERS}, half ETag, half workspace terms): p50 / p99 / max`, each((run) => `${ms(p(run.loadedHovers, 50))} / ${ms(p(run.loadedHovers, 99))} / ${ms(Math.max(...run.loadedHovers))}`), `p99 < ${TARGET_HOVER_P99_MS} ms`, all((run) => p(run.loadedHovers, 99) < TARGET_HOVER_P99_MS));
  const kind = (run: LoadRun, odd: number) => run.loadedHovers.filter((_, i) => i % 2 === odd);
  report.add('hovers once loaded, by kind: ETag p50 / p99 · workspace terms p50 / p99', each((run) => `${ms(p(kind(run, 0), 50))} / ${ms(p(kind(run, 0), 99))}, ${ms(p(kind(run, 1), 50))} / ${ms(p(kind(run, 1), 99))}`));
  report.add('hovers once loaded: server CPU per hover, average (/proc, control requests included)', each((run) => ms(run.hoverCpu)));
  report.add('control: a request of an unknown method before each hover (no work): p50 / p99 / max', each((run) => `${ms(p(run.controlHovers, 50))} / ${ms(p(run.controlHovers, 99))} / ${ms(Math.max(...run.controlHovers))}`));
  report.add(
    'hovers once loaded: showing the expected term',
    each((run) => `${run.loadedRight} of ${LOADED_HOVERS}${run.loadedWrong.length ? ` (e.g. ${run.loadedWrong.join('; ')})` : ''}`),
    'all',
    all((run) => run.loadedRight === LOADED_HOVERS),
  );
  report.add('memory once loaded and idle', each((run) => memory(run.memory.loaded)));
  report.add('memory after the hovers', each((run) => memory(run.memory.hovered)));
  report.add(`memory ${IDLE_MS / 1000} s after the edits (idle)`, each((run) => memory(run.memory.edited)));
  report.add('peak RSS (VmHWM), whole run', each((run) => mb(peakRss(run))), `< ${TARGET_MEMORY_MB} MB`, all((run) => peakRss(run) < TARGET_MEMORY_MB * 1e6));
  report.add('peak heapUsed at the samples (before GC)', each((run) => mb(peakHeap(run))), `< ${TARGET_MEMORY_MB} MB`, all((run) => peakHeap(run) < TARGET_MEMORY_MB * 1e6));
  report.add(`${EDITS} edits of one glossary, sent over`, each((run) => ms(run.edits.sendMs)));
  report.add('last edit → hover shows the final term', each((run) => ms(run.edits.toCorrect)), 'correct', all((run) => Number.isFinite(run.edits.toCorrect)));
  report.add(
    'final index: termCount +1, the first and a middle name gone, the final name a workspace symbol',
    each((run) => [run.edits.termCountRight, run.edits.intermediateGone, run.edits.symbolFound].map((ok) => (ok ? 'yes' : 'NO')).join('/')),
    'yes/yes/yes',
    all((run) => run.edits.termCountRight && run.edits.intermediateGone && run.edits.symbolFound),
  );
  report.add(
    `edited file parsed / index built in full / index builds abandoned as stale, of ${EDITS} edits`,
    each((run) => `${run.edits.parses} / ${run.edits.rebuilds} / ${run.edits.abandoned}`),
    `≪ ${EDITS}`,
    all((run) => run.edits.parses > 0 && run.edits.parses < EDITS / 10 && run.edits.rebuilds < EDITS / 10),
  );
  report.add('hovers during the edits: count, p50 / p99 / max', each((run) => `${run.edits.hoversDuring.length}, ${ms(p(run.edits.hoversDuring, 50))} / ${ms(p(run.edits.hoversDuring, 99))} / ${ms(Math.max(...run.edits.hoversDuring))}`));
  report.add('server errors/warnings logged', each((run) => (run.problems.length ? `${run.problems.length}: ${run.problems.slice(0, 2).join(' | ').slice(0, 200)}` : 'none')), 'none', all((run) => run.problems.length === 0));
}

/** The notes that explain the section's figures. */
export const LOAD_NOTES: readonly string[] = [
  `Load: a workspace of ${LOAD_FILES} generated glossary files (${LOAD_TERMS / LOAD_FILES} terms each, under glossary/) and a ${LOAD_LINES / 1000}k-line TypeScript/Python document whose every ${PROBE_EVERY}th line is \`${probeLine('<term>')}\`, cached under .bench/inputs/. The server is spawned with settings { maxFileSize: 64 MB (the document is larger than the default 5 MB), logLevel: debug } and the document is opened right after initialized. Hovers are one at a time, wall time in the bench process.`,
  'Load, first hover: hovers on `etag` in the middle of the document are sent (5 ms apart) from spawn until one shows ETag. "While loading": hovers back to back, ETag and workspace-term probes alternating, until indexChanged announces every term (workspace-term hovers are expected to be empty then). "Once loaded": after the server\'s CPU went quiet; each measured hover follows a control request of a method the server does not have, which its protocol layer answers with an error at once, so the control\'s tail is the machine\'s (scheduling, the two processes sharing cores), not the server\'s.',
  `Load, edits: one glossary file is opened and a "## Rapid … Widget" entry appended (and waited for until hoverable), then ${EDITS} incremental didChange notifications ${EDIT_INTERVAL_MS} ms apart each rename it; the correct index is a hover on the final name in another document. Parses and index builds are the server's debug lines "Parsed glossary/glossary-0${EDITED_FILE_INDEX}.md …", "Index version N prepared: …" and "Index version N abandoned: …" logged after the file was opened.`,
  'Load, memory: RSS and peak (VmRSS / VmHWM from /proc); heapUsed from process.memoryUsage() in the server before and after a full GC, via the bench-only preload of bench/server.ts (SIGUSR2). A sample forces that GC, so the samples are taken when the server is idle: once the index is complete and the CPU quiet, after the hovers, and 10 s after the edits.',
];
