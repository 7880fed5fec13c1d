// The corpus index: articles in, cross-article entities, figure groups and topics out. Add,
// update or remove one article and ask for a snapshot; only what the change touched is redone.
import type { ArticleAnalysis } from '../types';
import { digestArticle, DIGEST_VERSION, type DocumentDigest } from './digest';
import { EntityGraph, type DocRef } from './entities';
import { FigureIndex } from './figures';
import { Growth } from './growth';
import { ArticleLocals } from './locals';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, IndexedDocument, Mention, Topic } from './model';
import { stateOf, writeStateJson, type CorpusState } from './state';
import { TopicModel, type TopicOptions } from './topics';
import { spanAt } from './spanAt';

export * from './model';
export { digestArticle, DIGEST_VERSION, type DocumentDigest, type LocalEntity, type ClaimDigest } from './digest';
export { explainMerge } from './names';
export { stateOf, writeStateJson, STATE_VERSION, type CorpusState } from './state';

export interface CorpusIndexOptions {
  topics?: TopicOptions;
  /** Keep each article's full analysis (for `document()`); off, only what the index needs is kept. */
  keepAnalyses?: boolean;
}

/** An article to index: its analysis and either its digest or its text (to make the digest from). */
export interface IndexInput {
  path: string;
  hash: string;
  analysis: ArticleAnalysis;
  digest?: DocumentDigest;
  text?: string;
  /** Re-index even when the hash is the one already indexed. */
  force?: boolean;
}

interface DocRec extends DocRef {
  hash: string;
  /** The article's local entities (what the index keeps of its digest). */
  locals: ArticleLocals;
  analysis?: ArticleAnalysis;
  /** The article's claims, when the whole analysis is kept (the figure index keeps the ones it groups). */
  claims?: ArticleAnalysis['claims'];
  /** Entity vector for relatedness. */
  vec?: { ids: number[]; w: number[]; norm: number };
  /** Sorted mention starts/ends and the local entity each belongs to, for lookups by offset. */
  spans?: { starts: Int32Array; ends: Int32Array; owner: Int32Array };
}

export class CorpusIndex {
  private docs = new Map<string, DocRec>();
  private nextId = 1;
  private entities = new EntityGraph();
  private readonly growth = new Growth();
  private figures = new FigureIndex((a, b) => this.relatedness(a as DocRec, b as DocRec), this.growth);
  private relatedCache = new Map<number, number>();
  private topics: TopicModel;
  private orderDirty = true;
  private topicDirty = new Set<string>();
  private snap: CorpusSnapshot | undefined;
  private docList: string[] | undefined;
  private readonly keepAnalyses: boolean;

  constructor(opts: CorpusIndexOptions = {}) {
    this.topics = new TopicModel(opts.topics, this.growth);
    // By canonical id, without an "E:" string made per lookup.
    this.topics.setNearEntity((key) => this.entities.entityOfKey(key)?.id);
    this.keepAnalyses = opts.keepAnalyses ?? true;
  }

  get size(): number {
    return this.docs.size;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /** The content hash the article was indexed with. */
  hashOf(path: string): string | undefined {
    return this.docs.get(path)?.hash;
  }

  paths(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * `n` articles are about to be added to this empty index: the arrays that grow with them are
   * grown once to what they project, not step by step (see growth.ts).
   */
  expect(n: number): void {
    if (!this.docs.size) this.growth.expect(n);
  }

  /** Adds an article, or replaces it when its path is already indexed. */
  set(input: IndexInput): void {
    const prev = this.docs.get(input.path);
    if (prev && prev.hash === input.hash && !input.force) return;
    if (prev) this.detach(prev);
    else this.growth.count();
    const digest = input.digest && input.digest.v === DIGEST_VERSION ? input.digest : digestArticle(input.text ?? '', input.analysis);
    const rec: DocRec = {
      id: this.nextId++,
      path: input.path,
      order: prev?.order ?? this.docs.size,
      hash: input.hash,
      // Names repeat across thousands of articles: one copy of each string.
      locals: new ArticleLocals(digest.entities, (s) => this.intern(s)),
      ...(this.keepAnalyses ? { claims: input.analysis.claims } : {}),
      ...(this.keepAnalyses ? { analysis: input.analysis } : {}),
    };
    this.docs.set(input.path, rec);
    this.entities.addDocument(rec, rec.locals, digest.entities.map((le) => le.acronyms));
    this.figures.addDocument(rec, input.analysis.claims, digest.claims);
    // The key phrases live on in the topic model; the digest need not keep them.
    this.topics.setPhrases(
      input.path,
      digest.terms.map(([key, weight, label, near]) => ({ key: 'T:' + key, weight, label: label || key, ...(near?.length ? { near } : {}) })),
    );
    // The figure index keeps the claims' features as ids, the topic model the phrases, the
    // record the packed entities: nothing else of the digest is kept.
    this.topicDirty.add(input.path);
    if (!prev) {
      this.orderDirty = true;
      this.docList = undefined;
    }
    this.snap = undefined;
  }

  /** Same as `set`, for the common case of a whole IndexedDocument. */
  add(doc: IndexedDocument & { digest?: DocumentDigest; text?: string }): void {
    this.set(doc);
  }

  update(doc: IndexedDocument & { digest?: DocumentDigest; text?: string }): void {
    this.set(doc);
  }

  remove(path: string): boolean {
    const rec = this.docs.get(path);
    if (!rec) return false;
    this.detach(rec);
    this.docs.delete(path);
    this.topics.removeDocument(path);
    this.topicDirty.delete(path);
    this.orderDirty = true;
    this.docList = undefined;
    this.snap = undefined;
    return true;
  }

  /** The cross-article view: entities, figure groups and topics. Cached until the next change. */
  snapshot(): CorpusSnapshot {
    if (this.snap) return this.snap;
    this.refresh();
    // Each list is made when first read: after an edit the editor's lookups need none of them.
    const lazy = <T>(make: () => T) => {
      let v: T | undefined;
      return { enumerable: true, configurable: true, get: () => (v ??= make()) };
    };
    const snap = {} as CorpusSnapshot;
    Object.defineProperties(snap, {
      // The same array until an article comes or goes (an edit leaves it).
      documents: lazy(() => (this.docList ??= [...this.docs.values()].sort((a, b) => a.order - b.order).map((d) => d.path))),
      entities: lazy(() => this.entities.list()),
      claimGroups: lazy(() => this.figures.list()),
      topics: lazy(() => this.topics.list()),
    });
    this.snap = snap;
    return snap;
  }

  /** The snapshot in the compact form a driver stores (see state.ts), tagged with `key`. */
  exportState(key: string): CorpusState {
    return stateOf(this.snapshot(), key, (e, emit) => this.entities.readMentions(e, emit));
  }

  /** The same state as JSON text, handed to `write` a piece at a time (for storing it without holding it). */
  writeState(key: string, write: (chunk: string) => void): void {
    writeStateJson(this.snapshot(), key, (e, emit) => this.entities.readMentions(e, emit), write);
  }

  /**
   * Lets go of the table that made every article's names share one copy of each string: the
   * strings stay, and articles indexed later share among themselves only. (Worth megabytes
   * once a large corpus is in.)
   */
  forgetInterned(): void {
    this.strings = new Map();
  }

  /** Each mention of an entity of this index's snapshot, without making Mention objects. */
  readMentions(e: CanonicalEntity, emit: (document: string, start: number, end: number, text: string) => void): void {
    this.entities.readMentions(e, emit);
  }

  document(path: string): IndexedDocument | undefined {
    const d = this.docs.get(path);
    return d?.analysis ? { path: d.path, hash: d.hash, analysis: d.analysis } : undefined;
  }

  /** The canonical entity mentioned at `offset` in the article, if any. */
  entityAt(path: string, offset: number): CanonicalEntity | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    this.refresh();
    const spans = this.spansOf(d);
    const i = spanAt(spans.starts, spans.ends, offset);
    return i < 0 ? undefined : this.entities.entityOfKey(d.locals.key(spans.owner[i]));
  }

  /** The canonical entity of the article's local entity with this key, or of an analysis entity by index. */
  entityOfMention(path: string, entityIndex: number): CanonicalEntity | undefined {
    const d = this.docs.get(path);
    const e = d?.analysis?.entities[entityIndex];
    return e ? this.entityAt(path, e.start) : undefined;
  }

  entity(id: string): CanonicalEntity | undefined {
    this.refresh();
    return this.entities.entity(id);
  }

  /** Every mention of the entity, optionally leaving out one article (the one open in the editor). */
  mentionsOf(id: string, exceptPath?: string): Mention[] {
    const e = this.entity(id);
    if (!e) return [];
    return exceptPath ? e.mentions.filter((m) => m.document !== exceptPath) : e.mentions;
  }

  /** The figure group a claim (by its index in the article's analysis) belongs to. */
  groupForClaim(path: string, claimIndex: number): FigureGroup | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    this.refresh();
    return this.figures.groupOf(d.id, claimIndex);
  }

  /** The figure group of the claim at `offset`, if any. */
  groupAt(path: string, offset: number): FigureGroup | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    this.refresh();
    return this.figures.groupAt(d.id, offset);
  }

  topicsOf(path: string): Topic[] {
    this.refresh();
    return this.topics.topicsOf(path);
  }

  // ---- internals

  private strings = new Map<string, string>();

  private intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private detach(rec: DocRec): void {
    this.entities.removeDocument(rec.id);
    this.figures.removeDocument(rec.id);
  }

  private refresh(): void {
    this.entities.orderStable = !this.orderDirty;
    if (this.orderDirty) {
      // Document order is path order: entity documents and mentions are listed in it.
      const sorted = [...this.docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      sorted.forEach((d, i) => (d.order = i));
      this.orderDirty = false;
    }
    this.entities.refresh();
    this.figures.refresh();
    if (this.topicDirty.size || this.topics.needsFull()) {
      // Entity ids may have changed since features were made: before a full pass, renew them all.
      const all = this.topics.needsFull(this.topicDirty.size);
      const docs = all ? [...this.docs.values()].sort((a, b) => a.order - b.order) : [...this.topicDirty].map((p) => this.docs.get(p)!);
      if (all) this.topics.reserveEntities(docs.reduce((n, d) => n + d.locals.count, 0));
      // An article's entities go in one at a time: no feature object per entity per pass.
      for (const d of docs) {
        this.topics.beginEntities(d.path);
        const locals = d.locals;
        for (let i = 0; i < locals.count; i++) {
          const e = this.entities.entityOfKey(locals.key(i));
          if (e) this.topics.addEntity(e.id, locals.mentionCount(i) + (locals.lead(i) ? 0.5 : 0), e.name, e.type);
        }
        this.topics.endEntities();
      }
      this.topicDirty.clear();
      this.topics.refresh();
    }
  }

  /**
   * How much two articles share, by the names in them: the cosine of their entity vectors,
   * each name weighted by how often the article mentions it and how rare it is in the corpus.
   */
  private relatedness(a: DocRec, b: DocRec): number {
    const key = a.id < b.id ? a.id * 4194304 + b.id : b.id * 4194304 + a.id;
    let v = this.relatedCache.get(key);
    if (v !== undefined) return v;
    const va = this.vectorOf(a), vb = this.vectorOf(b);
    let dot = 0;
    for (let i = 0, j = 0; i < va.ids.length && j < vb.ids.length; ) {
      if (va.ids[i] < vb.ids[j]) i++;
      else if (va.ids[i] > vb.ids[j]) j++;
      else dot += va.w[i++] * vb.w[j++];
    }
    v = va.norm && vb.norm ? dot / (va.norm * vb.norm) : 0;
    if (this.relatedCache.size > 20000) this.relatedCache.clear();
    this.relatedCache.set(key, v);
    return v;
  }

  /** An article's entity vector (node ids sorted, tf-idf weights), made once with the counts of the moment. */
  private vectorOf(d: DocRec): NonNullable<DocRec['vec']> {
    if (d.vec) return d.vec;
    const n = this.docs.size + 1;
    const m = new Map<number, number>();
    const locals = d.locals;
    for (let i = 0; i < locals.count; i++) {
      const node = this.entities.nodeStats(locals.key(i));
      if (!node) continue;
      const w = (1 + Math.log(locals.mentionCount(i))) * Math.log(1 + n / Math.max(1, node.documents));
      m.set(node.id, (m.get(node.id) ?? 0) + w);
    }
    // Plain arrays: a typed array's own overhead is more than an article's few names.
    const ids = [...m.keys()].sort((a, b) => a - b);
    const w = ids.map((id) => m.get(id)!);
    let norm = 0;
    for (const x of w) norm += x * x;
    d.vec = { ids, w, norm: Math.sqrt(norm) };
    return d.vec;
  }

  private spansOf(d: DocRec): NonNullable<DocRec['spans']> {
    if (d.spans) return d.spans;
    const all: [number, number, number][] = [];
    for (let owner = 0; owner < d.locals.count; owner++) d.locals.forEachMention(owner, (start, end) => all.push([start, end, owner]));
    all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    d.spans = { starts: Int32Array.from(all.map((a) => a[0])), ends: Int32Array.from(all.map((a) => a[1])), owner: Int32Array.from(all.map((a) => a[2])) };
    return d.spans;
  }
}
