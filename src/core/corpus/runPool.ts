// Runs of (id, weight) pairs, one run per numbered slot, packed in one pair of growing typed
// arrays: an article's few dozen features then cost 8 bytes each, not a JS array's headers,
// pointers and boxed numbers per article. A run that outgrows its place moves to the end; the
// space it left is reclaimed by packing the runs when it passes half the pool.

import { Growth } from './growth';

export class RunPool {
  ids = new Int32Array(1024);
  /** Single precision: the weights are only ever compared and logged, never summed further. */
  weights = new Float32Array(1024);
  start = new Int32Array(64);
  len = new Int32Array(64);
  private cap = new Int32Array(64);
  /** Slots [0, slots) may hold a run. */
  private slots = 0;
  private end = 0;
  private live = 0;

  constructor(private readonly growth = new Growth()) {}

  /** Makes the run of `slot` `n` long (its contents are for the caller to write) and returns where it starts. */
  resize(slot: number, n: number): number {
    if (slot >= this.slots) this.addSlots(slot + 1);
    if (n <= this.cap[slot]) {
      this.len[slot] = n;
      return this.start[slot];
    }
    this.live -= this.cap[slot];
    this.cap[slot] = this.len[slot] = 0;
    if (this.end + n > this.ids.length) this.makeRoom(n);
    const at = this.end;
    this.start[slot] = at;
    this.len[slot] = this.cap[slot] = n;
    this.end += n;
    this.live += n;
    return at;
  }

  /**
   * Room for runs of `n` entries in all, about to be written to a pool that holds none yet (a
   * first linking of every article): one array of their size instead of a doubling chain.
   */
  reserve(n: number): void {
    if (this.live || this.end + n <= this.ids.length) return;
    this.pack(n, 0);
  }

  /** Gives up the run of `slot`. */
  free(slot: number): void {
    if (slot >= this.slots) return;
    this.live -= this.cap[slot];
    this.cap[slot] = this.len[slot] = 0;
  }

  /** Cuts the arrays to the runs' size when much of them is spare (after a burst of changes). */
  trim(): void {
    if (this.ids.length > 4096 && this.ids.length > this.live * 1.25) this.pack(0, 0);
  }

  private addSlots(n: number): void {
    if (n > this.start.length) {
      const size = this.growth.capacity(this.start.length, n, 2);
      for (const name of ['start', 'len', 'cap'] as const) {
        const a = new Int32Array(size);
        a.set(this[name]);
        this[name] = a;
      }
    }
    this.slots = n;
  }

  private makeRoom(n: number): void {
    if (this.end - this.live > this.end / 2) this.pack(n, (this.live + n) >> 1);
    if (this.end + n > this.ids.length) this.grow(this.growth.capacity(this.ids.length, this.end + n, 2));
  }

  private grow(size: number): void {
    const ids = new Int32Array(size), weights = new Float32Array(size);
    ids.set(this.ids.subarray(0, this.end));
    weights.set(this.weights.subarray(0, this.end));
    this.ids = ids;
    this.weights = weights;
  }

  /** Moves the runs together into new arrays with room for `n` more plus `spare`. */
  private pack(n: number, spare: number): void {
    const size = Math.max(1024, this.live + n + spare);
    const ids = new Int32Array(size), weights = new Float32Array(size);
    let at = 0;
    for (let s = 0; s < this.slots; s++) {
      if (!this.cap[s]) continue;
      const from = this.start[s], l = this.len[s];
      for (let i = 0; i < l; i++) {
        ids[at + i] = this.ids[from + i];
        weights[at + i] = this.weights[from + i];
      }
      this.start[s] = at;
      this.cap[s] = l;
      at += l;
    }
    this.ids = ids;
    this.weights = weights;
    this.end = this.live = at;
  }
}
