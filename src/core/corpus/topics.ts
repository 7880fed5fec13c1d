// Topics: groups of articles about one story. Each article's features are its entities and key
// phrases, weighted tf-idf-like (a name in every article ties nothing together). An article's
// salient features are its few heaviest; a candidate topic is the set of articles sharing a
// salient feature or a salient pair of features ("Ecuador" + "earthquake"); candidates are
// taken strongest first and merged when their articles mostly coincide. An article may sit in
// several topics. Work is linear in the number of articles (pairs come from each article's own
// few salient features), so it scales to tens of thousands of articles.
//
// Incremental: a full pass runs when many articles changed since the last one (or the corpus
// is small); otherwise a changed article is only re-assigned to the existing topics.
import type { EntityType } from '../types';
import { shortHash, slug } from './entities';
import type { Topic } from './model';

export interface TopicFeature {
  /** "E:<entity id>" or "T:<phrase key>". */
  key: string;
  weight: number;
  /** How to show it in a label. */
  label: string;
  /** For entities, their type. */
  type?: EntityType;
  /** For phrases: node keys of the entities sharing its sentences, most first. */
  near?: string[];
}

export interface TopicOptions {
  /** Salient features per article. */
  salient?: number;
  /** Below this many articles every snapshot recomputes topics fully. */
  fullBelow?: number;
  /** Share of changed articles that triggers a full recompute. */
  fullAfterShare?: number;
  /** At most this many topics are kept (largest first). */
  maxTopics?: number;
}

// Features are numbers: entities (a few tens of thousands) are dense ids ≥ 0 with a record
// each; phrases (hundreds of thousands, most in one article only) are negative ids made from a
// hash of their key, with only a count — their written form stays in the articles that have them.

interface DocFeatures {
  path: string;
  /**
   * All features, ids sorted, and their weights (single precision). Phrase ids are negative, so
   * the article's `phrases` phrases come first. Plain arrays: a typed array's own overhead is
   * larger than an article's few dozen numbers.
   */
  feats: number[];
  weights: number[];
  phrases: number;
  /** Whether the entities are set and the features counted (else `feats` holds the phrases only). */
  linked: boolean;
  /** The phrases' written forms, in the order of their ids. */
  labels: string;
  /** Phrase id → node keys near it: "id\u0001key\u0001key\u0002id…" (one string, not many arrays). */
  near?: string;
}

const fround = Math.fround;
const SEP = '\u0001';
const LABELLED = 12;
const SEEN_MASK = (1 << 24) - 1;
const WITH_NEAR = 6;

interface EntityInfo {
  key: string;
  label: string;
  type?: EntityType;
  df: number;
}

interface TopicRec {
  topic: Topic;
  docs: Set<string>;
  core: Set<number>;
}

/** The `index`th of the SEP-separated fields of `s` ('' past the last), without splitting it all. */
function fieldOf(s: string, index: number): string {
  let from = 0;
  for (let k = 0; k < index; k++) {
    const at = s.indexOf(SEP, from);
    if (at < 0) return '';
    from = at + 1;
  }
  const end = s.indexOf(SEP, from);
  return s.slice(from, end < 0 ? undefined : end);
}

/** A phrase's id: negative, from a 31-bit hash of its key. */
export function phraseId(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return -1 - ((h >>> 1) & 0x3fffffff);
}

export class TopicModel {
  private entityIds = new Map<string, number>();
  private entities: EntityInfo[] = [];
  private phraseDf = new Map<number, number>();
  private docs = new Map<string, DocFeatures>();
  private topics: TopicRec[] = [];
  private byDoc = new Map<string, TopicRec[]>();
  private idfN = 0;
  private changedSinceFull = new Set<string>();
  private opts: Required<TopicOptions>;
  private out: Topic[] | undefined;
  private resolveNear: (nodeKey: string) => string | undefined = () => undefined;

  constructor(opts: TopicOptions = {}) {
    this.opts = { salient: 10, fullBelow: 1500, fullAfterShare: 0.03, maxTopics: 2000, ...opts };
  }

  /**
   * An article's key phrases: kept here (as ids) so the article's digest need not keep them.
   * `near` of each phrase holds node keys of the names in its sentences, resolved to entity
   * features only when a label is made.
   */
  setPhrases(path: string, phrases: readonly TopicFeature[]): void {
    const merged = new Map<number, { w: number; label: string; near?: string[] }>();
    for (const f of phrases) {
      const id = phraseId(f.key);
      const cur = merged.get(id);
      if (cur) cur.w += f.weight;
      else merged.set(id, { w: f.weight, label: f.label, ...(f.near?.length ? { near: f.near } : {}) });
    }
    const ids = [...merged.keys()].sort((a, b) => a - b);
    const weights = new Array<number>(ids.length);
    // Only the heaviest phrases can lead a label: only they keep their written form and the names
    // near them (thousands of articles × every phrase would be most of the index's memory).
    const byWeight = [...merged.entries()].sort((a, b) => b[1].w - a[1].w || a[0] - b[0]);
    const labelled = new Set(byWeight.slice(0, LABELLED).map(([id]) => id));
    const withNear = new Set(byWeight.slice(0, WITH_NEAR).map(([id]) => id));
    const labels: string[] = [];
    const near: string[] = [];
    ids.forEach((id, i) => {
      const m = merged.get(id)!;
      weights[i] = fround(m.w);
      labels.push(labelled.has(id) ? m.label.replace(/[\u0001\u0002]/g, ' ') : '');
      if (m.near && withNear.has(id)) near.push(id + SEP + m.near.slice(0, 3).join(SEP));
    });
    const prev = this.docs.get(path);
    const d: DocFeatures = { path, feats: ids, weights, phrases: ids.length, linked: false, labels: labels.join(SEP), ...(near.length ? { near: near.join('\u0002') } : {}) };
    this.docs.set(path, d);
    if (prev) {
      const entities = this.entityPart(prev);
      this.unlink(prev);
      this.combine(d, entities);
    } else {
      // A new article: its features are combined (and counted) when its entities are set.
      this.changedSinceFull.add(path);
    }
  }

  /** An article's entities (their ids change as entities merge, so they are set apart from phrases). */
  setEntities(path: string, entities: readonly TopicFeature[]): void {
    const d = this.docs.get(path);
    if (!d) return;
    this.unlink(d);
    const merged = new Map<number, number>();
    for (const f of entities) {
      const id = this.entity(f);
      merged.set(id, (merged.get(id) ?? 0) + f.weight);
    }
    this.combine(d, merged);
  }

  /** Resolves a node key of a phrase's `near` list to an entity feature key ("E:<id>"). */
  setNearResolver(fn: (nodeKey: string) => string | undefined): void {
    this.resolveNear = fn;
  }

  removeDocument(path: string): void {
    const d = this.docs.get(path);
    if (!d) return;
    this.unlink(d);
    this.docs.delete(path);
    this.changedSinceFull.add(path);
  }

  topicsOf(path: string): Topic[] {
    this.refresh();
    return (this.byDoc.get(path) ?? []).map((t) => t.topic);
  }

  list(): Topic[] {
    this.refresh();
    if (!this.out) this.out = this.topics.map((t) => t.topic);
    return this.out;
  }

  /** Whether the next refresh recomputes every topic, counting `more` changes still to be set. */
  needsFull(more = 0): boolean {
    const changed = this.changedSinceFull.size + more;
    if (!changed) return false;
    const n = Math.max(this.docs.size, 1);
    return n < this.opts.fullBelow || !this.idfN || changed > this.opts.fullAfterShare * n;
  }

  refresh(): void {
    if (!this.changedSinceFull.size) return;
    if (this.needsFull()) this.full();
    else this.reassign();
    this.out = undefined;
  }

  // ---- features

  private entity(f: TopicFeature): number {
    let id = this.entityIds.get(f.key);
    if (id === undefined) {
      id = this.entities.length;
      this.entityIds.set(f.key, id);
      this.entities.push(f.type ? { key: f.key, label: f.label, type: f.type, df: 0 } : { key: f.key, label: f.label, df: 0 });
    }
    this.entities[id].label = f.label;
    return id;
  }

  private df(f: number): number {
    if (f >= 0) return this.entities[f].df;
    const c = this.phraseDf.get(f);
    if (c !== undefined) return c;
    const bit = (-1 - f) & SEEN_MASK;
    return this.seenOnce[bit >>> 5] & (1 << (bit & 31)) ? 1 : 0;
  }

  private bump(f: number, delta: number): void {
    if (f >= 0) {
      this.entities[f].df += delta;
      return;
    }
    // Most phrases occur in one article only: a bit marks those, and only phrases seen in two
    // or more articles are counted in the map. (A bit is never cleared: a phrase removed and
    // seen again later counts one article too many — harmless for topics.)
    const bit = (-1 - f) & SEEN_MASK;
    const word = bit >>> 5, mask = 1 << (bit & 31);
    const c = this.phraseDf.get(f);
    if (delta > 0) {
      if (c !== undefined) this.phraseDf.set(f, c + 1);
      else if (this.seenOnce[word] & mask) this.phraseDf.set(f, 2);
      else this.seenOnce[word] |= mask;
    } else if (c !== undefined) {
      if (c > 2) this.phraseDf.set(f, c - 1);
      else this.phraseDf.delete(f);
    }
  }

  /** 2^24 bits (2 MB): a phrase of one article shares its bit with another about 2% of the time. */
  private seenOnce = new Int32Array(1 << 19);

  private entityPart(d: DocFeatures): Map<number, number> {
    const m = new Map<number, number>();
    if (!d.linked) return m;
    for (let i = d.phrases; i < d.feats.length; i++) m.set(d.feats[i], d.weights[i]);
    return m;
  }

  /** Uncounts the article's features and leaves only its phrases. */
  private unlink(d: DocFeatures): void {
    if (!d.linked) return;
    for (const id of d.feats) this.bump(id, -1);
    d.linked = false;
    d.feats = d.feats.slice(0, d.phrases);
    d.weights = d.weights.slice(0, d.phrases);
  }

  /** The phrases (negative ids, first) then the entities (sorted), counted. */
  private combine(d: DocFeatures, entities: Map<number, number>): void {
    const ids = [...entities.keys()].sort((a, b) => a - b);
    // Made at their exact size (an array grown by pushes keeps spare room).
    d.feats = d.feats.slice(0, d.phrases).concat(ids);
    d.weights = d.weights.slice(0, d.phrases).concat(ids.map((id) => fround(entities.get(id)!)));
    d.linked = true;
    for (const id of d.feats) this.bump(id, +1);
    this.changedSinceFull.add(d.path);
  }

  /** How a feature is written: an entity's name, a phrase as the first of these articles wrote it. */
  private labelOf(f: number, docs?: Iterable<string>): string {
    if (f >= 0) return this.entities[f].label;
    for (const p of docs ?? this.docs.keys()) {
      const d = this.docs.get(p);
      if (!d) continue;
      let lo = 0, hi = d.phrases - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const id = d.feats[mid];
        if (id < f) lo = mid + 1;
        else if (id > f) hi = mid - 1;
        else {
          const l = fieldOf(d.labels, mid);
          if (l) return l;
          break;
        }
      }
    }
    return '';
  }

  /** The entity features a phrase's sentences name in this article. */
  private nearOf(d: DocFeatures, phrase: number): number[] {
    if (!d.near) return [];
    const prefix = phrase + SEP;
    for (const part of d.near.split('\u0002')) {
      if (!part.startsWith(prefix)) continue;
      return part
        .split(SEP)
        .slice(1)
        .map((k) => this.resolveNear(k))
        .map((k) => (k ? this.entityIds.get(k) : undefined))
        .filter((x): x is number => x !== undefined);
    }
    return [];
  }

  private weightOf(path: string, f: number): number {
    const d = this.docs.get(path)!;
    let lo = 0, hi = d.linked ? d.feats.length - 1 : -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (d.feats[mid] < f) lo = mid + 1;
      else if (d.feats[mid] > f) hi = mid - 1;
      else return d.weights[mid];
    }
    return 0;
  }

  private idf(id: number, n = this.idfN): number {
    return Math.log((n + 1) / (this.df(id) + 0.5));
  }

  private maxDf(n: number): number {
    return n <= 60 ? n : Math.max(8, Math.ceil(0.03 * n));
  }

  private maxTopicDocs(n: number): number {
    return Math.max(4, Math.ceil(n * Math.min(0.8, 3 / Math.sqrt(n))));
  }

  /** The article's heaviest features that other articles share. */
  private salient(d: DocFeatures, n: number): number[] {
    const maxDf = this.maxDf(n);
    const scored: [number, number][] = [];
    for (let i = 0; d.linked && i < d.feats.length; i++) {
      const f = d.feats[i];
      const df = this.df(f);
      if (df < 2 || df > maxDf) continue;
      // Names tie a story together better than phrases do.
      const w = (1 + Math.log(d.weights[i])) * this.idf(f, n) * (f >= 0 ? 1.5 : 1);
      if (w > 0.05) scored.push([f, w]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, this.opts.salient).map((s) => s[0]);
  }

  // ---- topics

  private full(): void {
    const n = this.docs.size;
    this.idfN = n;
    this.changedSinceFull.clear();
    const paths = [...this.docs.keys()].sort();
    const sal = new Map<string, number[]>();
    const posting = new Map<number, string[]>();
    // Pairs of features are counted on dense numbers given to the salient features of this pass.
    const dense = new Map<number, number>();
    const denseFeat: number[] = [];
    const toDense = (f: number) => {
      let x = dense.get(f);
      if (x === undefined) {
        x = denseFeat.length;
        dense.set(f, x);
        denseFeat.push(f);
      }
      return x;
    };
    const PAIR = 1 << 24;
    // Each article's pairs of salient features, all in one array (article k's from pairAt[k] to
    // pairAt[k + 1]): one array per article lived through the whole pass.
    let total = 0;
    for (const p of paths) {
      const s = this.salient(this.docs.get(p)!, n);
      sal.set(p, s);
      for (const f of s) {
        let l = posting.get(f);
        if (!l) posting.set(f, (l = []));
        l.push(p);
      }
      total += (s.length * (s.length - 1)) / 2;
    }
    const pairs = new Float64Array(total);
    const pairAt = new Int32Array(paths.length + 1);
    let at = 0;
    paths.forEach((p, k) => {
      pairAt[k] = at;
      const xs = sal.get(p)!.map(toDense).sort((a, b) => a - b);
      for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) pairs[at++] = xs[i] * PAIR + xs[j];
    });
    pairAt[paths.length] = at;
    const maxDocs = this.maxTopicDocs(n);
    interface Cand { feats: number[]; docs: string[]; score: number }
    const cands: Cand[] = [];
    const isEntity = (f: number) => f >= 0;
    for (const [f, all] of posting) {
      // A story is about someone or somewhere: a phrase alone ("net profit") makes a genre, not a topic.
      // One shared name ties two articles loosely; a pair of features (below) ties them well.
      if (!isEntity(f)) continue;
      // A place named once is a dateline ("TORONTO, March 3"), not what the article is about.
      const docs = this.entities[f].type === 'place' ? all.filter((p) => this.weightOf(p, f) >= 2) : all;
      if (docs.length < 3 || docs.length > maxDocs) continue;
      cands.push({ feats: [f], docs, score: docs.length * this.idf(f, n) });
    }
    // Pairs are counted by sorting them (pair keys are too large for fast map keys).
    const all = pairs.slice().sort();
    const minPair = n > 2000 ? 3 : 2;
    const keys: number[] = [];
    for (let i = 0; i < all.length; ) {
      let j = i;
      while (j < all.length && all[j] === all[i]) j++;
      const k = all[i];
      if (j - i >= minPair && (isEntity(denseFeat[Math.floor(k / PAIR)]) || isEntity(denseFeat[k % PAIR]))) keys.push(k);
      i = j;
    }
    const pairDocs: string[][] = keys.map(() => []);
    const find = (k: number) => {
      let lo = 0, hi = keys.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < k) lo = mid + 1;
        else if (keys[mid] > k) hi = mid - 1;
        else return mid;
      }
      return -1;
    };
    if (keys.length) {
      paths.forEach((p, k) => {
        for (let x = pairAt[k]; x < pairAt[k + 1]; x++) {
          const i = find(pairs[x]);
          if (i >= 0) pairDocs[i].push(p);
        }
      });
    }
    keys.forEach((k, i) => {
      const docs = pairDocs[i];
      if (docs.length > maxDocs) return;
      const f = denseFeat[Math.floor(k / PAIR)], g = denseFeat[k % PAIR];
      const assoc = docs.length / Math.min(posting.get(f)!.length, posting.get(g)!.length);
      if (assoc < 0.3) return;
      cands.push({ feats: [f, g], docs, score: docs.length * ((this.idf(f, n) + this.idf(g, n)) / 2) * (0.6 + assoc) });
    });
    cands.sort((a, b) => b.score - a.score || b.docs.length - a.docs.length || a.feats[0] - b.feats[0] || (a.feats[1] ?? -1) - (b.feats[1] ?? -1));

    // Greedy: each candidate joins the topic whose articles it mostly shares, or starts one.
    const recs: { docs: Set<string>; core: Map<number, number>; score: number }[] = [];
    const docTopics = new Map<string, number[]>();
    for (const c of cands) {
      const overlap = new Map<number, number>();
      for (const d of c.docs) for (const t of docTopics.get(d) ?? []) overlap.set(t, (overlap.get(t) ?? 0) + 1);
      let best = -1, bestJ = 0;
      for (const [t, inter] of overlap) {
        const j = inter / (c.docs.length + recs[t].docs.size - inter);
        if (j > bestJ || (j === bestJ && t < best)) [best, bestJ] = [t, j];
      }
      if (best >= 0 && bestJ >= 0.5) {
        const r = recs[best];
        for (const f of c.feats) r.core.set(f, (r.core.get(f) ?? 0) + c.score);
        if (r.docs.size + c.docs.length - (overlap.get(best) ?? 0) <= maxDocs) {
          for (const d of c.docs) {
            if (r.docs.has(d)) continue;
            r.docs.add(d);
            let l = docTopics.get(d);
            if (!l) docTopics.set(d, (l = []));
            l.push(best);
          }
        }
        continue;
      }
      // A candidate half inside a topic already made is a weaker view of it.
      let inside = false;
      for (const [t, inter] of overlap) if (inter >= 0.5 * c.docs.length && recs[t].docs.size >= c.docs.length) inside = true;
      if (inside) continue;
      const t = recs.length;
      recs.push({ docs: new Set(c.docs), core: new Map(c.feats.map((f) => [f, c.score])), score: c.score });
      for (const d of c.docs) {
        let l = docTopics.get(d);
        if (!l) docTopics.set(d, (l = []));
        l.push(t);
      }
    }

    const kept = recs
      .filter((r) => r.docs.size >= 2)
      .sort((a, b) => b.docs.size - a.docs.size || b.score - a.score)
      .slice(0, this.opts.maxTopics);
    this.topics = kept.map((r) => this.makeTopic(r.docs, new Set(r.core.keys()), n));
    this.index();
  }

  /** Few articles changed: take each out of its topics and put it in those its salient features match. */
  private reassign(): void {
    const changed = [...this.changedSinceFull];
    this.changedSinceFull.clear();
    const touched = new Set<TopicRec>();
    for (const p of changed) {
      for (const t of this.byDoc.get(p) ?? []) {
        t.docs.delete(p);
        touched.add(t);
      }
      this.byDoc.delete(p);
      const d = this.docs.get(p);
      if (!d) continue;
      const s = new Set(this.salient(d, this.idfN));
      for (const t of this.topics) {
        let hits = 0;
        for (const f of t.core) if (s.has(f)) hits++;
        if (hits >= Math.min(2, t.core.size)) {
          t.docs.add(p);
          touched.add(t);
        }
      }
    }
    // Topics left with one article go; the index of articles to topics changes only for the articles touched.
    const gone = new Set(this.topics.filter((t) => t.docs.size < 2));
    if (gone.size) this.topics = this.topics.filter((t) => !gone.has(t));
    const affected = new Set<string>(changed);
    for (const t of touched) {
      t.topic.documents = [...t.docs].sort();
      if (gone.has(t)) for (const d of t.docs) affected.add(d);
    }
    for (const p of affected) {
      const mine = this.topics.filter((t) => t.docs.has(p));
      if (mine.length) this.byDoc.set(p, mine);
      else this.byDoc.delete(p);
    }
  }

  private index(): void {
    this.byDoc.clear();
    for (const t of this.topics) {
      for (const d of t.docs) {
        let l = this.byDoc.get(d);
        if (!l) this.byDoc.set(d, (l = []));
        l.push(t);
      }
    }
  }

  private makeTopic(docs: Set<string>, core: Set<number>, n: number): TopicRec {
    // Rank the features of the topic's articles: how many of them have it, how rare it is elsewhere.
    const cover = new Map<number, number>();
    for (const p of docs) {
      const d = this.docs.get(p)!;
      for (let i = 0; d.linked && i < d.feats.length; i++) cover.set(d.feats[i], (cover.get(d.feats[i]) ?? 0) + 1 + Math.log(d.weights[i]));
    }
    // Features and scores side by side (not a pair array per feature: thousands per topic).
    const feats: number[] = [], scores: number[] = [];
    cover.forEach((c, f) => {
      if (!(this.df(f) >= 2 || docs.size === 1)) return;
      feats.push(f);
      scores.push(c * (this.idf(f, n) + 0.15) * (core.has(f) ? 1.5 : 1));
    });
    const ranked = feats
      .map((_f, i) => i)
      .sort((a, b) => scores[b] - scores[a] || feats[a] - feats[b])
      .map((i) => feats[i]);
    const top = ranked.slice(0, 8);
    const terms = top.map((f) => this.labelOf(f, docs));
    const entities = top.filter((f) => f >= 0).map((f) => this.entities[f].key.slice(2));
    const label = this.makeLabel(ranked, docs);
    const sortedDocs = [...docs].sort();
    const topic: Topic = { id: 'topic:' + slug(label).slice(0, 40) + '-' + shortHash(sortedDocs.join('\n')), label, documents: sortedDocs, terms, entities };
    return { topic, docs, core };
  }

  /** A readable label: "North Korean troops in Russia", "Kyiv and Kharkiv", "Chrysler: takeover bid". */
  private makeLabel(ranked: number[], docs: Set<string>): string {
    const isPhrase = (f: number) => f < 0;
    const label = (f: number) => this.labelOf(f, docs);
    const multi = (f: number) => isPhrase(f) && label(f).includes(' ');
    const ents = ranked.filter((f) => !isPhrase(f)).slice(0, 6);
    // A phrase that is only a name again ("baker" beside James Baker) says nothing new.
    const inName = (f: number) => ents.some((e) => label(e).toLowerCase().includes(label(f).toLowerCase()));
    const phrase = ranked.slice(0, 6).find((f) => multi(f) && !inName(f)) ?? ranked.slice(0, 4).find((f) => isPhrase(f) && !inName(f));
    const phraseText = phrase !== undefined ? label(phrase) : '';
    const mentioned = (f: number) => {
      const name = label(f).toLowerCase();
      const p = phraseText.toLowerCase();
      return p.includes(name) || name.split(/\s+/).every((w) => p.includes(w.slice(0, Math.max(4, w.length - 2))));
    };
    const others = ents.filter((f) => !mentioned(f));
    let text: string;
    if (phrase !== undefined && ranked.indexOf(phrase) < 5) {
      // The place the phrase's own sentences name most: "North Korean troops" … "in Russia".
      const near = new Map<number, number>();
      for (const p of docs) for (const e of this.nearOf(this.docs.get(p)!, phrase)) near.set(e, (near.get(e) ?? 0) + 1);
      const byNear = [...near].filter(([e]) => !mentioned(e)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const place = byNear.find(([e, c]) => this.entities[e].type === 'place' && c >= Math.max(1, docs.size / 2))?.[0];
      const covers = (f: number) => [...docs].filter((p) => this.weightOf(p, f) > 0).length >= docs.size / 2;
      const actor = others.find((f) => this.entities[f].type !== 'place' && covers(f));
      if (place !== undefined) text = `${phraseText} in ${label(place)}`;
      else if (actor !== undefined) text = `${label(actor)}: ${phraseText}`;
      else if (others.length && ranked.indexOf(others[0]) < ranked.indexOf(phrase)) text = `${label(others[0])}: ${phraseText}`;
      else text = phraseText;
    } else if (others.length >= 2) {
      text = `${label(others[0])} and ${label(others[1])}`;
      if (phrase !== undefined) text += `: ${phraseText}`;
    } else if (others.length === 1) {
      text = phrase !== undefined ? `${label(others[0])}: ${phraseText}` : label(others[0]);
    } else text = phraseText || label(ranked[0]);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
}
