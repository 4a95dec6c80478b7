import type { Hover } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { hoverMarkdown } from './entryView';

/** Hover on any term occurrence, in any document: every definition, the workspace's first. */
export function registerHover(context: ServerContext): void {
  const { connection, documents, settings, store } = context;
  connection.onHover(async ({ textDocument, position }, token): Promise<Hover | null> => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const config = await settings.get(document.uri);
    if (token.isCancellationRequested) return null;
    const occurrence = context.occurrenceAt(document, position, config);
    if (!occurrence) return null;
    const entries = context.entriesOf(occurrence);
    if (!entries.length) return null;
    return {
      contents: { kind: 'markdown', value: entries.map((entry) => hoverMarkdown(entry, store)).join('\n\n---\n\n') },
      range: { start: document.positionAt(occurrence.start), end: document.positionAt(occurrence.end) },
    };
  });
}
