import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { GlossaryProblem } from '../core';

const SEVERITY: Record<GlossaryProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/**
 * Publishes the problems of the user's glossary files (the shipped glossary is ours to keep
 * clean). Returns a function to call after every index change; it clears files that went away.
 */
export function createDiagnosticsPublisher(context: ServerContext): () => void {
  let published = new Map<string, string>();
  return () => {
    try {
      const { store, connection } = context;
      const userFiles = new Set(store.userGlossaries());
      const byUri = new Map<string, Diagnostic[]>([...userFiles].map((uri) => [uri, []]));
      for (const problem of store.index().problems) {
        const diagnostics = byUri.get(problem.uri);
        const start = store.positionAt(problem.uri, problem.span.start);
        const end = store.positionAt(problem.uri, problem.span.end);
        if (!diagnostics || !start || !end) continue;
        diagnostics.push({
          range: { start, end },
          severity: SEVERITY[problem.severity],
          code: problem.code,
          source: 'Glossary Lens',
          message: problem.message,
        });
      }
      // Send only what changed: an edit to one glossary must not republish all the others.
      for (const uri of published.keys()) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      const next = new Map<string, string>();
      for (const [uri, diagnostics] of byUri) {
        const serialized = JSON.stringify(diagnostics);
        next.set(uri, serialized);
        if (published.get(uri) !== serialized) void connection.sendDiagnostics({ uri, diagnostics });
      }
      published = next;
    } catch (error) {
      context.logger.error(`Could not publish glossary diagnostics: ${String(error)}`);
    }
  };
}
