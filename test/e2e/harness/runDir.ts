/**
 * A throwaway directory per run: a copy of the fixture workspace (tests write to it), the editor's
 * user data and extensions, and the HOME/XDG/TMP directories code-server and Chromium would
 * otherwise fill in the user's home.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunDir {
  readonly root: string;
  /** The copy of the fixture workspace that the editor opens. */
  readonly workspace: string;
  readonly userData: string;
  readonly extensions: string;
  /** Log files of the processes the harness starts. */
  readonly logs: string;
  /** Environment for code-server: TMPDIR and XDG directories inside the run directory. */
  readonly serverEnv: Record<string, string>;
  readonly browserHome: string;
  readonly browserProfile: string;
  remove(): Promise<void>;
}

/**
 * Settings for a quiet, offline editor: no telemetry, update checks, welcome page, tips,
 * experiments, git scanning, workspace trust prompts or automatic type acquisition.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'chat.disableAIFeatures': true,
  // The web workbench saves after a delay by default, desktop VS Code does not: behave like desktop.
  'files.autoSave': 'off',
};

export interface RunDirOptions {
  /** The fixture workspace folder to copy. */
  readonly fixture: string;
  /** Settings on top of {@link QUIET_SETTINGS}. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly prefix?: string;
}

export async function createRunDir(options: RunDirOptions): Promise<RunDir> {
  const root = await mkdtemp(path.join(os.tmpdir(), options.prefix ?? 'glossary-lens-e2e-'));
  const dir = (name: string) => path.join(root, name);
  const workspace = dir('workspace');
  await cp(options.fixture, workspace, { recursive: true });

  const userData = dir('user-data');
  await mkdir(path.join(userData, 'User'), { recursive: true });
  await writeFile(path.join(userData, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2)}\n`);

  const serverEnv = { TMPDIR: dir('tmp'), XDG_CONFIG_HOME: dir('xdg-config'), XDG_DATA_HOME: dir('xdg-data'), XDG_CACHE_HOME: dir('xdg-cache') };
  const made = [dir('extensions'), dir('logs'), dir('browser-home'), ...Object.values(serverEnv)];
  await Promise.all(made.map((folder) => mkdir(folder, { recursive: true })));

  return {
    root,
    workspace,
    userData,
    extensions: dir('extensions'),
    logs: dir('logs'),
    serverEnv,
    browserHome: dir('browser-home'),
    browserProfile: dir('browser-profile'),
    remove: () => rm(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}
