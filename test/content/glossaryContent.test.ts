/**
 * Content checks for the glossary that ships with the extension (`glossary/*.md`): every file
 * parses cleanly, names are unique, every concept of the seed document is present, see-also
 * links resolve, and the long entries kept their tables, lists and Russian text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../server/src/core/parseGlossary';
import type { GlossaryEntry, ParsedGlossary } from '../../server/src/core/types';

const root = fileURLToPath(new URL('../..', import.meta.url));
const glossaryDir = join(root, 'glossary');

const files = readdirSync(glossaryDir)
  .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
  .sort();

const texts = new Map(files.map((name) => [name, readFileSync(join(glossaryDir, name), 'utf8')] as const));

const parsed: ParsedGlossary[] = files.map((name) =>
  parseGlossary(pathToFileURL(join(glossaryDir, name)).href, texts.get(name) ?? ''),
);
const entries: GlossaryEntry[] = parsed.flatMap((p) => p.entries);

/** Name comparison for uniqueness: case-insensitive, ignoring spaces, `-`, `_` and a trailing "s". */
function normalize(name: string): string {
  const squeezed = name.toLowerCase().replace(/[\s\-_]+/g, '');
  return squeezed.length > 1 && squeezed.endsWith('s') ? squeezed.slice(0, -1) : squeezed;
}

function namesOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aliases];
}

function where(entry: GlossaryEntry): string {
  return `"${entry.term}" (${entry.source.uri.split('/').pop()}:${entry.source.startLine + 1})`;
}

/** The single entry whose term is `term` (case-insensitive). */
function entry(term: string): GlossaryEntry {
  const found = entries.filter((e) => e.term.toLowerCase() === term.toLowerCase());
  expect(found.map(where), `exactly one entry named ${term}`).toHaveLength(1);
  return found[0]!;
}

/**
 * Normalized names that may deliberately belong to more than one entry, with the reason.
 * Keep this list short: every item is a name whose hover shows several entries.
 */
const SHARED_NAME_ALLOW_LIST: ReadonlyMap<string, string> = new Map<string, string>([
  // (none at present)
]);

describe('shipped glossary content', () => {
  it('has topic files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s parses into entries with no problems', (name) => {
    const result = parsed[files.indexOf(name)]!;
    expect(result.entries.length).toBeGreaterThanOrEqual(1);
    expect(result.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([]);
  });

  it('gives every entry a section named by its file H1', () => {
    for (const [index, name] of files.entries()) {
      const h1 = /^# (.+)$/m.exec(texts.get(name) ?? '')?.[1]?.trim();
      expect(h1, `${name} has an H1`).toBeTruthy();
      for (const e of parsed[index]!.entries) {
        expect(e.section[0], where(e)).toBe(h1);
      }
    }
  });

  it('uses no name or alias for two entries', () => {
    const owners = new Map<string, GlossaryEntry[]>();
    for (const e of entries) {
      for (const key of new Set(namesOf(e).map(normalize))) {
        owners.set(key, [...(owners.get(key) ?? []), e]);
      }
    }
    const clashes = [...owners]
      .filter(([key, list]) => list.length > 1 && !SHARED_NAME_ALLOW_LIST.has(key))
      .map(([key, list]) => `${key}: ${list.map(where).join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('builds an index without cross-entry problems', async () => {
    // Imported here so that a problem in the index shows up in this test only.
    const { createGlossaryIndex } = await import('../../server/src/core/glossaryIndex');
    const index = createGlossaryIndex(parsed);
    expect(index.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([]);
    expect(index.lookup('Representational State Transfer')[0]?.term).toBe('REST');
    expect(index.lookup('Пропускная способность')[0]?.term).toBe('Throughput');
    expect(index.lookup('Etag')[0]?.term).toBe('ETag');
    expect(index.lookup('git cherry-pick')[0]?.term).toBe('Cherry Pick');
  });

  it('contains every concept of the seed document', () => {
    const seed = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'seed-concepts.json'), 'utf8')) as {
      concepts: string[][];
    };
    const names = new Set(entries.flatMap(namesOf).map((n) => n.trim().toLowerCase()));
    const missing = seed.concepts.filter((accepted) => !accepted.some((n) => names.has(n.trim().toLowerCase())));
    expect(missing).toEqual([]);
    expect(seed.concepts.length).toBeGreaterThan(60);
  });

  it('resolves every See also name to an entry', () => {
    const names = new Set(entries.flatMap(namesOf).map(normalize));
    const broken = entries.flatMap((e) =>
      e.seeAlso.filter((name) => !names.has(normalize(name))).map((name) => `${where(e)} -> ${name}`),
    );
    expect(broken).toEqual([]);
    expect(entries.filter((e) => e.seeAlso.length > 0).length).toBeGreaterThan(40);
  });

  it('has substantial definitions that do not open with a bold copy of the term', () => {
    const short = entries.filter((e) => e.definition.trim().length < 40).map(where);
    expect(short).toEqual([]);
    const boldLed = entries
      .filter((e) => e.definition.trimStart().toLowerCase().startsWith(`**${e.term.toLowerCase()}`))
      .map(where);
    expect(boldLed).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['HTTP', ['Yes (HPACK)', 'Yes (QPACK)', 'QUIC (UDP)', 'Fast (0-RTT)', 'Head-of-Line Blocking', 'HTTP/2 for the dynamic web']],
    ['HTTP/1.1', ['What it is', 'How it works', 'Key features', 'Pros', 'Cons', 'human-readable', 'Head-of-line blocking']],
    ['HTTP/2', ['What it is', 'Key features', 'Multiplexing', 'HPACK', 'Server push', 'Pros', 'Cons', 'retransmitted']],
    ['HTTP/3', ['What it is', 'Key features', 'QUIC', '0-RTT', 'Pros', 'Cons', 'Hypercorn', '--quic-bind', 'Checking support', 'h3', 'curl --http3']],
    ['QUIC', ['UDP', 'TLS 1.3', '0-RTT']],
    ['SLI', ['Definition', 'What are we measuring?', 'ratios or rates', '95% of requests < 200 ms', 'Error rate = 0.1%']],
    ['SLO', ['How well should the service perform?', '99.9% of requests will succeed', 'error budget']],
    ['SLA', ['legally binding commitment', 'penalties or remedies', '10% service credit', 'External promise to users']],
    ['Latency', ['Что это:', 'Время, необходимое для завершения', '200 миллисекунд', 'Чем меньше latency', 'восприятие скорости пользователем']],
    ['Throughput', ['Количество операций', '10 000 запросов в секунду', 'RPS/QPS', 'микросервисных архитектур']],
    ['gRPC', ['Protocol Buffers', 'HTTP/2', 'Microservices', 'bidirectional streaming', 'Cross-language', 'IoT', 'fallback', 'gRPC-Web', 'When not to use gRPC']],
    ['Concurrency', ['progressing independently', 'executing at the same time', 'asyncio', 'threading', 'concurrency without parallelism']],
    ['Parallelism', ['executing at the same time', 'progressing independently', 'multiprocessing']],
    ['REST', ['Client-Server', 'Stateless', 'Layered System', 'Uniform Interface', 'Code on Demand']],
    ['Cherry Pick', ['moves selected commits', 'best command to move', 'git cherry-pick']],
    ['PEM', ['Base64', 'DER', '-----BEGIN', 'private keys']],
    ['ETag', ['version of a resource', 'If-None-Match']],
  ])('%s keeps the seed content', (term, phrases) => {
    const definition = entry(term).definition;
    for (const phrase of phrases) expect(definition, `${term} mentions "${phrase}"`).toContain(phrase);
  });

  it.each([
    ['Multiplexing', 'HTTP/2'],
    ['Header compression', 'HTTP/2'],
    ['Server push', 'HTTP/2'],
    ['Head-of-line blocking', 'HTTP/1.1'],
  ])('extracts %s as a sub-entry of %s', (term, parent) => {
    expect(entry(term).section).toContain(parent);
  });

  it('expands JWT and JWK correctly and keeps the seed spelling as an alias', () => {
    expect(namesOf(entry('JWT'))).toEqual(expect.arrayContaining(['JSON Web Token', 'JavaScript Web Token']));
    expect(namesOf(entry('JWK'))).toEqual(expect.arrayContaining(['JSON Web Key', 'JavaScript Web Key']));
    // "Etag" differs from "ETag" only in case, so it is not kept as a separate alias: the index finds it.
    expect(namesOf(entry('ETag')).map((n) => n.toLowerCase())).toContain('etag');
  });

  it('keeps an alias that contains a comma in one piece (written as a parenthetical in the heading)', () => {
    expect(entry('KISS').aliases).toEqual(['Keep It Simple, Stupid']);
  });

  it.each([
    ['REST', 'Representational State Transfer'],
    ['SLI', 'Service Level Indicator'],
    ['SLO', 'Service Level Objective'],
    ['SLA', 'Service Level Agreement'],
    ['Latency', 'Задержка'],
    ['Throughput', 'Пропускная способность'],
    ['Cherry Pick', 'git cherry-pick'],
    ['Continuous Integration', 'CI'],
    ['NAS', 'NAS System'],
    ['Internet Protocol Suite', 'TCP/IP'],
    ['POSIX', 'Portable Operating System Interface'],
    ['Fixtures', 'Fixture'],
  ])('%s has the alias %s', (term, alias) => {
    expect(entry(term).aliases).toContain(alias);
  });

  it('contains no mojibake', () => {
    // UTF-8 decoded as Mac Roman: em dash, quotes, Cyrillic, emoji and check marks.
    const mojibake = ['‚Äî', '‚Äô', '‚Äú', '‚Äù', '‚Ä¶', '‚Ä', '–ó', '–∞', '–µ', '—Ç', '—Å', 'üî', 'üí', 'üß', '‚úÖ', 'Ã', '\uFFFD'];
    for (const name of [...files, 'README.md']) {
      const text = readFileSync(join(glossaryDir, name), 'utf8');
      for (const sequence of mojibake) expect(text.includes(sequence), `${name} contains ${sequence}`).toBe(false);
    }
  });
});
