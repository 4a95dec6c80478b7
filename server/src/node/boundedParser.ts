import { Worker } from 'node:worker_threads';
import type { GlossaryEntry, ParsedGlossary } from '../core';

/**
 * Parses glossary files on a worker thread, within a time and a memory budget.
 *
 * Glossaries are untrusted text, and some markdown shapes cost the parser far more than their size
 * (a million-item list, megabytes of unbalanced emphasis). On the server's own thread such a file
 * would stop every hover until it was read, or end the process when the heap ran out. On a worker
 * the server keeps answering, and a parse over budget ends with the worker, not the server.
 */
export interface BoundedParserOptions {
  /** The worker's script (`dist/parseWorker.js`). */
  readonly workerFile: string;
  /** How long one file may take; by default {@link defaultBudgetMs}. */
  readonly budgetMs?: (text: string) => number;
  /** The worker's heap limit; a parse that needs more fails instead of ending the server. */
  readonly maxHeapMb?: number;
  /** An idle worker is stopped after this long, giving back its memory (and its parse cache). */
  readonly idleMs?: number;
}

/** What became of one parse. */
export type ParseOutcome =
  | { readonly parsed: ParsedGlossary }
  /** The file could not be read within the budget, or the parser failed; said for people. */
  | { readonly failed: string }
  /** A newer text of the same file was given before this one was started. */
  | { readonly superseded: true };

/** Messages between the server and parseWorker.ts. */
export interface ParseRequest {
  readonly id: number;
  readonly uri: string;
  readonly text: string;
  /** False when the text will not be edited soon (a load): the worker then keeps no syntax trees. */
  readonly keepCache: boolean;
  /** Only to get the worker ready (see {@link BoundedParser.warmUp}): the reply holds no entries. */
  readonly warmUp?: boolean;
}
export type ParseReply = { readonly id: number; readonly parsed: ParsedGlossary } | { readonly id: number; readonly error: string };

/**
 * Ten seconds, plus ten per megabyte. A well-formed glossary parses at 2–4 s per megabyte on a busy
 * 2-core machine (a list of 20k entries, 1.8 MB: 4.3–7.0 s; docs/reliability.md), so only
 * pathological markdown comes near it. Generous on purpose: a glossary given up on loses its terms,
 * while one parsed slowly costs only the worker's time (the server answers meanwhile).
 */
export function defaultBudgetMs(text: string): number {
  return 10_000 + Math.round((text.length / (1024 * 1024)) * 10_000);
}

const DEFAULT_MAX_HEAP_MB = 1024;
/** Parse garbage needs no more than this; V8's default young generation takes 34 MB (67 MB when the server enlarged its own). */
const WORKER_YOUNG_GENERATION_MB = 12;
const DEFAULT_IDLE_MS = 30_000;
/** After a load, which keeps no syntax trees: long enough to bridge the gaps between its files. */
const AFTER_LOAD_IDLE_MS = 1_000;

interface Job extends ParseRequest {
  readonly resolve: (outcome: ParseOutcome) => void;
}

export class BoundedParser {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout } | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  /** Whether the last parse kept its syntax trees for a next edit of the file. */
  private lastKeptCache = true;
  private disposed = false;

  constructor(private readonly options: BoundedParserOptions) {}

  /** Parses `text` as the glossary at `uri`; one file at a time, in the order asked. */
  parse(uri: string, text: string, options: { keepCache: boolean; warmUp?: boolean } = { keepCache: true }): Promise<ParseOutcome> {
    if (this.disposed) return Promise.resolve({ failed: 'the server is shutting down' });
    // Only the newest text of a file is worth parsing: an older one still waiting gives way.
    for (let k = this.queue.length - 1; k >= 0; k--) {
      if (this.queue[k]!.uri === uri) this.queue.splice(k, 1)[0]!.resolve({ superseded: true });
    }
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, uri, text, keepCache: options.keepCache, warmUp: options.warmUp, resolve });
      this.next();
    });
  }

  /**
   * Parses `text` ahead of edits that are likely to come (a glossary just opened in the editor),
   * and drops the result: the first edit then finds the worker started (100–150 ms), its parser
   * compiled, and the file's pieces cached, instead of waiting for all three (a load stops the
   * worker a second after it ends). Nothing is done while the file is being parsed anyway, and the
   * worker sends no entries back.
   */
  warmUp(uri: string, text: string): void {
    if (this.running?.job.uri === uri || this.queue.some((job) => job.uri === uri)) return;
    void this.parse(uri, text, { keepCache: true, warmUp: true });
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ failed: 'the server is shutting down' });
    this.finish({ failed: 'the server is shutting down' });
    this.stopWorker();
  }

  private next(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) {
      // After a load the worker holds no cache worth keeping, only a heap grown by the parsing.
      this.stopWhenIdle(this.lastKeptCache ? (this.options.idleMs ?? DEFAULT_IDLE_MS) : AFTER_LOAD_IDLE_MS);
      return;
    }
    this.lastKeptCache = job.keepCache;
    clearTimeout(this.idleTimer);
    const budget = (this.options.budgetMs ?? defaultBudgetMs)(job.text);
    const timer = setTimeout(() => {
      // The worker is busy in the parser and cannot be asked to stop: end it.
      this.stopWorker();
      this.finish({ failed: `it could not be parsed within ${formatSeconds(budget)}` });
    }, budget);
    this.running = { job, timer };
    const request: ParseRequest = { id: job.id, uri: job.uri, text: job.text, keepCache: job.keepCache, warmUp: job.warmUp };
    try {
      this.ensureWorker().postMessage(request);
    } catch (error) {
      // No thread to be had (resources exhausted): this file fails, the next ones try again.
      this.stopWorker();
      this.finish({ failed: `the parser could not start (${error instanceof Error ? error.message : String(error)})` });
    }
  }

  private stopWhenIdle(idleMs: number): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopWorker(), idleMs);
    this.idleTimer.unref();
  }

  private finish(outcome: ParseOutcome): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    clearTimeout(running.timer);
    running.job.resolve(outcome);
    this.next();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const maxHeapMb = this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
    const worker = new Worker(this.options.workerFile, { resourceLimits });
    worker.on('message', (reply: ParseReply) => {
      if (reply.id !== this.running?.job.id) return;
      this.finish('parsed' in reply ? { parsed: shareValues(reply.parsed, this.running.job.uri) } : { failed: `the parser failed (${reply.error})` });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish({ failed: outOfMemory ? `parsing it needs more than ${maxHeapMb} MB of memory` : `the parser stopped (${error.message})` });
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish({ failed: 'the parser stopped unexpectedly' });
    });
    // A parse in progress is waited for by its caller; an idle worker must not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    void worker?.terminate();
  }
}

const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * A parse result as the server would have made it itself. A worker's reply arrives as a copy
 * (structured clone) in which every entry has its own copy of the file's URI and its own empty
 * and section lists; kept for 50k entries, those copies cost about 10 MB. Here they are shared
 * again: the server's URI string, one empty list, one list per run of entries in the same section.
 */
export function shareValues(parsed: ParsedGlossary, uri: string): ParsedGlossary {
  let section = NO_STRINGS;
  const shared = (list: readonly string[]) => (list.length === 0 ? NO_STRINGS : list);
  const entries = parsed.entries.map((entry): GlossaryEntry => {
    if (!sameStrings(entry.section, section)) section = shared(entry.section);
    const { id, term, definition, source, caseMode } = entry;
    // Object literals with every field, not spreads: V8 then keeps the fields inside the object
    // rather than in a separate property array (3 MB at 50k entries).
    const copy = {
      id,
      term,
      aliases: shared(entry.aliases),
      definition,
      section,
      source: { uri, startLine: source.startLine, endLine: source.endLine, labelSpan: source.labelSpan },
      tags: shared(entry.tags),
      seeAlso: shared(entry.seeAlso),
    };
    return caseMode ? { ...copy, caseMode } : copy;
  });
  return { uri, entries, problems: parsed.problems.map((problem) => ({ ...problem, uri })) };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
