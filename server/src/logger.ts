import type { Connection } from 'vscode-languageserver';
import type { LogLevel } from './settings';

/** Logging through the connection: stdout is the protocol channel, so never `console.*`. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  setLevel(level: LogLevel): void;
  /** Logs a message once per key, for conditions that would otherwise repeat on every request. */
  once(key: string, level: Exclude<LogLevel, 'debug'>, message: string): void;
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export function createLogger(connection: Connection, level: LogLevel = 'info'): Logger {
  const said = new Set<string>();
  const at = (wanted: LogLevel) => RANK[wanted] <= RANK[level];
  const logger: Logger = {
    error: (message) => at('error') && connection.console.error(message),
    warn: (message) => at('warn') && connection.console.warn(message),
    info: (message) => at('info') && connection.console.info(message),
    debug: (message) => at('debug') && connection.console.log(message),
    setLevel: (next) => {
      level = next;
    },
    once: (key, wanted, message) => {
      if (said.has(key)) return;
      said.add(key);
      logger[wanted](message);
    },
  };
  return logger;
}
