import type { Scenario } from '../scenario';
import { until } from '../wait';

/** The H1 of glossary/git.md, which the Glossary view shows as a section. */
const SECTION = 'Git and Version Control';
const TERM = 'Rebase';

/** Step 4: browsing the glossary in the Concept Explorer. */
export const conceptExplorer: Scenario = {
  id: 'concept-explorer',
  name: 'The Concept Explorer lists the Git section and the terms of the open file; clicking Rebase opens its page',
  async run({ workbench, screenshots, log }) {
    // With a code file active, "In This File" lists its terms.
    await workbench.openFile('src/orderCache.ts');
    const sideBar = await workbench.openViewContainer('Glossary Lens');
    const glossary = workbench.view('Glossary');
    const section = workbench.treeRow(glossary, SECTION);
    await section.waitFor({ timeout: 20_000 });
    const expanded = async () => (await section.getAttribute('aria-expanded', { timeout: 1_000 })) === 'true';
    // One click per try, then time for the tree to answer: a second click would collapse it again.
    await until(
      async () => {
        if (await expanded()) return true;
        await section.click();
        return until(expanded, { message: 'the section to expand after a click', timeout: 3_000 });
      },
      { message: `the "${SECTION}" section to expand` },
    );
    const term = workbench.treeRow(glossary, TERM);
    await term.waitFor({ timeout: 10_000 });
    await workbench.treeRow(workbench.view('In This File'), 'ETag').waitFor({ timeout: 20_000 });

    await workbench.moveMouseAway();
    const shot = await screenshots.capture('concept-explorer.png', [sideBar], { padding: 0 });
    log(`screenshot ${shot.file} (${shot.width}x${shot.height}, ${(shot.bytes / 1024).toFixed(0)} KB)`);

    await term.click();
    await workbench.activePreviewTab(`${TERM}.md`).waitFor({ timeout: 20_000 });
    await workbench.waitForWebviewText('A rebase transfers the completed work');
  },
};
