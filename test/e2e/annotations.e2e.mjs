// A fact-checker selects a passage and adds a note in the comment box, then marks a claim as
// disputed from the command palette, typing the note and the source when asked; the note shows
// as a comment thread, the verdict in the claim's hover, and both land in the sidecar.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const NOTE = 'Which agency confirmed this? Ask the desk for the source.';
const VERDICT_NOTE = 'The agency figure is lower.';
const SOURCE = 'https://example.org/agency-report';

function firstArticle(ctx) {
  const a = ctx.workspace.articles.find((p) => /\.(txt|news)$/.test(p));
  if (!a) ctx.skip('the workspace has no articles');
  return a;
}

/** Moves the cursor to a UTF-16 offset with Go to Line (Ctrl+G, 1-based line and column). */
async function goTo(wb, text, offset) {
  const before = text.slice(0, offset).split('\n');
  await wb.goToLine(before.length, before.at(-1).length + 1);
}

const readSidecar = (ctx, article) => {
  const file = path.join(ctx.workspace.dir, `${article}.annotations.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};

async function waitForSidecar(ctx, article, check, what) {
  for (let i = 0; i < 100; i++) {
    const s = readSidecar(ctx, article);
    if (s && check(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the sidecar never showed ${what}: ${JSON.stringify(readSidecar(ctx, article))}`);
}

export default [
  {
    name: 'adds a note to a selection in the comment box',
    async run(wb, ctx) {
      const article = firstArticle(ctx);
      const text = fs.readFileSync(path.join(ctx.workspace.dir, article), 'utf8');
      await wb.quickOpen(article);
      // Select the first few words of the first paragraph after the headline.
      const para = text.indexOf('\n', text.search(/\S/)) + 1;
      const start = para + text.slice(para).search(/\S/);
      await goTo(wb, text, start);
      for (let i = 0; i < 4; i++) await wb.page.keyboard.press('Control+Shift+ArrowRight');
      await wb.runCommand('News Lens: Add Note');
      const widget = wb.page.locator('.review-widget').last();
      await widget.waitFor();
      // The box starts folded behind its prompt ("Add a note…"): a click opens it.
      const prompt = widget.locator('.review-thread-reply-button').first();
      if (await prompt.isVisible()) await prompt.click();
      await widget.locator('.comment-form .monaco-editor').first().click();
      await wb.page.keyboard.type(NOTE);
      await widget.locator('.form-actions .monaco-button', { hasText: 'Add Note' }).first().click();
      await wb.page.locator('.review-widget .review-comment .comment-body', { hasText: NOTE }).first().waitFor();
      const s = await waitForSidecar(ctx, article, (x) => x.annotations.some((a) => a.kind === 'note'), 'the note');
      const note = s.annotations.find((a) => a.kind === 'note');
      assert.equal(note.body, NOTE);
      assert.equal(note.target.start, start);
      assert.ok(note.target.exact.split(/\s+/).length >= 3, `unexpected selection: ${note.target.exact}`);
      ctx.log(`note on "${note.target.exact}"`);
      await wb.screenshot('annotations-01-comment-thread', { docs: 'annotations-comment-thread.png' });
    },
  },
  {
    name: 'marks a claim as disputed, with a note and a source, and the hover shows it',
    async run(wb, ctx) {
      const article = firstArticle(ctx);
      const text = fs.readFileSync(path.join(ctx.workspace.dir, article), 'utf8');
      const analysis = JSON.parse(ctx.cli(['analyze', '--format', 'json', article]));
      const claims = analysis.documents?.[0]?.claims ?? analysis.claims ?? [];
      if (!claims.length) ctx.skip('the engine found no claims in the first article');
      const claim = claims[0];
      // Its own editor on the article (the layout is reset between scenarios), the note's
      // thread from the scenario before folded away.
      await wb.quickOpen(article);
      await wb.collapseCommentThreads();
      await goTo(wb, text, claim.start + 1);
      await wb.runCommand('News Lens: Mark Claim as Disputed');
      const input = wb.page.locator('.quick-input-widget input');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Mark as Disputed' }).waitFor();
      await input.fill(VERDICT_NOTE);
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'source URL' }).waitFor();
      await input.fill(SOURCE);
      await wb.page.keyboard.press('Enter');
      const s = await waitForSidecar(ctx, article, (x) => x.annotations.some((a) => a.kind === 'claim'), 'the verdict');
      const stored = s.annotations.find((a) => a.kind === 'claim');
      assert.deepEqual([stored.verdict, stored.body, stored.links, stored.target.start, stored.target.end], ['disputed', VERDICT_NOTE, [SOURCE], claim.start, claim.end]);
      // The hover at the cursor (Ctrl+K Ctrl+I) shows the verdict.
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+K');
      await wb.page.keyboard.press('Control+I');
      const hover = wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Review:' }).first();
      await hover.waitFor({ timeout: 10_000 });
      const hoverText = await hover.innerText();
      ctx.log(`hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 160)}`);
      assert.match(hoverText, /Review: disputed/i);
      await wb.screenshot('annotations-02-verdict', { docs: 'annotations-verdict.png' });
      await wb.page.keyboard.press('Escape');
    },
  },
];
