// A reviewer opens a seed article and sees its highlights, in a light and in a dark theme, then
// hovers over a name to see where else the corpus mentions it. Screenshots for the README:
// docs/screenshots/editor-light.png, editor-dark.png, editor-hover.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MAIN_VIEW_LINES } from '../harness/workbench.mjs';

function seed(ctx, prefix) {
  const a = ctx.workspace.articles.find((p) => p.split('/').pop().startsWith(prefix));
  if (!a) ctx.skip(`no seed article ${prefix}_* (../shared/seeds is missing)`);
  return a;
}

/** Picks a colour theme from Preferences: Color Theme (the picker stays open after the command, so not runCommand). */
async function setTheme(wb, label) {
  const { page } = wb;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  await page.keyboard.press('F1');
  await input.waitFor();
  await input.fill('>Preferences: Color Theme');
  await rows.filter({ hasText: /^Preferences: Color Theme/ }).first().click({ timeout: 20_000 });
  await rows.filter({ hasText: 'Modern' }).first().waitFor({ timeout: 20_000 });
  await input.fill(label);
  await rows.filter({ hasText: label }).first().click();
  await widget.waitFor({ state: 'hidden' });
}

/** Highlights drawn in the editor: decorations with a border are overlay boxes behind the text
 * (\`.view-overlays .cdr\`); counted by computed style, not by generated class names. */
function countHighlighted(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('.editor-instance .view-overlays .cdr')) {
      const st = getComputedStyle(el);
      if (['solid', 'dashed', 'double'].includes(st.borderBottomStyle) && parseFloat(st.borderBottomWidth) >= 1) n++;
    }
    return n;
  });
}

/** Waits until the editor draws News Lens highlights and the summary CodeLens. */
async function highlightsDrawn(wb) {
  await wb.page.locator('.monaco-editor .codelens-decoration', { hasText: 'News Lens' }).first().waitFor({ timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const n = await countHighlighted(wb.page);
    if (n > 10) return n;
    if (Date.now() > deadline) throw new Error(`only ${n} highlighted spans on screen`);
    await wb.page.waitForTimeout(250);
  }
}

/** Where a word is on screen in the main editor (a DOM range over it in a line's text node,
 * inside the editor's viewport), or null. */
function wordOnScreen(page, word) {
  return page.evaluate(
    ({ word, sel }) => {
      const lines = document.querySelector(sel);
      if (!lines) return null;
      const view = lines.closest('.monaco-scrollable-element').getBoundingClientRect();
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        if (b.width > 0 && b.top >= view.top && b.bottom <= view.bottom) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    },
    { word, sel: MAIN_VIEW_LINES },
  );
}

// The light theme last: it is the workbench's default here, so the scenarios after these see it unchanged.
export default [
  {
    name: 'highlights a seed article in a dark theme',
    async run(wb, ctx) {
      await wb.openFileFromExplorer(seed(ctx, '000'));
      await wb.collapseCommentThreads();
      await setTheme(wb, 'Dark Modern');
      await highlightsDrawn(wb);
      await wb.page.mouse.move(5, 5);
      await wb.screenshot('editor-dark', { docs: 'editor-dark.png' });
    },
  },
  {
    name: 'a hover on a name lists the other articles that mention it',
    async run(wb, ctx) {
      const article = seed(ctx, '000');
      await wb.openFileFromExplorer(article);
      await wb.collapseCommentThreads();
      await highlightsDrawn(wb);
      let box = await wordOnScreen(wb.page, 'Zelensky');
      if (!box) {
        // Below the fold (a smaller window, a longer headline): bring its line into view.
        const text = fs.readFileSync(path.join(ctx.workspace.dir, article), 'utf8');
        const before = text.slice(0, text.indexOf('Zelensky')).split('\n');
        await wb.goToLine(before.length, before.at(-1).length + 1);
        box = await wordOnScreen(wb.page, 'Zelensky');
      }
      assert.ok(box, 'Zelensky is on screen');
      await wb.page.mouse.move(box.x, box.y);
      const hover = wb.page.locator('.monaco-hover .hover-contents', { hasText: 'Person' }).first();
      await hover.waitFor({ timeout: 30_000 });
      const text = await hover.innerText();
      for (const n of ['000', '001', '002']) assert.match(text, new RegExp(`${n}_`), `the hover lists ${n}: ${text}`);
      await wb.screenshot('editor-hover', { docs: 'editor-hover.png' });
    },
  },
  {
    name: 'highlights a seed article in a light theme',
    async run(wb, ctx) {
      await wb.openFileFromExplorer(seed(ctx, '000'));
      await wb.collapseCommentThreads();
      await setTheme(wb, 'Light Modern');
      const n = await highlightsDrawn(wb);
      ctx.log(`${n} highlighted spans on screen`);
      await wb.page.mouse.move(5, 5);
      await wb.screenshot('editor-light', { docs: 'editor-light.png' });
    },
  },
];
