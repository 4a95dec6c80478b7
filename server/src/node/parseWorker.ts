/**
 * The worker thread that parses glossary files for the server (see boundedParser.ts). It keeps the
 * core's piece cache between jobs, so re-parsing an edited glossary stays cheap.
 */
import { parentPort } from 'node:worker_threads';
import { clearParseCache, readGlossary } from '../core';
import type { ParseReply, ParseRequest } from './boundedParser';

const port = parentPort;
if (!port) throw new Error('parseWorker.js runs as a worker thread of the language server.');

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const parsed = readGlossary(request.uri, request.text);
    // A warm-up's entries are not wanted: copying them to the server would cost it more than nothing.
    reply = { id: request.id, parsed: request.warmUp ? { uri: parsed.uri, entries: [], problems: [] } : parsed };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  if (!request.keepCache) clearParseCache();
  port.postMessage(reply);
});
