// Drives code-server's workbench as a person would: clicks in the Explorer and the activity
// bar, the command palette, notifications, screenshots. For e2e scenarios (test/e2e/).
// Selectors are VS Code 1.100's DOM; each helper waits for what it needs, never sleeps blindly.
import fs from 'node:fs';
import path from 'node:path';

/** The main editor's text, not that of editors nested in it (a comment thread's reply box). */
export const MAIN_VIEW_LINES = '.editor-instance > .monaco-editor > .overflow-guard > .monaco-scrollable-element > .lines-content > .view-lines';
/** The main editor itself (it has the class `focused` while its text has the keyboard). */
export const MAIN_EDITOR = '.editor-instance > .monaco-editor';

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ screenshotDir: string }} options
   */
  constructor(page, { screenshotDir }) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    this.screenshots = [];
  }

  /**
   * Waits for the workbench and the Explorer's first rows; with activityBarItem (e.g.
   * 'News Lens'), also for that contributed icon, which shows once the extension's
   * contributions are registered.
   */
  async waitReady({ timeout = 90_000, activityBarItem } = {}) {
    const { page } = this;
    await page.locator('.monaco-workbench').waitFor({ timeout });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
    // Status bar items come from the workbench once extensions are registered.
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout });
    if (activityBarItem) await this.activityBarItem(activityBarItem).waitFor({ timeout });
    await page.waitForLoadState('load');
  }

  /** The Explorer row for a name (file or folder) in the open folder. */
  explorerRow(name) {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${cssString(name)}"]`);
  }

  /** Shows the Explorer by its activity-bar icon (unless it is already showing). */
  async showExplorer() {
    if (!(await this.page.locator('.explorer-folders-view').isVisible())) {
      await this.activityBarItem('Explorer').click();
    }
    await this.page.locator('.explorer-folders-view').waitFor();
  }

  /**
   * Opens a workspace file from the Explorer by clicking its row, expanding folders on the way
   * ('dir/sub/file.txt'); waits until its editor tab is active.
   */
  async openFileFromExplorer(relPath) {
    await this.showExplorer();
    const parts = relPath.split('/');
    for (const [i, part] of parts.entries()) {
      const row = this.explorerRow(part).first();
      await row.waitFor();
      if (i < parts.length - 1) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      } else {
        await row.dblclick(); // a double click pins the editor (a single click opens a preview)
      }
    }
    await this.waitForActiveEditor(parts.at(-1));
  }

  /** Quick Open (Ctrl+P): the keyboard way to open any file. */
  async quickOpen(relPath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relPath);
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForActiveEditor(path.basename(relPath));
  }

  /** Waits until the active editor tab shows the name, and its text is on screen. */
  async waitForActiveEditor(name, { timeout = 30_000 } = {}) {
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${cssString(name)}"]`).waitFor({ timeout });
    await this.page.locator(`${MAIN_VIEW_LINES} .view-line`).first().waitFor({ timeout });
  }

  /**
   * Runs a command from the command palette (F1) by its full title, e.g.
   * 'News Lens: Show Article Statistics'. The palette lists what is registered when it opens,
   * so while an extension is still loading it is closed and opened again until the entry shows.
   */
  async runCommand(title, { timeout = 20_000 } = {}) {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const deadline = Date.now() + timeout;
    let offered = [];
    for (;;) {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout });
      await input.fill(`>${title}`);
      const found = await pollFor(async () => {
        offered = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent?.trim() ?? ''));
        const i = offered.indexOf(title);
        return i >= 0 ? i + 1 : 0; // 1-based so that 0 means "not yet"
      }, 2000);
      if (found) {
        // By its exact label, not by index: the list may re-render (recently used, late
        // registrations) between reading it and clicking, and a row index would then run
        // another command.
        const exact = new RegExp(`^${escapeRegExp(title)}$`);
        await rows.filter({ has: page.locator('.label-name', { hasText: exact }) }).first().click();
        // The palette is gone: the widget hidden, or already reused by a quick input that the
        // command opened itself (an input box, a picker), which has no '>' prefix.
        await page.waitForFunction(
          () => {
            const w = document.querySelector('.quick-input-widget');
            return !w || !w.checkVisibility() || !w.querySelector('input')?.value.startsWith('>');
          },
          undefined,
          { timeout },
        );
        return;
      }
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`the command palette has no "${title}" (offered: ${offered.join(' | ') || 'nothing'})`);
      }
      await page.waitForTimeout(500);
    }
  }

  /**
   * Puts the workbench back to what a new scenario expects, whatever the last one left: nothing
   * holding the keyboard (quick input, hover, comment box, webview), one editor group with
   * nothing open (so no editor beside, no comment thread or nested editor on screen), no bottom
   * panel (the Comments view opens by itself on a file with notes) and no notifications.
   */
  async resetLayout() {
    const { page } = this;
    const quickInput = page.locator('.quick-input-widget');
    for (let i = 0; i < 3 && (await quickInput.isVisible()); i++) await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1); // away from any hover target
    await this.runCommand('View: Close All Editor Groups');
    // A scenario that typed into an article by mistake leaves it dirty: close without saving
    // rather than hang on the save prompt (the scenario's own checks report the mistake).
    const dialog = page.locator('.monaco-dialog-box');
    if (await dialog.isVisible()) {
      await dialog.getByRole('button', { name: "Don't Save" }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await this.runCommand('View: Single Column Editor Layout');
    await this.hidePanel();
    await this.clearNotifications().catch(() => {});
  }

  /** Hides the bottom panel (Problems, Comments, Terminal…) when it shows. */
  async hidePanel() {
    const panel = this.page.locator('#workbench\\.parts\\.panel');
    if (!(await panel.isVisible())) return;
    await this.runCommand('View: Hide Panel');
    await panel.waitFor({ state: 'hidden' });
  }

  /**
   * Gives the keyboard to the active editor's text (not a comment box, webview or side bar)
   * and waits until it has it: editor keys (Ctrl+G, Ctrl+K Ctrl+I) act on the focused editor.
   */
  async focusEditor({ timeout = 10_000 } = {}) {
    const focused = this.page.locator(`${MAIN_EDITOR}.focused`);
    if (await focused.count()) return;
    await this.runCommand('View: Focus Active Editor Group');
    await focused.first().waitFor({ timeout });
  }

  /**
   * Go to Line/Column (Ctrl+G) in the active editor; waits until the status bar shows the
   * cursor there. line and column are 1-based.
   */
  async goToLine(line, column = 1) {
    const { page } = this;
    await this.focusEditor();
    await page.keyboard.press('Control+G');
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    const row = widget.locator('.quick-input-list .monaco-list-row').first();
    await row.waitFor();
    const offer = await row.innerText();
    if (!/go to line/i.test(offer)) {
      await page.keyboard.press('Escape');
      throw new Error(`Go to Line offers "${offer.trim()}", not line ${line}`);
    }
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col ${column}\\b`) }).first().waitFor();
  }

  /**
   * Collapses the active editor's expanded comment threads (a note's thread embeds a comment
   * box, an editor of its own, and pushes the article's lines down). Comments arrive a moment
   * after the text: first waits for the editor's comment gutter (commenting ranges and threads
   * come together), up to waitMs, so that a thread drawn late is not missed.
   */
  async collapseCommentThreads({ waitMs = 10_000 } = {}) {
    const { page } = this;
    const gutter = page.locator(`${MAIN_EDITOR} .margin-view-overlays .comment-range-glyph`);
    const hasGutter = await gutter
      .first()
      .waitFor({ state: 'attached', timeout: waitMs })
      .then(() => true, () => false);
    if (!hasGutter) return; // not a file anyone comments on
    // The threads' zone widgets are laid out on the next frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const expanded = page.locator('.editor-instance .review-widget:visible');
    if (!(await expanded.count())) return;
    await this.runCommand('Comments: Collapse All Comments');
    await expanded.first().waitFor({ state: 'detached' });
  }

  /**
   * Waits for a notification toast whose text matches (a string is a substring) and returns
   * its message.
   */
  async waitForNotification(match, { timeout = 15_000 } = {}) {
    const toasts = this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message');
    const re = typeof match === 'string' ? new RegExp(escapeRegExp(match)) : match;
    const toast = toasts.filter({ hasText: re }).first();
    try {
      await toast.waitFor({ timeout });
    } catch (err) {
      const shown = await toasts.allInnerTexts();
      throw new Error(`no notification matching ${re} (showing: ${shown.join(' | ') || 'none'})`, { cause: err });
    }
    return toast.innerText();
  }

  /** Clears every notification (so a later screenshot or wait sees only new ones). */
  async clearNotifications() {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  }

  /** An activity-bar item by the start of its label ('Explorer', 'News Lens'). */
  activityBarItem(label) {
    return this.page.locator(`.activitybar .action-item .action-label[aria-label^="${cssString(label)}"]`).first();
  }

  /**
   * Opens a view container from its activity-bar icon (e.g. 'News Lens') and waits for its
   * side bar; returns the side bar's locator.
   */
  async openViewContainer(label) {
    const item = this.activityBarItem(label);
    await item.waitFor();
    const checked = await item.evaluate((el) => el.closest('.action-item')?.classList.contains('checked'));
    if (!checked) await item.click();
    const sidebar = this.page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.locator(`.composite.title h2[title^="${cssString(label)}"], .composite.title h2:text-matches("^${escapeRegExp(label)}", "i")`).first().waitFor();
    return sidebar;
  }

  /** A view's pane in the side bar by its name ('Overview'). */
  viewPane(name) {
    return this.page.locator('#workbench\\.parts\\.sidebar .pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${cssString(name)}"]`) });
  }

  /**
   * Saves a screenshot of the page (or of a locator) to screenshotDir/NAME.png and returns its
   * path. Pass docs: 'file.png' to mark it for docs/screenshots/ (see run-e2e.mjs).
   */
  async screenshot(name, { locator, docs } = {}) {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${name}.png`);
    // Let animations (notification slide-in, hover fade) finish.
    await this.page.waitForTimeout(300);
    if (locator) await locator.screenshot({ path: file, animations: 'disabled' });
    else await this.page.screenshot({ path: file, animations: 'disabled' });
    this.screenshots.push({ name, file, docs });
    return file;
  }
}

/** Calls check() every 100 ms until it returns a truthy value (returned) or ms pass (0). */
async function pollFor(check, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function cssString(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeRegExp(s) {
  return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
