// How the driver talks to the index host: the same calls whether the host runs in a worker
// thread (messages) or in the calling thread (a direct call).
import { Worker } from 'node:worker_threads';
import { IndexHost, type HostApi, type HostInit } from './indexHost';

type Args<K extends keyof HostApi> = Parameters<HostApi[K]>;
type Result<K extends keyof HostApi> = ReturnType<HostApi[K]>;

export interface HostChannel {
  call<K extends keyof HostApi>(op: K, ...args: Args<K>): Promise<Result<K>>;
  close(): Promise<void>;
  /** The host itself, when it runs in this thread. */
  readonly local?: IndexHost;
}

export type HostRequest = { id: number; op: keyof HostApi; args: unknown[] };
export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface HostWorkerData extends HostInit {
  newsLensIndexHost: true;
}

/** The host in this thread (tests, the CLI without a cache): calls are direct. */
export class LocalHost implements HostChannel {
  readonly local: IndexHost;

  constructor(init: HostInit) {
    this.local = new IndexHost(init);
  }

  async call<K extends keyof HostApi>(op: K, ...args: Args<K>): Promise<Result<K>> {
    return (this.local[op] as (...a: unknown[]) => Result<K>)(...args);
  }

  async close(): Promise<void> {}
}

/** Thrown when the host's heap bound was too small for the corpus: the driver starts a bigger one. */
export class HostOutOfMemory extends Error {}

/** The host in a worker thread of its own, its old generation bounded to `heapMb`. */
export class WorkerHost implements HostChannel {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private dead: Error | undefined;

  constructor(script: string, init: HostInit, readonly heapMb: number) {
    this.worker = new Worker(script, {
      workerData: { ...init, newsLensIndexHost: true } satisfies HostWorkerData,
      // A bounded old generation makes V8 collect as it nears the bound, instead of letting the
      // garbage of a fill and refresh pile up to several times what the index keeps; a small
      // young one keeps the thread's short-lived garbage small too.
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 4 },
    });
    this.worker.on('message', (m: HostReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
      if (!this.pending.size) this.worker.unref();
    });
    const fail = (e: Error) => {
      this.dead ??= e;
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    };
    this.worker.on('error', (e: any) => fail(e?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new HostOutOfMemory(`the corpus index needs more than ${heapMb} MB`) : e));
    this.worker.on('exit', (code) => fail(new Error(`the corpus index thread stopped (exit code ${code})`)));
    this.worker.unref();
  }

  get alive(): boolean {
    return !this.dead;
  }

  call<K extends keyof HostApi>(op: K, ...args: Args<K>): Promise<Result<K>> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, op, args } satisfies HostRequest);
    });
  }

  async close(): Promise<void> {
    this.dead ??= new Error('the corpus index thread was closed');
    await this.worker.terminate();
  }
}

/** The worker side: answers the driver's calls on a host of its own. */
export function serveHost(port: { on(ev: 'message', f: (m: HostRequest) => void): void; postMessage(m: HostReply): void }, init: HostInit): void {
  const host = new IndexHost(init);
  // `init` is the thread's workerData, alive as long as the thread: the seed (a key for every
  // item the driver's mirror holds) is the source's now, which lets it go after the first delta.
  init.seed = undefined;
  port.on('message', (m: HostRequest) => {
    try {
      const value = (host[m.op] as (...a: unknown[]) => unknown)(...m.args);
      port.postMessage({ id: m.id, ok: true, value });
    } catch (e: any) {
      port.postMessage({ id: m.id, ok: false, error: e?.message ?? String(e) });
    }
  });
}
