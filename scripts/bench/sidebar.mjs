#!/usr/bin/env node
// Sidebar benchmark: the Reuters corpus (18,834 articles) indexed once with the driver the
// extension uses (worker threads, a cache, the live index in its own thread, lookups and
// analyses read as the extension reads them: from the mirrored snapshot and the cache), then each
// view's tree model (src/extension/views/model, free of vscode) opened cold — the top level plus
// the first item expanded down to its leaves — and refreshed after one article is edited.
// Target: each view opens in under a second.
//   node scripts/bench/sidebar.mjs [--limit N]
// The corpus is expanded with ../shared/tools/corpus-expand.mjs into $NEWS_LENS_REUTERS_DIR
// (default: <tmp>/news-lens-reuters) once.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reutersDir } from './lib/reuters.mjs';
import { bundleExports } from './lib/bundle.mjs';

const TARGET_MS = 1000;
const limitArg = process.argv.indexOf('--limit');
const LIMIT = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;

async function load() {
  const entry = [
    "export { CorpusDriver } from './src/node/corpusDriver';",
    "export { SourcesCache } from './src/extension/views/model/sourcesCache';",
    "export { TopicsModel } from './src/extension/views/model/topicsModel';",
    "export { CrossRefsModel } from './src/extension/views/model/crossRefsModel';",
    "export { FiguresModel } from './src/extension/views/model/figuresModel';",
    "export { SourcesModel } from './src/extension/views/model/sourcesModel';",
  ];
  return bundleExports(entry, 'sidebar');
}

const corpusDir = () => reutersDir(LIMIT);

const WORKER = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist', 'index-worker.js');
const ms = (t0) => performance.now() - t0;
const fmt = (x) => `${x.toFixed(1)} ms`;

/** Opens a view as VS Code does: the top level, then the first item expanded down to its leaves. */
async function open(model) {
  const t0 = performance.now();
  // As the tree provider does: the model's preparation first (the Sources view reads every
  // article's sources in slices there), then the top level.
  await model.prepare(undefined);
  let level = model.children(undefined);
  const top = level.length;
  let nodes = top;
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const first = level.find((n) => n.expand !== 'none');
    if (!first) break;
    await model.prepare(first);
    level = model.children(first);
    nodes += level.length;
  }
  return { ms: ms(t0), top, nodes };
}

async function main() {
  const dir = corpusDir();
  if (!dir) {
    console.log('skipped: ../shared/tools/corpus-expand.mjs (the Reuters corpus) is missing');
    return;
  }
  const m = await load();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, LIMIT);
  const texts = new Map();
  const paths = files.map((f) => join(dir, f));
  for (const path of paths) texts.set(path, readFileSync(path, 'utf8'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'news-lens-sidebar-cache-'));
  const driver = new m.CorpusDriver({ workerScript: WORKER, cacheDir });
  let t0 = performance.now();
  await driver.indexFiles(paths);
  const indexMs = ms(t0);
  t0 = performance.now();
  let snap = driver.snapshot();
  const snapMs = ms(t0);
  console.log(`corpus: ${files.length} articles, ${snap.entities.length} entities, ${snap.claimGroups.length} figure groups, ${snap.topics.length} topics (analysed and indexed in ${(indexMs / 1000).toFixed(1)} s, first snapshot ${fmt(snapMs)})`);

  const sources = new m.SourcesCache();
  const data = {
    snapshot: () => snap,
    sources: (doc) => sources.get(driver.index, doc),
    displayName: (doc) => doc.slice(dir.length + 1),
    text: (doc) => texts.get(doc),
    loadText: async () => {},
    entityAt: (doc, offset) => driver.index.entityAt(doc, offset),
  };
  const models = {
    Topics: new m.TopicsModel(data),
    'Cross-references': new m.CrossRefsModel(data),
    Figures: new m.FiguresModel(data),
    Sources: new m.SourcesModel(data),
  };
  let worst = 0;
  for (const [name, model] of Object.entries(models)) {
    const r = await open(model);
    worst = Math.max(worst, r.ms);
    console.log(`open ${name.padEnd(17)} ${fmt(r.ms).padStart(10)}  (${r.top} top-level nodes, ${r.nodes} made)`);
  }
  // Sorting by name and filtering by text redo the lists: the slowest user action per view.
  for (const [name, model] of Object.entries(models)) {
    model.options = { ...model.options, sort: 'name', text: 'a' };
    model.reset();
    const r = await open(model);
    worst = Math.max(worst, r.ms);
    console.log(`open ${name.padEnd(17)} ${fmt(r.ms).padStart(10)}  sorted by name, filtered by "a" (${r.top} top-level nodes)`);
    model.options = { ...model.options, sort: 'articles', text: '' };
    model.reset();
    await open(model);
  }

  // One article edited: re-index it, take a snapshot, and refresh each (already open) view.
  const doc = files.length > 1 ? join(dir, files[1]) : join(dir, files[0]);
  const edited = texts.get(doc) + '\nThe minister Volodymyr Zelensky said 12,000 troops were sent.\n';
  texts.set(doc, edited);
  t0 = performance.now();
  await driver.reindexFile(doc, edited);
  snap = driver.snapshot();
  console.log(`edit: one article re-indexed and a new snapshot in ${fmt(ms(t0))}`);
  for (const [name, model] of Object.entries(models)) {
    t0 = performance.now();
    const changes = model.refresh();
    const t = ms(t0);
    worst = Math.max(worst, t);
    console.log(`refresh ${name.padEnd(14)} ${fmt(t).padStart(10)}  (${changes.root ? 'top level re-read' : `${changes.nodes.length} nodes re-read`})`);
  }
  console.log(`${worst < TARGET_MS ? 'PASS' : 'FAIL'}: slowest view operation ${fmt(worst)} (target < ${TARGET_MS} ms)`);
  await driver.dispose();
  rmSync(cacheDir, { recursive: true, force: true });
}

await main();
