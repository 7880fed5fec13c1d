// A reader opens a seed article, asks for its statistics from the command palette, and opens
// the News Lens side bar.
import assert from 'node:assert/strict';
import { MAIN_VIEW_LINES } from '../harness/workbench.mjs';
import fs from 'node:fs';
import path from 'node:path';

/** The first article of the workspace (a seed, or a sample when the seeds are missing). */
function firstArticle(ctx) {
  const a = ctx.workspace.articles.find((p) => /\.(txt|news)$/.test(p));
  if (!a) ctx.skip('the workspace has no articles');
  return a;
}

export default [
  {
    name: 'opens an article from the Explorer',
    async run(wb, ctx) {
      const article = firstArticle(ctx);
      await wb.openFileFromExplorer(article);
      const text = await wb.page.locator(MAIN_VIEW_LINES).innerText();
      assert.ok(text.trim().length > 0, 'the editor shows no text');
      await wb.screenshot('01-article-open');
    },
  },
  {
    name: 'shows the article statistics from the command palette',
    async run(wb, ctx) {
      const article = firstArticle(ctx);
      // The statistics are the active article's: open it here (the layout is reset between scenarios).
      await wb.openFileFromExplorer(article);
      await wb.runCommand('News Lens: Show Article Statistics');
      const message = await wb.waitForNotification(/\d+ words · \d+ sentences · \d+ paragraphs/);
      // The same numbers as the CLI's, computed by the same core on the same file.
      const s = JSON.parse(ctx.cli(['stats', '--format', 'json', article]));
      assert.equal(message, `${s.words} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs (${article})`);
      ctx.log(message);
      await wb.screenshot('02-statistics-notification', { docs: 'statistics.png' });
    },
  },
  {
    name: 'opens the News Lens view from the activity bar',
    async run(wb, ctx) {
      // The container's views, as package.json contributes them (the first one shows expanded).
      const manifest = JSON.parse(fs.readFileSync(path.join(ctx.root, 'package.json'), 'utf8'));
      const views = manifest.contributes.views.newsLens.map((v) => v.name);
      const sidebar = await wb.openViewContainer('News Lens');
      for (const name of views) await wb.viewPane(name).waitFor();
      await wb.screenshot('03-news-lens-view');
      assert.ok(await sidebar.isVisible());
    },
  },
];
