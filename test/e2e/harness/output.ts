/**
 * What of the workbench's console reaches the terminal. The smoke-test driver forwards the whole
 * workbench log through `codeAutomationLog`; the suite marks its reporter's lines with a prefix
 * (see `suite/index.ts`), which are printed as they are. Errors are printed too; the rest of the
 * workbench's chatter goes to a log file only.
 */
import { appendFileSync, readFileSync, readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

/** Marks the mocha reporter's lines; passed to the extension host as GLOSSARY_LENS_E2E_REPORTER_PREFIX. */
export const REPORTER_PREFIX = '\u2063mocha\u2063';

/**
 * A `codeAutomationLog` handler that prints test output and keeps the rest in `logFile`;
 * `onFirstTestOutput` runs once, when the suite starts reporting (the workbench is up by then).
 */
export function extensionHostPrinter(logFile: string, onFirstTestOutput?: () => void): (level: string, args: unknown) => void {
  let started = false;
  return (level, args) => {
    const parts = Array.isArray(args) ? args : [args];
    const text = typeof parts[0] === 'string' ? format(parts[0], ...parts.slice(1)) : format(...parts);
    if (text.startsWith(REPORTER_PREFIX)) {
      if (!started) {
        started = true;
        onFirstTestOutput?.();
      }
      console.log(text.slice(REPORTER_PREFIX.length));
      return;
    }
    appendFileSync(logFile, `[${level}] ${text}\n`);
    if (level === 'error') console.log(`[workbench error] ${text}`);
  };
}

/** The tail of each log file an extension wrote in code-server's user-data logs (its output channels). */
export function extensionLogTails(userData: string, extensionId: string, lines = 40): string[] {
  const logsRoot = path.join(userData, 'logs');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of safeReaddir(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (path.basename(dir) === extensionId && entry.name.endsWith('.log')) found.push(full);
    }
  };
  walk(logsRoot);
  return found.map((file) => {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `--- ${file} (last ${lines} lines) ---\n${text}`;
  });
}

function safeReaddir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
