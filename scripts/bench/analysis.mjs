#!/usr/bin/env node
// Analysis benchmark (issue 3), with the built engine (dist/index-worker.js exports `analyze`):
//   throughput — full analysis (entities, claims, quotes, attributions) of 2,000 Reuters
//                articles in one thread: MB/s per core
//   1,000 words — median ms for one 1,000-word article
//   cold load  — a fresh Node process: require the engine and analyze a first sentence
// each beside raw compromise `nlp(text).people()/places()/organizations()` measured in the same
// run on the same texts.
//   node scripts/bench/analysis.mjs [--limit N]
// The corpus is expanded once with ../shared/tools/corpus-expand.mjs into $NEWS_LENS_REUTERS_DIR
// (default <tmp>/news-lens-reuters), shared with the other benchmarks.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reutersDir } from './lib/reuters.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE = join(ROOT, 'dist', 'index-worker.js');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const COUNT = limitAt >= 0 ? Math.min(2000, Number(args[limitAt + 1])) : 2000;

const corpusDir = () => reutersDir();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Runs fn over the texts once to warm up, then `rounds` times; the best round (least disturbed by other load). */
function throughput(texts, fn, rounds = 2) {
  for (const t of texts.slice(0, 50)) fn(t);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const t of texts) fn(t);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function perArticle(texts, fn, reps = 5) {
  for (const t of texts) fn(t);
  const times = [];
  for (const t of texts) {
    const one = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      fn(t);
      one.push(performance.now() - t0);
    }
    times.push(median(one));
  }
  return median(times);
}

function coldLoad(code) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    runs.push(Number(out.trim()));
  }
  return median(runs);
}

if (!existsSync(ENGINE)) {
  console.error(`analysis bench: ${ENGINE} is missing; run npm run build first`);
  process.exit(1);
}
const dir = corpusDir();
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, COUNT);
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// 1,000-word articles: consecutive Reuters stories joined until 1,000 words, 20 of them.
const long = [];
for (let i = 0, cur = []; i < texts.length && long.length < 20; i++) {
  cur.push(texts[i]);
  const words = cur.join('\n\n').split(/\s+/).filter(Boolean);
  if (words.length >= 1000) {
    long.push(words.slice(0, 1000).join(' '));
    cur = [];
  }
}

const engine = require(ENGINE);
const nlp = require('compromise');
const ours = (t) => engine.analyze(t);
const raw = (t) => {
  const doc = nlp(t);
  return doc.people().length + doc.places().length + doc.organizations().length;
};

const oursMs = throughput(texts, ours);
const rawMs = throughput(texts, raw);
const oursLong = perArticle(long, ours);
const rawLong = perArticle(long, raw);
const sentence = JSON.stringify('Volodymyr Zelensky met Joe Biden in Kyiv on Tuesday, officials said, as 10,000 troops arrived.');
const oursCold = coldLoad(`const t=performance.now();const e=require(${JSON.stringify(ENGINE)});e.analyze(${sentence});console.log(performance.now()-t)`);
const rawCold = coldLoad(`const t=performance.now();const nlp=require(${JSON.stringify(require.resolve('compromise'))});const d=nlp(${sentence});d.people();d.places();d.organizations();console.log(performance.now()-t)`);

const mb = bytes / 1e6;
const row = (what, a, b) => console.log(`${what.padEnd(42)} ${a.padStart(14)} ${b.padStart(20)}`);
console.log(`\nanalysis: ${texts.length} Reuters articles (${mb.toFixed(2)} MB), one thread; ${long.length} articles of 1,000 words`);
row('measure', 'News Lens', 'raw compromise');
row('throughput per core', `${(mb / (oursMs / 1000)).toFixed(2)} MB/s`, `${(mb / (rawMs / 1000)).toFixed(2)} MB/s`);
row(`  time for the ${texts.length} articles`, `${(oursMs / 1000).toFixed(2)} s`, `${(rawMs / 1000).toFixed(2)} s`);
row('1,000-word article, median', `${oursLong.toFixed(1)} ms`, `${rawLong.toFixed(1)} ms`);
row('cold load + first analysis (new process)', `${oursCold.toFixed(0)} ms`, `${rawCold.toFixed(0)} ms`);
console.log('(News Lens: entities, numeric claims, quotes, attributions; compromise: people, places, organizations only)');
