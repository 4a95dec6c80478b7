import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_GLOSSARY_LENGTH, parseGlossary } from '../../server/src/core/parseGlossary';
import type { GlossaryEntry, ParsedGlossary } from '../../server/src/core/types';

const URI = 'file:///notes/glossary.md';

function parse(text: string): ParsedGlossary {
  return parseGlossary(URI, text);
}

/** The markdown lines joined, so fixtures read like the files they stand for. */
function md(...lines: string[]): string {
  return lines.join('\n');
}

function terms(result: ParsedGlossary): string[] {
  return result.entries.map((entry) => entry.term);
}

function entry(result: ParsedGlossary, term: string): GlossaryEntry {
  const found = result.entries.find((candidate) => candidate.term === term);
  if (!found) throw new Error(`No entry "${term}" among: ${terms(result).join(', ')}`);
  return found;
}

function labelText(text: string, found: GlossaryEntry): string {
  return text.slice(found.source.labelSpan.start, found.source.labelSpan.end);
}

const key = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

describe('the seed glossary', () => {
  const seed = readFileSync(new URL('../fixtures/seed.md', import.meta.url), 'utf8');
  const labelled = JSON.parse(readFileSync(new URL('../fixtures/seed-concepts.json', import.meta.url), 'utf8')) as { concepts: string[][] };

  it('yields its hand-labelled concepts with recall and precision of at least 95%', () => {
    const result = parse(seed);
    const names = (found: GlossaryEntry) => [found.term, ...found.aliases].map(key);
    const matches = (found: GlossaryEntry, concept: string[]) => names(found).some((name) => concept.map(key).includes(name));

    const missed = labelled.concepts.filter((concept) => !result.entries.some((found) => matches(found, concept)));
    const distinct = new Map<string, GlossaryEntry>();
    for (const found of result.entries) if (!distinct.has(key(found.term))) distinct.set(key(found.term), found);
    const falsePositives = [...distinct.values()].filter((found) => !labelled.concepts.some((concept) => matches(found, concept)));

    const recall = 1 - missed.length / labelled.concepts.length;
    const precision = 1 - falsePositives.length / distinct.size;
    console.log(`seed: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}% (${distinct.size} distinct terms)`);
    console.log(`missed: ${JSON.stringify(missed.map((concept) => concept[0]))}`);
    console.log(`false positives: ${JSON.stringify(falsePositives.map((found) => `${found.term} (line ${found.source.startLine + 1})`))}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it('reports no problems and gives every entry a definition, a unique id and a label span in the text', () => {
    const result = parse(seed);
    expect(result.problems).toEqual([]);
    expect(new Set(result.entries.map((found) => found.id)).size).toBe(result.entries.length);
    for (const found of result.entries) {
      expect(found.definition, found.term).not.toBe('');
      expect(found.id.startsWith(`${URI}#`)).toBe(true);
      expect(labelText(seed, found), found.term).toContain(found.term.split(/[ /]/)[0]);
      expect(found.source.endLine).toBeGreaterThanOrEqual(found.source.startLine);
    }
  });

  it('places entries under their sections and parent terms', () => {
    const result = parse(seed);
    expect(entry(result, 'REST').section).toEqual(['Web Development and Networking']);
    expect(entry(result, 'Merge').section).toEqual(['Git and Version Control', 'Rebase, Merge, Cherry Pick']);
    expect(entry(result, 'Multiplexing').section).toEqual(['HTTP vs HTTP2 vs HTTP3', 'HTTP/2']);
    expect(entry(result, 'Concurrency').section).toEqual(['gRPC Use Cases', 'Concurrency vs Parallelism']);
  });

  it('keeps how-to and narrative parts of the seed out of the glossary', () => {
    const found = new Set(terms(parse(seed)).map(key));
    for (const name of ['Google Chrome', 'Firefox', 'Safari', 'Faster Connection Setup', 'Microservices Communication',
      'Availability', 'Error Rate', 'Protocol', 'Pros', 'Key features', 'Troubleshooting', 'FastAPI as HTTP Fallback',
      'TLS', 'gRPC Server', 'Smaller Payloads', 'Using Threads', 'Software Development and Programming Concepts']) {
      expect(found.has(key(name)), name).toBe(false);
    }
  });

  it('gives the same entries, lines and label offsets when a file is re-read after an edit above them', () => {
    // Long files are parsed in pieces and unchanged pieces come from a cache; positions must follow the edit.
    const before = parse(seed);
    const edited = `# Added title\n\nA new introduction line.\n\n${seed}`;
    const after = parse(edited);
    const shift = edited.length - seed.length;
    expect(after.entries.map((e) => e.term)).toEqual(before.entries.map((e) => e.term));
    after.entries.forEach((entry, i) => {
      const old = before.entries[i]!;
      expect(entry.source.startLine).toBe(old.source.startLine + 4);
      expect(entry.source.labelSpan.start).toBe(old.source.labelSpan.start + shift);
      expect(edited.slice(entry.source.labelSpan.start, entry.source.labelSpan.end)).toBe(seed.slice(old.source.labelSpan.start, old.source.labelSpan.end));
    });
  });
});

describe('term headings', () => {
  it('reads a heading as a term whose definition runs to the next heading of the same or a higher level', () => {
    const text = md('# Web', '', '## ETag', 'An HTTP response header.', '', '### Example', 'If-None-Match: "abc"', '', '## Cookie', 'Browser-stored data.');
    const result = parse(text);
    expect(terms(result)).toEqual(['ETag', 'Cookie']);
    const etag = entry(result, 'ETag');
    expect(etag.definition).toBe('An HTTP response header.\n\n### Example\nIf-None-Match: "abc"');
    expect(etag.section).toEqual(['Web']);
    expect(etag.source).toMatchObject({ startLine: 2, endLine: 6 });
    expect(labelText(text, etag)).toBe('ETag');
  });

  it('strips bold markers from a heading label and keeps the span on the term text', () => {
    const text = md('##### **HTTP/2**', '- Binary framing over TCP.');
    const http2 = entry(parse(text), 'HTTP/2');
    expect(labelText(text, http2)).toBe('HTTP/2');
    expect(http2.definition).toBe('- Binary framing over TCP.');
  });

  it('reads a translation in parentheses and an expansion after a dash as aliases', () => {
    const result = parse(md('## Latency (Задержка)', 'Time per operation.', '', '## SLI – Service Level Indicator', 'A measure.'));
    expect(entry(result, 'Latency').aliases).toEqual(['Задержка']);
    expect(entry(result, 'SLI').aliases).toEqual(['Service Level Indicator']);
  });

  it('treats a heading over term headings as a section, not a term', () => {
    const result = parse(md('#### HTTP versions', '##### HTTP/3', 'Runs over QUIC.', '', '##### HTTP/2', 'Multiplexed.'));
    expect(terms(result)).toEqual(['HTTP/3', 'HTTP/2']);
    expect(entry(result, 'HTTP/3').section).toEqual(['HTTP versions']);
  });

  it('treats a heading whose body opens with bold definitions as a section', () => {
    const result = parse(md('#### Networking', '', '**DNS** resolves names.', '**TCP** delivers bytes.'));
    expect(terms(result)).toEqual(['DNS', 'TCP']);
    expect(entry(result, 'TCP').section).toEqual(['Networking']);
  });

  it('treats a letter heading over a list of bold terms as a section', () => {
    const result = parse(md('## B', '', '- **Backoff** – waiting longer between retries.', '- **Bulkhead**: isolating failures.'));
    expect(terms(result)).toEqual(['Backoff', 'Bulkhead']);
    expect(entry(result, 'Backoff')).toMatchObject({ section: ['B'], definition: 'waiting longer between retries.' });
  });

  it('keeps a term heading whose body is metadata and a list of bold sub-terms', () => {
    const result = parse(md('## HTTP/2', 'Aliases: HTTP2', '', '- **Multiplexing**: Many streams.', '- **Server push**: Unasked responses.'));
    expect(terms(result)).toEqual(['HTTP/2', 'Multiplexing', 'Server push']);
    expect(entry(result, 'Server push').section).toEqual(['HTTP/2']);
  });

  it('strips emoji and numbering from section names', () => {
    const result = parse(md('## 🧵 1. **Concurrency Terms**', '', '**Thread** is a unit of execution.'));
    expect(entry(result, 'Thread').section).toEqual(['Concurrency Terms']);
  });
});

describe('bold-only pseudo-headings', () => {
  it('defines a term up to the next thematic break', () => {
    const text = md('**Latency (Задержка)**', '', '**Что это:**', 'Время ответа.', '', '**Пример:**', '200 ms.', '', '---', '', 'Unrelated text.');
    const latency = entry(parse(text), 'Latency');
    expect(latency.aliases).toEqual(['Задержка']);
    expect(latency.definition).toBe('**Что это:**\nВремя ответа.\n\n**Пример:**\n200 ms.');
    expect(latency.source).toMatchObject({ startLine: 0, endLine: 6 });
    expect(terms(parse(text))).toEqual(['Latency']);
  });

  it('reads a numbered bold label with an expansion, and ends it at the next bold-only term', () => {
    const text = md(' **1. SLI – Service Level Indicator**', '- A measure.', '', '**2. SLO – Service Level Objective**', '- A target.');
    const result = parse(text);
    expect(terms(result)).toEqual(['SLI', 'SLO']);
    expect(entry(result, 'SLI').definition).toBe('- A measure.');
    expect(labelText(text, entry(result, 'SLI'))).toBe('SLI – Service Level Indicator');
  });

  it('ignores a structural bold label such as Relationship Summary and its table', () => {
    const result = parse(md('**Relationship Summary**', '', '| Term | Purpose |', '| --- | --- |', '| **SLI** | What you measure |'));
    expect(result.entries).toEqual([]);
  });
});

describe('bold-led paragraphs', () => {
  it('reads each bold-led line of one paragraph as its own entry', () => {
    const text = md('**Dependency Injection** is a style of object configuration.', '**Monkey Patch** modifies code at run time.', 'It is risky.');
    const result = parse(text);
    expect(terms(result)).toEqual(['Dependency Injection', 'Monkey Patch']);
    expect(entry(result, 'Dependency Injection').source).toMatchObject({ startLine: 0, endLine: 0 });
    expect(entry(result, 'Monkey Patch').definition).toBe('**Monkey Patch** modifies code at run time.\nIt is risky.');
    expect(entry(result, 'Monkey Patch').source).toMatchObject({ startLine: 1, endLine: 2 });
  });

  it('reads a parenthetical inside or right after the bold as an alias', () => {
    const result = parse(md(
      '**REST (Representational State Transfer)** is an architecture.',
      '**WSGI** (Web Server Gateway Interface) is a standard.',
      '**CNAME** (Canonical Name record) maps one domain name to another.',
      '**Continuous Integration (CI)** runs tests on every commit.',
    ));
    expect(entry(result, 'REST').aliases).toEqual(['Representational State Transfer']);
    expect(entry(result, 'WSGI').aliases).toEqual(['Web Server Gateway Interface']);
    expect(entry(result, 'CNAME').aliases).toEqual(['Canonical Name record']);
    expect(entry(result, 'Continuous Integration').aliases).toEqual(['CI']);
  });

  it('reads a parenthetical alias that wraps onto the next line as a one-line name', () => {
    const result = parse(md('- **WSGI** (Web Server', '  Gateway Interface): a standard.', '- **REST** (Representational\r\n  State Transfer): a style.'));
    expect(entry(result, 'WSGI').aliases).toEqual(['Web Server Gateway Interface']);
    expect(entry(result, 'REST').aliases).toEqual(['Representational State Transfer']);
  });

  it('takes the list after a line ending with a colon into the definition', () => {
    const result = parse(md('**REST** is based on six principles:', '- Stateless', '- Cacheable', '', 'Other prose.'));
    expect(entry(result, 'REST').definition).toBe('**REST** is based on six principles:\n- Stateless\n- Cacheable');
  });

  it('reads the more specific name in parentheses as the term', () => {
    const result = parse(md('##### **HTTP (HTTP/1.1)**', 'Text-based protocol.'));
    expect(entry(result, 'HTTP/1.1').aliases).toEqual(['HTTP']);
  });
});

describe('bold list items', () => {
  it('reads `- **Term**: definition` items with the definition after the colon', () => {
    const text = md('Version control:', '', '- **Merge**: Combines changes.', '- **Rebase**: Rewrites history.', '- plain item');
    const result = parse(text);
    expect(terms(result)).toEqual(['Merge', 'Rebase']);
    expect(entry(result, 'Merge').definition).toBe('Combines changes.');
    expect(entry(result, 'Rebase').source).toMatchObject({ startLine: 3, endLine: 3 });
    expect(labelText(text, entry(result, 'Rebase'))).toBe('Rebase');
  });

  it('does not take a status code in parentheses for an alias', () => {
    const result = parse(md('- **Authentication (401 - Unauthorized)**: Verifies identity.', '- **Sorting (e.g. quicksort)**: Orders items.'));
    expect(entry(result, 'Authentication').aliases).toEqual([]);
    expect(entry(result, 'Sorting').aliases).toEqual([]);
  });

  it('reads nested items under a parent term as its sub-entries, skipping structural labels', () => {
    const text = md(
      '##### **HTTP/2**',
      '- **What it is**: A binary protocol.',
      '- **Key features**:',
      '  - **Multiplexing**: Many streams on one connection.',
      '  - **No head-of-line blocking**: A claim, not a name.',
      '- **Pros**: Fast.',
      '- **Examples**:',
      '  - **Nginx**: serves HTTP/2.',
    );
    const result = parse(text);
    expect(terms(result)).toEqual(['HTTP/2', 'Multiplexing']);
    expect(entry(result, 'Multiplexing').section).toEqual(['HTTP/2']);
    expect(entry(result, 'HTTP/2').definition).toContain('**Key features**');
  });

  it('drops a nested mention of a term defined at the top level of the file', () => {
    const result = parse(md(
      '**SLI**', '- **Latency**: share of fast requests.', '- **Saturation**: how full the service is.', '', '---', '',
      '**Latency**', 'Time per operation.',
    ));
    expect(terms(result)).toEqual(['SLI', 'Saturation', 'Latency']);
    expect(entry(result, 'Latency').definition).toBe('Time per operation.');
  });
});

describe('tables', () => {
  it('reads rows whose first cell is bold, skipping the header row', () => {
    const text = md('| Concept | Description |', '| --- | --- |', '| **Concurrency** | Tasks **progress** independently. |', '| plain | not a term |', '| **Parallelism** | Tasks run at once. |');
    const result = parse(text);
    expect(terms(result)).toEqual(['Concurrency', 'Parallelism']);
    expect(entry(result, 'Concurrency').definition).toBe('Tasks **progress** independently.');
    expect(entry(result, 'Parallelism').source).toMatchObject({ startLine: 4, endLine: 4 });
    expect(labelText(text, entry(result, 'Parallelism'))).toBe('Parallelism');
  });

  it('renders the other cells of a wide row as header and cell pairs', () => {
    const result = parse(md('| Term | Purpose | Example |', '| --- | --- | --- |', '| **SLO** | A target | 99.9% |'));
    expect(entry(result, 'SLO').definition).toBe('- **Purpose**: A target\n- **Example**: 99.9%');
  });
});

describe('definition lists, abbreviations and front matter', () => {
  it('reads `Term` followed by `: definition` lines', () => {
    const text = md('Idempotence', ': Repeating the call changes nothing.', 'Commutativity', ': Order does not matter.');
    const result = parse(text);
    expect(terms(result)).toEqual(['Idempotence', 'Commutativity']);
    expect(entry(result, 'Idempotence').definition).toBe('Repeating the call changes nothing.');
    expect(entry(result, 'Commutativity').source.startLine).toBe(2);
  });

  it('reads a definition list with a blank line between term and definition', () => {
    const result = parse(md('Idempotence', '', ': Repeating the call changes nothing.'));
    expect(entry(result, 'Idempotence').definition).toBe('Repeating the call changes nothing.');
  });

  it('reads `*[HTML]: ...` abbreviation lines', () => {
    const text = md('*[HTML]: Hyper Text Markup Language', '*[CSS]: Cascading Style Sheets');
    const result = parse(text);
    expect(terms(result)).toEqual(['HTML', 'CSS']);
    expect(entry(result, 'HTML').aliases).toEqual(['Hyper Text Markup Language']);
    expect(entry(result, 'CSS').definition).toBe('Cascading Style Sheets');
    expect(labelText(text, entry(result, 'CSS'))).toBe('CSS');
  });

  it('reads a one-term file from its front matter, taking the body without its H1 as the definition', () => {
    const text = md('---', 'title: Idempotence', 'aliases: [idempotent, idempotency]', 'tags: math, http', 'see-also: [Retry]', '---', '# Idempotence', '', 'Doing it twice equals doing it once.', '', '## Examples', 'PUT requests.');
    const result = parse(text);
    expect(result.entries).toHaveLength(1);
    const found = result.entries[0];
    expect(found).toMatchObject({ term: 'Idempotence', aliases: ['idempotent', 'idempotency'], tags: ['math', 'http'], seeAlso: ['Retry'], section: [] });
    expect(found.definition).toBe('Doing it twice equals doing it once.\n\n## Examples\nPUT requests.');
    expect(labelText(text, found)).toBe('Idempotence');
    expect(found.source.startLine).toBe(6);
  });

  it('takes the term of a front matter file from the first H1 when the front matter names none', () => {
    const result = parse(md('---', 'aliases: CAP', '---', '# CAP theorem', 'Pick two.'));
    expect(result.entries[0]).toMatchObject({ term: 'CAP theorem', aliases: ['CAP'], definition: 'Pick two.' });
  });

  it('reads a one-term file whose heading or front matter spells the name over several lines as a one-line name', () => {
    const setext = parse(md('---', 'aliases: [REST API]', '---', 'Representational', 'State Transfer', '===', 'An architectural style.'));
    expect(setext.entries[0]).toMatchObject({ term: 'Representational State Transfer', aliases: ['REST API'] });
    const folded = parse(md('---', 'term: |', '  Representational', '  State Transfer', 'aliases: |', '  REST', '  API', '---', 'An architectural style.'));
    expect(folded.entries[0]).toMatchObject({ term: 'Representational State Transfer', aliases: ['REST API'] });
  });

  it('reads front matter with unknown YAML tags without writing warnings to the process', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(parse(md('---', 'aliases: [!odd REST]', '---', '# Representational State Transfer')).entries[0]?.term).toBe('Representational State Transfer');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reports front matter that is not valid YAML and still reads the body', () => {
    const result = parse(md('---', 'aliases: [unclosed', '---', '## Term', 'Text.'));
    expect(result.problems.map((problem) => problem.code)).toEqual(['invalid-front-matter']);
    expect(terms(result)).toEqual(['Term']);
  });
});

describe('metadata lines', () => {
  it('reads the canonical authoring format exactly', () => {
    const text = md(
      '# Web Development and Networking',
      '',
      '## REST',
      'Aliases: Representational State Transfer',
      'Tags: web, architecture',
      'See also: HTTP/2, gRPC',
      'Case: sensitive',
      '',
      'REST is a web service architecture.',
      '',
      '| Constraint | Meaning |',
      '| --- | --- |',
      '| Stateless | No session on the server |',
      '',
      '```http',
      'GET /users/1',
      '```',
      '',
      '## gRPC',
      'Aliases: gRPC Remote Procedure Calls',
      '',
      'A remote procedure call framework.',
    );
    const result = parse(text);
    expect(result.problems).toEqual([]);
    expect(terms(result)).toEqual(['REST', 'gRPC']);
    const rest = entry(result, 'REST');
    expect(rest).toMatchObject({
      id: `${URI}#rest`,
      aliases: ['Representational State Transfer'],
      tags: ['web', 'architecture'],
      seeAlso: ['HTTP/2', 'gRPC'],
      caseMode: 'sensitive',
      section: ['Web Development and Networking'],
    });
    expect(rest.definition).toBe(md('REST is a web service architecture.', '', '| Constraint | Meaning |', '| --- | --- |', '| Stateless | No session on the server |', '', '```http', 'GET /users/1', '```'));
    expect(rest.source).toMatchObject({ startLine: 2, endLine: 16 });
    expect(labelText(text, rest)).toBe('REST');
    expect(entry(result, 'gRPC').caseMode).toBeUndefined();
  });

  it('reads aliases from an HTML comment and see-also from the last paragraph', () => {
    const result = parse(md('## JWT', '<!-- aliases: JSON Web Token -->', 'A signed token.', '', 'See also: JWK, JWS'));
    expect(entry(result, 'JWT')).toMatchObject({ aliases: ['JSON Web Token'], seeAlso: ['JWK', 'JWS'], definition: 'A signed token.' });
  });

  it('reads metadata on the lines right after a bold label', () => {
    const result = parse(md('**Idempotence** means repeating changes nothing.', 'Aliases: idempotent', 'Case: insensitive'));
    expect(entry(result, 'Idempotence')).toMatchObject({ aliases: ['idempotent'], caseMode: 'insensitive', definition: '**Idempotence** means repeating changes nothing.' });
  });

  it('leaves a Case line with an unknown value in the definition', () => {
    const result = parse(md('## Term', 'Case: study of something', 'Text.'));
    expect(entry(result, 'Term').caseMode).toBeUndefined();
    expect(entry(result, 'Term').definition).toBe('Case: study of something\nText.');
  });
});

describe('composite labels', () => {
  it('splits "A and B" into two entries sharing the definition', () => {
    const text = md('**Gunicorn and Uvicorn** are application servers.', '**I/O Bound, CPU Bound** tasks are limited by I/O or CPU.');
    const result = parse(text);
    expect(terms(result)).toEqual(['Gunicorn', 'Uvicorn', 'I/O Bound', 'CPU Bound']);
    expect(entry(result, 'Uvicorn').definition).toBe(entry(result, 'Gunicorn').definition);
    expect(labelText(text, entry(result, 'Uvicorn'))).toBe('Uvicorn');
  });

  it('reads a composite label over a list of its items as a group, not an entry', () => {
    const result = parse(md('**Rebase, Merge, Cherry Pick**:', '- **Merge**: Joins.', '- **Rebase**: Replays.', '- **Cherry Pick**: Copies.', '', '**POSIX & SUS**:', '- **POSIX** (Portable Operating System Interface) is a standard.', '- **SUS** is another.'));
    expect(terms(result)).toEqual(['Merge', 'Rebase', 'Cherry Pick', 'POSIX', 'SUS']);
    expect(entry(result, 'POSIX').aliases).toEqual(['Portable Operating System Interface']);
    expect(entry(result, 'SUS').section).toEqual(['POSIX & SUS']);
  });

  it('keeps a single noun phrase over a list as an entry of its own', () => {
    const result = parse(md('**Cache Eviction Algorithms**:', '- **LRU (Least Recently Used)**: Discards the oldest use.', '- **LFU (Least Frequently Used)**: Discards the rarest use.'));
    expect(terms(result)).toEqual(['Cache Eviction Algorithms', 'LRU', 'LFU']);
    expect(entry(result, 'Cache Eviction Algorithms').definition).toContain('- **LRU (Least Recently Used)**');
    expect(entry(result, 'LFU').section).toEqual(['Cache Eviction Algorithms']);
  });

  it('does not split names whose parts are not names', () => {
    const result = parse(md('**Build and deploy pipeline** is a CI job.', '**Keep It Simple, Stupid (KISS)** is a principle.'));
    expect(terms(result)).toEqual(['Build and deploy pipeline', 'Keep It Simple, Stupid']);
    expect(entry(result, 'Keep It Simple, Stupid').aliases).toEqual(['KISS']);
  });
});

describe('structural and narrative labels', () => {
  it('yields nothing from how-to, question and structural headings, but keeps them in an enclosing definition', () => {
    const text = md(
      '## HTTP/3',
      'Runs over QUIC.',
      '',
      '### Method 1: Check Browser Version',
      '- **Google Chrome**: Supported since 87.',
      '',
      '### Troubleshooting',
      '- **Force HTTP/3**: Use flags.',
      '',
      '### Does it work on mobile?',
      '**Safari** supports it.',
    );
    const result = parse(text);
    expect(terms(result)).toEqual(['HTTP/3']);
    expect(entry(result, 'HTTP/3').definition).toContain('- **Google Chrome**: Supported since 87.');
    expect(entry(result, 'HTTP/3').definition.endsWith('**Safari** supports it.')).toBe(true);
  });

  it('treats numbered headings without an expansion as steps or use cases', () => {
    const result = parse(md('## gRPC Use Cases', '### 1. Microservices Communication', '- **Scenario**: Many services.', '- **Protobuf**: Smaller payloads.', '### 2. SLA – Service Level Agreement', 'A contract.'));
    expect(terms(result)).toEqual(['SLA']);
  });

  it('reads steps and how-to headings as narrative even when they hold bold labels', () => {
    const result = parse(md('# Kubernetes notes', '', '## Pod', 'The smallest unit.', '', '## Steps to deploy', '1. **Build**: docker build', '', '## Reasons to Choose Kubernetes', '- **Scale**: many nodes.'));
    expect(terms(result)).toEqual(['Pod']);
  });

  it('does not read claims or long labels as terms', () => {
    const result = parse(md('- **Faster connection setup**: 0-RTT.', '- **No head-of-line blocking**: Streams are independent.', '- **This is a very long bold sentence that is no name**: text.', '- **Better for shaky networks**: QUIC.'));
    expect(result.entries).toEqual([]);
  });

  it('does not read bold text inside block quotes or after an emoji as a term', () => {
    const result = parse(md('> 💡 **SLIs are raw metrics.**', '', '🔸 You can have **concurrency without parallelism**.'));
    expect(result.entries).toEqual([]);
  });
});

describe('ids, problems and robustness', () => {
  it('makes ids unique within the file by suffixing repeats', () => {
    const result = parse(md('## Token', 'One.', '## Token', 'Two.', '## Token', 'Three.'));
    expect(result.entries.map((found) => found.id)).toEqual([`${URI}#token`, `${URI}#token-2`, `${URI}#token-3`]);
  });

  it('keeps a term heading without a definition as an entry with an empty definition', () => {
    const text = md('## Empty', '', '## Full', 'Text.');
    const result = parse(text);
    expect(result.problems).toEqual([]);
    expect(entry(result, 'Empty')).toMatchObject({ definition: '', source: { startLine: 0, endLine: 0 } });
    expect(labelText(text, entry(result, 'Empty'))).toBe('Empty');
  });

  it('counts offsets in UTF-16 code units and lines with CRLF endings', () => {
    const text = '# Ω 🚀 Section\r\n\r\n**Тест** — проверка.\r\n**Émoji 😀** is fun.\r\n';
    const result = parse(text);
    expect(terms(result)).toEqual(['Тест', 'Émoji']);
    expect(labelText(text, entry(result, 'Émoji'))).toBe('Émoji');
    expect(entry(result, 'Émoji').source.startLine).toBe(3);
    expect(entry(result, 'Тест').definition).toBe('проверка.');
  });

  it('refuses binary text and text over the size limit with a problem', () => {
    expect(parse('## A\u0000B').problems.map((problem) => problem.code)).toEqual(['binary-file']);
    const huge = parse('x'.repeat(MAX_GLOSSARY_LENGTH + 1));
    expect(huge.entries).toEqual([]);
    expect(huge.problems.map((problem) => problem.code)).toEqual(['file-too-large']);
  });

  it('reads a file with classic Mac line ends (a lone CR) like one with LF line ends', () => {
    const text = '**REST** is a style.\r**gRPC** is a framework.\r\r## ETag\rAn identifier.\r';
    const result = parse(text);
    expect(terms(result)).toEqual(['REST', 'gRPC', 'ETag']);
    expect(entry(result, 'ETag').source).toMatchObject({ startLine: 3, endLine: 4 });
    expect(labelText(text, entry(result, 'gRPC'))).toBe('gRPC');
  });

  it('keeps reading headings after a paragraph that opens with inline HTML under a narrative heading', () => {
    expect(terms(parse(md('## How to check', '', '<b>Note</b> that it works.', '## REST', 'An architectural style.')))).toEqual(['REST']);
  });

  it('does not take a fence indented four spaces for the end of a code block', () => {
    expect(terms(parse(md('## How to check', '', '```', '    ```', '## Not a heading', '```', '', '## REST', 'An architectural style.')))).toEqual(['REST']);
  });

  it('reads lines nested deeper than 32 lists or quotes as text, quickly and without failing', () => {
    const quotes = `${'>'.repeat(100_000)} x\n\n## REST\nA style.`;
    const lists = Array.from({ length: 400 }, (_, depth) => `${'  '.repeat(depth)}- **T${depth}**: x`).join('\n');
    // Unbounded, the quotes alone took 215 s: the test's time limit catches that coming back.
    for (const text of [quotes, lists, `${'- '.repeat(50_000)}x`]) expect(parse(text).problems).toEqual([]);
    expect(terms(parse(quotes))).toEqual(['REST']);
    expect(terms(parse(lists))).toContain('T31');
  });

  it('gives a name that is nothing but numbering a label span on it', () => {
    const text = md('Steps', '1. ', ': The first one.');
    const result = parse(text);
    expect(terms(result)).toEqual(['1.']);
    expect(labelText(text, result.entries[0]!)).toBe('1.');
  });

  it('reads a paragraph of hundreds of thousands of brackets quickly, and links in long linked tables and lists', () => {
    // Unbounded, this took minutes: the test's time limit catches that coming back.
    expect(terms(parse(`${'[a]('.repeat(100_000)}\n\n## REST\nA style.`))).toEqual(['REST']);
    const rows = Array.from({ length: 1500 }, (_, i) => `| **[T${i}](https://example.com/${i})** | Meaning ${i}. |`);
    expect(terms(parse(md('| Term | Meaning |', '|---|---|', ...rows))).at(-1)).toBe('T1499');
    const items = Array.from({ length: 1500 }, (_, i) => `- **[T${i}](https://example.com/${i})**: Meaning ${i}.`);
    expect(terms(parse(items.join('\n'))).at(-1)).toBe('T1499');
  });

  it('reads an Aliases line of hundreds of thousands of names without failing', () => {
    const names = Array.from({ length: 300_000 }, (_, i) => `n${i}`).join(', ');
    const result = parse(md('## REST', 'A style.', `Aliases: ${names}`));
    expect(result.problems).toEqual([]);
    expect(entry(result, 'REST').aliases).toHaveLength(300_000);
  });

  it('counts a byte order mark at the start of the file in every offset', () => {
    const text = '\uFEFF## ETag\nAn identifier.\n\n- **JWT**: A token.\n';
    const result = parse(text);
    expect(result.entries.map((found) => labelText(text, found))).toEqual(['ETag', 'JWT']);
    const front = '\uFEFF---\nterm: Idempotence\n---\nDoing it twice equals doing it once.\n';
    expect(parse(front).entries.map((found) => [found.term, labelText(front, found)])).toEqual([['Idempotence', 'Idempotence']]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', '**', '**a**', '# ', '|a|\n|-|\n|**b**|', '---\n---', '- **x**:', ':\n:', '*[]: x', '```\n# not a heading']) {
      expect(() => parse(text), JSON.stringify(text)).not.toThrow();
    }
    expect(terms(parse('```\n## Not a term\n```'))).toEqual([]);
  });

  it('returns entries with ids, spans and lines inside the text for any markdown-like input', () => {
    const token = fc.constantFrom('\n', '\n\n', '\r\n', '# ', '## ', '##### ', '**', '**Term**', '**A and B**', ': ', '- ', '  - ', '1. ',
      '| ', ' |', '|---|---|', '---', '```', '~~~', '<!-- aliases: x -->', 'Aliases: a, b', 'See also: c', 'Case: sensitive', '*[X]: y',
      '(', ')', ' – ', 'word ', 'How ', 'Pros', '😀', 'é', '\t', '> ');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
      const text = tokens.join('');
      const result = parse(text);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      expect(new Set(result.entries.map((found) => found.id)).size).toBe(result.entries.length);
      for (const found of result.entries) {
        expect(found.term).not.toBe('');
        expect(found.source.labelSpan.start).toBeGreaterThanOrEqual(0);
        expect(found.source.labelSpan.end).toBeLessThanOrEqual(text.length);
        expect(found.source.labelSpan.start).toBeLessThanOrEqual(found.source.labelSpan.end);
        expect(found.source.startLine).toBeLessThanOrEqual(found.source.endLine);
        expect(found.source.endLine).toBeLessThan(lineCount);
      }
    }), { numRuns: 300 });
  });

  it('parses a text of over a megabyte in pieces with the same entries, offsets and lines', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(16);
    const section = (n: number) => md(`## Term ${n}`, `Definition ${n}. ${filler}`, '', '```md', '# not a heading', '```', '', `**Bold ${n}** is bold.`, '', '### Troubleshooting', '- **Hidden**: no.', '');
    const text = Array.from({ length: 1_100 }, (_, n) => section(n)).join('\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = parse(text);
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(2_200);
    const last = entry(result, 'Bold 1099');
    expect(labelText(text, last)).toBe('Bold 1099');
    expect(last.section).toEqual(['Term 1099']);
    expect(text.split('\n')[last.source.startLine]).toBe('**Bold 1099** is bold.');
    expect(entry(result, 'Term 1099').definition).toContain('# not a heading');
    expect(entry(result, 'Term 1099').definition.endsWith('- **Hidden**: no.')).toBe(true);
  });
});

describe('document titles and metadata placement', () => {
  it('reads a title that looks like a claim or a structural word as a section over its terms', () => {
    for (const title of ['More', 'Notes', 'Summary', 'Glossary']) {
      const result = parse(md(`# ${title}`, '', '## Red Sprocket', '', 'A part of a machine.'));
      expect(terms(result)).toEqual(['Red Sprocket']);
    }
    expect(entry(parse(md('# Notes', '', '## Red Sprocket', '', 'A part.')), 'Red Sprocket').section).toEqual(['Notes']);
  });

  it('reads a level-1 title with an introduction over bold-led entries as a section, not a term', () => {
    const result = parse(md('# Team terms', '', 'These are our terms.', '', '**Backoff** is waiting longer each time.', '**Jitter** is random noise.'));
    expect(terms(result)).toEqual(['Backoff', 'Jitter']);
    expect(entry(result, 'Jitter').section).toEqual(['Team terms']);
  });

  it('keeps a level-1 term whose own list holds sub-entries', () => {
    const result = parse(md('# Backoff', '', 'Waiting longer each time.', '', '- **Exponential**: doubles.', '- **Linear**: adds.'));
    expect(terms(result)).toEqual(['Backoff', 'Exponential', 'Linear']);
  });

  it('reads a term heading named like a structural word, such as Context, as a term', () => {
    const result = parse(md('# Domain', '', '## Context', 'Aliases: bounded context', '', 'The setting a model applies in.'));
    expect(terms(result)).toEqual(['Context']);
    expect(entry(result, 'Context').aliases).toEqual(['bounded context']);
  });

  it('reads alias lines and alias comments right under bold-led entries', () => {
    const result = parse(md('**Backoff** is waiting longer.', '<!-- aliases: exponential backoff -->', '', '**Jitter**: randomness', 'Aliases: noise'));
    expect(entry(result, 'Backoff').aliases).toEqual(['exponential backoff']);
    expect(entry(result, 'Backoff').definition).toBe('**Backoff** is waiting longer.');
    expect(entry(result, 'Jitter').aliases).toEqual(['noise']);
    expect(entry(result, 'Jitter').definition).toBe('randomness');
  });
});
