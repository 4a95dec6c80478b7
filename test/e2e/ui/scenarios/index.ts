/**
 * The UI scenarios, in the order they run (each opens what it needs, so any subset runs too).
 */
import type { Scenario } from '../scenario';
import { completion } from './completion';
import { conceptExplorer } from './conceptExplorer';
import { editGlossary } from './editGlossary';
import { hover } from './hover';
import { search } from './search';
import { serverRestart } from './serverRestart';

export const SCENARIOS: readonly Scenario[] = [hover, completion, search, conceptExplorer, editGlossary, serverRestart];
