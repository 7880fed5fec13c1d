// A reopened workspace's stored corpus state, checked and read back: every article hashed, the
// state's key compared with the one these articles and engine make, and the state parsed and
// packed for the mirror (typed arrays for the numbers, which move between threads without a
// copy). The driver does it on a short-lived thread, so neither the reads of every article nor
// the parse of a state of tens of MB touch the editor's thread or heap; without a thread bundle,
// in the calling thread.
//
// Nothing on the way is one big native buffer: the state is read in small pieces, the key hashed
// line by line, and the answer sent as a series of small messages. A 10 MB state read whole, and
// sent in one message, took native buffers of 17 MB each, whose pages glibc kept (it raises its
// mmap threshold to the largest block freed): the process held 10 MB more after a restore.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';
import { DIGEST_VERSION, STATE_VERSION, type CorpusState } from '../core/corpus';
import type { PackedEntities } from '../core/corpus/entityStore';
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
  // Line by line: the same bytes as one string of them all, without that string's native copy.
  const hash = createHash('sha256').update(`${STATE_VERSION}\n${engineVersion}\n${DIGEST_VERSION}\n`);
  lines.forEach((line, i) => hash.update(i ? '\n' + line : line));
  return hash.digest('hex');
}

/** A file's text, read 64 KB at a time (below glibc's first mmap threshold). */
export function readTextInPieces(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) parts.push(decoder.write(buf.subarray(0, n)));
    parts.push(decoder.end());
    return parts.join('');
  } finally {
    closeSync(fd);
  }
}

/** The stored state when the articles are as they were when it was stored; undefined otherwise. */
export function restoreState(req: Omit<RestoreRequest, 'newsLensStateReader'>): Restored | undefined {
  const texts = new Map(req.texts ?? []);
  const files: [string, string][] = req.known ?? [];
  try {
    if (!req.known) for (const path of req.paths) files.push([path, sha256(texts.get(path) ?? readArticle(path))]);
    const key = stateKey(files, req.engineVersion);
    const state = JSON.parse(readTextInPieces(req.file)) as CorpusState;
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

/** The lists of a restored answer, sent a slice at a time (in this order). */
const LISTS = ['files', 'documents', 'claimGroups', 'topics', 'ids', 'names', 'types', 'variants', 'other', 'stated'] as const;
type ListName = (typeof LISTS)[number];
/** Items per message: a few hundred KB of serialized data at most on the Reuters corpus. */
const SLICE: Record<ListName, number> = { files: 4096, documents: 8192, claimGroups: 512, topics: 512, ids: 8192, names: 8192, types: 8192, variants: 8192, other: 8192, stated: 8192 };

type Numbers = Omit<PackedEntities, 'ids' | 'names' | 'types' | 'variants' | 'other' | 'stated'>;
export type ReaderMessage =
  | { list: ListName; items: unknown[] }
  /** The end: the numbers (moved, not copied), or null when there is no usable state. */
  | { done: Numbers | null };

function listOf(r: Restored, name: ListName): unknown[] {
  if (name === 'files') return r.files;
  if (name === 'documents' || name === 'claimGroups' || name === 'topics') return r.state[name];
  return r.state.entities[name];
}

/** Sends a restored state (or its absence) as messages of one slice of a list each, then the numbers. */
export function postRestored(r: Restored | undefined, post: (m: ReaderMessage, transfer?: ArrayBuffer[]) => void, itemsPerMessage: (name: ListName) => number = (n) => SLICE[n]): void {
  if (!r) return post({ done: null });
  for (const name of LISTS) {
    const list = listOf(r, name), n = itemsPerMessage(name);
    for (let i = 0; i < list.length; i += n) post({ list: name, items: list.slice(i, i + n) });
  }
  const e = r.state.entities;
  post({ done: { docs: e.docs, docAt: e.docAt, docLen: e.docLen, flat: e.flat, flatAt: e.flatAt, flatLen: e.flatLen } }, transferablesOf(r.state));
}

/** Puts `postRestored`'s messages back together: `take` gives the state at the end (undefined: none), null before. */
export class RestoredReceiver {
  private lists = new Map<ListName, unknown[]>();

  take(m: ReaderMessage): Restored | undefined | null {
    if ('list' in m) {
      const list = this.lists.get(m.list);
      if (list) for (const x of m.items) list.push(x);
      else this.lists.set(m.list, m.items);
      return null;
    }
    const lists = this.lists;
    this.lists = new Map();
    if (!m.done) return undefined;
    const l = (name: ListName) => (lists.get(name) ?? []) as any[];
    return {
      files: l('files'),
      state: {
        documents: l('documents'),
        claimGroups: l('claimGroups'),
        topics: l('topics'),
        entities: { ...m.done, ids: l('ids'), names: l('names'), types: l('types'), variants: l('variants'), other: l('other'), stated: l('stated') },
      },
    };
  }
}

/** Defined out here: a closure made inside the promise below would hold its scope (and the state). */
const ignore = (): void => undefined;

/** `restoreState` on a thread of its own (from `script`), which ends once it has answered. */
export function restoreStateOff(script: string, req: Omit<RestoreRequest, 'newsLensStateReader'>, signal?: AbortSignal): Promise<Restored | undefined> {
  return new Promise((resolve) => {
    const w = new Worker(script, {
      workerData: { ...req, newsLensStateReader: true } satisfies RestoreRequest,
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 },
    });
    const receiver = new RestoredReceiver();
    let answered = false;
    const answer = (r: Restored | undefined) => {
      if (answered) return;
      answered = true;
      signal?.removeEventListener('abort', onAbort);
      // The listeners hold this promise, and it holds the state until the thread object goes:
      // let go of them (an error while the thread stops is of no interest now).
      w.removeAllListeners();
      w.on('error', ignore);
      resolve(r);
      void w.terminate();
    };
    const onAbort = () => answer(undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    w.on('message', (m: ReaderMessage) => {
      const r = receiver.take(m);
      if (r !== null) answer(r);
    });
    w.once('error', () => answer(undefined));
    w.once('exit', () => answer(undefined));
  });
}

/** The thread's side: check, read, pack, answer in slices. */
export function serveRestore(port: { postMessage(m: ReaderMessage, transfer?: ArrayBuffer[]): void }, req: RestoreRequest): void {
  postRestored(restoreState(req), (m, transfer) => port.postMessage(m, transfer));
}
