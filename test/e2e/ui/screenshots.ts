/**
 * Screenshots for the README: PNGs cropped to what they show, each under a size limit. They go
 * to docs/images/ only when the run asks for it (`--screenshots`), else into the run directory,
 * so an ordinary test run leaves the repository untouched.
 */
import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { visibleBox, type Box } from './workbench';

/** Screenshots above this size are a failure: they bloat the repository and the README. */
export const MAX_SCREENSHOT_BYTES = 200 * 1024;

export interface SavedScreenshot {
  readonly file: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

export class Screenshots {
  readonly saved: SavedScreenshot[] = [];

  constructor(
    private readonly page: Page,
    /** Where the images go: docs/images/ or a folder of the run directory. */
    readonly dir: string,
  ) {}

  /**
   * Saves the union of `regions` (elements or boxes), grown by `padding` pixels and kept inside
   * `within` (an element, e.g. the editor; default: the viewport), as `name`.
   */
  async capture(name: string, regions: readonly (Locator | Box)[], options: { readonly padding?: number; readonly within?: Locator } = {}): Promise<SavedScreenshot> {
    const padding = options.padding ?? 8;
    const boxes: Box[] = [];
    for (const region of regions) boxes.push('boundingBox' in region ? await visibleBox(region, `a region of ${name}`) : region);
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
    const bounds = options.within ? await visibleBox(options.within, `the frame of ${name}`) : { x: 0, y: 0, ...viewport };
    const left = Math.max(bounds.x, 0, Math.floor(Math.min(...boxes.map((box) => box.x)) - padding));
    const top = Math.max(bounds.y, 0, Math.floor(Math.min(...boxes.map((box) => box.y)) - padding));
    const right = Math.min(bounds.x + bounds.width, viewport.width, Math.ceil(Math.max(...boxes.map((box) => box.x + box.width)) + padding));
    const bottom = Math.min(bounds.y + bounds.height, viewport.height, Math.ceil(Math.max(...boxes.map((box) => box.y + box.height)) + padding));
    const clip = { x: left, y: top, width: right - left, height: bottom - top };

    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, name);
    await this.page.screenshot({ path: file, clip, animations: 'disabled', caret: 'hide' });
    const { size } = await stat(file);
    if (size > MAX_SCREENSHOT_BYTES) throw new Error(`${file} is ${(size / 1024).toFixed(0)} KB, over the ${MAX_SCREENSHOT_BYTES / 1024} KB limit for screenshots.`);
    const saved = { file, bytes: size, width: clip.width, height: clip.height };
    this.saved.push(saved);
    return saved;
  }
}
