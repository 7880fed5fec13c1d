// Reads a stored corpus state back, packed for the mirror (typed arrays for the numbers, which
// move between threads without a copy). The driver does it on a short-lived thread, so the
// parse of a state of tens of MB never grows the editor's heap; without a thread bundle, here.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { STATE_VERSION, type CorpusState } from '../core/corpus';
import { packState, type PackedState } from '../core/corpus/mirror';

export interface StateRequest {
  newsLensStateReader: true;
  file: string;
  key: string;
}

/** The state in `file` when it is the one with this key, packed; undefined otherwise. */
export function readPackedState(file: string, key: string): PackedState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as CorpusState;
    return state.v === STATE_VERSION && state.key === key ? packState(state) : undefined;
  } catch {
    return undefined;
  }
}

/** The typed arrays of a packed state, to hand over rather than copy. */
export function transferablesOf(p: PackedState): ArrayBuffer[] {
  const e = p.entities;
  return [e.docs, e.docAt, e.docLen, e.flat, e.flatAt, e.flatLen].map((a) => a.buffer as ArrayBuffer);
}

/** `readPackedState` on a thread of its own (from `script`), which ends once it has answered. */
export function readPackedStateOff(script: string, file: string, key: string): Promise<PackedState | undefined> {
  return new Promise((resolve) => {
    const w = new Worker(script, {
      workerData: { newsLensStateReader: true, file, key } satisfies StateRequest,
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 },
    });
    let answered = false;
    w.once('message', (p: PackedState | null) => {
      answered = true;
      resolve(p ?? undefined);
      void w.terminate();
    });
    w.once('error', () => !answered && resolve(readPackedState(file, key)));
    w.once('exit', () => !answered && resolve(undefined));
  });
}

/** The thread's side: read, pack, answer. */
export function serveStateRequest(port: { postMessage(m: unknown, transfer?: ArrayBuffer[]): void }, req: StateRequest): void {
  const p = readPackedState(req.file, req.key);
  port.postMessage(p ?? null, p ? transferablesOf(p) : []);
}
