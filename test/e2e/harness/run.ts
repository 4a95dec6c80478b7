/**
 * How every runner (extension-host suite, UI tests) ends: stop everything it started, print
 * the verdict with the time of each phase, exit with the run's code.
 */
import * as path from 'node:path';
import { Cleanup, HarnessError, errorMessage, stopOnSignals } from './cleanup';
import { extensionLogTails } from './output';
import type { RunDir } from './runDir';
import { log, phase, timingSummary } from './timing';

/** Runs `main` (which returns an exit code), then stops what it registered and exits. */
export function runToExit(main: (cleanup: Cleanup) => Promise<number>): void {
  const cleanup = new Cleanup();
  stopOnSignals(cleanup);
  const started = Date.now();
  main(cleanup)
    .catch((error: unknown) => {
      // After a signal, a closed page or a killed server is what stopping looks like.
      if (!cleanup.stopping) console.error(error instanceof HarnessError ? `\n${error.message}` : error);
      return 1;
    })
    .then(async (code) => {
      await phase('stop', () => cleanup.run());
      log(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${timingSummary()})`);
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(`cleanup failed: ${errorMessage(error)}`);
      process.exit(1);
    });
}

/** After a failure: the tail of the extension's log, and where the rest of the logs are. */
export function reportFailureLogs(runDir: RunDir, extensionId: string): void {
  for (const tail of extensionLogTails(runDir.userData, extensionId)) console.log(tail);
  log(`logs: ${runDir.logs} (code-server, workbench console), ${path.join(runDir.userData, 'logs')} (extension host, output channels)`);
}
