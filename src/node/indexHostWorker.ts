// Worker-thread entry of the thread that holds the live corpus index (bundled as
// dist/index-host.js): only the index, the cache reader and the mirror, not the language
// engine, so the thread's heap is the index's.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveHost, type HostWorkerData } from './hostChannel';

if (!isMainThread && parentPort && (workerData as HostWorkerData | undefined)?.newsLensIndexHost) serveHost(parentPort, workerData as HostWorkerData);
