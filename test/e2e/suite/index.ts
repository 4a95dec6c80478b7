/**
 * The entry point VS Code loads as `extensionTestsPath`: runs every `*.test.js` next to it in
 * the extension host, with mocha's spec reporter on the console.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The code-server runner receives the whole workbench console; a prefix marks the reporter's lines.
  const prefix = process.env.GLOSSARY_LENS_E2E_REPORTER_PREFIX;
  if (prefix) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(prefix + format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}) });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed.`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
