// Worker-thread entry of the thread that holds the live corpus index (bundled as
// dist/index-host.js): only the index, the cache reader and the mirror, not the language
// engine, so the thread's heap is the index's. The same bundle reads stored states back.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveHost, type HostWorkerData } from './hostChannel';
import { serveRestore, type RestoreRequest } from './stateReader';

if (!isMainThread && parentPort && (workerData as HostWorkerData | undefined)?.newsLensIndexHost) serveHost(parentPort, workerData as HostWorkerData);
// A stored state read back for the editor's thread (see stateReader.ts).
if (!isMainThread && parentPort && (workerData as RestoreRequest | undefined)?.newsLensStateReader) serveRestore(parentPort, workerData as RestoreRequest);
