// The learned weights: how they are packed into a string the bundle can carry, and unpacked
// (once, on first use) into a hash table the tagger reads.
//
// Packed layout (little-endian bytes, then base64):
//   u32 magic 'NER1' | u32 nTags | u32 nFeat | f32 scale
//   f32 × (nTags + 1) × nTags   transitions (row 0 = sentence start, then from each tag)
//   varint × nFeat              feature ids, sorted as unsigned, delta-coded
//   i8 × nFeat × nTags          weights, companded: w = sign(q) · (q/127)² · scale
import { NTAGS } from './features';

export interface NerModel {
  nTags: number;
  trans: Float64Array;
  /** open-addressing table of SLOT-wide entries: the feature id, then its weight per tag; `table`
   * and `weights` are two views of one buffer, so a lookup touches one cache line */
  table: Int32Array;
  weights: Float32Array;
  mask: number;
}

export const SLOT = 8;

const MAGIC = 0x3152454e; // 'NER1'

export function encodeModel(trans: ArrayLike<number>, feats: Map<number, Float64Array | number[]>, nTags = NTAGS): string {
  const ids = [...feats.keys()].map((k) => k >>> 0).sort((a, b) => a - b);
  let maxAbs = 0;
  for (const row of feats.values()) for (let t = 0; t < nTags; t++) maxAbs = Math.max(maxAbs, Math.abs(row[t]));
  const scale = maxAbs || 1;
  const bytes: number[] = [];
  const u32 = (v: number) => bytes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  const f32 = (v: number) => {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    bytes.push(...b);
  };
  u32(MAGIC);
  u32(nTags);
  u32(ids.length);
  f32(scale);
  for (let i = 0; i < (nTags + 1) * nTags; i++) f32(trans[i]);
  let prev = 0;
  for (const id of ids) {
    let d = id - prev;
    prev = id;
    while (d >= 128) {
      bytes.push((d % 128) | 128);
      d = Math.floor(d / 128);
    }
    bytes.push(d);
  }
  for (const id of ids) {
    const row = feats.get(id | 0) ?? feats.get(id)!;
    for (let t = 0; t < nTags; t++) {
      const w = row[t];
      const q = Math.round(Math.sqrt(Math.abs(w) / scale) * 127);
      bytes.push((w < 0 ? -q : q) & 255);
    }
  }
  return toBase64(Uint8Array.from(bytes));
}

export function decodeModel(b64: string): NerModel {
  const buf = fromBase64(b64);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = 0;
  const u32 = () => ((p += 4), dv.getUint32(p - 4, true));
  const f32 = () => ((p += 4), dv.getFloat32(p - 4, true));
  if (u32() !== MAGIC) throw new Error('entities: bad model');
  const nTags = u32();
  const nFeat = u32();
  const scale = f32();
  const trans = new Float64Array((nTags + 1) * nTags);
  for (let i = 0; i < trans.length; i++) trans[i] = f32();
  let size = 1;
  while (size * 0.7 < nFeat) size <<= 1;
  if (nTags >= SLOT) throw new Error('entities: too many tags');
  const buffer = new ArrayBuffer(size * SLOT * 4);
  const table = new Int32Array(buffer);
  const weights = new Float32Array(buffer);
  const mask = size - 1;
  const slotOf = new Int32Array(nFeat);
  let id = 0;
  for (let r = 0; r < nFeat; r++) {
    let d = 0;
    let mul = 1;
    for (;;) {
      const b = buf[p++];
      d += (b & 127) * mul;
      if (b < 128) break;
      mul *= 128;
    }
    id += d;
    const key = id | 0;
    let h = mix(key) & mask;
    while (table[h * SLOT] !== 0) h = (h + 1) & mask;
    table[h * SLOT] = key;
    slotOf[r] = h * SLOT + 1;
  }
  for (let r = 0; r < nFeat; r++) {
    const base = slotOf[r];
    for (let t = 0; t < nTags; t++) {
      const q = (buf[p++] << 24) >> 24;
      const a = q / 127;
      weights[base + t] = (q < 0 ? -1 : 1) * a * a * scale;
    }
  }
  return { nTags, trans, table, weights, mask };
}

export function mix(k: number): number {
  return Math.imul(k ^ (k >>> 15), 0x2c1b3c6d) ^ (k >>> 12);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(b: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
    if (out.length > 65536) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  // Node's native decoder when there is one (the extension host, the CLI); plain code elsewhere.
  const NodeBuffer = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (NodeBuffer) {
    const b = NodeBuffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const rev = new Uint8Array(128);
  for (let i = 0; i < 64; i++) rev[B64.charCodeAt(i)] = i;
  let len = (s.length / 4) * 3;
  if (s.endsWith('==')) len -= 2;
  else if (s.endsWith('=')) len -= 1;
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n = (rev[s.charCodeAt(i)] << 18) | (rev[s.charCodeAt(i + 1)] << 12) | (rev[s.charCodeAt(i + 2)] << 6) | rev[s.charCodeAt(i + 3)];
    if (o < len) out[o++] = (n >> 16) & 255;
    if (o < len) out[o++] = (n >> 8) & 255;
    if (o < len) out[o++] = n & 255;
  }
  return out;
}
