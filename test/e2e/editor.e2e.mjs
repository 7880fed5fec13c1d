// A reviewer opens a seed article and sees its highlights, in a light and in a dark theme, then
// hovers over a name to see where else the corpus mentions it. Screenshots for the README:
// docs/screenshots/editor-light.png, editor-dark.png, editor-hover.png.
import assert from 'node:assert/strict';

function seed(ctx, prefix) {
  const a = ctx.workspace.articles.find((p) => p.split('/').pop().startsWith(prefix));
  if (!a) ctx.skip(`no seed article ${prefix}_* (../shared/seeds is missing)`);
  return a;
}

/** Picks a colour theme from Preferences: Color Theme by its label. */
async function setTheme(wb, label) {
  await wb.runCommand('Preferences: Color Theme');
  const input = wb.page.locator('.quick-input-widget input');
  await input.fill(label);
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
  await row.waitFor();
  await row.click();
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Waits until the editor draws News Lens highlights (decoration spans) and the summary CodeLens. */
async function highlightsDrawn(wb) {
  await wb.page.locator('.monaco-editor .codelens-decoration', { hasText: 'News Lens' }).first().waitFor({ timeout: 60_000 });
  await wb.page.waitForFunction(() => document.querySelectorAll('.editor-instance .view-lines span[class*="ced-"]').length > 10, undefined, { timeout: 60_000 });
  return wb.page.locator('.editor-instance .view-lines span[class*="ced-"]').count();
}

export default [
  {
    name: 'highlights a seed article in a light theme',
    async run(wb, ctx) {
      await wb.openFileFromExplorer(seed(ctx, '000'));
      await setTheme(wb, 'Light Modern');
      const n = await highlightsDrawn(wb);
      ctx.log(`${n} highlighted spans on screen`);
      await wb.page.mouse.move(5, 5);
      await wb.screenshot('editor-light', { docs: 'editor-light.png' });
    },
  },
  {
    name: 'highlights a seed article in a dark theme',
    async run(wb, ctx) {
      await wb.openFileFromExplorer(seed(ctx, '000'));
      await setTheme(wb, 'Dark Modern');
      await highlightsDrawn(wb);
      await wb.page.mouse.move(5, 5);
      await wb.screenshot('editor-dark', { docs: 'editor-dark.png' });
    },
  },
  {
    name: 'a hover on a name lists the other articles that mention it',
    async run(wb, ctx) {
      await wb.openFileFromExplorer(seed(ctx, '000'));
      await highlightsDrawn(wb);
      const name = wb.page.locator('.editor-instance .view-lines span', { hasText: /^Zelensky$/ }).first();
      await name.waitFor();
      const box = await name.boundingBox();
      assert.ok(box, 'Zelensky is on screen');
      await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = wb.page.locator('.monaco-hover .hover-contents', { hasText: 'Person' }).first();
      await hover.waitFor({ timeout: 30_000 });
      const text = await hover.innerText();
      for (const n of ['000', '001', '002']) assert.match(text, new RegExp(`${n}_`), `the hover lists ${n}: ${text}`);
      await wb.screenshot('editor-hover', { docs: 'editor-hover.png' });
    },
  },
];
