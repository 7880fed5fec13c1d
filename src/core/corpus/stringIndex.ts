// Strings to the numbers they are stored under, as an open-addressing table of those numbers:
// 4 bytes a slot outside the heap, where a Map keeps ~40 bytes of entry and table per string.
// The strings themselves stay in the caller's array (`keys()[id]`), which is what is compared.

const EMPTY = -1;

function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

export class StringIndex {
  private table = new Int32Array(1024).fill(EMPTY);
  size = 0;

  /** `keys()[id]` is the string stored under `id`. */
  constructor(private readonly keys: () => readonly string[]) {}

  get(s: string): number | undefined {
    const at = this.slotOf(s);
    return at < 0 ? undefined : this.table[at];
  }

  /** Stores `s` (not stored yet) under `id`; `keys()[id]` must already be `s`. */
  set(s: string, id: number): void {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let h = hashOf(s) & mask;
    while (this.table[h] !== EMPTY) h = (h + 1) & mask;
    this.table[h] = id;
    this.size++;
  }

  /** Forgets `s` (call while `keys()` still holds it). */
  delete(s: string): void {
    let i = this.slotOf(s);
    if (i < 0) return;
    const keys = this.keys(), table = this.table, mask = table.length - 1;
    // Backward shift: later entries of the probe run move up, so no tombstones are needed.
    for (let j = (i + 1) & mask; table[j] !== EMPTY; j = (j + 1) & mask) {
      const home = hashOf(keys[table[j]]) & mask;
      const between = i <= j ? i < home && home <= j : i < home || home <= j;
      if (between) continue;
      table[i] = table[j];
      i = j;
    }
    table[i] = EMPTY;
    this.size--;
  }

  private slotOf(s: string): number {
    const keys = this.keys(), table = this.table, mask = table.length - 1;
    for (let h = hashOf(s) & mask; ; h = (h + 1) & mask) {
      const id = table[h];
      if (id === EMPTY) return -1;
      if (keys[id] === s) return h;
    }
  }

  private grow(): void {
    const keys = this.keys(), old = this.table;
    this.table = new Int32Array(old.length * 2).fill(EMPTY);
    this.size = 0;
    for (const id of old) if (id !== EMPTY) this.set(keys[id], id);
  }
}
