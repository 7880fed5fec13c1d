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
import { Growth } from './growth';
import { RunPool } from './runPool';
import { ScoreTable, sortIndices } from './scratch';
import { StringIndex } from './stringIndex';

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
//
// Memory: an article is a slot number. Its features are two runs in shared typed arrays (its
// phrases, ids sorted; its entities, ids sorted) with single-precision weights; its phrase
// labels and the names near them are one string each. A full pass works in typed arrays and
// reused tables, so the garbage it leaves is a few arrays, not objects per article or topic.

const SEP = '\u0001';
const NEAR_SEP = '\u0002';
const LABELLED = 12;
const SEEN_MASK = (1 << 24) - 1;
const WITH_NEAR = 6;

interface TopicRec {
  topic: Topic;
  core: number[];
}

/** The `index`th of the `sep`-separated fields of `s` ('' past the last), without splitting it all. */
function fieldOf(s: string, index: number, sep = SEP): string {
  let from = 0;
  for (let k = 0; k < index; k++) {
    const at = s.indexOf(sep, from);
    if (at < 0) return '';
    from = at + 1;
  }
  const end = s.indexOf(sep, from);
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

/** Grows a typed array to at least `n` (doubling), keeping its contents. */
function ensure<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (size: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

export class TopicModel {
  // ---- articles: slot numbers, their runs and strings
  private paths: string[] = [];
  private slots = new StringIndex(() => this.paths);
  /** The phrases' written forms, SEP-separated in the order of their ids ('' for those not kept). */
  private labels: string[] = [];
  /** Per phrase in id order, the node keys near it (SEP-separated); NEAR_SEP between phrases; '' when none. */
  private near: string[] = [];
  /** Whether the entities are set and the features counted (else only the phrases are, uncounted). */
  private linked = new Uint8Array(64);
  private freeSlots: number[] = [];
  private phrases: RunPool;
  private ents: RunPool;

  // ---- entities: dense ids, by their canonical id (no "E:")
  private entityKey: string[] = [];
  private entityIds = new StringIndex(() => this.entityKey);
  private entityLabel: string[] = [];
  /** Codes into `types` (0: none). */
  private entityType = new Uint8Array(1024);
  private types: (EntityType | undefined)[] = [undefined];
  private entityDf = new Int32Array(1024);
  private phraseDf = new Map<number, number>();
  /** 2^24 bits (2 MB): a phrase of one article shares its bit with another about 2% of the time. */
  private seenOnce = new Int32Array(1 << 19);
  /** Phrases of one article taken out since: their bit is still set, and they occur in none. */
  private gone = new Set<number>();

  private topics: TopicRec[] = [];
  private idfN = 0;
  private changedSinceFull = new Set<string>();
  private opts: Required<TopicOptions>;
  private out: Topic[] | undefined;
  private resolveNear: (nodeKey: string) => string | undefined = () => undefined;
  /** Whether `resolveNear` gives entity ids (else "E:" keys). */
  private nearGivesIds = false;

  // ---- scratch
  private pendSlot = -1;
  private pendIds: number[] = [];
  private pendW: number[] = [];
  private salF = new Int32Array(64);
  private salW = new Float64Array(64);
  private salIdx = new Int32Array(64);
  private table = new ScoreTable();
  private rankIdx = new Int32Array(1024);
  private rankScore = new Float64Array(1024);
  private rankFeat = new Int32Array(1024);
  /** The slots of the topic being made, in the order they joined it. */
  private tDocs = new Int32Array(256);
  private tN = 0;

  /** `growth` sizes the runs' pools when the number of articles to come is known. */
  constructor(opts: TopicOptions = {}, growth = new Growth()) {
    this.phrases = new RunPool(growth);
    this.ents = new RunPool(growth);
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
    // Only the heaviest phrases can lead a label: only they keep their written form and the names
    // near them (thousands of articles × every phrase would be most of the index's memory).
    const byWeight = [...merged.entries()].sort((a, b) => b[1].w - a[1].w || a[0] - b[0]);
    const labelled = new Set(byWeight.slice(0, LABELLED).map(([id]) => id));
    const withNear = new Set(byWeight.slice(0, WITH_NEAR).map(([id]) => id));
    const labels: string[] = [];
    const near: string[] = [];
    let anyNear = false;
    for (const id of ids) {
      const m = merged.get(id)!;
      labels.push(labelled.has(id) ? m.label.replace(/[\u0001\u0002]/g, ' ') : '');
      const keys = m.near && withNear.has(id) ? m.near.slice(0, 3).join(SEP) : '';
      if (keys) anyNear = true;
      near.push(keys);
    }
    let slot = this.slots.get(path);
    const prev = slot !== undefined;
    if (slot === undefined) {
      slot = this.freeSlots.length ? this.freeSlots.pop()! : this.paths.length;
      this.paths[slot] = path;
      this.slots.set(path, slot);
      this.linked = ensure(this.linked, slot + 1);
      this.linked[slot] = 0;
      this.ents.resize(slot, 0);
    } else if (this.linked[slot]) this.count(slot, -1);
    const at = this.phrases.resize(slot, ids.length);
    const pid = this.phrases.ids, pw = this.phrases.weights;
    ids.forEach((id, i) => {
      pid[at + i] = id;
      pw[at + i] = merged.get(id)!.w;
    });
    this.labels[slot] = labels.join(SEP);
    this.near[slot] = anyNear ? near.join(NEAR_SEP) : '';
    if (prev) {
      // Re-linked with the entities it had (none if they were never set).
      this.linked[slot] = 1;
      this.count(slot, +1);
    }
    // A new article: its features are combined (and counted) when its entities are set.
    this.changedSinceFull.add(path);
  }

  /** Every article's entities are about to be set, `n` of them at most in all (see RunPool.reserve). */
  reserveEntities(n: number): void {
    this.ents.reserve(n);
  }

  /** An article's entities (their ids change as entities merge, so they are set apart from phrases). */
  setEntities(path: string, entities: readonly TopicFeature[]): void {
    this.beginEntities(path);
    for (const f of entities) this.addEntity(f.key.slice(2), f.weight, f.label, f.type);
    this.endEntities();
  }

  /**
   * `setEntities` without a feature object per entity: `beginEntities(path)`, `addEntity` for
   * each of its entities (by canonical id, no "E:"), then `endEntities()`.
   */
  beginEntities(path: string): void {
    this.pendSlot = this.slots.get(path) ?? -1;
    this.pendIds.length = 0;
    this.pendW.length = 0;
  }

  addEntity(id: string, weight: number, label: string, type?: EntityType): void {
    if (this.pendSlot < 0) return;
    const e = this.entity(id, label, type);
    const ids = this.pendIds;
    for (let j = 0; j < ids.length; j++) {
      if (ids[j] !== e) continue;
      this.pendW[j] += weight;
      return;
    }
    ids.push(e);
    this.pendW.push(weight);
  }

  endEntities(): void {
    const slot = this.pendSlot;
    if (slot < 0) return;
    this.pendSlot = -1;
    if (this.linked[slot]) this.count(slot, -1);
    const ids = this.pendIds, ws = this.pendW;
    // Few entities an article: sorted in place by insertion.
    for (let i = 1; i < ids.length; i++) {
      const id = ids[i], w = ws[i];
      let j = i - 1;
      for (; j >= 0 && ids[j] > id; j--) {
        ids[j + 1] = ids[j];
        ws[j + 1] = ws[j];
      }
      ids[j + 1] = id;
      ws[j + 1] = w;
    }
    const at = this.ents.resize(slot, ids.length);
    for (let i = 0; i < ids.length; i++) {
      this.ents.ids[at + i] = ids[i];
      this.ents.weights[at + i] = ws[i];
    }
    this.linked[slot] = 1;
    this.count(slot, +1);
    this.changedSinceFull.add(this.paths[slot]);
  }

  /** Resolves a node key of a phrase's `near` list to an entity feature key ("E:<id>"). */
  setNearResolver(fn: (nodeKey: string) => string | undefined): void {
    this.resolveNear = fn;
    this.nearGivesIds = false;
  }

  /** Like `setNearResolver`, but `fn` gives the entity's canonical id (no "E:" string made per call). */
  setNearEntity(fn: (nodeKey: string) => string | undefined): void {
    this.resolveNear = fn;
    this.nearGivesIds = true;
  }

  removeDocument(path: string): void {
    const slot = this.slots.get(path);
    if (slot === undefined) return;
    if (this.linked[slot]) this.count(slot, -1);
    this.linked[slot] = 0;
    this.phrases.free(slot);
    this.ents.free(slot);
    this.slots.delete(path);
    this.paths[slot] = this.labels[slot] = this.near[slot] = '';
    this.freeSlots.push(slot);
    this.changedSinceFull.add(path);
  }

  topicsOf(path: string): Topic[] {
    this.refresh();
    const slot = this.slots.get(path);
    if (slot === undefined) return [];
    const by = (this.bySlot ??= this.indexSlots());
    const out: Topic[] = [];
    for (let i = by.at[slot]; i < by.at[slot + 1]; i++) out.push(this.topics[by.topics[i]].topic);
    return out;
  }

  /** Each article's topics (in topic order), made on the first question after a refresh. */
  private bySlot: { at: Int32Array; topics: Int32Array } | undefined;

  private indexSlots(): { at: Int32Array; topics: Int32Array } {
    const at = new Int32Array(this.paths.length + 2);
    let total = 0;
    const each = (fn: (slot: number, t: number) => void) =>
      this.topics.forEach((t, i) => {
        for (const p of t.topic.documents) {
          const slot = this.slots.get(p);
          if (slot !== undefined) fn(slot, i);
        }
      });
    each((slot) => {
      at[slot + 2]++;
      total++;
    });
    for (let s = 2; s < at.length; s++) at[s] += at[s - 1];
    const topics = new Int32Array(total);
    each((slot, t) => (topics[at[slot + 1]++] = t));
    return { at, topics };
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
    const n = Math.max(this.slots.size, 1);
    return n < this.opts.fullBelow || !this.idfN || changed > this.opts.fullAfterShare * n;
  }

  refresh(): void {
    if (!this.changedSinceFull.size) return;
    if (this.needsFull()) this.full();
    else this.reassign();
    this.out = undefined;
    this.bySlot = undefined;
  }

  // ---- features

  private entity(key: string, label: string, type?: EntityType): number {
    let id = this.entityIds.get(key);
    if (id === undefined) {
      id = this.entityKey.length;
      this.entityKey.push(key);
      this.entityIds.set(key, id);
      this.entityLabel.push(label);
      this.entityType = ensure(this.entityType, id + 1);
      this.entityDf = ensure(this.entityDf, id + 1);
      let code = this.types.indexOf(type);
      if (code < 0) code = this.types.push(type) - 1;
      this.entityType[id] = code;
    }
    this.entityLabel[id] = label;
    return id;
  }

  private df(f: number): number {
    if (f >= 0) return this.entityDf[f];
    const c = this.phraseDf.get(f);
    if (c !== undefined) return c;
    const bit = (-1 - f) & SEEN_MASK;
    return this.seenOnce[bit >>> 5] & (1 << (bit & 31)) ? 1 : 0;
  }

  private bump(f: number, delta: number): void {
    if (f >= 0) {
      this.entityDf[f] += delta;
      return;
    }
    // Most phrases occur in one article only: a bit marks those, and only phrases seen in two
    // or more articles are counted in the map. A bit is shared by other phrases, so it is never
    // cleared: a phrase of one article taken out (an edit, a full pass) is noted as gone, and
    // coming back it counts one article again, not two.
    const bit = (-1 - f) & SEEN_MASK;
    const word = bit >>> 5, mask = 1 << (bit & 31);
    const c = this.phraseDf.get(f);
    if (delta > 0) {
      if (c !== undefined) this.phraseDf.set(f, c + 1);
      else if (this.seenOnce[word] & mask) {
        if (!this.gone.delete(f)) this.phraseDf.set(f, 2);
      } else this.seenOnce[word] |= mask;
    } else if (c !== undefined) {
      if (c > 2) this.phraseDf.set(f, c - 1);
      else this.phraseDf.delete(f);
    } else this.gone.add(f);
  }

  /** Counts (or uncounts) every feature of the article: its phrases, then its entities. */
  private count(slot: number, delta: number): void {
    this.countRun(this.phrases, slot, delta);
    this.countRun(this.ents, slot, delta);
  }

  private countRun(pool: RunPool, slot: number, delta: number): void {
    const at = pool.start[slot], end = at + pool.len[slot];
    for (let i = at; i < end; i++) this.bump(pool.ids[i], delta);
  }

  /** Where feature `f` sits in the article's phrase run (f < 0) or entity run, or -1. */
  private find(slot: number, f: number): number {
    const pool = f < 0 ? this.phrases : this.ents;
    const ids = pool.ids;
    let lo = pool.start[slot], hi = lo + pool.len[slot] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = ids[mid];
      if (id < f) lo = mid + 1;
      else if (id > f) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** How a feature is written: an entity's name, a phrase as the first of the topic's articles wrote it. */
  private labelOf(f: number): string {
    if (f >= 0) return this.entityLabel[f];
    for (let k = 0; k < this.tN; k++) {
      const slot = this.tDocs[k];
      const at = this.find(slot, f);
      if (at < 0) continue;
      const l = fieldOf(this.labels[slot], at - this.phrases.start[slot]);
      if (l) return l;
    }
    return '';
  }

  /** Adds 1 to `counts` for each entity feature a phrase's sentences name in this article. */
  private countNear(slot: number, phrase: number, counts: Map<number, number>): void {
    const near = this.near[slot];
    if (!near) return;
    const at = this.find(slot, phrase);
    if (at < 0) return;
    const keys = fieldOf(near, at - this.phrases.start[slot], NEAR_SEP);
    if (!keys) return;
    for (let from = 0; from <= keys.length; ) {
      let end = keys.indexOf(SEP, from);
      if (end < 0) end = keys.length;
      const k = this.resolveNear(keys.slice(from, end));
      const e = k ? this.entityIds.get(this.nearGivesIds ? k : k.slice(2)) : undefined;
      if (e !== undefined) counts.set(e, (counts.get(e) ?? 0) + 1);
      from = end + 1;
    }
  }

  private weightOf(slot: number, f: number): number {
    if (!this.linked[slot]) return 0;
    const at = this.find(slot, f);
    return at < 0 ? 0 : (f < 0 ? this.phrases : this.ents).weights[at];
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

  /** The article's heaviest features that other articles share, into `out` from `at`; returns how many. */
  private salient(slot: number, n: number, out: Int32Array, at: number): number {
    if (!this.linked[slot]) return 0;
    const maxDf = this.maxDf(n);
    const m = this.scoreRun(this.ents, slot, n, maxDf, this.scoreRun(this.phrases, slot, n, maxDf, 0));
    sortIndices(this.salIdx, m, this.bySalience);
    const k = Math.min(m, this.opts.salient);
    for (let i = 0; i < k; i++) out[at + i] = this.salF[this.salIdx[i]];
    return k;
  }

  private bySalience = (a: number, b: number) => this.salW[b] - this.salW[a] || this.salF[a] - this.salF[b];

  /** Scores the run's features shared by 2 to maxDf articles into the salience scratch from `m`; returns the new end. */
  private scoreRun(pool: RunPool, slot: number, n: number, maxDf: number, m: number): number {
    const from = pool.start[slot], end = from + pool.len[slot];
    for (let i = from; i < end; i++) {
      const f = pool.ids[i];
      const df = this.df(f);
      if (df < 2 || df > maxDf) continue;
      // Names tie a story together better than phrases do.
      const w = (1 + Math.log(pool.weights[i])) * this.idf(f, n) * (f >= 0 ? 1.5 : 1);
      if (!(w > 0.05)) continue;
      if (m >= this.salF.length) {
        this.salF = ensure(this.salF, m + 1);
        this.salW = ensure(this.salW, m + 1);
        this.salIdx = ensure(this.salIdx, m + 1);
      }
      this.salF[m] = f;
      this.salW[m] = w;
      this.salIdx[m] = m;
      m++;
    }
    return m;
  }

  // ---- topics

  private full(): void {
    const n = this.slots.size;
    this.idfN = n;
    this.changedSinceFull.clear();
    // Articles by path: k is an article's place in that order.
    const paths = this.paths;
    const order = new Int32Array(n);
    for (let slot = 0, k = 0; slot < paths.length; slot++) if (paths[slot]) order[k++] = slot;
    order.sort((a, b) => (paths[a] < paths[b] ? -1 : paths[a] > paths[b] ? 1 : 0));
    const S = this.opts.salient;
    // Each article's salient features as dense numbers (given in order of first use).
    const sal = new Int32Array(n * S);
    const salN = new Uint8Array(n);
    const dense = new Map<number, number>();
    const denseFeat: number[] = [];
    let postN = new Int32Array(1024);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const c = this.salient(order[k], n, sal, k * S);
      salN[k] = c;
      total += c;
      for (let i = k * S; i < k * S + c; i++) {
        const f = sal[i];
        let x = dense.get(f);
        if (x === undefined) {
          x = denseFeat.length;
          dense.set(f, x);
          denseFeat.push(f);
          postN = ensure(postN, x + 1);
        }
        sal[i] = x;
        postN[x]++;
      }
    }
    const D = denseFeat.length;
    // Postings: the articles (k, ascending) with each feature salient.
    const postAt = new Int32Array(D + 1);
    for (let x = 0; x < D; x++) postAt[x + 1] = postAt[x] + postN[x];
    const post = new Int32Array(total);
    const fill = postAt.slice(0, D);
    for (let k = 0; k < n; k++) for (let i = k * S; i < k * S + salN[k]; i++) post[fill[sal[i]]++] = k;

    const maxDocs = this.maxTopicDocs(n);
    const minPair = n > 2000 ? 3 : 2;

    // Candidates: a name's articles, or a pair's; their articles (k) in one pool.
    const candF: number[] = [], candG: number[] = [], candTwo: number[] = [], candScore: number[] = [], candAt: number[] = [], candLen: number[] = [];
    let candDocs = new Int32Array(total + 1024);
    let cd = 0;
    for (let x = 0; x < D; x++) {
      const f = denseFeat[x];
      // A story is about someone or somewhere: a phrase alone ("net profit") makes a genre, not a topic.
      // One shared name ties two articles loosely; a pair of features (below) ties them well.
      if (f < 0) continue;
      const at = cd;
      // A place named once is a dateline ("TORONTO, March 3"), not what the article is about.
      const place = this.types[this.entityType[f]] === 'place';
      for (let i = postAt[x]; i < postAt[x + 1]; i++) if (!place || this.weightOf(order[post[i]], f) >= 2) candDocs[cd++] = post[i];
      const len = cd - at;
      if (len < 3 || len > maxDocs) {
        cd = at;
        continue;
      }
      candF.push(f);
      candG.push(-1);
      candTwo.push(0);
      candScore.push(len * this.idf(f, n));
      candAt.push(at);
      candLen.push(len);
    }
    // Pairs of salient features with at least one name, in order of the first then the second:
    // a pair made by fewer than minPair articles' features is never kept, so features salient
    // that rarely are left out. Each first feature's pairs are made from its postings alone
    // (b·n + k, sorted: equal pairs are runs, their articles in path order), so the pairs of the
    // whole corpus (over 300,000 on Reuters) are never held at once.
    let codes = new Float64Array(1024);
    for (let a = 0; a < D; a++) {
      if (postN[a] < minPair) continue;
      const nameA = denseFeat[a] >= 0;
      let m = 0;
      for (let i = postAt[a]; i < postAt[a + 1]; i++) {
        const k = post[i];
        for (let j = k * S; j < k * S + salN[k]; j++) {
          const b = sal[j];
          if (b <= a || postN[b] < minPair || (!nameA && denseFeat[b] < 0)) continue;
          if (m === codes.length) codes = ensure(codes, m + 1);
          codes[m++] = b * n + k;
        }
      }
      const run = codes.subarray(0, m).sort();
      for (let i = 0; i < m; ) {
        const b = quotient(run[i], n);
        let j = i + 1;
        while (j < m && run[j] < (b + 1) * n) j++;
        const len = j - i;
        if (len >= minPair && len <= maxDocs) {
          const f = denseFeat[a], g = denseFeat[b];
          const assoc = len / Math.min(postN[a], postN[b]);
          if (assoc >= 0.3) {
            candF.push(f);
            candG.push(g);
            candTwo.push(1);
            candScore.push(len * ((this.idf(f, n) + this.idf(g, n)) / 2) * (0.6 + assoc));
            candAt.push(cd);
            candLen.push(len);
            candDocs = ensure(candDocs, cd + len);
            for (let q = i; q < j; q++) candDocs[cd++] = run[q] - b * n;
          }
        }
        i = j;
      }
    }
    const C = candF.length;
    const byScore = new Int32Array(C);
    for (let i = 0; i < C; i++) byScore[i] = i;
    // Ties keep the order candidates were made in (as a stable sort would).
    sortIndices(byScore, C, (a, b) => candScore[b] - candScore[a] || candLen[b] - candLen[a] || candF[a] - candF[b] || candG[a] - candG[b] || a - b);

    // Greedy: each candidate joins the topic whose articles it mostly shares, or starts one.
    // Memberships (article k in topic t) are list entries threaded both ways: per article (any
    // order) and per topic (in the order articles joined it).
    let mDoc = new Int32Array(1024), mTopic = new Int32Array(1024), mNextDoc = new Int32Array(1024), mNextRec = new Int32Array(1024);
    let mN = 0;
    const docHead = new Int32Array(n).fill(-1);
    let recHead = new Int32Array(256), recTail = new Int32Array(256), recSize = new Int32Array(256);
    const recScore: number[] = [], recCore: number[][] = [];
    const overlap = new Int32Array(C);
    const touched = new Int32Array(C);
    const join = (k: number, t: number) => {
      if (mN >= mDoc.length) {
        mDoc = ensure(mDoc, mN + 1);
        mTopic = ensure(mTopic, mN + 1);
        mNextDoc = ensure(mNextDoc, mN + 1);
        mNextRec = ensure(mNextRec, mN + 1);
      }
      mDoc[mN] = k;
      mTopic[mN] = t;
      mNextDoc[mN] = docHead[k];
      docHead[k] = mN;
      mNextRec[mN] = -1;
      if (recSize[t]) mNextRec[recTail[t]] = mN;
      else recHead[t] = mN;
      recTail[t] = mN;
      recSize[t]++;
      mN++;
    };
    const isIn = (k: number, t: number) => {
      for (let e = docHead[k]; e >= 0; e = mNextDoc[e]) if (mTopic[e] === t) return true;
      return false;
    };
    for (let ci = 0; ci < C; ci++) {
      const c = byScore[ci];
      const from = candAt[c], len = candLen[c], to = from + len;
      let tn = 0;
      for (let i = from; i < to; i++) {
        for (let e = docHead[candDocs[i]]; e >= 0; e = mNextDoc[e]) if (overlap[mTopic[e]]++ === 0) touched[tn++] = mTopic[e];
      }
      let best = -1, bestJ = 0;
      for (let i = 0; i < tn; i++) {
        const t = touched[i], inter = overlap[t];
        const j = inter / (len + recSize[t] - inter);
        if (j > bestJ || (j === bestJ && t < best)) {
          best = t;
          bestJ = j;
        }
      }
      if (best >= 0 && bestJ >= 0.5) {
        const core = recCore[best];
        if (!core.includes(candF[c])) core.push(candF[c]);
        if (candTwo[c] && !core.includes(candG[c])) core.push(candG[c]);
        if (recSize[best] + len - overlap[best] <= maxDocs) {
          for (let i = from; i < to; i++) if (!isIn(candDocs[i], best)) join(candDocs[i], best);
        }
      } else {
        // A candidate half inside a topic already made is a weaker view of it.
        let inside = false;
        for (let i = 0; i < tn; i++) if (overlap[touched[i]] >= 0.5 * len && recSize[touched[i]] >= len) inside = true;
        if (!inside) {
          const t = recScore.length;
          recScore.push(candScore[c]);
          recCore.push(candTwo[c] ? [candF[c], candG[c]] : [candF[c]]);
          recHead = ensure(recHead, t + 1);
          recTail = ensure(recTail, t + 1);
          recSize = ensure(recSize, t + 1);
          for (let i = from; i < to; i++) join(candDocs[i], t);
        }
      }
      for (let i = 0; i < tn; i++) overlap[touched[i]] = 0;
    }

    const R = recScore.length;
    const kept = new Int32Array(R);
    let keptN = 0;
    for (let t = 0; t < R; t++) if (recSize[t] >= 2) kept[keptN++] = t;
    sortIndices(kept, keptN, (a, b) => recSize[b] - recSize[a] || recScore[b] - recScore[a] || a - b);
    keptN = Math.min(keptN, this.opts.maxTopics);
    const topics: TopicRec[] = [];
    for (let i = 0; i < keptN; i++) {
      const t = kept[i];
      this.tDocs = ensure(this.tDocs, recSize[t]);
      this.tN = 0;
      for (let e = recHead[t]; e >= 0; e = mNextRec[e]) this.tDocs[this.tN++] = order[mDoc[e]];
      topics.push(this.makeTopic(recCore[t], n));
    }
    this.tN = 0;
    this.topics = topics;
    this.phrases.trim();
    this.ents.trim();
  }

  /** Few articles changed: take each out of its topics and put it in those its salient features match. */
  private reassign(): void {
    const changed = [...this.changedSinceFull];
    this.changedSinceFull.clear();
    // The touched topics' articles, as sets while they change.
    const work = new Map<TopicRec, Set<string>>();
    const docsOf = (t: TopicRec) => {
      let s = work.get(t);
      if (!s) work.set(t, (s = new Set(t.topic.documents)));
      return s;
    };
    const has = (t: TopicRec, p: string) => work.get(t)?.has(p) ?? hasSorted(t.topic.documents, p);
    const out = new Int32Array(this.opts.salient);
    for (const p of changed) {
      for (const t of this.topics) if (has(t, p)) docsOf(t).delete(p);
      const slot = this.slots.get(p);
      if (slot === undefined) continue;
      const s = new Set(out.subarray(0, this.salient(slot, this.idfN, out, 0)));
      for (const t of this.topics) {
        let hits = 0;
        for (const f of t.core) if (s.has(f)) hits++;
        if (hits >= Math.min(2, t.core.length)) docsOf(t).add(p);
      }
    }
    // Topics left with one article go.
    for (const [t, docs] of work) t.topic.documents = [...docs].sort();
    if ([...work.values()].some((d) => d.size < 2)) this.topics = this.topics.filter((t) => (work.get(t)?.size ?? 2) >= 2);
  }

  private makeTopic(core: number[], n: number): TopicRec {
    const docs = this.tDocs, size = this.tN;
    // Rank the features of the topic's articles: how many of them have it, how rare it is elsewhere.
    const cover = this.table;
    cover.clear();
    for (let k = 0; k < size; k++) {
      const slot = docs[k];
      if (!this.linked[slot]) continue;
      this.coverRun(this.phrases, slot);
      this.coverRun(this.ents, slot);
    }
    let m = 0;
    if (cover.size > this.rankIdx.length) {
      this.rankIdx = new Int32Array(cover.size * 2);
      this.rankScore = new Float64Array(cover.size * 2);
      this.rankFeat = new Int32Array(cover.size * 2);
    }
    const feats = this.rankFeat, scores = this.rankScore, idx = this.rankIdx;
    for (let i = 0; i < cover.size; i++) {
      const s = cover.at(i), f = cover.keys[s];
      if (!(this.df(f) >= 2 || size === 1)) continue;
      feats[m] = f;
      scores[m] = cover.values[s] * (this.idf(f, n) + 0.15) * (core.includes(f) ? 1.5 : 1);
      idx[m] = m;
      m++;
    }
    sortIndices(idx, m, this.byRank);
    // What the label and terms read: the first 8, and on to the 6th name.
    const ranked: number[] = [];
    for (let i = 0, names = 0; i < m && (i < 8 || names < 6); i++) {
      const f = feats[idx[i]];
      ranked.push(f);
      if (f >= 0) names++;
    }
    const top = ranked.slice(0, 8);
    const terms = top.map((f) => this.labelOf(f));
    const entities = top.filter((f) => f >= 0).map((f) => this.entityKey[f]);
    const label = this.makeLabel(ranked);
    const sortedDocs: string[] = [];
    for (let k = 0; k < size; k++) sortedDocs.push(this.paths[docs[k]]);
    sortedDocs.sort();
    const topic: Topic = { id: 'topic:' + slug(label).slice(0, 40) + '-' + shortHash(sortedDocs.join('\n')), label, documents: sortedDocs, terms, entities };
    return { topic, core };
  }

  private coverRun(pool: RunPool, slot: number): void {
    const cover = this.table;
    const from = pool.start[slot], end = from + pool.len[slot];
    for (let i = from; i < end; i++) {
      const s = cover.slot(pool.ids[i]);
      cover.values[s] = cover.values[s] + 1 + Math.log(pool.weights[i]);
    }
  }

  private byRank = (a: number, b: number) => this.rankScore[b] - this.rankScore[a] || this.rankFeat[a] - this.rankFeat[b];

  /** A readable label: "North Korean troops in Russia", "Kyiv and Kharkiv", "Chrysler: takeover bid". */
  private makeLabel(ranked: number[]): string {
    const size = this.tN;
    const isPhrase = (f: number) => f < 0;
    // Labels read many times over: each made (and lower-cased) once.
    const seen = new Map<number, [string, string]>();
    const both = (f: number) => {
      let l = seen.get(f);
      if (!l) {
        const s = this.labelOf(f);
        seen.set(f, (l = [s, s.toLowerCase()]));
      }
      return l;
    };
    const label = (f: number) => both(f)[0];
    const lower = (f: number) => both(f)[1];
    const multi = (f: number) => isPhrase(f) && label(f).includes(' ');
    const ents = ranked.filter((f) => !isPhrase(f)).slice(0, 6);
    // A phrase that is only a name again ("baker" beside James Baker) says nothing new.
    const inName = (f: number) => ents.some((e) => lower(e).includes(lower(f)));
    const phrase = ranked.slice(0, 6).find((f) => multi(f) && !inName(f)) ?? ranked.slice(0, 4).find((f) => isPhrase(f) && !inName(f));
    const phraseText = phrase !== undefined ? label(phrase) : '';
    const p = phraseText.toLowerCase();
    const mentioned = (f: number) => {
      const name = lower(f);
      return p.includes(name) || name.split(/\s+/).every((w) => p.includes(w.slice(0, Math.max(4, w.length - 2))));
    };
    const others = ents.filter((f) => !mentioned(f));
    let text: string;
    if (phrase !== undefined && ranked.indexOf(phrase) < 5) {
      // The place the phrase's own sentences name most: "North Korean troops" … "in Russia".
      const near = new Map<number, number>();
      for (let k = 0; k < size; k++) this.countNear(this.tDocs[k], phrase, near);
      let place: number | undefined, placeC = 0;
      for (const [e, c] of near) {
        if (this.types[this.entityType[e]] !== 'place' || c < Math.max(1, size / 2) || mentioned(e)) continue;
        if (place === undefined || c > placeC || (c === placeC && e < place)) {
          place = e;
          placeC = c;
        }
      }
      const covers = (f: number) => {
        let c = 0;
        for (let k = 0; k < size; k++) if (this.weightOf(this.tDocs[k], f) > 0) c++;
        return c >= size / 2;
      };
      const actor = others.find((f) => this.types[this.entityType[f]] !== 'place' && covers(f));
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

/** ⌊v / d⌋ for exact integers v, d (the division alone may round up near the next integer). */
function quotient(v: number, d: number): number {
  const q = Math.floor(v / d);
  const r = v - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/** Whether a sorted list of paths holds `p`. */
function hasSorted(list: readonly string[], p: string): boolean {
  let lo = 0, hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < p) lo = mid + 1;
    else if (list[mid] > p) hi = mid - 1;
    else return true;
  }
  return false;
}
