// Viterbi decoding of BIO tags over one sentence, given per-token emission scores and tag
// transition weights. Shared by training (with live weights) and tagging (with the packed model).
import { allowed, NTAGS, tokenFeatures, type NerDoc } from './features';
import { mix, SLOT, type NerModel } from './model';

const NEG = -1e30;

/** Emission scores of tokens [from, to) into `emit` ((to-from) × NTAGS). */
export type Scorer = (doc: NerDoc, i: number, feats: number[], out: Float64Array, offset: number) => void;

// BIO constraints as a table: ALLOWED[(a + 1) * NTAGS + b] for a = -1 … NTAGS-1.
const ALLOWED = new Uint8Array((NTAGS + 1) * NTAGS);
for (let a = -1; a < NTAGS; a++) for (let b = 0; b < NTAGS; b++) ALLOWED[(a + 1) * NTAGS + b] = allowed(a, b) ? 1 : 0;

// Scratch buffers, grown as needed and reused across sentences.
let emit = new Float64Array(256 * NTAGS);
let delta = new Float64Array(256 * NTAGS);
let back = new Int8Array(256 * NTAGS);
const feats: number[] = [];

export function viterbi(doc: NerDoc, from: number, to: number, trans: ArrayLike<number>, score: Scorer, tags: Int8Array): void {
  const n = to - from;
  if (n <= 0) return;
  if (emit.length < n * NTAGS) {
    const size = Math.max(n, emit.length / NTAGS * 2) * NTAGS;
    emit = new Float64Array(size);
    delta = new Float64Array(size);
    back = new Int8Array(size);
  }
  emit.fill(0, 0, n * NTAGS);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    if (doc.forcedO[i]) {
      for (let t = 1; t < NTAGS; t++) emit[k * NTAGS + t] = NEG;
    } else {
      tokenFeatures(doc, i, feats);
      score(doc, i, feats, emit, k * NTAGS);
    }
  }
  for (let t = 0; t < NTAGS; t++) delta[t] = ALLOWED[t] ? trans[t] + emit[t] : NEG;
  for (let k = 1; k < n; k++) {
    const prev = (k - 1) * NTAGS;
    for (let t = 0; t < NTAGS; t++) {
      let best = NEG * 2;
      let arg = 0;
      for (let p = 0; p < NTAGS; p++) {
        if (!ALLOWED[(p + 1) * NTAGS + t]) continue;
        const v = delta[prev + p] + trans[(p + 1) * NTAGS + t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[k * NTAGS + t] = best + emit[k * NTAGS + t];
      back[k * NTAGS + t] = arg;
    }
  }
  let best = NEG * 2;
  let arg = 0;
  for (let t = 0; t < NTAGS; t++) {
    if (delta[(n - 1) * NTAGS + t] > best) {
      best = delta[(n - 1) * NTAGS + t];
      arg = t;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    tags[from + k] = arg;
    arg = back[k * NTAGS + arg];
  }
}

export function modelScorer(m: NerModel): Scorer {
  const { table, weights, mask } = m;
  return (_doc, _i, fs, out, offset) => {
    for (let f = 0; f < fs.length; f++) {
      const key = fs[f];
      let h = mix(key) & mask;
      let k: number;
      while ((k = table[h * SLOT]) !== key) {
        if (k === 0) break;
        h = (h + 1) & mask;
      }
      if (k === 0) continue;
      const base = h * SLOT + 1;
      for (let t = 0; t < NTAGS; t++) out[offset + t] += weights[base + t];
    }
  };
}

/** Tags of every token of the document. */
export function tagDoc(doc: NerDoc, trans: ArrayLike<number>, score: Scorer): Int8Array {
  const tags = new Int8Array(doc.toks.length);
  for (const s of doc.sents) viterbi(doc, s.from, s.to, trans, score, tags);
  return tags;
}
