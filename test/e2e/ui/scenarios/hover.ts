import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { until } from '../wait';
import { visibleBox } from '../workbench';

/** Step 1: the mouse over an identifier shows the glossary definition of the term inside it. */
export const hover: Scenario = {
  id: 'hover',
  name: 'Hovering etagCache in src/orderCache.ts shows the ETag definition',
  async run({ workbench, screenshots, log }) {
    const editor = await workbench.openFile('src/orderCache.ts');
    const hoverEtag = (timeout?: number) => workbench.hoverWord(editor, 'const etagCache', 'etagCache', 'HTTP response header', timeout);
    let shown = await hoverEtag();
    log(`the hover showed the definition on attempt ${shown.attempts}`);
    const text = await shown.hover.innerText();
    assert.match(text, /^ETag \(entity tag\)$/m, 'the hover starts with the term and its alias');
    assert.match(text, /glossary\/web\.md:\d+/, 'the hover names the glossary file and line');

    // TypeScript adds its part to the same hover: "Loading..." while it answers (the hover then
    // fills in), "(loading...)" while its project loads (that answer stays: hover again).
    const settled = await until(
      async () => {
        const current = (await shown.hover.isVisible()) ? await shown.hover.innerText() : '(gone)';
        if (!/loading\.\.\.|^\(gone\)$/i.test(current)) return true;
        if (!current.includes('Loading...')) shown = await hoverEtag(15_000);
        return false;
      },
      { message: 'the TypeScript part of the hover to load', timeout: 45_000 },
    ).catch(() => false);
    if (!settled) log('TypeScript was still loading its project; the screenshot shows "(loading...)"');
    const { hover, word } = shown;
    // The picture shows the word's line from its start (line numbers too) and the line above it.
    // The word's box (measured as the hover showed) gives the line's place and height: the
    // line itself, looked up again, may be mid-redraw and not drawn.
    const editorLeft = (await visibleBox(editor, 'the editor')).x;
    const context = { x: editorLeft, y: word.y - word.height, width: 1, height: 2 * word.height };
    const shot = await screenshots.capture('hover.png', [hover, word, context], { within: editor });
    log(`screenshot ${shot.file} (${shot.width}x${shot.height}, ${(shot.bytes / 1024).toFixed(0)} KB)`);
  },
};
