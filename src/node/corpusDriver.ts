// The corpus indexer the CLI and the extension share: analyzes a list of article files on
// worker threads (one per core), caches each analysis by content hash and engine version,
// feeds the results to the live CorpusIndex, and keeps it current file by file afterwards.
// With a worker bundle and a cache, the live index lives in a thread of its own (indexHost.ts)
// and this thread holds a mirrored snapshot that answers every lookup at once.
//
//   const driver = new CorpusDriver({ workerScript: 'dist/index-worker.js', cacheDir });
//   await driver.indexFiles(paths, { onProgress, signal });   // cold or warm, removes deleted files
//   await driver.reindexFile(path);                           // one changed file
//   driver.snapshot();                                         // entities, figure groups, topics
//   driver.index.entityAt(path, offset);                       // lookups, from the mirror
//   await driver.dispose();
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CorpusIndexOptions } from '../core/corpus';
import { MirrorSink } from '../core/corpus/mirror';
import type { CorpusSnapshot, IndexedDocument } from '../core/corpus/model';
import { SnapshotView, type CorpusLookups } from '../core/corpus/view';
import { ENGINE_VERSION } from '../core/version';
import { AnalysisCache, sourcesOfEntry, type CacheEntry } from './analysisCache';
import { HostOutOfMemory, LocalHost, WorkerHost, type HostChannel } from './hostChannel';
import type { Accepted, HostApi } from './indexHost';
import { runJob, type IndexJob, type IndexJobResult } from './indexJob';
import { restoreState, restoreStateOff, stateKey, type Restored } from './stateReader';
import type { WorkerInit, WorkerReply, WorkerRequest } from './indexWorker';

export interface CorpusDriverOptions {
  /** The worker bundle (dist/index-worker.js). Without it every article is analyzed in this thread. */
  workerScript?: string;
  /** The live index's thread bundle; default index-host.js beside `workerScript` (else `workerScript` itself). */
  hostScript?: string;
  /**
   * Where single articles (edits, a run of one) are analyzed; default this thread. The extension
   * passes its analysis worker, so its main thread never analyzes.
   */
  analyzeOne?: (job: Omit<IndexJob, 'id'>) => Promise<IndexJobResult>;
  /** Worker threads; default one per core. */
  workers?: number;
  /** Where analyses are cached across runs. Without it nothing is cached. */
  cacheDir?: string;
  /** The engine version the cache is keyed on (tests change it); default ENGINE_VERSION. */
  engineVersion?: string;
  /** Options of the live index. (In a thread of its own it keeps no analyses: they are read from the cache.) */
  indexOptions?: CorpusIndexOptions;
  /**
   * Hold the live index in a thread of its own (needs `workerScript` and `cacheDir`). Default true.
   */
  hostThread?: boolean;
  /** The bound of that thread's old generation; default from the number of articles (doubled if it runs out). */
  hostHeapMb?: number;
  /**
   * How far a live index being filled from the cache has got (after a restore or a restart,
   * when the first change needs it: seconds for tens of thousands of articles).
   */
  onFillProgress?: (p: { done: number; total: number }) => void;
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

/** Analyses read back for `document()`: the last few articles asked for. */
const DOCUMENTS_KEPT = 16;
/** The most the live index's thread may be given after running out of memory. */
const MAX_HOST_HEAP_MB = 4096;
/** How many times a live index's thread that stopped on its own (not for memory) is started again. */
const MAX_HOST_RESTARTS = 3;

export class CorpusDriver {
  readonly cache: AnalysisCache | undefined;
  private readonly engineVersion: string;
  private readonly sink = new MirrorSink();
  /** Indexed articles and their content hashes, as the live index has them. */
  private readonly hashes = new Map<string, string>();
  private readonly view: SnapshotView;
  private host: Promise<HostChannel> | undefined;
  /**
   * Whether the live index must take every article this side shows (`hashes`) from the cache when
   * it is next started (a restore, a handover, a restart).
   */
  private unfilled = false;
  /** Articles a first run is about to give a live index that is not started yet. */
  private fillSize = 0;
  private restored = false;
  private heapMb: number | undefined;
  private pool: WorkerPool | undefined;
  private nextJob = 1;
  private failures = new Map<string, string>();
  private documents = new Map<string, IndexedDocument>();
  /** Old cache folders being removed (in the background). */
  private clearing: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: CorpusDriverOptions = {}) {
    this.engineVersion = opts.engineVersion ?? ENGINE_VERSION;
    if (opts.cacheDir) {
      this.cache = new AnalysisCache(opts.cacheDir, this.engineVersion);
      this.clearing = this.cache.clearOtherVersions(opts.cacheDir);
    }
    this.heapMb = opts.hostHeapMb;
    this.view = new SnapshotView(
      this.sink,
      this.hashes,
      (p, h) => this.loadDocument(p, h),
      (p, h) => (this.localHost ? undefined : sourcesOfEntryIn(this.cache, h)),
    );
  }

  /** The corpus's lookups, answered from the mirrored snapshot (never waiting for the live index). */
  get index(): CorpusLookups {
    return this.view;
  }

  /** Whether the snapshot is one read back from the cache and the live index is not built yet. */
  get isRestored(): boolean {
    return this.restored;
  }

  /** Whether the live index runs in a thread of its own. */
  get hosted(): boolean {
    return !!this.opts.workerScript && !!this.cache && this.opts.hostThread !== false;
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
    if (run.restore && this.cache && !this.hashes.size) {
      const restored = await this.tryRestore(unique, run, result);
      if (restored) {
        result.elapsedMs = performance.now() - t0;
        return result;
      }
    }
    this.heapMb ??= hostHeapFor(unique.length);
    const firstFill = this.hosted && !this.hashes.size;
    if (!this.hashes.size) this.fillSize = unique.length;
    if (run.removeMissing !== false) {
      const wanted = new Set(unique);
      const gone = [...this.hashes.keys()].filter((p) => !wanted.has(p));
      if (gone.length) {
        for (const p of await this.call('remove', gone)) {
          this.hashes.delete(p);
          this.failures.delete(p);
          result.removed.push(p);
        }
      }
    }
    const hosted = this.hosted;
    const usePool = !!this.opts.workerScript && (this.opts.workers ?? 1) > 0 && unique.length > 1;
    // Without whole analyses kept, workers send only what the index keeps.
    const slim = hosted || this.opts.indexOptions?.keepAnalyses === false;
    // With a cache, workers only store what they make, and the index is filled from the cache once
    // they have stopped: the index (and the garbage of making it) never sits on top of their memory.
    const stored = usePool && !!this.cache;
    const jobs: IndexJob[] = unique.map((path) => ({
      id: this.nextJob++,
      path,
      ...(slim ? { slim } : {}),
      ...(stored ? { stored } : {}),
      ...(run.texts?.has(path) ? { text: run.texts.get(path)! } : {}),
      ...(this.hashes.get(path) ? { knownHash: this.hashes.get(path)! } : {}),
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
    // same files make the same index. They go to the live index in batches.
    const order = new Map(jobs.map((j, i) => [j.id, i]));
    const early = new Map<number, IndexJobResult>();
    let batch: IndexJobResult[] = [];
    const batches: IndexJobResult[][] = [];
    const take = (x: IndexJobResult) => {
      if (x.ok && x.unchanged) {
        this.failures.delete(x.path);
        result.unchanged++;
        return;
      }
      batch.push(x);
      // Stored entries are light (a path and a hash): they wait for the workers to stop.
      if (batch.length >= (stored ? 1024 : 64)) {
        batches.push(batch);
        batch = [];
        if (!stored) void this.flush(batches, result);
      }
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
          onResult(await this.analyze(job));
          // Let progress, cancellation and other work in.
          if (job.id % 16 === 0) await new Promise((r) => setImmediate(r));
        }
      }
    }
    // A cancelled run leaves gaps: take what did arrive.
    for (const i of [...early.keys()].sort((a, b) => a - b)) take(early.get(i)!);
    early.clear();
    if (batch.length) batches.push(batch);
    await this.flush(batches, result);
    if (run.prune && this.cache && !result.cancelled) this.cache.prune(this.hashes.values());
    if (result.indexed || result.removed.length || result.failed.length) {
      // A first fill in a thread of its own: the snapshot comes back through the stored state,
      // after the thread has stopped, so the whole snapshot is never held on both sides at once.
      if (!(firstFill && !result.cancelled && (await this.handOverThroughState()))) await this.sync();
    }
    // Store the snapshot for the next `restore` run (when the files are not what was stored).
    if (run.restore && this.cache && !result.cancelled && (result.indexed || result.removed.length || !this.readStateKey())) await this.saveState();
    // A run ends with the old cache folders gone (their removal started with the driver).
    await this.clearing;
    result.elapsedMs = performance.now() - t0;
    return result;
  }

  /** Hands batches of results to the live index, in order (one flush at a time). */
  private flushing: Promise<void> = Promise.resolve();

  private flush(batches: IndexJobResult[][], result: IndexRunResult): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (batches.length) await this.accept(batches.shift()!, result);
    });
    return this.flushing;
  }

  /** Hands results to the live index; what it could not find in the cache is analyzed here and handed over again. */
  private async accept(results: IndexJobResult[], result?: IndexRunResult, host?: HostChannel): Promise<void> {
    // A thread being started is called directly; any other call goes through `call` (restarts).
    const a = host ? await host.call('accept', results) : await this.call('accept', results);
    this.took(a, result);
    if (!a.missing.length) return;
    const again: IndexJobResult[] = [];
    for (const path of a.missing) again.push(await this.analyze({ id: this.nextJob++, path }));
    await this.accept(again, result, host);
  }

  /** One article analyzed (or taken from the cache) where single articles are: the given analyzer, or this thread. */
  private async analyze(job: IndexJob): Promise<IndexJobResult> {
    if (!this.opts.analyzeOne) return runJob(job, { cache: this.cache, engineVersion: this.engineVersion });
    const { id: _id, ...rest } = job;
    const r = { ...(await this.opts.analyzeOne(rest)), id: job.id };
    // Stored, so that a live index started later finds it.
    if (r.ok && !r.unchanged && !r.cached && r.entry && !job.slim) this.cache?.putRaw(r.hash, r.entry);
    return r;
  }

  /** Notes what the live index took in. */
  private took(a: Accepted, result?: IndexRunResult): void {
    for (const [p, h] of a.indexed) {
      this.hashes.set(p, h);
      this.failures.delete(p);
      this.documents.delete(p);
    }
    for (const f of a.failed) this.failures.set(f.path, f.message);
    if (!result) return;
    result.indexed += a.indexed.length;
    result.cached += a.cached;
    result.analyzed += a.analyzed;
    result.unchanged += a.unchanged;
    result.failed.push(...a.failed);
  }

  /** Brings the mirrored snapshot up to date with the live index. */
  /** Whether the live index is yet to be filled from the cache (a reopened workspace, a handover): the next change waits for it. */
  get waitsToFill(): boolean {
    return !this.host && this.unfilled;
  }

  /**
   * Fills the live index now, ahead of a change that will need it (an article being edited in a
   * reopened workspace): the save then finds it ready instead of waiting seconds for it.
   */
  async prepareLive(): Promise<void> {
    if (this.waitsToFill) await this.sync();
  }

  private async sync(): Promise<void> {
    this.sink.apply(await this.call('sync'));
  }

  /**
   * Stores the live index's snapshot, stops its thread and reads the snapshot back here. The
   * thread is started again (filled from the cache) when an article next changes.
   */
  private async handOverThroughState(): Promise<boolean> {
    const files = [...this.hashes];
    const key = this.stateKey(files);
    if (!(await this.call('saveState', key, this.stateFile()))) return false;
    const host = this.host;
    this.host = undefined;
    await host?.then((h) => h.close(), () => undefined);
    // Whatever happens next, a new thread is filled with these articles.
    this.unfilled = true;
    const restored = await this.readState(files);
    if (!restored) return false;
    this.sink.seedPacked(restored.state);
    this.restored = true;
    return true;
  }

  /** The stored state of these articles (just written), packed for the mirror (read on a thread of its own when there is one). */
  private async readState(files: [string, string][]): Promise<Restored | undefined> {
    // The articles' hashes are known: the thread checks the state's key without reading them.
    const req = { file: this.stateFile(), paths: [], engineVersion: this.engineVersion, known: files };
    return this.hosted ? await restoreStateOff(this.hostScript(), req) : restoreState(req);
  }

  /** Stores the current snapshot in the cache folder, for a later `restore` run to read back. */
  async saveState(): Promise<boolean> {
    if (!this.cache || !this.opts.cacheDir) return false;
    // A snapshot read back is the stored one: nothing to store.
    if (this.restored) return true;
    const files = [...this.hashes];
    return this.call('saveState', this.stateKey(files), this.stateFile());
  }

  private stateFile(): string {
    return join(this.opts.cacheDir!, 'corpus-state.json');
  }

  private stateKey(files: [string, string][]): string {
    return stateKey(files, this.engineVersion);
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
   * snapshot is read back instead of rebuilding the index (which waits until something changes).
   */
  private async tryRestore(paths: string[], run: IndexRunOptions, result: IndexRunResult): Promise<boolean> {
    const stored = this.readStateKey();
    if (!stored) return false;
    // Every article read and hashed, and the state parsed: on a short-lived thread when there is one.
    const req = { file: this.stateFile(), paths, engineVersion: this.engineVersion, ...(run.texts?.size ? { texts: [...run.texts] } : {}) };
    const restored = this.hosted ? await restoreStateOff(this.hostScript(), req, run.signal) : restoreState(req);
    if (!restored || run.signal?.aborted) return false;
    this.sink.seedPacked(restored.state);
    // Keyed by the mirror's own path strings: the message's are copies.
    for (const [p, h] of restored.files) this.hashes.set(this.sink.ownPath(p), h);
    this.unfilled = true;
    this.restored = true;
    result.cached = paths.length;
    result.restored = true;
    run.onProgress?.({ done: paths.length, total: paths.length, cached: paths.length, failed: 0, elapsedMs: 0, etaMs: 0 });
    return true;
  }

  /**
   * The live index: started when first needed, and filled from the cache with what this side
   * already shows (a restored snapshot, or everything after a restart).
   */
  private live(): Promise<HostChannel> {
    return (this.host ??= this.startHost());
  }

  private async startHost(): Promise<HostChannel> {
    const files = this.unfilled ? [...this.hashes] : undefined;
    this.unfilled = false;
    const expected = files?.length || this.fillSize;
    this.fillSize = 0;
    const init = {
      ...(this.opts.cacheDir ? { cacheDir: this.opts.cacheDir } : {}),
      engineVersion: this.engineVersion,
      // In a thread of its own the index keeps no analyses: `document()` reads them from the cache.
      indexOptions: this.hosted ? { ...this.opts.indexOptions, keepAnalyses: false } : this.opts.indexOptions,
      seed: this.sink.seedOf(),
      ...(expected ? { expected } : {}),
    };
    const heapMb = (this.heapMb ??= hostHeapFor(this.hashes.size));
    const host: HostChannel = this.hosted ? new WorkerHost(this.hostScript(), init, heapMb) : (this.localHost = new LocalHost(init));
    if (files?.length) {
      this.opts.onFillProgress?.({ done: 0, total: files.length });
      for (let i = 0; i < files.length; i += 1024) {
        const results: IndexJobResult[] = files.slice(i, i + 1024).map(([path, hash]) => ({ id: 0, path, ok: true, hash, cached: true, ms: 0 }));
        await this.accept(results, undefined, host);
        this.opts.onFillProgress?.({ done: Math.min(files.length, i + 1024), total: files.length });
      }
      // Against what this side shows already: only what differs comes back.
      this.sink.apply(await host.call('sync'));
    }
    this.restored = false;
    return host;
  }

  private hostScript(): string {
    if (this.opts.hostScript) return this.opts.hostScript;
    const script = this.opts.workerScript!;
    const beside = join(dirname(script), basename(script).replace('index-worker', 'index-host'));
    return beside !== script && existsSync(beside) ? beside : script;
  }

  /** A call to the live index; when its thread runs out of memory, a bigger one takes over. */
  private async call<K extends keyof HostApi>(op: K, ...args: Parameters<HostApi[K]>): Promise<ReturnType<HostApi[K]>> {
    for (;;) {
      const started = this.live();
      try {
        return await (await started).call(op, ...args);
      } catch (e) {
        const host = await started.catch(() => undefined);
        const outOfMemory = e instanceof HostOutOfMemory;
        // An operation that failed in a thread still running (or in this one) is the operation's failure.
        const stopped = host instanceof WorkerHost ? !host.alive : !host;
        if (!outOfMemory && !stopped) throw e;
        if (outOfMemory ? (this.heapMb ?? 0) >= MAX_HOST_HEAP_MB : ++this.restarts > MAX_HOST_RESTARTS) throw e;
        if (this.host === started) {
          this.host = undefined;
          // Out of room: twice as much. Stopped for another reason: the same again.
          if (outOfMemory) this.heapMb = Math.min(MAX_HOST_HEAP_MB, (this.heapMb ?? 128) * 2);
          // The new one is filled with everything this side shows.
          this.unfilled = true;
          await host?.close().catch(() => undefined);
        }
      }
    }
  }

  /** Times the live index's thread was started again after it stopped on its own. */
  private restarts = 0;

  /** An article's analysis for `document()`: from an index that keeps them, else from the cache. */
  private loadDocument(path: string, hash: string): IndexedDocument | undefined {
    const kept = this.documents.get(path);
    if (kept?.hash === hash) return kept;
    let doc = this.localHost?.local.index.document(path);
    if (!doc && this.cache) {
      const raw = this.cache.readRaw(hash);
      try {
        const entry = raw ? (JSON.parse(raw) as CacheEntry) : undefined;
        if (entry?.analysis) doc = { path, hash, analysis: entry.analysis };
      } catch {
        // an unreadable entry: no analysis
      }
    }
    if (!doc) return undefined;
    if (this.documents.size >= DOCUMENTS_KEPT) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(path, doc);
    return doc;
  }

  /** The live index when it runs in this thread. */
  private localHost: LocalHost | undefined;

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
   * Re-indexes one article: cheap when the text is unchanged (a hash), and a single analysis
   * otherwise (see `analyzeOne`). A file that is gone is removed from the index.
   */
  async reindexFile(path: string, text?: string): Promise<ReindexOutcome> {
    const known = this.hashes.get(path);
    const r = await this.analyze({ id: this.nextJob++, path, ...(text !== undefined ? { text } : {}), ...(known ? { knownHash: known } : {}) });
    if (!r.ok) {
      if (/no such file|ENOENT|is a folder/i.test(r.error)) {
        this.failures.delete(path);
        return (await this.removeFile(path)) ? 'removed' : 'failed';
      }
      this.failures.set(path, r.error);
      return 'failed';
    }
    if (r.unchanged) return 'unchanged';
    await this.accept([r]);
    if (this.hashes.get(path) !== r.hash) return 'failed';
    await this.sync();
    return 'updated';
  }

  /** Takes an article out of the index (its file was deleted). */
  async removeFile(path: string): Promise<boolean> {
    this.failures.delete(path);
    if (!this.hashes.has(path)) return false;
    const removed = await this.call('remove', [path]);
    for (const p of removed) {
      this.hashes.delete(p);
      this.documents.delete(p);
    }
    if (removed.length) await this.sync();
    return removed.length > 0;
  }

  /** The corpus view: entities, figure groups and topics (the stored one after a restore run, until something changes). */
  snapshot(): CorpusSnapshot {
    return this.sink.snapshot();
  }

  /**
   * Stops the worker threads and the live index's thread. The driver can still be used: a new
   * live index is filled from the cache when next needed.
   */
  async dispose(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    // An index in this thread stays; one in a thread of its own is stopped.
    const host = this.hosted ? this.host : undefined;
    if (host) {
      this.host = undefined;
      this.unfilled = true;
    }
    await Promise.all([p?.terminate(), this.stopping, host?.then((h) => h.close(), () => undefined), this.clearing]);
    this.stopping = undefined;
  }
}

function sourcesOfEntryIn(cache: AnalysisCache | undefined, hash: string) {
  const raw = cache?.readRaw(hash);
  return raw ? sourcesOfEntry(raw) : undefined;
}

/**
 * The old-generation bound of the live index's thread: what the articles need with room for a
 * refresh. The 18,834 Reuters articles fill at 104 MB and run out of room at 100; they get 116,
 * and the bound is what the thread's memory grows to before a full collection, so more room
 * costs memory (128 MB: 8 MB more at the peak of a reopened workspace's first edit). Too small
 * a bound costs a restart with twice as much.
 */
export function hostHeapFor(articles: number): number {
  return Math.max(112, Math.ceil(12 + articles * 0.0055));
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
