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

interface DocFeatures {
  path: string;
  feats: Int32Array;
  weights: Float32Array;
}

interface FeatureInfo {
  key: string;
  label: string;
  type?: EntityType;
  df: number;
  labelVotes: Map<string, number>;
}

interface TopicRec {
  topic: Topic;
  docs: Set<string>;
  core: Set<number>;
}

export class TopicModel {
  private featureIds = new Map<string, number>();
  private features: FeatureInfo[] = [];
  private docs = new Map<string, DocFeatures>();
  private topics: TopicRec[] = [];
  private byDoc = new Map<string, TopicRec[]>();
  private idfN = 0;
  private changedSinceFull = new Set<string>();
  private opts: Required<TopicOptions>;
  private out: Topic[] | undefined;

  constructor(opts: TopicOptions = {}) {
    this.opts = { salient: 10, fullBelow: 1500, fullAfterShare: 0.03, maxTopics: 2000, ...opts };
  }

  setDocument(path: string, feats: readonly TopicFeature[]): void {
    this.removeDocument(path);
    const merged = new Map<number, number>();
    for (const f of feats) {
      const id = this.feature(f);
      merged.set(id, (merged.get(id) ?? 0) + f.weight);
    }
    const ids = [...merged.keys()].sort((a, b) => a - b);
    const d: DocFeatures = { path, feats: Int32Array.from(ids), weights: Float32Array.from(ids.map((i) => merged.get(i)!)) };
    for (const id of ids) this.features[id].df++;
    this.docs.set(path, d);
    this.changedSinceFull.add(path);
  }

  removeDocument(path: string): void {
    const d = this.docs.get(path);
    if (!d) return;
    for (const id of d.feats) this.features[id].df--;
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

  // ---- internals

  private feature(f: TopicFeature): number {
    let id = this.featureIds.get(f.key);
    if (id === undefined) {
      id = this.features.length;
      this.featureIds.set(f.key, id);
      this.features.push({ key: f.key, label: f.label, type: f.type, df: 0, labelVotes: new Map() });
    }
    const info = this.features[id];
    if (f.type) info.label = f.label;
    else if (f.label !== info.label || info.labelVotes.size) info.labelVotes.set(f.label, (info.labelVotes.get(f.label) ?? 0) + 1);
    return id;
  }

  private idf(id: number, n = this.idfN): number {
    return Math.log((n + 1) / (this.features[id].df + 0.5));
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
    for (let i = 0; i < d.feats.length; i++) {
      const f = d.feats[i];
      const df = this.features[f].df;
      if (df < 2 || df > maxDf) continue;
      const w = (1 + Math.log(d.weights[i])) * this.idf(f, n);
      if (w > 0.05) scored.push([f, w]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, this.opts.salient).map((s) => s[0]);
  }

  private full(): void {
    const n = this.docs.size;
    this.idfN = n;
    this.changedSinceFull.clear();
    const paths = [...this.docs.keys()].sort();
    const sal = new Map<string, number[]>();
    const posting = new Map<number, string[]>();
    const pairCount = new Map<number, number>();
    const PAIR = 1 << 21;
    for (const p of paths) {
      const s = this.salient(this.docs.get(p)!, n);
      sal.set(p, s);
      if ((globalThis as any).process?.env?.TOPIC_DEBUG) console.error(p.slice(0, 5), s.map((f) => `${this.features[f].key}(${this.features[f].df})`).join(' '));
      for (const f of s) {
        let l = posting.get(f);
        if (!l) posting.set(f, (l = []));
        l.push(p);
      }
      const sorted = [...s].sort((a, b) => a - b);
      for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) {
        const k = sorted[i] * PAIR + sorted[j];
        pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
      }
    }
    const maxDocs = this.maxTopicDocs(n);
    interface Cand { feats: number[]; docs: string[]; score: number }
    const cands: Cand[] = [];
    for (const [f, docs] of posting) {
      if (docs.length < 2 || docs.length > maxDocs) continue;
      cands.push({ feats: [f], docs, score: docs.length * this.idf(f, n) });
    }
    const pairDocs = new Map<number, string[]>();
    const minPair = n > 2000 ? 3 : 2;
    for (const [k, c] of pairCount) if (c >= minPair) pairDocs.set(k, []);
    if (pairDocs.size) {
      for (const p of paths) {
        const sorted = [...sal.get(p)!].sort((a, b) => a - b);
        for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairDocs.get(sorted[i] * PAIR + sorted[j])?.push(p);
      }
    }
    for (const [k, docs] of pairDocs) {
      if (docs.length > maxDocs) continue;
      const f = Math.floor(k / PAIR), g = k % PAIR;
      const assoc = docs.length / Math.min(posting.get(f)!.length, posting.get(g)!.length);
      if (assoc < 0.3) continue;
      cands.push({ feats: [f, g], docs, score: docs.length * ((this.idf(f, n) + this.idf(g, n)) / 2) * (0.6 + assoc) });
    }
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
          for (const d of c.docs) if (!r.docs.has(d)) {
            r.docs.add(d);
            let l = docTopics.get(d);
            if (!l) docTopics.set(d, (l = []));
            l.push(best);
          }
        }
        continue;
      }
      // A candidate mostly inside a bigger topic adds nothing new.
      if (best >= 0 && (overlap.get(best) ?? 0) >= 0.8 * c.docs.length && recs[best].docs.size > c.docs.length) continue;
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
    this.topics = this.topics.filter((t) => t.docs.size >= 2);
    for (const t of touched) t.topic.documents = [...t.docs].sort();
    this.index();
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
      for (let i = 0; i < d.feats.length; i++) cover.set(d.feats[i], (cover.get(d.feats[i]) ?? 0) + 1 + Math.log(d.weights[i]));
    }
    const ranked = [...cover]
      .filter(([f]) => this.features[f].df >= 2 || docs.size === 1)
      .map(([f, c]) => [f, c * (this.idf(f, n) + 0.15) * (core.has(f) ? 1.5 : 1)] as [number, number])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = ranked.slice(0, 8).map(([f]) => f);
    const terms = top.map((f) => this.labelOf(f));
    const entities = top.filter((f) => this.features[f].key.startsWith('E:')).map((f) => this.features[f].key.slice(2));
    const label = this.makeLabel(ranked.map(([f]) => f), docs);
    const sortedDocs = [...docs].sort();
    const topic: Topic = { id: 'topic:' + slug(label).slice(0, 40) + '-' + shortHash(sortedDocs.join('\n')), label, documents: sortedDocs, terms, entities };
    return { topic, docs, core };
  }

  private labelOf(f: number): string {
    const info = this.features[f];
    if (!info.labelVotes.size) return info.label;
    let best = info.label, n = 0;
    for (const [l, c] of info.labelVotes) if (c > n || (c === n && l < best)) [best, n] = [l, c];
    return best;
  }

  /** A readable label: "North Korean troops in Russia", "Kyiv and Kharkiv", "Chrysler: takeover bid". */
  private makeLabel(ranked: number[], docs: Set<string>): string {
    const isPhrase = (f: number) => this.features[f].key.startsWith('T:');
    const phrase = ranked.slice(0, 6).find((f) => isPhrase(f) && this.features[f].key.includes(' ')) ?? ranked.slice(0, 4).find(isPhrase);
    const ents = ranked.filter((f) => !isPhrase(f)).slice(0, 6);
    const phraseText = phrase !== undefined ? this.labelOf(phrase) : '';
    const mentioned = (f: number) => {
      const name = this.labelOf(f).toLowerCase();
      const p = phraseText.toLowerCase();
      return p.includes(name) || name.split(/\s+/).every((w) => p.includes(w.slice(0, Math.max(4, w.length - 2))));
    };
    const coverage = (f: number) => {
      let c = 0;
      for (const p of docs) if (this.docs.get(p)!.feats.includes(f)) c++;
      return c / docs.size;
    };
    const others = ents.filter((f) => !mentioned(f));
    let label: string;
    if (phrase !== undefined && ranked.indexOf(phrase) < 4) {
      const place = others.find((f) => this.features[f].type === 'place' && coverage(f) >= 0.75);
      const actor = others.find((f) => this.features[f].type !== 'place' && coverage(f) >= 0.75);
      if (ents.some(mentioned) && place !== undefined) label = `${phraseText} in ${this.labelOf(place)}`;
      else if (place !== undefined && (actor === undefined || ranked.indexOf(place) < ranked.indexOf(actor))) label = `${phraseText} in ${this.labelOf(place)}`;
      else if (actor !== undefined) label = `${this.labelOf(actor)}: ${phraseText}`;
      else label = phraseText;
    } else if (others.length >= 2) {
      label = `${this.labelOf(others[0])} and ${this.labelOf(others[1])}`;
      if (phrase !== undefined) label += `: ${phraseText}`;
    } else if (others.length === 1) {
      label = phrase !== undefined ? `${this.labelOf(others[0])}: ${phraseText}` : this.labelOf(others[0]);
    } else label = phraseText || this.labelOf(ranked[0]);
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
}
