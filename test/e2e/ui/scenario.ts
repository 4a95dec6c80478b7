/**
 * What a UI scenario is, and what it gets to work with.
 */
import type { LanguageServerProcess } from './languageServer';
import type { Screenshots } from './screenshots';
import type { Workbench } from './workbench';

export interface ScenarioContext {
  readonly workbench: Workbench;
  readonly screenshots: Screenshots;
  /** The run's copy of the fixture workspace, which the workbench has open. */
  readonly workspace: string;
  readonly languageServer: LanguageServerProcess;
  /** Prints a line under the scenario's name. */
  log(message: string): void;
}

/** One thing a person does in the editor, checked by what the screen shows. */
export interface Scenario {
  /** A short name for timings and for GLOSSARY_LENS_E2E_GREP, e.g. "hover". */
  readonly id: string;
  /** A sentence: what the person does and sees. */
  readonly name: string;
  run(context: ScenarioContext): Promise<void>;
}
