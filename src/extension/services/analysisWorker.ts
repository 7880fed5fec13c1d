// One worker thread (the corpus indexer's bundle, dist/index-worker.js) for single articles: the
// full analysis of a long open article after typing pauses, and the re-index of one saved or
// changed file, so neither ever runs on the extension host's main thread. Shared by both users.
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from '../../core/types';
import { ENGINE_VERSION } from '../../core/version';
import type { IndexJob, IndexJobResult } from '../../node/indexJob';

type Reply = { type: 'ready' } | { type: 'results'; results: IndexJobResult[] };

export class AnalysisWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: IndexJobResult) => void; reject: (e: Error) => void }>();
  private users = 0;
  private static readonly instances = new Map<string, AnalysisWorker>();

  /** The worker for this script, shared; call `dispose` once per `shared`. */
  static shared(script: string): AnalysisWorker {
    let w = AnalysisWorker.instances.get(script);
    if (!w) AnalysisWorker.instances.set(script, (w = new AnalysisWorker(script)));
    w.users++;
    return w;
  }

  private constructor(private readonly script: string) {}

  /** The full analysis of a text. */
  async analyze(path: string, text: string): Promise<ArticleAnalysis> {
    const r = await this.run({ path, text });
    if (!r.ok) throw new Error(r.error);
    if (!r.entry) throw new Error('the worker sent no analysis');
    return (JSON.parse(r.entry) as { analysis: ArticleAnalysis }).analysis;
  }

  /** One indexer job (read, hash, analyse, digest) in the worker thread. */
  run(job: Omit<IndexJob, 'id'>): Promise<IndexJobResult> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise<IndexJobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      void this.ready!.then(() => w.postMessage({ type: 'jobs', jobs: [{ ...job, id }] }));
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // No cache folder: an unsaved editor's text is not worth keeping.
    const w = new Worker(this.script, { workerData: { newsLensIndexWorker: true, engineVersion: ENGINE_VERSION } });
    w.unref();
    this.ready = new Promise<void>((resolve) => {
      w.on('message', (msg: Reply) => {
        if (msg.type === 'ready') resolve();
        else for (const r of msg.results) this.settle(r);
      });
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
    this.worker = w;
    return w;
  }

  private settle(r: IndexJobResult): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    p.resolve(r);
  }

  dispose(): void {
    if (--this.users > 0) return;
    AnalysisWorker.instances.delete(this.script);
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
