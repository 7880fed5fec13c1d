/* eslint-disable @typescript-eslint/no-require-imports */
// The extension-host half of the keystroke benchmark (scripts/bench/keystroke.mjs), loaded by
// VS Code as its tests module: opens the long article, waits for its first full highlights,
// then types one character at a time in the middle of the visible text and times each
// keystroke through the extension's test hooks (api.editor.nextApply). Writes the samples as
// JSON to $NEWS_LENS_BENCH_OUT.
const fs = require('fs');
const vscode = require('vscode');

const KEYSTROKES = Number(process.env.NEWS_LENS_BENCH_KEYSTROKES || 60);
// Faster than the analysis debounce (150 ms), as when typing a word: the full analysis waits
// for the pause, so each sample is the keystroke path alone.
const TYPING_GAP_MS = 40;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check, what, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

exports.run = async function run() {
  const out = process.env.NEWS_LENS_BENCH_OUT;
  const result = { samples: [] };
  try {
    const api = await vscode.extensions.getExtension('newslens.news-lens').activate();
    const t0 = performance.now();
    await api.services.corpus.ready;
    result.corpusReadyMs = performance.now() - t0;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(process.env.NEWS_LENS_BENCH_ARTICLE));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const t1 = performance.now();
    await waitFor(() => api.services.analyses.isExact(doc) && api.editor.applied(editor)?.complete, 'the first full highlights');
    result.firstHighlightsMs = performance.now() - t1;
    result.chars = doc.getText().length;
    result.words = doc.getText().split(/\s+/).filter(Boolean).length;
    result.highlights = Object.values(api.editor.applied(editor).kinds).reduce((n, l) => n + l.length, 0);

    // The middle of the article, at the end of a word in a line of prose.
    const text = doc.getText();
    let at = text.indexOf(' the ', Math.floor(text.length / 2)) + 4;
    const pos0 = doc.positionAt(at);
    editor.selection = new vscode.Selection(pos0, pos0);
    editor.revealRange(new vscode.Range(pos0, pos0), vscode.TextEditorRevealType.InCenter);
    await sleep(1000);

    for (let i = 0; i < KEYSTROKES; i++) {
      const pos = doc.positionAt(at);
      const version = doc.version + 1;
      const applied = api.editor.nextApply(editor, (e) => e.latencyMs !== undefined && e.version === version, 30_000);
      const cpu0 = process.cpuUsage();
      const w0 = performance.now();
      await editor.edit((b) => b.insert(pos, 'x'), { undoStopBefore: false, undoStopAfter: false });
      const e = await applied;
      const roundTripMs = performance.now() - w0;
      const cpu = process.cpuUsage(cpu0);
      result.samples.push({ hostMs: e.latencyMs, analysisMs: e.analysisMs, roundTripMs, cpuMs: (cpu.user + cpu.system) / 1000 });
      at++;
      await sleep(TYPING_GAP_MS);
    }
    // Then the pause: the full analysis in the worker thread, and the complete highlights.
    const t2 = performance.now();
    await waitFor(() => api.services.analyses.isExact(doc) && api.editor.applied(editor)?.complete && api.editor.applied(editor).version === doc.version, 'the settled highlights');
    result.settleMs = performance.now() - t2;
    result.ok = true;
  } catch (err) {
    result.error = String(err && err.stack ? err.stack : err);
  }
  fs.writeFileSync(out, JSON.stringify(result));
};
