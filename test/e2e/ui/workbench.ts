/**
 * The VS Code workbench as a person uses it: keyboard shortcuts, Quick Open, the Command
 * Palette, the mouse over a word, the activity bar, tabs and notifications. Every wait is on a
 * condition with a deadline; every selector comes from `selectors.ts`.
 */
import type { Locator, Page } from 'playwright-core';
import { SELECTORS as S } from './selectors';
import { until } from './wait';

/** A rectangle in page pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where `locator` is drawn, once it is. Monaco redraws its lines (and widgets) at will, so an
 * element found a moment ago can be detached or not yet laid out when measured: wait for a box.
 */
export async function visibleBox(locator: Locator, what: string, timeout = 10_000): Promise<Box> {
  return until(() => locator.boundingBox(), { message: `${what} to be drawn`, timeout });
}

/** Text or a pattern that a widget's text must contain. */
export type TextMatch = string | RegExp;

export class Workbench {
  private constructor(readonly page: Page) {}

  /**
   * Opens the workbench at `url` and waits until the extension under test shows its status bar
   * item with a term count: the extension is installed, activated, and its server has indexed.
   */
  static async open(page: Page, url: string, timeout = 90_000): Promise<Workbench> {
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (!response?.ok()) throw new Error(`Opening the workbench failed: HTTP ${response?.status() ?? '(no response)'} for ${url}`);
    await page.locator(S.workbench).waitFor({ timeout });
    const workbench = new Workbench(page);
    await workbench.waitForStatus(/\d+ terms?\b/, timeout).catch((error: unknown) => {
      throw new Error(`The Glossary Lens status bar item never showed a term count: is the extension installed and activated? (${error instanceof Error ? error.message : String(error)})`);
    });
    return workbench;
  }

  // --- Status bar ---------------------------------------------------------------------------

  /** Waits until the Glossary Lens status bar item's text matches `pattern`; returns the text. */
  waitForStatus(pattern: RegExp, timeout = 30_000): Promise<string> {
    return until(
      async () => {
        const text = (await this.page.locator(S.glossaryStatus).textContent({ timeout: 1_000 }))?.trim() ?? '';
        return pattern.test(text) && text;
      },
      { message: `the Glossary Lens status bar item to read ${pattern}`, timeout },
    );
  }

  /** The cursor's 1-based line and column, from the status bar ("Ln 8, Col 12"). */
  async cursor(): Promise<{ line: number; column: number } | undefined> {
    const text = (await this.page.locator(S.cursorPosition).textContent({ timeout: 1_000 })) ?? '';
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  // --- Quick input: Quick Open, Command Palette, Go to Line, quick picks -----------------------

  /** The quick input's text box. */
  get quickInputBox(): Locator {
    return this.page.locator(S.quickInputBox);
  }

  get quickInput(): Locator {
    return this.page.locator(S.quickInput);
  }

  /** Opens Quick Open (Ctrl+P), types the file's name and opens it; returns its text editor. */
  async openFile(relativePath: string): Promise<Locator> {
    const name = relativePath.split('/').pop()!;
    await this.openQuickInput('Control+P', 'Quick Open', '');
    await this.typeInQuickInput(name);
    await this.acceptFocusedRow((label, description) => label === name && (!relativePath.includes('/') || description === relativePath.slice(0, -name.length - 1)), `the row for ${relativePath}`, 30_000);
    const editor = this.editor(relativePath);
    await editor.locator(S.viewLine).first().waitFor({ timeout: 20_000 });
    await this.activeTab(name).waitFor({ timeout: 10_000 });
    return editor;
  }

  /** Runs a command from the Command Palette (F1) by its title, as shown ("Category: Title"). */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('F1', 'the Command Palette', '>');
    await this.typeInQuickInput(title, '>');
    // Commands that open a dialog show an ellipsis the palette keeps.
    await this.acceptFocusedRow((label) => label === title || label === `${title}…`, `the command "${title}"`);
  }

  /** Go to Line (Ctrl+G); waits until the cursor is on `line`. */
  async goToLine(line: number): Promise<void> {
    await this.openQuickInput('Control+G', 'Go to Line', ':');
    await this.typeInQuickInput(String(line), ':');
    await this.page.keyboard.press('Enter');
    await until(async () => (await this.cursor())?.line === line, { message: `the cursor on line ${line}` });
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /**
   * Presses `key` until the quick input has the keyboard focus with `prefix` in it. A key press
   * can land while focus moves (for example out of a webview), so it is repeated, but only
   * while no quick input shows.
   */
  async openQuickInput(key: string, what: string, prefix: string): Promise<void> {
    await this.closeQuickInput();
    await until(
      async () => {
        if (!(await this.quickInput.isVisible())) await this.page.keyboard.press(key);
        await this.page.locator(`${S.quickInputBox}:focus`).waitFor({ timeout: 2_000 });
        return (await this.quickInputBox.inputValue()) === prefix;
      },
      { message: `${what} (${key}) to open with "${prefix}" in its box`, timeout: 15_000 },
    );
  }

  /** Waits for a command's own quick pick, titled `title`, to have the keyboard focus. */
  async waitForQuickPick(title: string, timeout = 15_000): Promise<void> {
    await this.page.locator(S.quickInputTitle, { hasText: title }).waitFor({ timeout });
    await this.page.locator(`${S.quickInputBox}:focus`).waitFor({ timeout: 5_000 });
  }

  /** Closes a quick input left open (Escape), if any. */
  async closeQuickInput(): Promise<void> {
    if (!(await this.quickInput.isVisible())) return;
    await until(
      async () => {
        await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden', timeout: 2_000 });
        return true;
      },
      { message: 'the quick input to close' },
    );
  }

  /** Types into the focused quick input and waits until its box holds exactly `prefix + text`. */
  async typeInQuickInput(text: string, prefix = ''): Promise<void> {
    await this.page.keyboard.type(text);
    await until(async () => (await this.quickInputBox.inputValue()) === prefix + text, { message: `"${prefix + text}" in the quick input`, timeout: 5_000 });
  }

  /** The label and description of the row Enter would accept. */
  async focusedRow(): Promise<{ label: string; description: string } | undefined> {
    const row = this.page.locator(S.quickInputFocusedRow).first();
    if (!(await row.isVisible())) return undefined;
    const label = (await row.locator(S.rowLabel).first().textContent({ timeout: 1_000 }))?.trim() ?? '';
    const description = (await row.locator(S.rowDescription).first().textContent({ timeout: 200 }).catch(() => ''))?.trim() ?? '';
    return { label, description };
  }

  /** Waits until the focused row passes `accept`, then presses Enter. */
  async acceptFocusedRow(accept: (label: string, description: string) => boolean, what: string, timeout = 15_000): Promise<void> {
    await this.waitForFocusedRow(accept, what, timeout);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the focused (first) row of the quick input passes `accept`. */
  async waitForFocusedRow(accept: (label: string, description: string) => boolean, what: string, timeout = 15_000): Promise<void> {
    let last = '(none)';
    await until(
      async () => {
        const row = await this.focusedRow();
        last = row ? `"${row.label}" ${row.description}` : '(none)';
        return row !== undefined && accept(row.label, row.description);
      },
      { message: `${what} to be the focused row of the quick input (focused: ${last})`, timeout },
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)} Last focused row: ${last}.`);
    });
  }

  /** The labels of the quick input's rendered rows, top to bottom. */
  async quickInputLabels(): Promise<string[]> {
    return this.page.locator(`${S.quickInputRow} ${S.rowLabel}`).allTextContents();
  }

  // --- Editors ------------------------------------------------------------------------------

  /** The text editor of a workspace file in the active editor group. */
  editor(relativePath: string): Locator {
    return this.page.locator(`${S.activeGroup} ${S.textEditor}[data-uri$="/${relativePath}"]`);
  }

  /** The rendered line of `editor` that contains `text`. */
  line(editor: Locator, text: string): Locator {
    return editor.locator(S.viewLine, { hasText: text }).first();
  }

  /** The text of the editor line that contains `text`, spaces normalised. */
  async lineText(editor: Locator, text: string): Promise<string> {
    return ((await this.line(editor, text).textContent({ timeout: 2_000 })) ?? '').replace(/\u00a0/g, ' ');
  }

  /**
   * Where `word` is drawn on the line containing `lineText`: the box of exactly those
   * characters, even inside one long comment token or across decoration spans.
   */
  async wordBox(editor: Locator, lineText: string, word: string): Promise<Box> {
    const line = this.line(editor, lineText);
    await line.waitFor({ timeout: 10_000 });
    // Runs in the page: the line's text nodes, where the word starts and ends among them, a DOM Range over it.
    const box = await line.evaluate((element, target) => {
      const SHOW_TEXT = 4;
      const nodes: { node: { length: number; textContent: string | null }; start: number }[] = [];
      let text = '';
      const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += (node.textContent ?? '').replace(/\u00a0/g, ' ');
      }
      const at = text.indexOf(target);
      if (at < 0) return undefined;
      const locate = (offset: number, end: boolean) => {
        const { node, start } = nodes.find(({ node, start }) => (end ? offset <= start + node.length : offset < start + node.length))!;
        return [node, offset - start] as const;
      };
      const range = element.ownerDocument.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + target.length, true));
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }, word);
    if (!box || box.width === 0) throw new Error(`"${word}" is not drawn on the line containing "${lineText}".`);
    return box;
  }

  /** The editor hover that contains `text`. */
  hover(text: TextMatch): Locator {
    return this.page.locator(S.editorHover).filter({ hasText: text });
  }

  /**
   * Moves the mouse over `word` until the editor's hover shows `expected`. The first hovers
   * after a file opens (or after the language server restarts) can come back empty, so a
   * miss moves the mouse away and back, until the deadline.
   */
  async hoverWord(editor: Locator, lineText: string, word: string, expected: TextMatch, timeout = 60_000): Promise<{ hover: Locator; word: Box; attempts: number }> {
    let attempts = 0;
    return until(
      async () => {
        attempts += 1;
        await this.moveMouseAway();
        await this.page.locator(S.editorHover).first().waitFor({ state: 'hidden', timeout: 2_000 });
        const box = await this.wordBox(editor, lineText, word);
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        const hover = this.hover(expected);
        await hover.waitFor({ state: 'visible', timeout: 5_000 });
        return { hover, word: box, attempts };
      },
      { message: `the hover over "${word}" to show ${String(expected)}`, timeout },
    );
  }

  /**
   * Moves the mouse where it hovers nothing: the widest gap between the status bar's items. A
   * mouse left over a list row or a word would show a highlight or a hover in screenshots.
   */
  async moveMouseAway(): Promise<void> {
    const point = await this.page.locator(S.statusBar).evaluate((bar, itemSelector) => {
      const barRect = bar.getBoundingClientRect();
      const items = [...bar.querySelectorAll(itemSelector)]
        .map((item) => item.getBoundingClientRect())
        .filter((rect) => rect.width > 0)
        .sort((a, b) => a.left - b.left);
      let best = { from: barRect.left, to: items[0]?.left ?? barRect.right };
      for (let i = 0; i < items.length; i++) {
        const from = items[i]!.right;
        const to = items[i + 1]?.left ?? barRect.right;
        if (to - from > best.to - best.from) best = { from, to };
      }
      return { x: (best.from + best.to) / 2, y: barRect.top + barRect.height / 2 };
    }, S.statusBarItem);
    await this.page.mouse.move(point.x, point.y);
  }

  // --- Suggest widget -----------------------------------------------------------------------

  get suggestWidget(): Locator {
    return this.page.locator(S.suggestWidget);
  }

  get suggestDetails(): Locator {
    return this.page.locator(S.suggestDetails);
  }

  /** The label of the suggestion Enter would accept. */
  async focusedSuggestion(): Promise<string | undefined> {
    const row = this.suggestWidget.locator(`${S.suggestRow}.focused`).first();
    if (!(await row.isVisible())) return undefined;
    return (await row.locator(S.rowLabel).textContent({ timeout: 1_000 }))?.trim();
  }

  // --- Tabs, views, webviews, notifications -------------------------------------------------

  /** The active tab, if its title is `title`. */
  activeTab(title: string): Locator {
    return this.page.locator(`${S.tab}.active[aria-label="${title.replace(/"/g, '\\"')}"]`);
  }

  /** The active tab of a markdown preview of `fileName`; a locked preview's title says "[Preview]". */
  activePreviewTab(fileName: string): Locator {
    const name = fileName.replace(/"/g, '\\"');
    return this.page.locator(`${S.tab}.active:is([aria-label="Preview ${name}"], [aria-label="[Preview] ${name}"])`);
  }

  tab(title: string): Locator {
    return this.page.locator(`${S.tab}[aria-label="${title.replace(/"/g, '\\"')}"]`);
  }

  /** Waits until the tab titled `title` has no unsaved changes. */
  async waitForSaved(title: string, timeout = 15_000): Promise<void> {
    await until(async () => (await this.tab(title).count()) > 0 && !((await this.tab(title).getAttribute('class', { timeout: 1_000 })) ?? '').split(' ').includes('dirty'), {
      message: `the tab "${title}" to have no unsaved changes`,
      timeout,
    });
  }

  /**
   * Waits until a webview (a markdown preview...) shows `text`. Webviews are nested iframes;
   * Playwright reaches into them whatever their origin.
   */
  async waitForWebviewText(text: string, timeout = 20_000): Promise<void> {
    await until(
      async () => {
        for (const frame of this.page.frames()) {
          if (frame === this.page.mainFrame()) continue;
          const body = await frame.evaluate(() => (globalThis as unknown as PageGlobals).document.body?.innerText ?? '').catch(() => '');
          if (body.includes(text)) return true;
        }
        return false;
      },
      { message: `a webview showing "${text}"`, timeout },
    );
  }

  /** Clicks an activity bar icon (a view container) and waits for its side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    await this.page.locator(`${S.activityBarItem}[aria-label^="${title}"]`).first().click();
    await this.page.locator(S.sideBarTitle, { hasText: title }).waitFor({ timeout: 10_000 });
    return this.page.locator(S.sideBar);
  }

  /** A view in the side bar, by its title ("Glossary"). */
  view(title: string): Locator {
    return this.page.locator(`${S.sideBar} ${S.pane}`).filter({ has: this.page.locator(S.paneTitle, { hasText: exactly(title) }) });
  }

  /** A tree row of `view` by its label (without its description). */
  treeRow(view: Locator, label: string): Locator {
    return view.locator(S.treeRow).filter({ has: this.page.locator(S.rowLabel, { hasText: exactly(label) }) });
  }

  /** The notification toasts (bottom right) that contain `text`. */
  toasts(text: TextMatch): Locator {
    return this.page.locator(S.notificationToast).filter({ hasText: text });
  }

  /** The notifications in the Notification Center (which keeps them after their toasts hide). */
  notificationCenterItems(text: TextMatch): Locator {
    return this.page.locator(`${S.notificationCenter} ${S.notificationItem}`).filter({ hasText: text });
  }
}

/** What `frame.evaluate` reads of a page (the project's types have no DOM library). */
interface PageGlobals {
  readonly document: { readonly body: { readonly innerText: string } | null };
}

/** A pattern matching exactly `text`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
