// Entries (a 64-hex key and a text each) appended to pack files, one pack per writer, instead of
// one file per entry. Creating a file cost 0.75 ms of kernel time on the 2-core machine the
// benchmarks run on, so the 18,834 entries of a cold Reuters index took 14 s of the two cores;
// an append takes microseconds. Each writer (a process's thread) appends to a pack of its own,
// so no two ever write the same file; readers load every pack's index into a small in-memory
// table, and look again when a key is not found (another writer may have added it).
//
// A record is `KEY LENGTH\n` + LENGTH bytes of UTF-8 + `\n`; after it, the writer appends 24 bytes
// to the pack's index (`NAME.pack.idx`: 96 bits of the key, where the text starts, its length),
// so a reader takes in 18,834 entries with one read of 450 KB instead of a read per record. A
// record the index does not list yet is not read. A pack without an index is read by its
// headers, up to a record cut short (a writer stopped mid-write). Packs are merged into one by
// `compact`, which leaves out the entries no longer wanted. No file is held open between calls:
// a thread can be stopped at any moment without leaving descriptors behind.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { grownFloat64, grownInt32 } from '../core/corpus/denseIds';

const KEY_CHARS = 64;
/** Longest header: key, space, up to 10 digits, newline. */
const HEADER_MAX = KEY_CHARS + 12;
const EMPTY = 0;
/** An index record: three 32-bit words of the key, the text's start (a double), its length. */
const IDX = 24;

interface Pack {
  name: string;
  /** Bytes of the pack scanned by their headers (for this store's own pack: written). */
  scanned: number;
  /** Bytes of the pack's index taken in. */
  indexed: number;
  /** A bad record ends the scan for good. */
  broken: boolean;
}

/** The first 96 bits of a hex key, as three 32-bit words. */
function words(key: string): [number, number, number] {
  return [parseInt(key.slice(0, 8), 16) | 0, parseInt(key.slice(8, 16), 16) | 0, parseInt(key.slice(16, 24), 16) | 0];
}

export class PackStore {
  private packs: Pack[] = [];
  private byName = new Map<string, Pack>();
  // Entries, as typed-array columns: 28 bytes each instead of a Map entry and a 64-char key.
  private n = 0;
  private w0 = new Int32Array(256);
  private w1 = new Int32Array(256);
  private w2 = new Int32Array(256);
  private packOf = new Int32Array(256);
  private start = new Float64Array(256);
  private length = new Int32Array(256);
  /** Open addressing on the first word: entry + 1, 0 empty; at most half full. */
  private table = new Int32Array(512);
  private writer: Pack | undefined;
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private scannedOnce = false;

  constructor(readonly dir: string) {}

  /** The text stored under `key`, or undefined. */
  get(key: string): string | undefined {
    let e = this.find(key);
    if (e < 0) {
      this.scan();
      e = this.find(key);
      if (e < 0) return undefined;
    }
    return this.read(e);
  }

  has(key: string): boolean {
    if (this.find(key) >= 0) return true;
    this.scan();
    return this.find(key) >= 0;
  }

  /** Appends `text` under `key` (unless stored already); false when it could not be written. */
  put(key: string, text: string): boolean {
    if (!this.scannedOnce) this.scan();
    if (this.find(key) >= 0) return true;
    try {
      const w = (this.writer ??= this.newWriter());
      const bytes = Buffer.byteLength(text);
      const header = `${key} ${bytes}\n`;
      const start = w.scanned + header.length;
      // One write each: a record is never interleaved with another (each writer has its own
      // pack), and the index lists it only once it is written.
      appendTo(join(this.packDir, w.name), header + text + '\n');
      w.scanned = start + bytes + 1;
      appendTo(join(this.packDir, w.name + '.idx'), idxRecord(key, start, bytes));
      w.indexed += IDX;
      this.add(key, this.packs.indexOf(w), start, bytes);
      return true;
    } catch {
      return false;
    }
  }

  /** Every stored key (after a scan). */
  keys(): string[] {
    this.scan();
    const out: string[] = [];
    for (let e = 0; e < this.n; e++) {
      const key = this.keyOf(e);
      if (key) out.push(key);
    }
    return out;
  }

  /**
   * Rewrites the packs as one, keeping the entries whose keys are in `keep` (all of them when
   * undefined); returns how many were left out. Does nothing (0) when every entry is kept and
   * the packs are at most `maxPacks`.
   */
  compact(keep?: Iterable<string>, maxPacks = 8): number {
    this.scan();
    const wanted = keep ? new Set<string>() : undefined;
    if (wanted && keep) for (const k of keep) wanted.add(words(k).join(':'));
    const kept: number[] = [];
    for (let e = 0; e < this.n; e++) if (!wanted || wanted.has(`${this.w0[e]}:${this.w1[e]}:${this.w2[e]}`)) kept.push(e);
    const dropped = this.n - kept.length;
    if (!dropped && this.packs.length <= maxPacks) return 0;
    // The kept records, copied as they are into a new pack (its index after it), before any
    // old pack goes.
    let out = -1;
    try {
      const fresh = this.newPack();
      out = fresh.fd;
      const index = Buffer.allocUnsafe(kept.length * IDX);
      let at = 0, listed = 0;
      for (const e of kept) {
        const header = KEY_CHARS + 2 + String(this.length[e]).length;
        const n = header + this.length[e] + 1;
        if (!this.readBytes(this.packs[this.packOf[e]], this.start[e] - header, n)) continue;
        writeSync(out, this.scratch, 0, n);
        idxRecordInto(index, listed++ * IDX, this.w0[e], this.w1[e], this.w2[e], at + header, this.length[e]);
        at += n;
      }
      appendTo(join(this.packDir, fresh.name + '.idx'), index.subarray(0, listed * IDX));
    } catch {
      return 0;
    } finally {
      if (out >= 0) closeSync(out);
    }
    const old = this.packs;
    this.reset();
    for (const p of old) {
      for (const f of [p.name, p.name + '.idx']) {
        try {
          unlinkSync(join(this.packDir, f));
        } catch {
          // Open elsewhere (Windows) or gone already: its kept entries are in the new pack too.
        }
      }
    }
    this.scan();
    return dropped;
  }

  // ---- index

  private find(key: string): number {
    const [a, b, c] = words(key);
    return this.findWords(a, b, c);
  }

  private findWords(a: number, b: number, c: number): number {
    const mask = this.table.length - 1;
    for (let h = Math.imul(a, 0x9e3779b1) >>> 0 & mask; ; h = (h + 1) & mask) {
      const v = this.table[h];
      if (v === EMPTY) return -1;
      const e = v - 1;
      if (this.w0[e] === a && this.w1[e] === b && this.w2[e] === c) return e;
    }
  }

  private add(key: string, pack: number, start: number, length: number): void {
    const [a, b, c] = words(key);
    this.addWords(a, b, c, pack, start, length);
  }

  private addWords(a: number, b: number, c: number, pack: number, start: number, length: number): void {
    if (this.n === this.w0.length) this.growEntries();
    const e = this.n++;
    this.w0[e] = a;
    this.w1[e] = b;
    this.w2[e] = c;
    this.packOf[e] = pack;
    this.start[e] = start;
    this.length[e] = length;
    if (this.n * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(e);
  }

  private place(e: number): void {
    const mask = this.table.length - 1;
    let h = Math.imul(this.w0[e], 0x9e3779b1) >>> 0 & mask;
    while (this.table[h] !== EMPTY) h = (h + 1) & mask;
    this.table[h] = e + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let e = 0; e < this.n; e++) this.place(e);
  }

  private growEntries(): void {
    const size = this.w0.length * 2;
    this.w0 = grownInt32(this.w0, size);
    this.w1 = grownInt32(this.w1, size);
    this.w2 = grownInt32(this.w2, size);
    this.packOf = grownInt32(this.packOf, size);
    this.start = grownFloat64(this.start, size);
    this.length = grownInt32(this.length, size);
  }

  private reset(): void {
    this.packs = [];
    this.byName.clear();
    this.n = 0;
    this.table.fill(EMPTY);
    this.writer = undefined;
    this.scannedOnce = false;
  }

  // ---- files

  private get packDir(): string {
    return join(this.dir, 'packs');
  }

  /** Reads what was appended to the packs since the last scan, and any new pack. */
  private scan(): void {
    this.scannedOnce = true;
    let files: string[];
    try {
      files = readdirSync(this.packDir);
    } catch {
      return;
    }
    const indexed = new Set(files.filter((f) => f.endsWith('.pack.idx')));
    for (const name of files) {
      if (!name.endsWith('.pack')) continue;
      let p = this.byName.get(name);
      if (!p) {
        p = { name, scanned: 0, indexed: 0, broken: false };
        this.byName.set(name, p);
        this.packs.push(p);
      }
      if (p.broken || p === this.writer) continue;
      if (indexed.has(name + '.idx')) this.readIndex(p);
      else this.scanPack(p);
    }
  }

  /** Takes in what was added to the pack's index since last time. */
  private readIndex(p: Pack): void {
    let fd = -1;
    try {
      fd = openSync(join(this.packDir, p.name + '.idx'), 'r');
      const size = fstatSync(fd).size;
      // Whole records only: one being written is taken next time.
      const n = Math.floor((size - p.indexed) / IDX) * IDX;
      if (n <= 0) return;
      const buf = n <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(n);
      if (readSync(fd, buf, 0, n, p.indexed) !== n) return;
      const pack = this.packs.indexOf(p);
      for (let at = 0; at < n; at += IDX) {
        const a = buf.readInt32LE(at), b = buf.readInt32LE(at + 4), c = buf.readInt32LE(at + 8);
        if (this.findWords(a, b, c) < 0) this.addWords(a, b, c, pack, buf.readDoubleLE(at + 12), buf.readInt32LE(at + 20));
      }
      p.indexed += n;
    } catch {
      // unreadable: its entries are misses
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }

  private scanPack(p: Pack): void {
    let fd: number;
    try {
      fd = openSync(join(this.packDir, p.name), 'r');
    } catch {
      return;
    }
    try {
      this.scanOpen(p, fd);
    } catch {
      // unreadable: its entries are misses
    } finally {
      closeSync(fd);
    }
  }

  private scanOpen(p: Pack, fd: number): void {
    const size = fstatSync(fd).size;
    const index = this.packs.indexOf(p);
    const buf = this.scratch;
    while (p.scanned < size) {
      const got = readSync(fd, buf, 0, Math.min(HEADER_MAX, size - p.scanned), p.scanned);
      const nl = buf.indexOf(10, 0);
      if (nl < 0 || nl >= got) {
        // A header not written whole yet (or not a header at all): stop here for now.
        if (got >= HEADER_MAX) p.broken = true;
        return;
      }
      const header = buf.toString('latin1', 0, nl);
      const space = header.indexOf(' ');
      const key = header.slice(0, space);
      const bytes = Number(header.slice(space + 1));
      if (space !== KEY_CHARS || !/^[0-9a-f]{64}$/.test(key) || !Number.isInteger(bytes) || bytes < 0) {
        p.broken = true;
        return;
      }
      const end = p.scanned + nl + 1 + bytes + 1;
      // A record still being written (or cut short): read it on a later scan, if ever whole.
      if (end > size) return;
      if (this.find(key) < 0) this.add(key, index, p.scanned + nl + 1, bytes);
      p.scanned = end;
    }
  }

  /** Reads `n` bytes of pack `p` from `at` into the scratch buffer; false when they cannot all be read. */
  private readBytes(p: Pack | undefined, at: number, n: number): boolean {
    if (!p) return false;
    if (n > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(n, this.scratch.length * 2));
    let fd = -1;
    try {
      fd = openSync(join(this.packDir, p.name), 'r');
      return readSync(fd, this.scratch, 0, n, at) === n;
    } catch {
      return false;
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }

  private read(e: number): string | undefined {
    const n = this.length[e];
    return this.readBytes(this.packs[this.packOf[e]], this.start[e], n) ? this.scratch.toString('utf8', 0, n) : undefined;
  }

  private keyOf(e: number): string | undefined {
    const at = this.start[e] - (KEY_CHARS + 2 + String(this.length[e]).length);
    return this.readBytes(this.packs[this.packOf[e]], at, KEY_CHARS) ? this.scratch.toString('latin1', 0, KEY_CHARS) : undefined;
  }

  /** A pack file of a name unique to this process and thread: no two writers ever append to the same pack. */
  private newPack(): { name: string; fd: number } {
    mkdirSync(this.packDir, { recursive: true });
    const name = `${Date.now().toString(36)}-${process.pid}-${threadId}-${Math.random().toString(36).slice(2, 8)}.pack`;
    return { name, fd: openSync(join(this.packDir, name), 'a') };
  }

  private newWriter(): Pack {
    const { name, fd } = this.newPack();
    closeSync(fd);
    const pack: Pack = { name, scanned: 0, indexed: 0, broken: false };
    this.byName.set(name, pack);
    this.packs.push(pack);
    return pack;
  }
}

/** Appends `data` to `file` in one write, the file open only for it. */
function appendTo(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, 'a');
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

function idxRecordInto(buf: Buffer, at: number, a: number, b: number, c: number, start: number, length: number): void {
  buf.writeInt32LE(a, at);
  buf.writeInt32LE(b, at + 4);
  buf.writeInt32LE(c, at + 8);
  buf.writeDoubleLE(start, at + 12);
  buf.writeInt32LE(length, at + 20);
}

function idxRecord(key: string, start: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(IDX);
  const [a, b, c] = words(key);
  idxRecordInto(buf, 0, a, b, c, start, length);
  return buf;
}
