// Dense ids (0, 1, 2, …) for strings and for pairs of ids, kept in typed arrays. A Map of tens of
// thousands of keys costs ~45 bytes an entry on a 64-bit heap without pointer compression; these
// tables cost 8–16. Ids are never taken back: what is interned stays (vocabularies only grow a
// little as articles are edited).
import { StringIndex } from './stringIndex';

/**
 * A typed array of at least `need` elements holding `a`'s: grown by half, so appends stay cheap,
 * or to `cap` when the caller knows better (see growth.ts).
 */
export function grownInt32(a: Int32Array<ArrayBuffer>, need: number, cap?: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, cap ?? a.length + (a.length >> 1), 64));
  b.set(a);
  return b;
}

export function grownFloat64(a: Float64Array<ArrayBuffer>, need: number, cap?: number): Float64Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, cap ?? a.length + (a.length >> 1), 64));
  b.set(a);
  return b;
}

export function grownUint8(a: Uint8Array<ArrayBuffer>, need: number, cap?: number): Uint8Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, cap ?? a.length + (a.length >> 1), 64));
  b.set(a);
  return b;
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Open addressing with linear probing: slots hold id + 1 (0 empty), kept at most half full. */
function rehashed(old: Int32Array<ArrayBuffer>, hashOf: (id: number) => number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(old.length * 2);
  const mask = slots.length - 1;
  for (const v of old) {
    if (!v) continue;
    let i = hashOf(v - 1) & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = v;
  }
  return slots;
}

/** Strings to dense ids and back (the table of stringIndex.ts over an append-only list). */
export class StringIds {
  private readonly strings: string[] = [];
  private readonly index = new StringIndex(() => this.strings);

  get size(): number {
    return this.strings.length;
  }

  /** The id of `s`, made when new. */
  id(s: string): number {
    const known = this.index.get(s);
    if (known !== undefined) return known;
    const id = this.strings.length;
    this.strings.push(s);
    this.index.set(s, id);
    return id;
  }

  /** The id of `s`, or -1 when it was never interned. */
  find(s: string): number {
    return this.index.get(s) ?? -1;
  }

  str(id: number): string {
    return this.strings[id];
  }
}

/** Pairs of non-negative ids (or -1) to dense ids and back. */
export class PairIds {
  private slots = new Int32Array(64);
  private firsts = new Int32Array(64);
  private seconds = new Int32Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of (a, b), made when new. */
  id(a: number, b: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = hashPair(a, b) & mask;
    for (let v = slots[i]; v; v = slots[i]) {
      if (this.firsts[v - 1] === a && this.seconds[v - 1] === b) return v - 1;
      i = (i + 1) & mask;
    }
    const id = this.count++;
    this.firsts = grownInt32(this.firsts, this.count);
    this.seconds = grownInt32(this.seconds, this.count);
    this.firsts[id] = a;
    this.seconds[id] = b;
    slots[i] = id + 1;
    if (this.count * 2 >= slots.length) this.slots = rehashed(slots, (x) => hashPair(this.firsts[x], this.seconds[x]));
    return id;
  }

  first(id: number): number {
    return this.firsts[id];
  }

  second(id: number): number {
    return this.seconds[id];
  }
}
