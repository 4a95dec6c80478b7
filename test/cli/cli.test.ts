import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI; resolves with its exit code and output whatever the code is. */
function run(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    // Parses are cached per test run, never in the user's home.
    const env = { ...process.env, GLOSSARY_LENS_CACHE: path.join(tmp, 'cache') };
    execFile(process.execPath, [cli, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let tmp: string;
let teamGlossary: string;

const TEAM_GLOSSARY = `# Team

## Flux Capacitor
Aliases: flux cap
Tags: time

What makes time travel possible.

## ETag
Aliases: entity tag

Our CDN keeps one per asset.
`;

beforeAll(async () => {
  // `npm test` builds first; a bare `vitest` run may not have.
  await ensureBuilt();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'glossary-lens-cli-'));
  teamGlossary = path.join(tmp, 'team.md');
  await fs.writeFile(teamGlossary, TEAM_GLOSSARY);
}, 60_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('define', () => {
  it('prints a shipped entry and exits 0', async () => {
    const { code, stdout } = await run(['define', 'ETag']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ETag\n/);
    expect(stdout).toMatch(/Source: +.*glossary[/\\]web\.md:\d+/);
  });

  it('finds a term by an alias, ignoring case', async () => {
    const { code, stdout } = await run(['define', 'entity', 'TAG']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ETag\n/);
  });

  it('exits 1 with suggestions on stderr for an unknown term', async () => {
    const { code, stdout, stderr } = await run(['define', 'chery pik']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^no such term: chery pik\ndid you mean: Cherry Pick\b/);
  });

  it('prints every glossary’s entry as a JSON array, the given glossaries first', async () => {
    const { code, stdout } = await run(['define', 'etag', '--json', '--glossary', teamGlossary]);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { term: string; source: { file: string; line: number } }[];
    expect(entries.map((entry) => entry.term)).toEqual(['ETag', 'ETag']);
    expect(entries[0].source).toEqual({ file: teamGlossary, line: 9 });
    expect(entries[1].source.file).toMatch(/glossary[/\\]web\.md$/);
  });
});

describe('search', () => {
  it('ranks Cherry Pick first for a misspelt query', async () => {
    const { code, stdout } = await run(['search', 'chery', 'pik', '--json', '--limit', '3']);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as { term: string; score: number }[];
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]).toMatchObject({ term: 'Cherry Pick' });
    expect(Object.keys(hits[0]).sort()).toEqual(['aliases', 'score', 'section', 'source', 'term']);
  });

  it('prints one line per hit', async () => {
    const { code, stdout } = await run(['search', 'etag']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ETag \(.*\) — .*\[.*web\.md:\d+\]$/);
  });

  it('exits 1 when nothing matches', async () => {
    const { code, stdout, stderr } = await run(['search', 'qzxjvwk', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toBe('no results for: qzxjvwk\n');
  });
});

describe('list', () => {
  it('prints every entry as JSON with 1-based lines pointing at the label', async () => {
    const { code, stdout } = await run(['list', '--json']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { term: string; aliases: string[]; definition: string; section: string[]; source: { file: string; line: number } }[];
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      expect(entry).toEqual({
        term: expect.any(String),
        aliases: expect.any(Array),
        definition: expect.any(String),
        section: expect.any(Array),
        tags: expect.any(Array),
        seeAlso: expect.any(Array),
        source: { file: expect.any(String), line: expect.any(Number) },
      });
    }
    const etag = entries.find((entry) => entry.term === 'ETag')!;
    const lines = (await fs.readFile(etag.source.file, 'utf8')).split('\n');
    expect(lines[etag.source.line - 1]).toBe('## ETag');
  });

  it('reads only the given glossary with --no-builtin, skipping README.md in a folder', async () => {
    const folder = path.join(tmp, 'glossaries');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'team.md'), TEAM_GLOSSARY);
    await fs.writeFile(path.join(folder, 'README.md'), '# About\n\n## Not A Term\n\nDocumentation.\n');
    const { code, stdout } = await run(['list', '--json', '--no-builtin', '--glossary', folder]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { term: string }[]).map((entry) => entry.term)).toEqual(['Flux Capacitor', 'ETag']);
    expect((await run(['define', 'Cherry Pick', '--no-builtin', '-g', folder])).code).toBe(1);
  });
});

describe('scan', () => {
  it('reports an occurrence with 1-based line and columns and an exclusive end', async () => {
    const file = path.join(tmp, 'store.ts');
    await fs.writeFile(file, 'import { load } from "./load";\n\nconst etagCache = new Map<string, string>();\nexport function restore() {}\n');
    const { code, stdout } = await run(['scan', file, '--json']);
    expect(code).toBe(0);
    const occurrences = JSON.parse(stdout) as { line: number; text: string; term: string }[];
    expect(occurrences).toContainEqual({ file, line: 3, column: 7, endLine: 3, endColumn: 11, text: 'etag', term: 'ETag' });
    expect(occurrences.filter((occurrence) => occurrence.line === 4)).toEqual([]);
  });

  it('prints grep-like lines', async () => {
    const file = path.join(tmp, 'note.txt');
    await fs.writeFile(file, 'Time travel\nneeds a flux capacitor.\n');
    const { code, stdout } = await run(['scan', file, '--no-builtin', '-g', teamGlossary]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${file}:2:9: flux capacitor → Flux Capacitor\n`);
  });

  it('walks folders, skipping node_modules, .git, binary and very large files', async () => {
    const project = path.join(tmp, 'project');
    await fs.mkdir(path.join(project, 'src'), { recursive: true });
    await fs.mkdir(path.join(project, 'node_modules', 'dep'), { recursive: true });
    await fs.mkdir(path.join(project, '.git'), { recursive: true });
    await fs.writeFile(path.join(project, 'src', 'a.ts'), 'const fluxCap = 1;\n');
    await fs.writeFile(path.join(project, 'node_modules', 'dep', 'index.js'), 'flux capacitor\n');
    await fs.writeFile(path.join(project, '.git', 'notes'), 'flux capacitor\n');
    await fs.writeFile(path.join(project, 'image.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from('flux capacitor')]));
    await fs.writeFile(path.join(project, 'big.log'), `flux capacitor\n${'x'.repeat(2 * 1024 * 1024)}`);
    const { code, stdout, stderr } = await run(['scan', project, '--json', '--no-builtin', '-g', teamGlossary]);
    expect(code).toBe(0);
    const files = (JSON.parse(stdout) as { file: string }[]).map((occurrence) => path.relative(project, occurrence.file));
    expect(files).toEqual([path.join('src', 'a.ts')]);
    expect(stderr).toMatch(/^skipped .*big\.log: too large/m);
    expect(stderr).not.toMatch(/image\.png/);
  });

  it('exits 1 when no term occurs', async () => {
    const file = path.join(tmp, 'plain.txt');
    await fs.writeFile(file, 'nothing to see\n');
    const { code, stdout } = await run(['scan', file, '--json', '--no-builtin', '-g', teamGlossary]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate']],
    [[]],
    [['define']],
    [['search', 'x', '--limit', 'ten']],
    [['list', '--bogus']],
    [['list', '--limit', '3']],
    [['scan', '/no/such/path']],
    [['list', '--glossary', '/no/such/glossary.md']],
    [['list', '--no-builtin']],
  ])('exits 2 with a message on stderr for %j', async (args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints usage for --help and the version for --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: glossary-lens/);
    const version = await run(['--version']);
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('parse cache', () => {
  it('keeps parsed glossaries between runs and reads the edited file again after an edit', async () => {
    const glossary = path.join(tmp, 'cached.md');
    await fs.writeFile(glossary, '# Cached\n\n## Warp Drive\n\nFaster than light.\n');
    const first = await run(['define', 'warp drive', '--glossary', glossary, '--no-builtin']);
    expect(first.stdout).toContain('Faster than light.');
    const cached = await fs.readdir(path.join(tmp, 'cache'));
    expect(cached.some((name) => name.endsWith('.json'))).toBe(true);

    const second = await run(['define', 'warp drive', '--glossary', glossary, '--no-builtin']);
    expect(second.stdout).toBe(first.stdout);

    await fs.writeFile(glossary, '# Cached\n\n## Warp Drive\n\nSlower than light after all.\n');
    const edited = await run(['define', 'warp drive', '--glossary', glossary, '--no-builtin']);
    expect(edited.stdout).toContain('Slower than light after all.');
    const uncached = await run(['define', 'warp drive', '--glossary', glossary, '--no-builtin', '--no-cache']);
    expect(uncached.stdout).toBe(edited.stdout);
  });
});
