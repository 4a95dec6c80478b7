import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { until } from '../wait';

const FILE = 'scripts/backport.py';
/** The comment line after which a new comment is typed. */
const COMMENT_LINE = 8;
const TYPED = '# see cherr';

/** Step 2: completing a glossary term in a comment, with the definition beside the list. */
export const completion: Scenario = {
  id: 'completion',
  name: 'Typing "cherr" in a Python comment and pressing Ctrl+Space offers Cherry Pick; Enter inserts it',
  async run({ workbench, screenshots, log }) {
    const { page } = workbench;
    const editor = await workbench.openFile(FILE);
    assert.match(await workbench.lineText(editor, 'Prefer a cherry-pick'), /^\s*# Prefer a cherry-pick/, `line ${COMMENT_LINE} of ${FILE} is the comment this scenario extends`);
    await workbench.goToLine(COMMENT_LINE);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await until(async () => (await workbench.cursor())?.line === COMMENT_LINE + 1, { message: `the cursor on the new line ${COMMENT_LINE + 1}` });
    await page.keyboard.type(TYPED);
    await until(async () => (await workbench.lineText(editor, TYPED)).trim() === TYPED, { message: `"${TYPED}" typed on line ${COMMENT_LINE + 1}` });

    // Quick suggestions are off in comments by default: ask for them, as a person would.
    await until(
      async () => {
        if (!(await workbench.suggestWidget.isVisible())) await page.keyboard.press('Control+Space');
        await workbench.suggestWidget.waitFor({ timeout: 3_000 });
        return (await workbench.focusedSuggestion()) === 'Cherry Pick';
      },
      { message: 'the suggest widget with Cherry Pick focused', timeout: 30_000 },
    );
    // Ctrl+Space on an open list shows the focused item's details: the definition.
    await until(
      async () => {
        if (!(await workbench.suggestDetails.isVisible())) await page.keyboard.press('Control+Space');
        await workbench.suggestDetails.filter({ hasText: 'Cherry pick moves selected commits' }).waitFor({ timeout: 3_000 });
        return true;
      },
      { message: 'the details of Cherry Pick beside the suggest widget', timeout: 15_000 },
    );
    await workbench.moveMouseAway();
    const typed = await workbench.wordBox(editor, TYPED, TYPED);
    // The comment line above the typed one shows where we are.
    const lineAbove = { ...typed, y: typed.y - typed.height, height: 2 * typed.height };
    const shot = await screenshots.capture('completion.png', [workbench.suggestWidget, workbench.suggestDetails, typed, lineAbove]);
    log(`screenshot ${shot.file} (${shot.width}x${shot.height}, ${(shot.bytes / 1024).toFixed(0)} KB)`);

    await page.keyboard.press('Enter');
    await until(async () => (await workbench.lineText(editor, '# see ')).trim() === '# see Cherry Pick', { message: `the line to read "# see Cherry Pick"` });

    // Leave the fixture as it was.
    await workbench.runCommand('File: Revert File');
    await workbench.waitForSaved('backport.py');
    await until(async () => (await workbench.line(editor, '# see ').count()) === 0, { message: 'the typed line gone after reverting' });
  },
};
