import type { Connection } from 'vscode-languageserver';
import type { Logger } from './logger';
import { defaultSettings, parseSettings, type Settings } from './settings';

/**
 * Settings pulled with `workspace/configuration`, cached per resource and cleared on change.
 * Clients without that request get the settings they push, or the defaults.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings = defaultSettings;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly canPull: () => boolean,
  ) {}

  get(resource: string | undefined): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    const key = resource ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: resource, section: 'glossaryLens' })
        .then((raw: unknown) => this.parse(raw), (error: unknown) => {
          // Every folder and every settings change asks again; one line says it.
          const message = `Could not read settings: ${error instanceof Error ? error.message : String(error)}; using the defaults.`;
          this.logger.once(`settings:${message}`, 'warn', message);
          return defaultSettings;
        });
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: forget everything; keep pushed settings for clients that push. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (!this.canPull()) {
      const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).glossaryLens : undefined;
      this.pushed = this.parse(section);
    }
  }

  private parse(raw: unknown): Settings {
    const { settings, warnings } = parseSettings(raw);
    for (const warning of warnings) this.logger.once(`settings:${warning}`, 'warn', warning);
    return settings;
  }
}
