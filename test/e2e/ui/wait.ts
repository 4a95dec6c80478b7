/** Waiting on conditions with deadlines, never on fixed sleeps (the shared helper, by its UI name). */
export { firstLine, waitFor as until } from '../waitFor';
