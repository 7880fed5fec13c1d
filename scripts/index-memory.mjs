#!/usr/bin/env node
// Where the corpus index's memory goes, on the Reuters corpus: the heap after each step of a
// fill and refresh (before a full GC: what the step left, garbage included; after: what it
// keeps), then what each part of the live index holds on its own (dropped one at a time).
// A diagnostic for issue 4's memory target, not a benchmark: it reads the index's internals
// (in this thread: the driver holds the live index in a thread of its own).
//   node --expose-gc scripts/index-memory.mjs [--cache DIR] [--worker dist/index-worker.js] [--limit N]
// Without --cache a temporary cache is filled first (a cold run, about half a minute).
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reutersDir } from './bench/lib/reuters.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (typeof globalThis.gc !== 'function') {
  console.error('index-memory: run with node --expose-gc');
  process.exit(2);
}
const WORKER = resolve(arg('--worker') ?? join(ROOT, 'dist', 'index-worker.js'));
const { CorpusDriver, IndexHost, runJob, ENGINE_VERSION } = createRequire(import.meta.url)(WORKER);
const dir = arg('--dir') ?? reutersDir();
const limit = arg('--limit') ? Number(arg('--limit')) : Infinity;
const paths = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit).map((f) => join(dir, f));
const tempCache = !arg('--cache');
const cacheDir = arg('--cache') ?? mkdtempSync(join(tmpdir(), 'news-lens-memory-'));

const MB = 1024 * 1024;
const heap = () => process.memoryUsage().heapUsed / MB;
const settled = () => {
  gc();
  gc();
  return heap();
};
const rows = [];
const row = (what, before, after, keeps) => rows.push([what, before, after, keeps]);

try {
  if (tempCache) {
    const t = performance.now();
    const cold = new CorpusDriver({ workerScript: WORKER, cacheDir, indexOptions: { keepAnalyses: false } });
    await cold.indexFiles(paths);
    await cold.dispose();
    console.error(`cache filled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const base = settled();
  // The live index's owner, in this thread (the driver runs it in a thread of its own).
  const host = new IndexHost({ cacheDir, engineVersion: ENGINE_VERSION, indexOptions: { keepAnalyses: false } });
  const idx = host.index;
  // Fill from the cache with the refreshes a snapshot makes held back, to see each on its own.
  const realRefresh = idx.refresh;
  idx.refresh = () => {};
  let t = performance.now();
  const hashes = new Map();
  for (let i = 0; i < paths.length; i += 1024) {
    const results = paths.slice(i, i + 1024).map((path, k) => runJob({ id: i + k, path, hashOnly: true }, { engineVersion: ENGINE_VERSION }));
    const ok = results.filter((r) => r.ok).map((r) => ({ ...r, hashOnly: undefined }));
    for (const r of ok) hashes.set(r.path, r.hash);
    const a = host.accept(ok);
    if (a.missing.length) throw new Error(`${a.missing.length} articles are not in the cache (${a.missing[0]})`);
  }
  const fillMs = performance.now() - t;
  let before = heap();
  let now = settled();
  row(`fill (${paths.length} articles, ${(fillMs / 1000).toFixed(1)} s)`, before - base, now - base, now - base);
  const step = (what, fn) => {
    const start = now;
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    before = heap();
    now = settled();
    row(`${what} (${ms.toFixed(0)} ms)`, before - start, now - start, now - base);
  };
  idx.refresh = realRefresh;
  step('order', () => {
    const sorted = [...idx.docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    sorted.forEach((d, i) => (d.order = i));
    idx.orderDirty = false;
    idx.entities.orderStable = false;
  });
  step('entities.refresh', () => idx.entities.refresh());
  step('figures.refresh', () => idx.figures.refresh());
  step('topics (rest of refresh)', () => idx.refresh());
  step('snapshot.entities', () => void idx.snapshot().entities.length);
  step('snapshot.claimGroups', () => void idx.snapshot().claimGroups.length);
  step('snapshot.topics', () => void idx.snapshot().topics.length);
  step('mirror delta (all, for another thread)', () => void host.sync());
  const stateFile = join(cacheDir, `memory-state-${process.pid}.json`);
  step('saveState (stored snapshot)', () => host.saveState('memory', stateFile));
  rmSync(stateFile, { force: true });
  const one = paths[Math.floor(paths.length / 2)];
  t = performance.now();
  const edited = runJob({ id: -1, path: one, text: 'An edited article. The company said 1,000 workers in Ecuador would be affected.\n', slim: true }, { engineVersion: ENGINE_VERSION });
  host.accept([edited]);
  void host.sync();
  const editMs = performance.now() - t;
  const arrayBuffers = process.memoryUsage().arrayBuffers / MB;

  // What each part holds on its own: dropped in turn (later parts may share what earlier ones held).
  const live = settled();
  const parts = [];
  let prev = live;
  for (const [name, drop] of [
    ['mirror source (what the other thread holds)', () => (host.source = undefined)],
    ['snapshot lists (entity/group/topic objects)', () => {
      idx.snap = undefined;
      idx.entities.sorted = undefined;
      idx.entities.entities = new Map();
      idx.entities.entityOfNode = new Map();
      idx.entities.membersOf = new Map();
      idx.figures.sorted = undefined;
      idx.figures.groups = new Map();
      idx.figures.groupOfNode = new Map();
      idx.figures.membersOf = new Map();
    }],
    ['topic model', () => (idx.topics = undefined)],
    ['figure index', () => (idx.figures = undefined)],
    ['entity graph', () => (idx.entities = undefined)],
    ['articles (digests, vectors, spans)', () => (idx.docs = new Map())],
    ['interned strings', () => (idx.strings = new Map())],
  ]) {
    drop();
    const h = settled();
    parts.push([name, prev - h]);
    prev = h;
  }

  const w = 44;
  console.log(`\ncorpus index memory: ${paths.length} articles, heap MB (base ${base.toFixed(1)})`);
  console.log(`${'step'.padEnd(w)} ${'left'.padStart(8)} ${'keeps'.padStart(8)} ${'total'.padStart(8)}`);
  for (const [what, b, a, k] of rows) console.log(`${what.padEnd(w)} ${b.toFixed(1).padStart(8)} ${a.toFixed(1).padStart(8)} ${k.toFixed(1).padStart(8)}`);
  console.log(`\n${'part of the live index'.padEnd(w)} ${'MB'.padStart(8)}`);
  for (const [name, mb] of parts) console.log(`${name.padEnd(w)} ${mb.toFixed(1).padStart(8)}`);
  console.log(`${'(the rest)'.padEnd(w)} ${(prev - base).toFixed(1).padStart(8)}`);
  console.log(`${'live index, total'.padEnd(w)} ${(live - base).toFixed(1).padStart(8)}`);
  console.log(`${'array buffers (typed arrays, outside the heap)'.padEnd(w)} ${arrayBuffers.toFixed(1).padStart(8)}`);
  console.log(`\none edited article re-indexed + mirror delta: ${editMs.toFixed(1)} ms; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  if (tempCache) rmSync(cacheDir, { recursive: true, force: true });
}
