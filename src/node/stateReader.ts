// A reopened workspace's stored corpus state, checked and read back: every article hashed, the
// state's key compared with the one these articles and engine make, and the state parsed and
// packed for the mirror (typed arrays for the numbers, which move between threads without a
// copy). The driver does it on a short-lived thread, so neither the reads of every article nor
// the parse of a state of tens of MB touch the editor's thread or heap; without a thread bundle,
// in the calling thread.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DIGEST_VERSION, STATE_VERSION, type CorpusState } from '../core/corpus';
import { packState, type PackedState } from '../core/corpus/mirror';
import { sha256 } from './analysisCache';
import { readArticle } from './readArticle';

export interface RestoreRequest {
  newsLensStateReader: true;
  /** The stored state. */
  file: string;
  /** The articles as they are now; `texts` for those with unsaved text. */
  paths: string[];
  texts?: [string, string][];
  /** The articles with their hashes, when known (a state just stored): nothing to read. */
  known?: [string, string][];
  engineVersion: string;
}

export interface Restored {
  /** Every article with its content hash. */
  files: [string, string][];
  state: PackedState;
}

/** What a stored state was made from: the engine, the digest format and every file's path and hash. */
export function stateKey(files: readonly [string, string][], engineVersion: string): string {
  const lines = files.map(([p, h]) => `${p}\t${h}`).sort();
  return sha256(`${STATE_VERSION}\n${engineVersion}\n${DIGEST_VERSION}\n${lines.join('\n')}`);
}

/** The stored state when the articles are as they were when it was stored; undefined otherwise. */
export function restoreState(req: Omit<RestoreRequest, 'newsLensStateReader'>): Restored | undefined {
  const texts = new Map(req.texts ?? []);
  const files: [string, string][] = req.known ?? [];
  try {
    if (!req.known) for (const path of req.paths) files.push([path, sha256(texts.get(path) ?? readArticle(path))]);
    const key = stateKey(files, req.engineVersion);
    const state = JSON.parse(readFileSync(req.file, 'utf8')) as CorpusState;
    return state.v === STATE_VERSION && state.key === key ? { files, state: packState(state) } : undefined;
  } catch {
    // An article that cannot be read, or no state: index as usual (which reports the article).
    return undefined;
  }
}

/** The typed arrays of a packed state, to hand over rather than copy. */
export function transferablesOf(p: PackedState): ArrayBuffer[] {
  const e = p.entities;
  return [e.docs, e.docAt, e.docLen, e.flat, e.flatAt, e.flatLen].map((a) => a.buffer as ArrayBuffer);
}

/** `restoreState` on a thread of its own (from `script`), which ends once it has answered. */
export function restoreStateOff(script: string, req: Omit<RestoreRequest, 'newsLensStateReader'>, signal?: AbortSignal): Promise<Restored | undefined> {
  return new Promise((resolve) => {
    const w = new Worker(script, {
      workerData: { ...req, newsLensStateReader: true } satisfies RestoreRequest,
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 },
    });
    let answered = false;
    const answer = (r: Restored | undefined) => {
      if (answered) return;
      answered = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
      void w.terminate();
    };
    const onAbort = () => answer(undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    w.once('message', (r: Restored | null) => answer(r ?? undefined));
    w.once('error', () => answer(undefined));
    w.once('exit', () => answer(undefined));
  });
}

/** The thread's side: check, read, pack, answer. */
export function serveRestore(port: { postMessage(m: unknown, transfer?: ArrayBuffer[]): void }, req: RestoreRequest): void {
  const r = restoreState(req);
  port.postMessage(r ?? null, r ? transferablesOf(r.state) : []);
}
