import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinGlossaryDir, listFiles, listMarkdownFiles, loadGlossaries, readTextFile } from '../../server/src/node/glossaryFiles';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'glossary-lens-files-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(relative: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(tmp, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

describe('builtinGlossaryDir', () => {
  it('finds the shipped glossary folder when running from source', () => {
    const dir = builtinGlossaryDir();
    expect(path.basename(dir)).toBe('glossary');
    expect(existsSync(path.join(dir, '..', 'package.json'))).toBe(true);
  });
});

describe('listMarkdownFiles', () => {
  it('lists a folder’s markdown files recursively and sorted, without READMEs, dependencies or .git', async () => {
    await write('b.md', '');
    await write('a/c.md', '');
    await write('a/README.md', '');
    await write('notes.txt', '');
    await write('node_modules/pkg/x.md', '');
    await write('.git/y.md', '');
    expect(await listMarkdownFiles(tmp)).toEqual([path.join(tmp, 'a', 'c.md'), path.join(tmp, 'b.md')]);
  });

  it('gives a file itself, and nothing for a missing path', async () => {
    const file = await write('README.md', '');
    expect(await listMarkdownFiles(file)).toEqual([file]);
    expect(await listMarkdownFiles(path.join(tmp, 'missing'))).toEqual([]);
  });

  it('survives a symbolic-link loop', async () => {
    await write('sub/a.md', '');
    await fs.symlink(tmp, path.join(tmp, 'sub', 'loop'), 'dir');
    expect(await listMarkdownFiles(tmp)).toEqual([path.join(tmp, 'sub', 'a.md')]);
  });

  it('lists every file when no filter is given', async () => {
    await write('x.bin', '');
    await write('y/z.ts', '');
    expect(await listFiles(tmp)).toEqual([path.join(tmp, 'x.bin'), path.join(tmp, 'y', 'z.ts')]);
  });
});

describe('readTextFile', () => {
  it('strips a UTF-8 byte order mark', async () => {
    const file = await write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('## Café\n')]));
    expect(await readTextFile(file, 1000)).toEqual({ text: '## Café\n' });
  });

  it('decodes UTF-16 with a byte order mark', async () => {
    const file = await write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## Tag\n', 'utf16le')]));
    expect(await readTextFile(file, 1000)).toEqual({ text: '## Tag\n' });
  });

  it('refuses binary, too large, missing files and folders without throwing', async () => {
    const binary = await write('x.png', Buffer.from([0x89, 0x50, 0x00, 0x47]));
    const large = await write('large.md', 'x'.repeat(2048));
    expect(await readTextFile(binary, 1000)).toEqual({ error: 'binary file' });
    expect(await readTextFile(large, 1024)).toEqual({ error: 'too large (2.0 KB; the limit is 1.0 KB)' });
    expect(await readTextFile(path.join(tmp, 'missing.md'), 1000)).toEqual({ error: 'no such file', missing: true });
    expect(await readTextFile(tmp, 1000)).toEqual({ error: 'is a folder, not a file', notAFile: true });
  });
});

describe('listMarkdownFiles with bounds', () => {
  it('stops at the file limit or the folder limit and says which', async () => {
    for (const name of ['a.md', 'b.md', 'c.md', 'd/e.md', 'd/f/g.md']) await write(name, '# X\n');
    const reasons: string[] = [];
    const onTruncated = (reason: string) => reasons.push(reason);
    expect(await listMarkdownFiles(tmp, { limit: 2, onTruncated })).toHaveLength(2);
    // The root is the first folder entered, d the second: f is never entered.
    const twoFolders = await listMarkdownFiles(tmp, { maxFolders: 2, onTruncated });
    expect(twoFolders.map((file) => path.relative(tmp, file))).toEqual(['a.md', 'b.md', 'c.md', path.join('d', 'e.md')]);
    expect(reasons).toEqual(['2 files', '2 folders']);
    // Exactly at both limits, nothing is left out: nothing to say.
    expect(await listMarkdownFiles(tmp, { limit: 5, maxFolders: 3, onTruncated })).toHaveLength(5);
    expect(reasons).toHaveLength(2);
  });
});

describe('loadGlossaries', () => {
  it('parses the given paths first, then the shipped glossary', async () => {
    const file = await write('team.md', '# Team\n\n## Flux Capacitor\n\nMakes time travel possible.\n');
    const { glossaries, errors } = await loadGlossaries([file], { builtin: true });
    expect(errors).toEqual([]);
    expect(glossaries[0].uri).toBe(file);
    expect(glossaries[0].entries.map((entry) => entry.term)).toEqual(['Flux Capacitor']);
    expect(glossaries.length).toBeGreaterThan(1);
    expect(glossaries.slice(1).every((glossary) => glossary.uri.startsWith(builtinGlossaryDir()))).toBe(true);
  });

  it('reports unreadable paths and reads a file given twice once', async () => {
    const file = await write('team.md', '## Flux Capacitor\n\nMakes time travel possible.\n');
    await write('empty/notes.txt', '');
    const missing = path.join(tmp, 'missing.md');
    const { glossaries, errors } = await loadGlossaries([file, missing, tmp, path.join(tmp, 'empty')], { builtin: false });
    expect(glossaries.map((glossary) => glossary.uri)).toEqual([file]);
    expect(errors).toEqual([`${missing}: no such file or folder`, `${path.join(tmp, 'empty')}: no glossary (.md) files in this folder`]);
  });
});
