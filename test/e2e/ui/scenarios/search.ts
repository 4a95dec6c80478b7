import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

const TITLE = 'Glossary Lens: Search Terms';

/** Step 3: fuzzy search from the Command Palette, then the entry page. */
export const search: Scenario = {
  id: 'search',
  name: 'Search Terms from the Command Palette finds Cherry Pick for "chery pik" and opens its page',
  async run({ workbench, screenshots, log }) {
    const { page } = workbench;
    await workbench.runCommand(TITLE);
    // The palette closes and the command's own quick pick opens: type only once it is there.
    await workbench.waitForQuickPick(TITLE);
    await workbench.typeInQuickInput('chery pik');
    await workbench.waitForFocusedRow((label) => label === 'Cherry Pick', 'Cherry Pick');
    const labels = await workbench.quickInputLabels();
    assert.equal(labels[0], 'Cherry Pick', `Cherry Pick ranks first: ${labels.join(', ')}`);

    await workbench.moveMouseAway();
    const shot = await screenshots.capture('search.png', [workbench.quickInput], { padding: 0 });
    log(`screenshot ${shot.file} (${shot.width}x${shot.height}, ${(shot.bytes / 1024).toFixed(0)} KB)`);

    await page.keyboard.press('Enter');
    await workbench.activePreviewTab('Cherry Pick.md').waitFor({ timeout: 20_000 });
    await workbench.waitForWebviewText('Cherry pick moves selected commits from one branch to another.');
  },
};
