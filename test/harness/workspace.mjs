// Throw-away workspaces and folders for one run, removed by the cleanup unless kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SEEDS_DIR, articleSource } from './paths.mjs';
import { onCleanup } from './cleanup.mjs';

/** A fresh temp folder, removed at cleanup unless keep is true. */
export function tempDir(prefix, { keep = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `news-lens-${prefix}-`));
  if (!keep) onCleanup(() => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/**
 * A temp workspace holding a copy of the seed articles (../shared/seeds) — or, when that is
 * missing, of samples/ with a printed notice — plus test/integration/fixtures/ under fixtures/
 * (a hand-counted .news article and a .md file, for the language and statistics tests).
 * Returns { dir, source: 'seeds' | 'samples', articles: [relative paths copied] }.
 */
export function makeTestWorkspace({ keep = false, fixtures = true, at } = {}) {
  const src = articleSource();
  // A stable folder name ('seeds' or 'samples'): it shows in the window title and screenshots.
  // With `at`, the workspace is that folder instead (emptied first, and kept).
  const dir = at ?? path.join(tempDir('workspace', { keep }), src.kind);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (src.kind === 'samples') {
    console.log(`[harness] notice: ../shared/seeds is missing (looked for ${SEEDS_DIR}); using samples/ instead, and seed-dependent tests will be skipped`);
  }
  const articles = [];
  if (fs.existsSync(src.dir)) {
    fs.cpSync(src.dir, dir, { recursive: true });
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) articles.push(path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
    }
  } else {
    console.log(`[harness] notice: ${src.dir} does not exist either; the workspace has only the fixtures`);
  }
  articles.sort();
  if (fixtures) {
    fs.cpSync(path.join(ROOT, 'test', 'integration', 'fixtures'), path.join(dir, 'fixtures'), { recursive: true });
    // Read by the tests (test/integration/harness.ts): which articles are seeds, if any.
    const manifest = { source: src.kind, articles };
    fs.writeFileSync(path.join(dir, 'fixtures', 'workspace.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  return { dir, source: src.kind, articles };
}
