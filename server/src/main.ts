/**
 * The language server's process entry. VS Code starts it over IPC (`--node-ipc`); other editors
 * run `glossary-lens-server --stdio` (the default when no transport is named).
 */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { BoundedParser } from './node/boundedParser';
import { limitHeapGrowth } from './node/heapTuning';
import { startServer } from './server';

limitHeapGrowth(10);

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) process.argv.push('--stdio');

// Anything written to stdout would corrupt the protocol; send stray console output to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);

// Glossaries are parsed on a worker thread within a time and memory budget. Both can be set for
// diagnosis and tests: the time in milliseconds (by default it grows with the file's size), the
// worker's heap in megabytes.
const fixedBudget = Number(process.env.GLOSSARY_LENS_PARSE_BUDGET_MS);
const heapLimit = Number(process.env.GLOSSARY_LENS_PARSE_HEAP_MB);
const parser = new BoundedParser({
  workerFile: path.join(__dirname, 'parseWorker.js'),
  ...(fixedBudget > 0 ? { budgetMs: () => fixedBudget } : {}),
  ...(heapLimit > 0 ? { maxHeapMb: heapLimit } : {}),
});

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  defaultBuiltinGlossaryPath: path.resolve(__dirname, '..', 'glossary'),
  parser: (uri, text, options) => parser.parse(uri, text, options),
  warmUpParser: (uri, text) => parser.warmUp(uri, text),
});
connection.onExit(() => parser.dispose());
connection.listen();
