/**
 * Finds a Chrome or Chromium to drive with playwright-core (which downloads no browser).
 */
import { accessSync, constants } from 'node:fs';
import { HarnessError } from './cleanup';

const CANDIDATES: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  // Debian's /usr/bin/chromium is a shell wrapper that prints noise; the binary behind it is quiet.
  linux: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

/** `CHROME_PATH` if set, else the first browser found in the usual places; throws if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new HarnessError(`CHROME_PATH is ${fromEnv}, which is not an executable file.`);
  }
  const candidates = CANDIDATES[process.platform] ?? [];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new HarnessError(
    [
      'No Chrome or Chromium found for the end-to-end tests.',
      `Looked in: ${candidates.join(', ') || '(no default places on this platform)'}.`,
      'Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y --no-install-recommends chromium libkrb5-dev fonts-liberation',
      'or point CHROME_PATH at a Chrome/Chromium binary.',
    ].join('\n'),
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
