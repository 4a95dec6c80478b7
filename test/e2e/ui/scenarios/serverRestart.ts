import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { until } from '../wait';

/** The warning the client shows once per crash (client/src/languageClient.ts). */
const RESTARTED = 'stopped unexpectedly and has been restarted';

/** Step 6: the language server crashes; the extension restarts it and says so, once. */
export const serverRestart: Scenario = {
  id: 'server-restart',
  name: 'After the language server is killed, one notification says it was restarted, and hovers work again',
  async run({ workbench, languageServer, log }) {
    const editor = await workbench.openFile('src/orderCache.ts');
    await workbench.hoverWord(editor, 'const etagCache', 'etagCache', 'HTTP response header');
    await workbench.moveMouseAway();

    const killed = languageServer.kill();
    log(`killed the language server (pid ${killed}) with SIGKILL`);
    await workbench.toasts(RESTARTED).waitFor({ timeout: 30_000 });
    assert.equal(await workbench.toasts('language server').count(), 1, 'one toast about the language server');
    const restarted = await until(
      () => {
        const running = languageServer.find();
        return running.length === 1 && running[0]!.pid !== killed && running[0]!.pid;
      },
      { message: 'one new language server process', timeout: 30_000 },
    );
    log(`a new language server runs (pid ${restarted})`);

    const { attempts } = await workbench.hoverWord(editor, 'const etagCache', 'etagCache', 'HTTP response header');
    log(`hovers work again (attempt ${attempts})`);
    await workbench.waitForStatus(/\d+ terms?\b/);

    // Toasts hide after a while; the Notification Center keeps every notification.
    await workbench.runCommand('Notifications: Show Notifications');
    const fromGlossaryLens = workbench.notificationCenterItems('Glossary Lens');
    await fromGlossaryLens.first().waitFor({ timeout: 10_000 });
    const messages = await fromGlossaryLens.allInnerTexts();
    assert.equal(messages.length, 1, `one notification from Glossary Lens, not:\n${messages.join('\n---\n')}`);
    assert.ok(messages[0]!.includes(RESTARTED), messages[0]);
    await workbench.page.keyboard.press('Escape');
  },
};
