import type { Location } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { entryLocation } from '../convert';

/** Go to Definition on an occurrence: the entry in each glossary that defines it. */
export function registerDefinition(context: ServerContext): void {
  const { connection, documents, settings, store } = context;
  connection.onDefinition(async ({ textDocument, position }, token): Promise<Location[]> => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const config = await settings.get(document.uri);
    if (token.isCancellationRequested) return [];
    const occurrence = context.occurrenceAt(document, position, config);
    if (!occurrence) return [];
    return context.entriesOf(occurrence).map((entry) => entryLocation(entry, store));
  });
}
