#!/usr/bin/env node
// Export benchmark: the Reuters corpus (18,834 articles) analyzed once, 1,000 annotations of
// every kind spread over it, then each export format timed (median of 3 runs; target ≤ 5 s each;
// reports with a full section for all 18,834 articles are timed once, for information).
//   node scripts/bench/export.mjs [--limit N] [--runs N]
// The corpus is expanded with ../shared/tools/corpus-expand.mjs into $NEWS_LENS_REUTERS_DIR
// (default: <tmp>/news-lens-reuters) once; the core is bundled with esbuild, as the CLI ships.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reutersDir } from './lib/reuters.mjs';
import { bundleExports } from './lib/bundle.mjs';

const TARGET_MS = 5000;
const ANNOTATIONS = 1000;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function loadCore() {
  const entry = [
    "export { analyze } from './src/core';",
    "export * from './src/core/export';",
    "export { anchorAll, makeTarget, serializeSidecar, VERDICTS } from './src/core/annotations';",
    "export { CorpusIndex } from './src/core/corpus';",
  ];
  return bundleExports(entry, 'export-core');
}

const corpusDir = (limit) => reutersDir(limit);

const sha256 = (t) => createHash('sha256').update(t, 'utf8').digest('hex');
const uuid = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ms = (t0) => performance.now() - t0;

// 1,000 annotations over every k-th article: claims with each verdict (and none), entity
// rejections, corrections and confirmations, notes with threads, tags and links, quotes.
function annotate(core, articles) {
  const picked = articles.filter((a) => a.analysis.claims.length && a.analysis.entities.length);
  const step = Math.max(1, Math.floor(picked.length / (ANNOTATIONS / 4)));
  let n = 0;
  const time = (i) => new Date(Date.UTC(2024, 10, 1) + i * 60_000).toISOString();
  const verdicts = [...core.VERDICTS, undefined];
  for (let i = 0; n < ANNOTATIONS && i < picked.length * step; i += step) {
    const a = picked[i % picked.length];
    a.sidecar ??= { version: 1, document: { path: a.path, sha256: a.sha256 }, status: ['unreviewed', 'in-review', 'reviewed'][n % 3], annotations: [] };
    const add = (kind, start, end, extra) => {
      n++;
      a.sidecar.annotations.push({ id: uuid(n), created: time(n), modified: time(n + 1), author: `reviewer ${n % 7}`, kind, target: core.makeTarget(a.text, start, end), body: '', tags: [], links: [], ...extra });
    };
    const c = a.analysis.claims[n % a.analysis.claims.length];
    const v = verdicts[n % verdicts.length];
    add('claim', c.start, c.end, { body: `Checked against the filing, "${c.text}" | see desk notes`, ...(v ? { verdict: v } : {}), links: ['https://example.org/filing'] });
    const e = a.analysis.entities[n % a.analysis.entities.length];
    add('entity', e.start, e.end, n % 3 === 0 ? { rejected: true } : n % 3 === 1 ? { type: 'organization', name: `${e.text} Corp` } : { accepted: true });
    const s = Math.min(a.text.length, 40);
    add('note', 0, s, { body: 'Headline overstates it?\nSecond line.', status: n % 2 ? 'open' : 'resolved', tags: ['headline'], replies: [{ id: uuid(100000 + n), author: 'editor', created: time(n), modified: time(n), body: 'Agreed.' }] });
    const q = a.analysis.quotes[0];
    if (q) add('quote', q.start, q.end, { verdict: 'verified' });
    else add('note', e.start, e.end, { body: 'Who is this?' });
  }
  return n;
}

export default async function run() {
  const limit = arg('--limit', Infinity);
  const runs = arg('--runs', 3);
  const dir = corpusDir(limit);
  if (!dir) {
    console.log('export bench: ../shared/tools/corpus-expand.mjs not found; skipped');
    return;
  }
  const core = await loadCore();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);

  let t0 = performance.now();
  const articles = files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return { path: f, text, sha256: sha256(text), analysis: core.analyze(text) };
  });
  const analyzeMs = ms(t0);

  let corpus;
  let corpusMs;
  if (core.CorpusIndex) {
    t0 = performance.now();
    const index = new core.CorpusIndex({ keepAnalyses: false });
    for (const a of articles) index.set({ path: a.path, hash: a.sha256, analysis: a.analysis, text: a.text });
    corpus = index.snapshot();
    corpusMs = ms(t0);
  }

  const made = annotate(core, articles);
  t0 = performance.now();
  for (const a of articles) if (a.sidecar) a.anchored = core.anchorAll(a.sidecar, a.text);
  const anchorMs = ms(t0);

  const input = { articles, corpus, generated: '2024-11-05T12:00:00.000Z', organization: 'Bench Desk' };
  const formats = [
    ['json', () => core.exportJsonBundle(input)],
    ['csv annotations', () => core.exportAnnotationsCsv(input, { bom: true })],
    ['csv claims', () => core.exportClaimsCsv(input, { bom: true })],
    ['md', () => core.exportMarkdownReport(input)],
    ['html', () => core.exportHtmlReport(input)],
    // A full section for every article (--all-articles): for information, no target.
    ['md, all articles', () => core.exportMarkdownReport(input, { articles: 'all' }), 1],
    ['html, all articles', () => core.exportHtmlReport(input, { articles: 'all' }), 1],
    ['webannotation', () => core.exportWebAnnotations(input)],
    ['webannotation import', (wa) => core.importWebAnnotations(wa)],
    ['claimreview', () => core.exportClaimReview(input)],
  ];
  const claims = articles.reduce((k, a) => k + a.analysis.claims.length, 0);
  console.log(`\nexport bench: ${articles.length} articles (${claims} claims), ${made} annotations; corpus groups: ${corpus ? corpus.claimGroups.length : 'none (no CorpusIndex)'}`);
  console.log(`setup: analyze ${(analyzeMs / 1000).toFixed(1)} s · corpus index ${corpusMs === undefined ? '—' : (corpusMs / 1000).toFixed(1) + ' s'} · anchor ${anchorMs.toFixed(0)} ms`);
  const rows = [];
  let wa = '';
  for (const [name, fn, only] of formats) {
    const times = [];
    let out;
    for (let r = 0; r < (only ?? runs); r++) {
      t0 = performance.now();
      out = fn(wa);
      times.push(ms(t0));
    }
    if (name === 'webannotation') wa = out;
    if (name === 'webannotation import') {
      if (!out.ok) throw new Error(`import failed: ${out.error}`);
      const back = new Map(out.sidecars.map((s) => [s.document.path, core.serializeSidecar(s)]));
      const same = articles.filter((a) => a.sidecar).every((a) => back.get(a.path) === core.serializeSidecar(a.sidecar));
      out = `${out.sidecars.length} sidecars, round trip ${same ? 'byte-identical' : 'DIFFERS'}`;
    }
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    rows.push({ format: name, 'median ms': Math.round(median), output: typeof out === 'string' && !out.includes(' sidecars') ? `${(Buffer.byteLength(out) / 1e6).toFixed(2)} MB` : out, [`≤ ${TARGET_MS / 1000} s`]: only ? 'info' : median <= TARGET_MS ? 'ok' : 'SLOW' });
  }
  console.table(rows);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
