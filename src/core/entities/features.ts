// What the tagger sees of each token: hashed feature ids built from the word, its shape and
// affixes, its neighbours, where it stands in the sentence, what kind of line it is on (ALL-CAPS
// or Title-Case headline), gazetteer membership and what the rest of the article says about the
// same word. The same code builds the features for training (scripts/train) and for tagging, so
// the two can never drift apart.
import type { TextContext } from '../text/context';
import { gazetteer, GAZ_KINDS, KIND_BIT } from './gazetteer';
import type { WordSet } from './lexicon';

export interface NerToken {
  text: string;
  start: number;
  end: number;
}

export interface NerSentence {
  /** token index range [from, to) */
  from: number;
  to: number;
  /** an ALL-CAPS line (headline, dateline) */
  caps: boolean;
  /** a Title-Case headline */
  title: boolean;
}

export interface NerDoc {
  text: string;
  toks: NerToken[];
  /** normalised form (curly quotes straightened) */
  norm: string[];
  lower: string[];
  shape: string[];
  /** character classes of each token (F_* bits) */
  flags: Uint8Array;
  sents: NerSentence[];
  /** sentence index of each token */
  sentOf: Int32Array;
  /** gazetteer: kind bits of the phrase covering the token and the token's place in it */
  gzBits: Int32Array;
  gzPos: Uint8Array; // 0 none, 1 begin, 2 inside, 3 single
  /** true for tokens the tagger must leave outside every name (punctuation, lone lowercase words) */
  forcedO: Uint8Array;
  docLower: Set<string>;
  docCapMid: Set<string>;
  /** common English words (seen in lowercase in the training news) */
  lexicon: WordSet;
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'is', 'are',
  'vs', 'vs.', 'v', 'de', 'du', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'da', 'di', 'del', 'y', 'und',
  'into', 'over', 'after', 'amid', 'off', 'up', 'out', 'per', 'than', 'via', 'be', 'was', 'were', 'it', 'its', 'not', 'no',
]);

const HAS_LETTER = /\p{L}/u;

export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    if (c === last) {
      if (++run > 1) continue;
    } else run = 0;
    last = c;
    out += c;
  }
  return out;
}

const F_UPPER = 1, F_LOWER = 2, F_LETTER = 4, F_DIGIT = 8, F_FIRST_UPPER = 16;

/** Character classes of a word, in one pass (ASCII fast path). */
function charFlags(w: string): number {
  let f = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let g: number;
    if (c >= 97 && c <= 122) g = F_LOWER | F_LETTER;
    else if (c >= 65 && c <= 90) g = F_UPPER | F_LETTER;
    else if (c >= 48 && c <= 57) g = F_DIGIT;
    else if (c < 128) g = 0;
    else {
      const ch = w[i];
      g = /\p{Lu}/u.test(ch) ? F_UPPER | F_LETTER : /\p{Ll}/u.test(ch) ? F_LOWER | F_LETTER : /\p{L}/u.test(ch) ? F_LETTER : /\d/u.test(ch) ? F_DIGIT : 0;
    }
    if (i === 0 && g & F_UPPER) f |= F_FIRST_UPPER;
    f |= g;
  }
  return f;
}

function normalise(w: string): string {
  let ascii = true;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) return w;
  return w.replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[–—]/g, '-');
}

/** The article's tokens as the tagger wants them: possessive "'s" split off ("Zelensky's" →
 * "Zelensky" + "'s"), and a "'" "s" pair (CoNLL's "U.S. 's") joined. Offsets stay exact. */
export function nerTokens(ctx: TextContext): NerToken[] {
  const out: NerToken[] = [];
  const src = ctx.tokens;
  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    const w = t.text;
    const n = w.length;
    if (n > 2 && (w[n - 2] === "'" || w[n - 2] === '’') && (w[n - 1] === 's' || w[n - 1] === 'S') && HAS_LETTER.test(w[n - 3])) {
      out.push({ text: w.slice(0, n - 2), start: t.start, end: t.end - 2 });
      out.push({ text: w.slice(n - 2), start: t.end - 2, end: t.end });
      continue;
    }
    if ((w === "'" || w === '’') && i + 1 < src.length && src[i + 1].start === t.end && (src[i + 1].text === 's' || src[i + 1].text === 'S')) {
      out.push({ text: w + src[i + 1].text, start: t.start, end: src[i + 1].end });
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

export function prepareDoc(ctx: TextContext, lexicon: WordSet): NerDoc {
  const toks = nerTokens(ctx);
  const n = toks.length;
  const norm: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const shape: string[] = new Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = normalise(toks[i].text);
    norm[i] = w;
    lower[i] = w.toLowerCase();
    shape[i] = wordShape(w);
    flags[i] = charFlags(w);
  }

  // Sentences as token ranges.
  const sents: NerSentence[] = [];
  const sentOf = new Int32Array(n);
  const spans = ctx.sentences;
  let ti = 0;
  for (let si = 0; si < spans.length && ti < n; si++) {
    const s = spans[si];
    const endBound = si + 1 < spans.length ? spans[si + 1].start : Infinity;
    const from = ti;
    while (ti < n && toks[ti].start < endBound) ti++;
    if (ti > from) sents.push({ from, to: ti, caps: false, title: false });
    void s;
  }
  if (ti < n) sents.push({ from: ti, to: n, caps: false, title: false });
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    for (let i = s.from; i < s.to; i++) sentOf[i] = si;
    let words = 0, capsWords = 0, content = 0, capContent = 0, capCommon = 0;
    for (let i = s.from; i < s.to; i++) {
      const w = norm[i];
      if (!(flags[i] & F_LETTER)) continue;
      words++;
      if (w.length > 1 && !(flags[i] & F_LOWER)) capsWords++;
      if (!FUNCTION_WORDS.has(lower[i]) && w.length > 2) {
        content++;
        if (flags[i] & F_FIRST_UPPER) {
          capContent++;
          if (lexicon.has(lower[i])) capCommon++;
        }
      }
    }
    s.caps = capsWords >= 1 && capsWords >= 0.6 * words;
    const last = norm[s.to - 1];
    // Title Case: nearly every content word capitalised, and ordinary words among them (a line
    // of names is no headline).
    s.title = !s.caps && words >= 3 && content >= 3 && content - capContent <= (content >= 8 ? 1 : 0) && capCommon >= 2
      && capCommon >= 0.5 * capContent && !/[!,;:]$/.test(last);
  }

  // Gazetteer: longest match at each token that starts with a capital (titles: any case).
  const gz = gazetteer();
  const gzBits = new Int32Array(n);
  const gzPos = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const maxLen = gz.firstLen.get(lower[i]);
    let matched = 0;
    if (maxLen !== undefined) {
      const lim = Math.min(maxLen, sents[sentOf[i]].to - i);
      let key = '';
      const keys: string[] = [];
      for (let k = 0; k < lim; k++) {
        key = k ? key + ' ' + lower[i + k] : lower[i];
        keys.push(key);
      }
      for (let k = lim; k >= 1; k--) {
        let bits = gz.phrases.get(keys[k - 1]);
        if (bits === undefined) continue;
        if (!(flags[i] & F_FIRST_UPPER)) bits &= KIND_BIT.title;
        if (!bits) continue;
        for (let j = 0; j < k; j++) {
          gzBits[i + j] = bits;
          gzPos[i + j] = k === 1 ? 3 : j === 0 ? 1 : 2;
        }
        matched = k;
        break;
      }
    }
    i += matched || 1;
  }

  // What the article says elsewhere about each word.
  const docLower = new Set<string>();
  const docCapMid = new Set<string>();
  for (const s of sents) {
    for (let i = s.from; i < s.to; i++) {
      const f = flags[i];
      if (!(f & F_UPPER)) {
        if (f & F_LETTER) docLower.add(lower[i]);
      } else if (!s.caps && !s.title && i > s.from && f & F_FIRST_UPPER && !isOpener(norm[i - 1])) docCapMid.add(lower[i]);
    }
  }

  const forcedO = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (!(f & (F_LETTER | F_DIGIT))) forcedO[i] = 1;
    else if (!(f & (F_UPPER | F_DIGIT))) {
      const s = sents[sentOf[i]];
      const p1 = i - 1 >= s.from && (flags[i - 1] & F_UPPER) !== 0;
      const p2 = i - 2 >= s.from && (flags[i - 2] & F_UPPER) !== 0 && FUNCTION_WORDS.has(lower[i - 1]);
      if (!(p1 || p2) || s.caps) forcedO[i] = 1;
    }
  }

  return { text: ctx.text, toks, norm, lower, shape, flags, sents, sentOf, gzBits, gzPos, forcedO, docLower, docCapMid, lexicon };
}

function isOpener(w: string): boolean {
  return w === '"' || w === '(' || w === ':' || w === '-' || w === "'" || w === '[';
}

// ---- hashing: FNV-1a over a template id and one or more strings, finished with a mixer.
function hashStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}
function f1(t: number, a: string): number {
  return fin(hashStr(Math.imul(t + 1, 0x9e3779b1) ^ 0x811c9dc5, a));
}
function f2(t: number, a: string, b: string): number {
  return fin(hashStr(hashStr(Math.imul(t + 1, 0x9e3779b1) ^ 0x811c9dc5, a) ^ 0x1f, b));
}
function f3(t: number, a: string, b: string, c: string): number {
  return fin(hashStr(hashStr(hashStr(Math.imul(t + 1, 0x9e3779b1) ^ 0x811c9dc5, a) ^ 0x1f, b) ^ 0x1f, c));
}

function gzTag(doc: NerDoc, i: number): string {
  const bits = doc.gzBits[i];
  if (!bits) return '';
  let s = '';
  for (let k = 0; k < GAZ_KINDS.length; k++) if (bits & (1 << k)) s += GAZ_KINDS[k][0] + GAZ_KINDS[k][1];
  return s + doc.gzPos[i];
}

/** Feature ids of token i (appended to `out`, which is returned). */
export function tokenFeatures(doc: NerDoc, i: number, out: number[]): number[] {
  out.length = 0;
  const s = doc.sents[doc.sentOf[i]];
  const { norm, lower, shape } = doc;
  const w = norm[i];
  const lw = lower[i];
  const sh = shape[i];
  const first = i === s.from || (i === s.from + 1 && isOpener(norm[s.from]));
  const line = s.caps ? 'C' : s.title ? 'T' : 'N';
  const pw = i > s.from ? lower[i - 1] : '<s>';
  const pw2 = i > s.from + 1 ? lower[i - 2] : '<s>';
  const nw = i + 1 < s.to ? lower[i + 1] : '</s>';
  const nw2 = i + 2 < s.to ? lower[i + 2] : '</s>';
  const psh = i > s.from ? shape[i - 1] : '<s>';
  const nsh = i + 1 < s.to ? shape[i + 1] : '</s>';

  out.push(f1(0, ''));
  out.push(f1(1, lw));
  out.push(f1(2, w));
  out.push(f1(3, sh));
  out.push(f2(4, sh, line));
  if (lw.length > 2) {
    out.push(f1(5, lw.slice(0, 3)));
    out.push(f1(6, lw.slice(-2)));
    out.push(f1(7, lw.slice(-3)));
    if (lw.length > 4) out.push(f1(8, lw.slice(-4)));
  }
  out.push(f1(9, pw));
  out.push(f1(10, nw));
  out.push(f1(11, pw2));
  out.push(f1(12, nw2));
  out.push(f2(13, psh, sh));
  out.push(f2(14, sh, nsh));
  out.push(f3(15, psh, sh, nsh));
  out.push(f2(16, pw, lw));
  out.push(f2(17, lw, nw));
  out.push(f2(18, pw, sh));
  out.push(f2(19, sh, nw));
  if (first) {
    out.push(f1(20, sh));
    out.push(f1(21, lw));
  }
  if (s.caps || s.title) out.push(f2(22, line, lw));
  const g = gzTag(doc, i);
  if (g) {
    out.push(f1(23, g));
    out.push(f2(24, g, line));
  }
  const pg = i > s.from ? gzTag(doc, i - 1) : '<s>';
  const ng = i + 1 < s.to ? gzTag(doc, i + 1) : '</s>';
  if (pg) out.push(f2(25, pg, sh));
  if (ng) out.push(f2(26, ng, sh));
  if (doc.flags[i] & F_UPPER) {
    const lowSeen = doc.docLower.has(lw) ? 'L' : '-';
    const capSeen = doc.docCapMid.has(lw) ? 'M' : '-';
    out.push(f3(27, lowSeen + capSeen, first ? 'F' : '-', line));
    const known = doc.lexicon.has(lw) ? 'K' : '-';
    out.push(f3(31, known, first ? 'F' : '-', line));
    out.push(f3(32, known + lowSeen + capSeen, sh, pg ? 'g' : '-'));
  }
  const dash = w.indexOf('-');
  if (dash > 0 && dash < w.length - 1) {
    out.push(f1(28, lw.slice(0, dash)));
    out.push(f1(29, lw.slice(lw.lastIndexOf('-') + 1)));
  }
  out.push(f2(30, w.length > 12 ? '13' : String(w.length), sh));
  return out;
}

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const NTAGS = TAGS.length;
export const TYPE_OF_TAG = [null, 'person', 'person', 'place', 'place', 'organization', 'organization'] as const;

/** May tag b follow tag a (a = -1 at sentence start)? BIO: I-X only after B-X or I-X. */
export function allowed(a: number, b: number): boolean {
  if (b === 0 || b % 2 === 1) return true;
  return a === b || a === b - 1;
}
