/**
 * The benchmark's inputs, generated in memory from the seed (about a second for the largest
 * sizes) and written under `.bench/inputs/` once per seed and generator version, because the
 * CLI and grep rows need real files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATOR_VERSION, generateDocument, generateGlossaryFiles, generateTerms, type GlossaryFile, type TermSpec } from './generate';

export interface Inputs {
  readonly dir: string;
  readonly specs: readonly TermSpec[];
  /** Glossary files per term count. */
  readonly glossaries: ReadonlyMap<number, readonly GlossaryFile[]>;
  /** Documents per line count. */
  readonly documents: ReadonlyMap<number, string>;
  glossaryDir(size: number): string;
  documentPath(lines: number): string;
  /** A file with every name (terms and aliases) of the first `size` terms, one per line. */
  termsPath(size: number): string;
}

/** Every name of every spec: terms first, then aliases. */
export function namesOf(specs: readonly TermSpec[]): string[] {
  return specs.flatMap((spec) => [spec.term, ...spec.aliases]);
}

export function prepareInputs(root: string, seed: number, sizes: readonly number[], lineCounts: readonly number[]): Inputs {
  const dir = path.join(root, '.bench', 'inputs', `seed-${seed}-v${GENERATOR_VERSION}`);
  const largest = Math.max(...sizes);
  const specs = generateTerms(seed, largest);
  // Files depend only on the seed and their index, so every size is a prefix of the largest.
  const allFiles = generateGlossaryFiles(seed, specs);
  const glossaries = new Map(sizes.map((size) => [size, allFiles.slice(0, Math.ceil(size / 100))] as const));
  const documents = new Map(lineCounts.map((lines) => [lines, generateDocument(seed, specs, lines)] as const));

  const inputs: Inputs = {
    dir,
    specs,
    glossaries,
    documents,
    glossaryDir: (size) => path.join(dir, `glossary-${size}`),
    documentPath: (lines) => path.join(dir, `document-${lines}.ts`),
    termsPath: (size) => path.join(dir, `terms-${size}.txt`),
  };
  for (const [size, files] of glossaries) {
    writeOnce(inputs.termsPath(size), () => `${namesOf(specs.slice(0, size)).join('\n')}\n`);
    for (const file of files) writeOnce(path.join(inputs.glossaryDir(size), file.name), () => file.text);
  }
  for (const [lines, text] of documents) {
    writeOnce(inputs.documentPath(lines), () => text);
  }
  return inputs;
}

/** Writes a cached input unless it is already there (inputs are deterministic per directory). */
export function writeOnce(file: string, text: () => string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, text());
  fs.renameSync(partial, file);
}
