// Common English words as a Bloom filter (about 1% false positives): the tagger asks whether a
// capitalised word is also an ordinary word ("Meanwhile", "Firefighters") or likely a name.
export interface WordSet {
  has(word: string): boolean;
}

const K = 4;

function h(seed: number, s: string): number {
  let x = Math.imul(seed + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  return x >>> 0;
}

export class BloomLexicon implements WordSet {
  constructor(readonly bits: Uint8Array) {}

  static build(words: Iterable<string>, log2Bits = 19): BloomLexicon {
    const b = new BloomLexicon(new Uint8Array((1 << log2Bits) >>> 3));
    for (const w of words) b.add(w);
    return b;
  }

  add(word: string): void {
    const mask = this.bits.length * 8 - 1;
    for (let k = 0; k < K; k++) {
      const i = h(k, word) & mask;
      this.bits[i >>> 3] |= 1 << (i & 7);
    }
  }

  has(word: string): boolean {
    const mask = this.bits.length * 8 - 1;
    for (let k = 0; k < K; k++) {
      const i = h(k, word) & mask;
      if (!(this.bits[i >>> 3] & (1 << (i & 7)))) return false;
    }
    return true;
  }
}
