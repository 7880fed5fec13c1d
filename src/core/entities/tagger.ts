// Viterbi decoding of BIO tags over one sentence, given per-token emission scores and tag
// transition weights. Shared by training (with live weights) and tagging (with the packed model).
import { allowed, NTAGS, tokenFeatures, type NerDoc } from './features';
import { lookup, type NerModel } from './model';

const NEG = -1e30;

/** Emission scores of tokens [from, to) into `emit` ((to-from) × NTAGS). */
export type Scorer = (doc: NerDoc, i: number, feats: number[], out: Float64Array, offset: number) => void;

export function viterbi(doc: NerDoc, from: number, to: number, trans: ArrayLike<number>, score: Scorer, tags: Int8Array): void {
  const n = to - from;
  if (n <= 0) return;
  const emit = new Float64Array(n * NTAGS);
  const feats: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = from + k;
    if (doc.forcedO[i]) {
      for (let t = 1; t < NTAGS; t++) emit[k * NTAGS + t] = NEG;
    } else {
      tokenFeatures(doc, i, feats);
      score(doc, i, feats, emit, k * NTAGS);
    }
  }
  const delta = new Float64Array(n * NTAGS);
  const back = new Int8Array(n * NTAGS);
  for (let t = 0; t < NTAGS; t++) delta[t] = allowed(-1, t) ? trans[t] + emit[t] : NEG;
  for (let k = 1; k < n; k++) {
    for (let t = 0; t < NTAGS; t++) {
      let best = NEG * 2;
      let arg = 0;
      for (let p = 0; p < NTAGS; p++) {
        if (!allowed(p, t)) continue;
        const v = delta[(k - 1) * NTAGS + p] + trans[(p + 1) * NTAGS + t];
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
  const w = m.weights;
  return (_doc, _i, feats, out, offset) => {
    for (let f = 0; f < feats.length; f++) {
      const r = lookup(m, feats[f]);
      if (r < 0) continue;
      const base = r * NTAGS;
      for (let t = 0; t < NTAGS; t++) out[offset + t] += w[base + t];
    }
  };
}

/** Tags of every token of the document. */
export function tagDoc(doc: NerDoc, trans: ArrayLike<number>, score: Scorer): Int8Array {
  const tags = new Int8Array(doc.toks.length);
  for (const s of doc.sents) viterbi(doc, s.from, s.to, trans, score, tags);
  return tags;
}
