// The corpus indexer the CLI and the extension share: analyzes a list of article files on
// worker threads (one per core), caches each analysis by content hash and engine version,
// feeds the results to a CorpusIndex, and keeps it current file by file afterwards.
//
//   const driver = new CorpusDriver({ workerScript: 'dist/index-worker.js', cacheDir });
//   await driver.indexFiles(paths, { onProgress, signal });   // cold or warm, removes deleted files
//   await driver.reindexFile(path);                           // one changed file, in this thread
//   driver.snapshot();                                         // entities, figure groups, topics
//   await driver.dispose();
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { closeSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusIndex, DIGEST_VERSION, snapshotOf, STATE_VERSION, type CorpusIndexOptions, type CorpusState } from '../core/corpus';
import type { CorpusSnapshot } from '../core/corpus/model';
import type { ArticleAnalysis } from '../core/types';
import { ENGINE_VERSION } from '../core/version';
import { AnalysisCache, sha256, type CacheEntry } from './analysisCache';
import { runJob, slimEntry, type IndexJob, type IndexJobResult } from './indexJob';
import type { WorkerInit, WorkerReply, WorkerRequest } from './indexWorker';

export interface CorpusDriverOptions {
  /** The worker bundle (dist/index-worker.js). Without it every article is analyzed in this thread. */
  workerScript?: string;
  /** Worker threads; default one per core. */
  workers?: number;
  /** Where analyses are cached across runs. Without it nothing is cached. */
  cacheDir?: string;
  /** The engine version the cache is keyed on (tests change it); default ENGINE_VERSION. */
  engineVersion?: string;
  /** The index to fill; default a new one. */
  index?: CorpusIndex;
  /** Options of the new index. */
  indexOptions?: CorpusIndexOptions;
  /** Articles per message to a worker. */
  batchSize?: number;
}

export interface IndexProgress {
  done: number;
  total: number;
  /** Taken from the cache (or unchanged since the last run). */
  cached: number;
  failed: number;
  elapsedMs: number;
  /** Estimated time left, once a few articles are done. */
  etaMs?: number;
  /** The article just finished. */
  path?: string;
}

export interface IndexRunOptions {
  onProgress?: (p: IndexProgress) => void;
  signal?: AbortSignal;
  /** Take indexed articles that are not in the list out of the index (their files were deleted). Default true. */
  removeMissing?: boolean;
  /** Delete cache entries that no indexed article uses (a cache folder per workspace). Default false. */
  prune?: boolean;
  /** Texts to use instead of the files' (unsaved editors). */
  texts?: ReadonlyMap<string, string>;
  /**
   * Read back the snapshot stored by an earlier run when every file is as it was (only hashing
   * them), and build the live index only when something needs it; store the snapshot after a run.
   * Needs `cacheDir`.
   */
  restore?: boolean;
  /** At most one progress report per this many milliseconds (the first and last always come). Default 50. */
  progressEveryMs?: number;
}

export interface IndexFailure {
  path: string;
  message: string;
}

export interface IndexRunResult {
  total: number;
  /** Articles (re)indexed in this run, from cache or fresh. */
  indexed: number;
  cached: number;
  analyzed: number;
  /** Already indexed with the same content: nothing to do. */
  unchanged: number;
  failed: IndexFailure[];
  removed: string[];
  cancelled: boolean;
  /** The snapshot was read back from the cache (see `restore`). */
  restored?: boolean;
  elapsedMs: number;
}

export type ReindexOutcome = 'unchanged' | 'updated' | 'removed' | 'failed';

export class CorpusDriver {
  readonly cache: AnalysisCache | undefined;
  private readonly engineVersion: string;
  private readonly live: CorpusIndex;
  private pool: WorkerPool | undefined;
  private nextJob = 1;
  private failures = new Map<string, string>();
  /** A stored snapshot read back by a `restore` run, until the live index is needed. */
  private restored: { snapshot: CorpusSnapshot; files: [string, string][] } | undefined;

  constructor(private readonly opts: CorpusDriverOptions = {}) {
    this.engineVersion = opts.engineVersion ?? ENGINE_VERSION;
    this.live = opts.index ?? new CorpusIndex(opts.indexOptions);
    if (opts.cacheDir) {
      this.cache = new AnalysisCache(opts.cacheDir, this.engineVersion);
      this.cache.clearOtherVersions(opts.cacheDir);
    }
  }

  /**
   * The live index. After a run that restored a stored snapshot, the first use builds it from the
   * cached analyses (in this thread, a few seconds for tens of thousands of articles).
   */
  get index(): CorpusIndex {
    if (this.restored) this.buildRestored();
    return this.live;
  }

  /** Whether the snapshot is one read back from the cache and the live index is not built yet. */
  get isRestored(): boolean {
    return !!this.restored;
  }

  /** Articles that could not be read or analyzed in the last runs, with why. */
  get failed(): IndexFailure[] {
    return [...this.failures].map(([path, message]) => ({ path, message }));
  }

  /**
   * Brings the index to exactly these files: new and changed ones are analyzed (or taken from the
   * cache), unchanged ones are skipped, and — unless `removeMissing` is false — indexed articles
   * not in the list are removed.
   */
  async indexFiles(paths: readonly string[], run: IndexRunOptions = {}): Promise<IndexRunResult> {
    const t0 = performance.now();
    const unique = [...new Set(paths)];
    const result: IndexRunResult = { total: unique.length, indexed: 0, cached: 0, analyzed: 0, unchanged: 0, failed: [], removed: [], cancelled: false, elapsedMs: 0 };
    if (run.restore && this.cache && !this.live.size && !this.restored) {
      const restored = await this.tryRestore(unique, run, result);
      if (restored) {
        result.elapsedMs = performance.now() - t0;
        return result;
      }
    }
    if (this.restored) this.buildRestored();
    if (run.removeMissing !== false) {
      const wanted = new Set(unique);
      for (const p of this.index.paths()) {
        if (!wanted.has(p)) {
          this.index.remove(p);
          result.removed.push(p);
        }
      }
    }
    // Without whole analyses kept, workers send only what the index keeps.
    const slim = this.opts.indexOptions?.keepAnalyses === false;
    const usePool = !!this.opts.workerScript && (this.opts.workers ?? 1) > 0 && unique.length > 1;
    // With a cache, workers only store what they make, and the index is filled from the cache once
    // they have stopped: the index (and the garbage of making it) never sits on top of their memory.
    const stored = usePool && !!this.cache;
    const jobs: IndexJob[] = unique.map((path) => ({
      id: this.nextJob++,
      path,
      ...(slim ? { slim } : {}),
      ...(stored ? { stored } : {}),
      ...(run.texts?.has(path) ? { text: run.texts.get(path)! } : {}),
      ...(this.index.hashOf(path) ? { knownHash: this.index.hashOf(path)! } : {}),
    }));
    let done = 0;
    let lastReport = 0;
    const report = (path?: string, force = false) => {
      if (!run.onProgress) return;
      const now = performance.now();
      if (!force && now - lastReport < (run.progressEveryMs ?? 50)) return;
      lastReport = now;
      const elapsedMs = now - t0;
      const etaMs = done >= 4 && done < unique.length ? (elapsedMs / done) * (unique.length - done) : done === unique.length ? 0 : undefined;
      run.onProgress({ done, total: unique.length, cached: result.cached + result.unchanged, failed: result.failed.length, elapsedMs, ...(etaMs !== undefined ? { etaMs } : {}), ...(path ? { path } : {}) });
    };
    // Results are taken in the order of the list, whatever order the workers finish in, so the
    // same files make the same index.
    const order = new Map(jobs.map((j, i) => [j.id, i]));
    const early = new Map<number, IndexJobResult>();
    // Results whose entry is in the cache, to read back after the run (in list order).
    const later: Extract<IndexJobResult, { ok: true }>[] = [];
    const take = (x: IndexJobResult) => {
      if (x.ok && !x.unchanged && x.entry === undefined) {
        this.failures.delete(x.path);
        later.push(x);
      } else this.accept(x, result);
    };
    let nextIndex = 0;
    const onResult = (r: IndexJobResult) => {
      done++;
      early.set(order.get(r.id)!, r);
      while (early.has(nextIndex)) {
        const x = early.get(nextIndex)!;
        early.delete(nextIndex++);
        take(x);
      }
      report(r.path, done === unique.length);
    };
    report(undefined, true);
    if (jobs.length) {
      if (usePool) {
        this.pool ??= this.makePool();
        result.cancelled = !(await this.pool.run(jobs, onResult, run.signal, this.opts.batchSize ?? 8));
        // Before the index is filled and the snapshot refreshed and stored: that peak should not
        // come on top of the workers' memory, so wait until they are gone.
        this.releasePool();
        await this.stopping;
      } else {
        for (const job of jobs) {
          if (run.signal?.aborted) {
            result.cancelled = true;
            break;
          }
          onResult(runJob(job, { cache: this.cache, engineVersion: this.engineVersion }));
          // Let progress, cancellation and other work in.
          if (job.id % 16 === 0) await new Promise((r) => setImmediate(r));
        }
      }
    }
    // A cancelled run leaves gaps: take what did arrive.
    for (const i of [...early.keys()].sort((a, b) => a - b)) take(early.get(i)!);
    early.clear();
    for (let i = 0; i < later.length; i++) {
      this.acceptStored(later[i].path, later[i].hash, later[i].cached, result);
      // Let other work in (reading back takes a few seconds for tens of thousands of articles).
      if (i % 512 === 511) await new Promise((r) => setImmediate(r));
    }
    later.length = 0;
    if (run.prune && this.cache && !result.cancelled) {
      this.cache.prune(this.index.paths().map((p) => this.index.hashOf(p)!));
    }
    // Store the snapshot for the next `restore` run (when the files are not what was stored).
    if (run.restore && this.cache && !result.cancelled && (result.indexed || result.removed.length || !this.readStateKey())) this.saveState();
    result.elapsedMs = performance.now() - t0;
    return result;
  }

  /** Stores the current snapshot in the cache folder, for a later `restore` run to read back. */
  saveState(): boolean {
    if (!this.cache || !this.opts.cacheDir) return false;
    const files = this.live.paths().map((p) => [p, this.live.hashOf(p)!] as [string, string]);
    const file = this.stateFile();
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      // Written a piece at a time: the whole state as objects and as one string would be tens of MB at the peak.
      const fd = openSync(tmp, 'w');
      try {
        this.live.writeState(this.stateKey(files), (chunk) => writeSync(fd, chunk));
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
      return true;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
      return false;
    }
  }

  private stateFile(): string {
    return join(this.opts.cacheDir!, 'corpus-state.json');
  }

  /** What a stored state was made from: the engine, the digest format and every file's path and hash. */
  private stateKey(files: [string, string][]): string {
    const lines = files.map(([p, h]) => `${p}\t${h}`).sort();
    return sha256(`${STATE_VERSION}\n${this.engineVersion}\n${DIGEST_VERSION}\n${lines.join('\n')}`);
  }

  private readStateKey(): string | undefined {
    try {
      const fd = openSync(this.stateFile(), 'r');
      try {
        const buf = Buffer.alloc(200);
        const n = readSync(fd, buf, 0, 200, 0);
        return /"key":"([0-9a-f]{64})"/.exec(buf.toString('utf8', 0, n))?.[1];
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
  }

  /**
   * A reopened workspace: when every file hashes as it did when the state was stored, the stored
   * snapshot is read back instead of rebuilding the index (which waits until it is needed).
   */
  private async tryRestore(paths: string[], run: IndexRunOptions, result: IndexRunResult): Promise<boolean> {
    const stored = this.readStateKey();
    if (!stored) return false;
    const jobs: IndexJob[] = paths.map((path) => ({ id: this.nextJob++, path, hashOnly: true, ...(run.texts?.has(path) ? { text: run.texts.get(path)! } : {}) }));
    const hashes = new Map<string, string>();
    let bad = false;
    const onResult = (r: IndexJobResult) => {
      if (r.ok) hashes.set(r.path, r.hash);
      else bad = true;
    };
    // Hashing is quick (a few hundred milliseconds for tens of thousands of articles): in this
    // thread, as starting workers would cost more time and leave their memory behind.
    for (const job of jobs) {
      if (run.signal?.aborted) return false;
      onResult(runJob(job, { cache: this.cache, engineVersion: this.engineVersion }));
      if (bad) return false;
      if (job.id % 512 === 0) await new Promise((r) => setImmediate(r));
    }
    if (bad) return false;
    const files = paths.map((p) => [p, hashes.get(p)!] as [string, string]);
    if (this.stateKey(files) !== stored) return false;
    let state: CorpusState;
    try {
      state = JSON.parse(readFileSync(this.stateFile(), 'utf8')) as CorpusState;
    } catch {
      return false;
    }
    if (state.v !== STATE_VERSION || state.key !== stored) return false;
    this.restored = { snapshot: snapshotOf(state), files };
    result.cached = paths.length;
    result.restored = true;
    run.onProgress?.({ done: paths.length, total: paths.length, cached: paths.length, failed: 0, elapsedMs: 0, etaMs: 0 });
    return true;
  }

  /** Builds the live index a restore run put off, from the cached analyses. */
  private buildRestored(): void {
    const files = this.restored?.files;
    if (!files) return;
    // The stored snapshot goes first (tens of MB): it is not needed while the index is built.
    this.restored = undefined;
    for (const [path, hash] of files) this.acceptStored(path, hash, true);
  }

  /** Indexes an article from its cached entry (analyzing it here when the entry is not there after all). */
  private acceptStored(path: string, hash: string, cached: boolean, result?: IndexRunResult): void {
    const slim = this.opts.indexOptions?.keepAnalyses === false;
    const raw = this.cache?.readRaw(hash);
    if (!raw) {
      // Not in the cache after all (pruned meanwhile, or it could not be written): analyze it here.
      this.accept(runJob({ id: this.nextJob++, path, slim }, { cache: this.cache, engineVersion: this.engineVersion }), result);
      return;
    }
    this.accept({ id: 0, path, ok: true, hash, cached, entry: slim ? slimEntry(raw) : raw, ms: 0 }, result);
  }

  /**
   * Stops the workers once a run is done. Idle, each still holds its heap, the engine's compiled
   * code and its allocator's arenas (tens of MB apiece) while the index is refreshed and stored,
   * and until the next run, which starts new ones (a fraction of a second).
   */
  private releasePool(): void {
    const p = this.pool;
    this.pool = undefined;
    if (p) this.stopping = p.terminate().catch(() => undefined);
  }

  /** Workers of a finished run, still stopping. */
  private stopping: Promise<unknown> | undefined;

  private makePool(): WorkerPool {
    return new WorkerPool(this.opts.workerScript!, this.opts.workers ?? defaultWorkers(), {
      newsLensIndexWorker: true,
      engineVersion: this.engineVersion,
      ...(this.opts.cacheDir ? { cacheDir: this.opts.cacheDir } : {}),
    });
  }

  /**
   * Re-indexes one article in this thread: cheap when the text is unchanged (a hash), and a single
   * analysis otherwise. A file that is gone is removed from the index.
   */
  async reindexFile(path: string, text?: string): Promise<ReindexOutcome> {
    const r = runJob({ id: this.nextJob++, path, ...(text !== undefined ? { text } : {}), ...(this.index.hashOf(path) ? { knownHash: this.index.hashOf(path)! } : {}) }, { cache: this.cache, engineVersion: this.engineVersion });
    if (!r.ok) {
      if (/no such file|is a folder/.test(r.error)) {
        this.failures.delete(path);
        return this.index.remove(path) ? 'removed' : 'failed';
      }
      this.failures.set(path, r.error);
      return 'failed';
    }
    if (r.unchanged) return 'unchanged';
    this.accept(r);
    return 'updated';
  }

  /** Takes an article out of the index (its file was deleted). */
  removeFile(path: string): boolean {
    this.failures.delete(path);
    return this.index.remove(path);
  }

  /** The corpus view: the stored one after a restore run (until the live index is needed), else the live index's. */
  snapshot(): CorpusSnapshot {
    return this.restored ? this.restored.snapshot : this.live.snapshot();
  }

  /** Stops the worker threads. The driver can still re-index in this thread, or start new workers. */
  async dispose(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    await Promise.all([p?.terminate(), this.stopping]);
    this.stopping = undefined;
  }

  private accept(r: IndexJobResult, result?: IndexRunResult): void {
    if (!r.ok) {
      this.failures.set(r.path, r.error);
      result?.failed.push({ path: r.path, message: r.error });
      return;
    }
    this.failures.delete(r.path);
    if (r.unchanged) {
      if (result) result.unchanged++;
      return;
    }
    let entry: CacheEntry;
    try {
      entry = JSON.parse(r.entry!) as CacheEntry;
    } catch (e: any) {
      this.failures.set(r.path, `bad analysis (${e?.message ?? e})`);
      result?.failed.push({ path: r.path, message: `bad analysis (${e?.message ?? e})` });
      return;
    }
    let analysis = entry.analysis;
    if (!analysis) {
      // A slim entry: the compared claims at their indexes, nothing else.
      const claims: ArticleAnalysis['claims'] = [];
      for (const [i, c] of entry.claims ?? []) claims[i] = c;
      analysis = { entities: [], claims, quotes: [], attributions: [], stats: { words: 0, sentences: 0, paragraphs: 0 } };
    }
    this.index.set({ path: r.path, hash: r.hash, analysis, digest: entry.digest, force: true });
    if (result) {
      result.indexed++;
      if (r.cached) result.cached++;
      else result.analyzed++;
    }
  }
}

export function defaultWorkers(): number {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return 2;
  }
}

/** A fixed set of workers fed batches of jobs, a couple of batches ahead each. */
class WorkerPool {
  private workers: { w: Worker; busy: number }[] = [];
  private error: Error | undefined;
  private onMessage: ((idx: number, msg: WorkerReply) => void) | undefined;

  constructor(script: string, n: number, init: WorkerInit) {
    for (let i = 0; i < n; i++) {
      // A worker's heap is mostly garbage between articles: a small young generation and a
      // bounded old one keep each thread's memory near what one article needs.
      const w = new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 } });
      const slot = { w, busy: 0 };
      w.on('message', (msg: WorkerReply) => this.onMessage?.(i, msg));
      w.on('error', (e) => {
        this.error = e;
        this.onMessage?.(i, { type: 'results', results: [] });
      });
      w.on('exit', (code) => {
        if (this.dead) return;
        this.dead = true;
        this.error = new Error(`index worker stopped (exit code ${code})`);
        this.onMessage?.(i, { type: 'results', results: [] });
      });
      w.unref();
      this.workers.push(slot);
    }
  }

  /** Runs the jobs; resolves true when all are done, false when cancelled. */
  run(jobs: IndexJob[], onResult: (r: IndexJobResult) => void, signal: AbortSignal | undefined, batchSize: number): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      let finished = false;
      // Small batches at the end so both workers finish together.
      const take = () => {
        const left = jobs.length - next;
        const size = Math.max(1, Math.min(batchSize, Math.ceil(left / (this.workers.length * 2))));
        const batch = jobs.slice(next, next + size);
        next += batch.length;
        return batch;
      };
      const feed = (i: number) => {
        const slot = this.workers[i];
        while (slot.busy < 2 && next < jobs.length && !signal?.aborted) {
          const batch = take();
          slot.busy++;
          pending++;
          slot.w.ref();
          slot.w.postMessage({ type: 'jobs', jobs: batch } satisfies WorkerRequest);
        }
      };
      const finish = (ok: boolean) => {
        if (finished) return;
        finished = true;
        this.onMessage = undefined;
        signal?.removeEventListener('abort', onAbort);
        for (const s of this.workers) {
          s.busy = 0;
          s.w.unref();
        }
        resolve(ok);
      };
      const onAbort = () => {
        // Workers may be in the middle of a long batch: stop them rather than wait.
        void this.terminate().then(() => finish(false));
      };
      this.onMessage = (i, msg) => {
        if (msg.type !== 'results') return;
        if (this.error) {
          const e = this.error;
          this.error = undefined;
          finished = true;
          this.onMessage = undefined;
          reject(e);
          return;
        }
        const slot = this.workers[i];
        slot.busy = Math.max(0, slot.busy - 1);
        pending--;
        for (const r of msg.results) onResult(r);
        if (signal?.aborted) return;
        feed(i);
        if (!slot.busy) slot.w.unref();
        if (!pending && next >= jobs.length) finish(true);
      };
      if (signal?.aborted) return finish(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.workers.forEach((_s, i) => feed(i));
      if (!pending) finish(true);
    });
  }

  private dead = false;

  /** False once cancelled or terminated: the driver then starts a new pool. */
  get alive(): boolean {
    return !this.dead;
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await Promise.all(this.workers.map((s) => s.w.terminate()));
    this.workers = [];
    this.dead = true;
  }
}
