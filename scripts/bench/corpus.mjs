#!/usr/bin/env node
// Corpus index benchmark (issue 4) on the Reuters corpus, 18,834 articles, with the built driver
// (dist/index-worker.js: CorpusDriver on worker threads, one per core):
//   cold     — empty cache: every article analyzed, digested, cached, indexed; snapshot taken
//   warm     — a new process on the same cache (a reopened workspace); snapshot taken
//   edit     — in the warm process, one article changed on disk and re-indexed, snapshot again
//              (the first edit builds the live index in its own thread; the median of the next 5)
//   memory   — peak RSS of each process (main thread and workers together: maxRSS)
//   compromise — raw `nlp(text).people()/places()/organizations()` on the same files, same cores
// Targets: cold ≤ 30 s on 2 cores, warm ≤ 2 s, edit ≤ 50 ms, peak ≤ 300 MB.
//   node scripts/bench/corpus.mjs [--limit N] [--skip-compromise]
// The corpus is expanded once with ../shared/tools/corpus-expand.mjs into $NEWS_LENS_REUTERS_DIR
// (default <tmp>/news-lens-reuters), shared with the other benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reutersDir } from './lib/reuters.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = join(ROOT, 'dist', 'index-worker.js');
const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LIMIT = arg('--limit') ? Number(arg('--limit')) : Infinity;
const TARGETS = { cold: 30_000, warm: 2_000, edit: 50, rss: 300 };

const corpusDir = () => reutersDir();

function articlePaths(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return (Number.isFinite(LIMIT) ? files.slice(0, LIMIT) : files).map((f) => join(dir, f));
}

// ---- child phases: one JSON line on stdout

async function phaseIndex(dir, cacheDir, withEdit) {
  const { CorpusDriver } = createRequire(import.meta.url)(WORKER);
  const paths = articlePaths(dir);
  const driver = new CorpusDriver({ workerScript: WORKER, cacheDir, indexOptions: { keepAnalyses: false } });
  const t0 = performance.now();
  // restore: a reopened workspace reads back the stored snapshot when no file changed.
  const run = await driver.indexFiles(paths, { restore: true });
  const snap = driver.snapshot();
  // Read every list, as the sidebar does.
  void [snap.entities.length, snap.claimGroups.length, snap.topics.length];
  const ms = performance.now() - t0;
  const out = {
    ms,
    articles: snap.documents.length,
    entities: snap.entities.length,
    groups: snap.claimGroups.length,
    conflicts: snap.claimGroups.filter((g) => g.agreement === 'conflict').length,
    topics: snap.topics.length,
    cached: run.cached + run.unchanged,
    analyzed: run.analyzed,
    restored: !!run.restored,
    failed: run.failed.length,
    bytes: paths.reduce((n, p) => n + statSync(p).size, 0),
  };
  if (withEdit) {
    // One article edited on disk: a sentence added, then re-indexed. The first edit after a
    // restore also builds the live index (from the cached analyses, in its own thread).
    const target = paths[Math.floor(paths.length / 2)];
    const original = readFileSync(target, 'utf8');
    const times = [];
    const edit = async (i) => {
      writeFileSync(target, original.replace(/\s*$/, `\n    The company said ${1000 + i} workers would be affected.\n`));
      const t = performance.now();
      await driver.reindexFile(target);
      void driver.snapshot().entities.length;
      driver.index.entityAt(target, 10);
      return performance.now() - t;
    };
    try {
      out.liveMs = await edit(99);
      for (let i = 0; i < 5; i++) times.push(await edit(i));
    } finally {
      writeFileSync(target, original);
      await driver.reindexFile(target);
    }
    times.sort((a, b) => a - b);
    out.editMs = times[Math.floor(times.length / 2)];
  }
  await driver.dispose();
  out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out) + '\n');
}

async function phaseCompromise(dir) {
  const paths = articlePaths(dir);
  const n = Math.max(1, availableParallelism());
  const nlpPath = createRequire(import.meta.url).resolve('compromise');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const nlp = require(${JSON.stringify(nlpPath)});
    let count = 0;
    for (const p of workerData.paths) {
      const doc = nlp(readFileSync(p, 'utf8'));
      count += doc.people().length + doc.places().length + doc.organizations().length;
    }
    parentPort.postMessage(count);`;
  const t0 = performance.now();
  const chunks = Array.from({ length: n }, (_, i) => paths.filter((_p, j) => j % n === i));
  const counts = await Promise.all(chunks.map((c) => new Promise((res, rej) => {
    const w = new Worker(code, { eval: true, workerData: { paths: c } });
    w.once('message', res);
    w.once('error', rej);
  })));
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, entities: counts.reduce((a, b) => a + b, 0), maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function child(phase, extra = []) {
  const r = spawnSync(process.execPath, [SELF, '--phase', phase, ...extra, ...(Number.isFinite(LIMIT) ? ['--limit', String(LIMIT)] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${phase} phase failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---- main

const phase = arg('--phase');
if (phase) {
  const dir = arg('--dir');
  if (phase === 'index') await phaseIndex(dir, arg('--cache'), args.includes('--edit'));
  else if (phase === 'compromise') await phaseCompromise(dir);
} else {
  if (!existsSync(WORKER)) {
    console.error(`corpus bench: ${WORKER} is missing; run npm run build first`);
    process.exit(1);
  }
  const dir = corpusDir();
  const cache = mkdtempSync(join(tmpdir(), 'news-lens-bench-cache-'));
  try {
    const cold = child('index', ['--dir', dir, '--cache', cache]);
    const warm = child('index', ['--dir', dir, '--cache', cache, '--edit']);
    const raw = args.includes('--skip-compromise') ? undefined : child('compromise', ['--dir', dir]);
    const cores = availableParallelism();
    const mb = cold.bytes / 1e6;
    const row = (what, value, target, ok) => console.log(`${what.padEnd(44)} ${value.padStart(12)}   ${target.padEnd(10)} ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`);
    console.log(`\ncorpus index: ${cold.articles} Reuters articles (${mb.toFixed(1)} MB), ${cores} cores`);
    console.log(`  ${cold.entities} entities, ${cold.groups} figure groups (${cold.conflicts} conflicts), ${cold.topics} topics${cold.failed ? `, ${cold.failed} failed` : ''}`);
    console.log(`${'measure'.padEnd(44)} ${'value'.padStart(12)}   ${'target'.padEnd(10)}`);
    row('cold index (analyze + cache + index + snapshot)', `${(cold.ms / 1000).toFixed(1)} s`, '≤ 30 s', cold.ms <= TARGETS.cold);
    row('  throughput', `${(mb / (cold.ms / 1000)).toFixed(2)} MB/s`, '');
    row(`warm from cache (new process${warm.restored ? ', stored snapshot' : ''})`, `${(warm.ms / 1000).toFixed(2)} s`, '≤ 2 s', warm.ms <= TARGETS.warm);
    if (warm.liveMs !== undefined) row('  first edit after it: live index built (own thread)', `${(warm.liveMs / 1000).toFixed(2)} s`, '');
    row('one edited article re-indexed (median of 5)', `${warm.editMs.toFixed(1)} ms`, '≤ 50 ms', warm.editMs <= TARGETS.edit);
    row('peak memory, cold (process + workers)', `${cold.maxRssMb.toFixed(0)} MB`, '≤ 300 MB', cold.maxRssMb <= TARGETS.rss);
    row('peak memory, warm + edit', `${warm.maxRssMb.toFixed(0)} MB`, '≤ 300 MB', warm.maxRssMb <= TARGETS.rss);
    if (raw) {
      row(`raw compromise people/places/orgs (${cores} threads)`, `${(raw.ms / 1000).toFixed(1)} s`, '');
      row('  compromise peak memory', `${raw.maxRssMb.toFixed(0)} MB`, '');
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
