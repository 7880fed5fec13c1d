// Worker-thread entry of the corpus indexer (bundled as dist/index-worker.js). Started by the
// driver with `workerData.newsLensIndexWorker`, it answers batches of jobs; with
// `workerData.newsLensIndexHost`, it holds the live index; loaded any other way
// (the benchmarks `require` it) it only exports the engine, so one bundle serves both.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AnalysisCache } from './analysisCache';
import { serveHost, type HostWorkerData } from './hostChannel';
import { serveRestore, type RestoreRequest } from './stateReader';
import { runJob, type IndexJob, type IndexJobResult } from './indexJob';

export { analyze } from '../core/analyze';
export { digestArticle } from '../core/corpus/digest';
export { CorpusIndex } from '../core/corpus';
export { ENGINE_NAME, ENGINE_VERSION } from '../core/version';
export { runJob } from './indexJob';
export { CorpusDriver } from './corpusDriver';
export { IndexHost } from './indexHost';

export interface WorkerInit {
  newsLensIndexWorker: true;
  cacheDir?: string;
  engineVersion: string;
}

export type WorkerRequest = { type: 'jobs'; jobs: IndexJob[] } | { type: 'stop' };
export type WorkerReply = { type: 'results'; results: IndexJobResult[] } | { type: 'ready' };

// The thread that holds the live corpus index (see indexHost.ts).
if (!isMainThread && parentPort && (workerData as HostWorkerData | undefined)?.newsLensIndexHost) serveHost(parentPort, workerData as HostWorkerData);
if (!isMainThread && parentPort && (workerData as RestoreRequest | undefined)?.newsLensStateReader) serveRestore(parentPort, workerData as RestoreRequest);

if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.newsLensIndexWorker) {
  const init = workerData as WorkerInit;
  const cache = init.cacheDir ? new AnalysisCache(init.cacheDir, init.engineVersion) : undefined;
  const port = parentPort;
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'stop') {
      port.close();
      return;
    }
    const results = msg.jobs.map((job) => runJob(job, { cache, engineVersion: init.engineVersion }));
    port.postMessage({ type: 'results', results } satisfies WorkerReply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
