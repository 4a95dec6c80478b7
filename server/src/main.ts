/**
 * The language server's process entry. VS Code starts it over IPC (`--node-ipc`); other editors
 * run `glossary-lens-server --stdio` (the default when no transport is named).
 */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { enlargeYoungGeneration } from './node/heapTuning';
import { startServer } from './server';

// Smaller than the command line's: the server lives long and keeps its memory low.
enlargeYoungGeneration(32);

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) process.argv.push('--stdio');

// Anything written to stdout would corrupt the protocol; send stray console output to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { defaultBuiltinGlossaryPath: path.resolve(__dirname, '..', 'glossary') });
connection.listen();
