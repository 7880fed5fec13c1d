// Reusable working space for passes over many small sets of numbers (a topic's features, an
// article's salient ones): made once and cleared, so a pass over thousands of topics leaves no
// Map or array per topic behind as garbage.

/** Integer keys to running sums, in open addressing; cleared in O(1) by a generation stamp. */
export class ScoreTable {
  keys = new Int32Array(1024);
  values = new Float64Array(1024);
  private stamp = new Int32Array(1024);
  private gen = 1;
  /** Slots of the keys, in the order they were first met. */
  private order = new Int32Array(512);
  size = 0;

  clear(): void {
    this.size = 0;
    if (++this.gen > 0x3fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  /** The slot of the `i`th key met since the last clear. */
  at(i: number): number {
    return this.order[i];
  }

  /** The slot of `key` (made, with value 0, if new): read and write `values[slot]`. */
  slot(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
    while (this.stamp[h] === this.gen) {
      if (this.keys[h] === key) return h;
      h = (h + 1) & mask;
    }
    this.stamp[h] = this.gen;
    this.keys[h] = key;
    this.values[h] = 0;
    this.order[this.size++] = h;
    return h;
  }

  /** The slot of `key`, or -1. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
    while (this.stamp[h] === this.gen) {
      if (this.keys[h] === key) return h;
      h = (h + 1) & mask;
    }
    return -1;
  }

  private grow(): void {
    const { keys, values, order, size } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap);
    this.values = new Float64Array(cap);
    this.stamp = new Int32Array(cap);
    this.order = new Int32Array(cap >> 1);
    this.gen = 1;
    this.size = 0;
    for (let i = 0; i < size; i++) {
      const s = this.slot(keys[order[i]]);
      this.values[s] = values[order[i]];
    }
  }
}

/**
 * Sorts `idx[0..n)` in place by `cmp`, which must be a total order (then any sort gives the same
 * result, and this one allocates nothing).
 */
export function sortIndices(idx: Int32Array, n: number, cmp: (a: number, b: number) => number): void {
  quick(idx, 0, n - 1, cmp);
}

function quick(a: Int32Array, lo: number, hi: number, cmp: (a: number, b: number) => number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to hi - 1.
    if (cmp(a[mid], a[lo]) < 0) swap(a, mid, lo);
    if (cmp(a[hi], a[lo]) < 0) swap(a, hi, lo);
    if (cmp(a[hi], a[mid]) < 0) swap(a, hi, mid);
    swap(a, mid, hi - 1);
    const pivot = a[hi - 1];
    let i = lo, j = hi - 1;
    for (;;) {
      while (cmp(a[++i], pivot) < 0);
      while (cmp(a[--j], pivot) > 0);
      if (i >= j) break;
      swap(a, i, j);
    }
    swap(a, i, hi - 1);
    // Recurse into the smaller side, loop on the larger: the stack stays shallow.
    if (i - lo < hi - i) {
      quick(a, lo, i - 1, cmp);
      lo = i + 1;
    } else {
      quick(a, i + 1, hi, cmp);
      hi = i - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && cmp(a[j], x) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
