// The Node indexer: cache hits and invalidation (engine version, changed file, deleted file),
// progress and cancellation, bad files, and the worker threads themselves (bundled on the fly).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { CorpusIndex } from '../../../src/core/corpus';
import { AnalysisCache, sha256, sourcesOfEntry, type CacheEntry } from '../../../src/node/analysisCache';
import { CorpusDriver, type IndexProgress } from '../../../src/node/corpusDriver';
import { slimEntry } from '../../../src/node/indexJob';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Volodymyr Zelensky said on Tuesday that North Korea has sent approximately 10,000 troops to Russia. Zelensky spoke in Kyiv.',
  'b.txt': 'Volodymyr Zelenskiy told reporters in Kyiv that North Korea sent approximately 10,000 soldiers to Russia.',
  'c.txt': 'Officials in Kiev said Russian drones hit the city overnight, injuring at least nine people.',
};

let root: string;
const dirs: string[] = [];
function folder(files: Record<string, string> = ARTICLES): { dir: string; paths: string[]; cache: string } {
  const dir = mkdtempSync(join(root, 'corpus-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, paths: Object.keys(files).sort().map((f) => join(dir, f)), cache: join(dir, '.cache') };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'news-lens-driver-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the analysis cache', () => {
  it('a second run takes every article from the cache', async () => {
    const { paths, cache } = folder();
    const first = new CorpusDriver({ cacheDir: cache });
    const r1 = await first.indexFiles(paths);
    expect(r1).toMatchObject({ total: 3, indexed: 3, analyzed: 3, cached: 0, failed: [] });
    const second = new CorpusDriver({ cacheDir: cache });
    const r2 = await second.indexFiles(paths);
    expect(r2).toMatchObject({ indexed: 3, analyzed: 0, cached: 3 });
    // The same index either way.
    const names = (d: CorpusDriver) => d.snapshot().entities.map((e) => [e.name, e.documents.length]);
    expect(names(second)).toEqual(names(first));
    expect(second.snapshot().entities.find((e) => e.name === 'Volodymyr Zelensky')?.documents).toHaveLength(2);
  });

  it('a changed file is analyzed again, the others come from the cache', async () => {
    const { paths, cache } = folder();
    await new CorpusDriver({ cacheDir: cache }).indexFiles(paths);
    writeFileSync(paths[2], 'Officials in Kiev said drones hit the city, injuring 11 people.');
    const r = await new CorpusDriver({ cacheDir: cache }).indexFiles(paths);
    expect(r).toMatchObject({ analyzed: 1, cached: 2 });
  });

  it('a new engine version finds nothing cached, and clears the old entries', async () => {
    const { paths, cache } = folder();
    await new CorpusDriver({ cacheDir: cache, engineVersion: '1.0.0-test' }).indexFiles(paths);
    const old = readdirSync(cache);
    expect(old).toHaveLength(1);
    const r = await new CorpusDriver({ cacheDir: cache, engineVersion: '1.0.1-test' }).indexFiles(paths);
    expect(r).toMatchObject({ analyzed: 3, cached: 0 });
    const now = readdirSync(cache);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old[0]);
  });

  it('is keyed on the content hash and the engine version', () => {
    const { cache } = folder({});
    const a = new AnalysisCache(cache, '1'), b = new AnalysisCache(cache, '2');
    const h = sha256('text');
    expect(a.key(h)).not.toBe(b.key(h));
    expect(a.key(h)).toBe(new AnalysisCache(cache, '1').key(h));
    expect(a.key(h)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a deleted file leaves the index (on the next run and when re-indexed), and pruning drops its entry', async () => {
    const { paths, cache } = folder();
    const driver = new CorpusDriver({ cacheDir: cache });
    await driver.indexFiles(paths);
    expect(driver.snapshot().documents).toHaveLength(3);
    const again = new CorpusDriver({ cacheDir: cache });
    await again.indexFiles(paths);
    unlinkSync(paths[2]);
    // Re-indexing the one file notices it is gone.
    expect(await driver.reindexFile(paths[2])).toBe('removed');
    expect(driver.snapshot().documents).toEqual(paths.slice(0, 2));
    // A whole run over the folder's files drops what is not there any more.
    const r = await again.indexFiles(paths.slice(0, 2), { prune: true });
    expect(r.removed).toEqual([paths[2]]);
    expect(again.snapshot().documents).toEqual(paths.slice(0, 2));
    const store = new AnalysisCache(cache);
    expect(store.readRaw(sha256(ARTICLES['c.txt']))).toBeUndefined();
    expect(store.has(sha256(ARTICLES['a.txt'])) && store.has(sha256(ARTICLES['b.txt']))).toBe(true);
  });

  it('give quotes, attributions and the figure count from an entry\'s end, as a full parse does', async () => {
    const tricky = '"We hold the line," Volodymyr Zelensky said on Tuesday. The "kind": figure and "quotes":[ were 12 percent, analysts said, and 3,000 troops left.';
    const { paths, cache } = folder({ ...ARTICLES, 'd.txt': tricky, 'e.txt': 'No figures, no quotes here.' });
    await new CorpusDriver({ cacheDir: cache }).indexFiles(paths);
    const store = new AnalysisCache(cache);
    for (const p of paths) {
      const raw = store.readRaw(sha256(readFileSync(p, 'utf8')))!;
      const full = (JSON.parse(raw) as CacheEntry).analysis;
      expect(sourcesOfEntry(raw)).toEqual({ quotes: full.quotes, attributions: full.attributions, claims: full.claims.length });
    }
    const d = sourcesOfEntry(store.readRaw(sha256(tricky))!)!;
    expect(d.quotes.length).toBeGreaterThan(0);
    expect(d.claims).toBeGreaterThan(1);
    expect(sourcesOfEntry('{"engine":"x"}')).toBeUndefined();
  });

  it('slim entries are the full entry without the analysis', async () => {
    const { paths, cache } = folder();
    await new CorpusDriver({ cacheDir: cache }).indexFiles(paths);
    const c = new AnalysisCache(cache);
    const full = c.get(sha256(ARTICLES['a.txt']))!;
    expect(full.analysis.entities.length).toBeGreaterThan(0);
    const slim = JSON.parse(slimEntry(JSON.stringify(full)));
    expect(slim.analysis).toBeUndefined();
    expect(slim.digest).toEqual(full.digest);
    expect(slim.claims).toEqual(full.claims);
  });
});

describe('a stored snapshot (restore)', () => {
  it('is read back when no file changed, the live index built only when needed', async () => {
    const { paths, cache } = folder();
    const first = new CorpusDriver({ cacheDir: cache });
    const r1 = await first.indexFiles(paths, { restore: true });
    expect(r1.restored).toBeFalsy();
    const want = JSON.stringify(first.snapshot());
    const fills: { done: number; total: number }[] = [];
    const second = new CorpusDriver({ cacheDir: cache, onFillProgress: (p) => fills.push(p) });
    const r2 = await second.indexFiles(paths, { restore: true });
    expect(r2).toMatchObject({ restored: true, cached: 3, analyzed: 0 });
    expect(second.isRestored).toBe(true);
    // The same view, mentions and merge reasons included.
    expect(JSON.stringify(second.snapshot())).toBe(want);
    // Lookups are answered from the stored snapshot: the live index is not built for them.
    expect(second.index.entityAt(paths[0], 2)?.name).toBe('Volodymyr Zelensky');
    expect(second.index.groupForClaim(paths[0], 0)?.figures.map((f) => f.documents)).toEqual(first.index.groupForClaim(paths[0], 0)?.figures.map((f) => f.documents));
    expect(second.isRestored).toBe(true);
    // A change builds the live index from the cache (reporting how far it has got); changed back, the view is the same again.
    writeFileSync(paths[2], 'Joe Biden spoke in Washington.');
    expect(await second.reindexFile(paths[2])).toBe('updated');
    expect(fills).toEqual([{ done: 0, total: 3 }, { done: 3, total: 3 }]);
    expect(second.isRestored).toBe(false);
    expect(second.snapshot().entities.some((e) => e.name === 'Joe Biden')).toBe(true);
    writeFileSync(paths[2], ARTICLES['c.txt']);
    expect(await second.reindexFile(paths[2])).toBe('updated');
    expect(JSON.stringify(second.snapshot())).toBe(want);
  });

  it('can have its live index filled ahead of a change, which then does not wait for it', async () => {
    const { paths, cache } = folder();
    await new CorpusDriver({ cacheDir: cache }).indexFiles(paths, { restore: true });
    const fills: { done: number; total: number }[] = [];
    const d = new CorpusDriver({ cacheDir: cache, onFillProgress: (p) => fills.push(p) });
    expect(await d.indexFiles(paths, { restore: true })).toMatchObject({ restored: true });
    const want = JSON.stringify(d.snapshot());
    expect(d.waitsToFill).toBe(true);
    await d.prepareLive();
    expect(d.waitsToFill).toBe(false);
    expect(fills).toEqual([{ done: 0, total: 3 }, { done: 3, total: 3 }]);
    // Filled, the view is the one restored; a second call does nothing.
    expect(JSON.stringify(d.snapshot())).toBe(want);
    await d.prepareLive();
    expect(fills).toHaveLength(2);
    // The change is taken in without another fill.
    writeFileSync(paths[2], 'Joe Biden spoke in Washington.');
    expect(await d.reindexFile(paths[2])).toBe('updated');
    expect(fills).toHaveLength(2);
    expect(d.snapshot().entities.some((e) => e.name === 'Joe Biden')).toBe(true);
  });

  it('is stored a piece at a time, as the same text as the whole state', async () => {
    const index = new CorpusIndex();
    for (const [path, text] of Object.entries(ARTICLES)) index.set({ path, hash: sha256(text), analysis: analyze(text), text });
    const chunks: string[] = [];
    index.writeState('k', (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(JSON.stringify(index.exportState('k')));
  });

  it('is not used when a file changed', async () => {
    const { paths, cache } = folder();
    await new CorpusDriver({ cacheDir: cache }).indexFiles(paths, { restore: true });
    writeFileSync(paths[1], 'Joe Biden spoke in Washington about Kyiv.');
    const d = new CorpusDriver({ cacheDir: cache });
    const r = await d.indexFiles(paths, { restore: true });
    expect(r.restored).toBeFalsy();
    expect(r).toMatchObject({ analyzed: 1, cached: 2 });
    expect(d.snapshot().entities.some((e) => e.name === 'Joe Biden')).toBe(true);
  });
});

describe('runs', () => {
  it('reports progress with counts and an estimate of the time left', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 12; i++) many[`n${String(i).padStart(2, '0')}.txt`] = `Article ${i}: Acme Corp said ${i + 2} plants in Ohio would close.`;
    const { paths } = folder(many);
    const seen: IndexProgress[] = [];
    await new CorpusDriver().indexFiles(paths, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toMatchObject({ done: 0, total: 12 });
    expect(seen[seen.length - 1]).toMatchObject({ done: 12, total: 12, etaMs: 0 });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done)).toBe(true);
  });

  it('stops when cancelled, keeping what was done', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 40; i++) many[`n${String(i).padStart(2, '0')}.txt`] = `Article ${i}: Acme Corp said ${i + 2} plants in Ohio would close.`;
    const { paths } = folder(many);
    const abort = new AbortController();
    const driver = new CorpusDriver();
    const r = await driver.indexFiles(paths, { signal: abort.signal, progressEveryMs: 0, onProgress: (p) => p.done >= 5 && abort.abort() });
    expect(r.cancelled).toBe(true);
    expect(driver.snapshot().documents.length).toBeLessThan(40);
    expect(driver.snapshot().documents.length).toBeGreaterThanOrEqual(5);
  });

  it('reports unreadable and binary files and indexes the rest', async () => {
    const { dir, paths } = folder();
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const sub = join(dir, 'folder.txt');
    mkdirSync(sub);
    const driver = new CorpusDriver();
    const r = await driver.indexFiles([...paths, binary, sub, join(dir, 'missing.txt')]);
    expect(r.failed.map((f) => f.path).sort()).toEqual([binary, sub, join(dir, 'missing.txt')].sort());
    expect(r.failed.find((f) => f.path === binary)!.message).toMatch(/binary/);
    expect(driver.snapshot().documents).toEqual(paths);
  });

  it('re-indexes one changed file cheaply, and not at all when unchanged', async () => {
    const { paths, cache } = folder();
    const driver = new CorpusDriver({ cacheDir: cache });
    await driver.indexFiles(paths);
    expect(await driver.reindexFile(paths[0])).toBe('unchanged');
    writeFileSync(paths[0], 'Vladimir Putin met officials in Moscow on Monday.');
    expect(await driver.reindexFile(paths[0])).toBe('updated');
    expect(driver.snapshot().entities.find((e) => /Zelensk/.test(e.name))?.documents).toEqual([paths[1]]);
    // An editor's unsaved text.
    expect(await driver.reindexFile(paths[0], 'Joe Biden spoke in Washington.')).toBe('updated');
    expect(driver.index.entityAt(paths[0], 2)?.name).toBe('Joe Biden');
  });
});

describe('worker threads', () => {
  let script: string;
  beforeAll(async () => {
    script = join(root, 'index-worker.cjs');
    // The analysis workers' bundle, and beside it the live index's (found by its name).
    for (const [entry, out] of [['indexWorker.ts', script], ['indexHostWorker.ts', join(root, 'index-host.cjs')]]) {
      await esbuild.build({
        entryPoints: [join(__dirname, '../../../src/node', entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: out,
        logLevel: 'error',
        define: { 'import.meta.url': '__importMetaUrl' },
        banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      });
    }
  }, 60_000);

  it('index on two workers what the main thread indexes, and share the cache', async () => {
    const { paths, cache } = folder();
    const onWorkers = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache });
    const r = await onWorkers.indexFiles(paths);
    await onWorkers.dispose();
    expect(r).toMatchObject({ indexed: 3, analyzed: 3, failed: [] });
    const inThread = new CorpusDriver({ cacheDir: cache });
    expect(await inThread.indexFiles(paths)).toMatchObject({ cached: 3, analyzed: 0 });
    const shape = (d: CorpusDriver) => JSON.stringify({ e: d.snapshot().entities.map((e) => [e.id, e.variants, e.documents]), g: d.snapshot().claimGroups.map((g) => g.figures.map((f) => [f.value, f.documents])) });
    expect(shape(onWorkers)).toBe(shape(inThread));
    expect(existsSync(script)).toBe(true);
  }, 60_000);

  it('store what they make in the cache, the index filled from it after the run', async () => {
    const { paths, cache } = folder();
    const onWorkers = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache, indexOptions: { keepAnalyses: false } });
    const r = await onWorkers.indexFiles(paths, { restore: true });
    await onWorkers.dispose();
    expect(r).toMatchObject({ indexed: 3, analyzed: 3, cached: 0, failed: [] });
    const inThread = new CorpusDriver({ indexOptions: { keepAnalyses: false } });
    await inThread.indexFiles(paths);
    expect(JSON.stringify(onWorkers.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    // A second run on workers takes them from the cache.
    writeFileSync(paths[1], 'Joe Biden spoke in Washington about Kyiv.');
    const again = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache, indexOptions: { keepAnalyses: false } });
    expect(await again.indexFiles(paths, { restore: true })).toMatchObject({ indexed: 3, analyzed: 1, cached: 2 });
    await again.dispose();
    expect(again.snapshot().entities.some((e) => e.name === 'Joe Biden')).toBe(true);
  }, 60_000);

  it('hold the live index in a thread of their own: the same view, edits and removals mirrored, analyses read from the cache', async () => {
    const { paths, cache } = folder();
    const hosted = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache });
    expect(hosted.hosted).toBe(true);
    await hosted.indexFiles(paths, { restore: true });
    const inThread = new CorpusDriver();
    await inThread.indexFiles(paths);
    expect(JSON.stringify(hosted.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    expect(hosted.index.entityAt(paths[1], 2)?.name).toBe('Volodymyr Zelensky');
    expect(hosted.index.groupForClaim(paths[0], 0)?.figures[0].documents).toEqual([paths[0], paths[1]]);
    // Reopened: the stored snapshot, checked and read back on a thread of its own.
    const reopened = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache });
    expect(await reopened.indexFiles(paths, { restore: true })).toMatchObject({ restored: true, analyzed: 0 });
    expect(JSON.stringify(reopened.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    expect(reopened.index.entityAt(paths[1], 2)?.name).toBe('Volodymyr Zelensky');
    // With an unsaved change it is not used.
    const unsaved = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache });
    const u = await unsaved.indexFiles(paths, { restore: true, texts: new Map([[paths[2], 'Joe Biden spoke in Washington.']]) });
    expect(u.restored).toBeFalsy();
    expect(unsaved.snapshot().entities.some((e) => e.name === 'Joe Biden')).toBe(true);
    await Promise.all([reopened.dispose(), unsaved.dispose()]);
    // Whole analyses come from the cache (the thread keeps only what the index needs).
    expect(hosted.index.document(paths[0])?.analysis.entities.map((e) => e.text)).toEqual(inThread.index.document(paths[0])?.analysis.entities.map((e) => e.text));
    // An edit, a new article and a deletion, each mirrored.
    for (const d of [hosted, inThread]) {
      expect(await d.reindexFile(paths[2], 'Joe Biden spoke in Washington about Kyiv.')).toBe('updated');
    }
    expect(JSON.stringify(hosted.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    expect(hosted.index.entityAt(paths[2], 2)?.name).toBe('Joe Biden');
    expect(await hosted.removeFile(paths[0])).toBe(true);
    expect(await inThread.removeFile(paths[0])).toBe(true);
    expect(JSON.stringify(hosted.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    expect(hosted.index.has(paths[0])).toBe(false);
    expect(hosted.index.entityAt(paths[0], 2)).toBeUndefined();
    // Stopped and used again: a new thread is filled from the cache.
    await hosted.dispose();
    expect(await hosted.reindexFile(paths[1], 'Volodymyr Zelenskiy met Mark Rutte in Kyiv.')).toBe('updated');
    expect(await inThread.reindexFile(paths[1], 'Volodymyr Zelenskiy met Mark Rutte in Kyiv.')).toBe('updated');
    expect(JSON.stringify(hosted.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    await hosted.dispose();
  }, 60_000);

  it('start a bigger thread when the live index outgrows its bound', async () => {
    const { paths, cache } = folder();
    const small = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache, hostHeapMb: 1 });
    await small.indexFiles(paths);
    const inThread = new CorpusDriver();
    await inThread.indexFiles(paths);
    expect(JSON.stringify(small.snapshot())).toBe(JSON.stringify(inThread.snapshot()));
    expect((small as unknown as { heapMb: number }).heapMb).toBeGreaterThan(1);
    await small.dispose();
  }, 60_000);

  it('start the live index\'s thread again when it stops on its own', async () => {
    const { paths, cache } = folder();
    const driver = new CorpusDriver({ workerScript: script, workers: 2, cacheDir: cache });
    await driver.indexFiles(paths);
    expect(await driver.reindexFile(paths[2], 'Joe Biden spoke in Washington.')).toBe('updated');
    // The thread dies (as a crash would end it).
    const host = await (driver as unknown as { host: Promise<{ worker: { terminate(): Promise<number> } }> }).host;
    await host.worker.terminate();
    expect(await driver.reindexFile(paths[2], 'Joe Biden spoke in Kyiv.')).toBe('updated');
    expect(driver.index.entityAt(paths[2], 2)?.name).toBe('Joe Biden');
    expect(driver.snapshot().entities.find((e) => e.name === 'Kyiv')?.documents).toContain(paths[2]);
    await driver.dispose();
  }, 60_000);

  it('keep only what the index needs when analyses are not kept', async () => {
    const { paths } = folder();
    const driver = new CorpusDriver({ workerScript: script, workers: 2, indexOptions: { keepAnalyses: false } });
    await driver.indexFiles(paths);
    await driver.dispose();
    expect(driver.index.document(paths[0])).toBeUndefined();
    expect(driver.snapshot().entities.length).toBeGreaterThan(0);
    expect(driver.snapshot().claimGroups[0]?.figures[0].claims[0].claim.text).toMatch(/10,000/);
  }, 60_000);
});
