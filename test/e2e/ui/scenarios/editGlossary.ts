import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Scenario } from '../scenario';
import { until } from '../wait';

const DEFINITION = 'The nightly job that hands out settlement batch slots, one slot per run, so two runs never close the same window.';

/** Step 5: a term typed into the workspace GLOSSARY.md is defined in code once saved. */
export const editGlossary: Scenario = {
  id: 'edit-glossary',
  name: 'A term typed into GLOSSARY.md and saved shows in the hover of quartermaster in service/settlement.go',
  async run({ workbench, workspace, log }) {
    const { page } = workbench;
    const before = Number(/(\d+) terms?/.exec(await workbench.waitForStatus(/\d+ terms?/))![1]);

    const glossary = await workbench.openFile('GLOSSARY.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n## Quartermaster\n\n${DEFINITION}\n`);
    // The editor wraps long lines, so look for the start of each typed line.
    await until(async () => (await workbench.line(glossary, '## Quartermaster').count()) === 1 && (await workbench.line(glossary, DEFINITION.slice(0, 40)).count()) === 1, {
      message: 'the typed heading and definition in the editor',
    });
    await page.keyboard.press('Control+S');
    await workbench.waitForSaved('GLOSSARY.md');
    const onDisk = await readFile(path.join(workspace, 'GLOSSARY.md'), 'utf8');
    assert.match(onDisk, /^# Checkout Domain$/m, 'the glossary was appended to');
    assert.ok(onDisk.includes(`## Quartermaster\n\n${DEFINITION}\n`), `GLOSSARY.md on disk ends with the typed entry:\n${onDisk.slice(-300)}`);
    await workbench.waitForStatus(new RegExp(`\\b${before + 1} terms\\b`));
    log(`the status bar counts ${before + 1} terms`);

    const code = await workbench.openFile('service/settlement.go');
    const { hover, attempts } = await workbench.hoverWord(code, '// quartermaster', 'quartermaster', 'hands out settlement batch slots');
    log(`the hover showed the new definition on attempt ${attempts}`);
    assert.match(await hover.innerText(), /GLOSSARY\.md:\d+/, 'the hover names the workspace glossary');
  },
};
