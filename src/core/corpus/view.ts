// The corpus as the editor and the CLI read it, answered from a mirrored snapshot: which
// canonical entity a mention stands for, which figure group a claim is in, an article's topics.
// The live index lives elsewhere (a worker thread); these lookups never wait for it.
import type { MirrorSink } from './mirror';
import type { ArticleAnalysis, Attribution, Quote } from '../types';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, IndexedDocument, Mention, Topic } from './model';
import { spanAt } from './spanAt';

/** What views over every article read of each: its quotes and attributions, and how many figures it states. */
export interface ArticleSourcesData {
  quotes: readonly Quote[];
  attributions: readonly Attribution[];
  claims: number;
}

export function sourcesOfAnalysis(a: ArticleAnalysis): ArticleSourcesData {
  return { quotes: a.quotes, attributions: a.attributions, claims: a.claims.length };
}

/** What readers of the corpus ask of it. */
export interface CorpusLookups {
  readonly size: number;
  has(path: string): boolean;
  /** The content hash the article was indexed with. */
  hashOf(path: string): string | undefined;
  paths(): string[];
  snapshot(): CorpusSnapshot;
  /** The article's whole analysis, when it can be had. */
  document(path: string): IndexedDocument | undefined;
  /** The article's quotes, attributions and figure count: cheaper than the whole analysis where that is read from disk. */
  sources?(path: string): ArticleSourcesData | undefined;
  entityAt(path: string, offset: number): CanonicalEntity | undefined;
  entityOfMention(path: string, entityIndex: number): CanonicalEntity | undefined;
  entity(id: string): CanonicalEntity | undefined;
  mentionsOf(id: string, exceptPath?: string): Mention[];
  groupForClaim(path: string, claimIndex: number): FigureGroup | undefined;
  groupAt(path: string, offset: number): FigureGroup | undefined;
  topicsOf(path: string): Topic[];
}

/** Articles asked about in one snapshot before the entities naming each are listed once for all. */
const NAMERS_AFTER = 16;

interface Spans {
  starts: Int32Array;
  ends: Int32Array;
  owners: CanonicalEntity[];
}

interface ClaimSpot {
  index: number;
  start: number;
  end: number;
  group: FigureGroup;
}

export class SnapshotView implements CorpusLookups {
  private seen = -1;
  private spans = new Map<number, Spans>();
  /** The entities naming each article, by document number (one pass over the entities, made when many articles are asked about). */
  private namers: Map<number, CanonicalEntity[]> | undefined;
  /** Articles asked about since the snapshot changed. */
  private asked = 0;
  private byId: Map<string, CanonicalEntity> | undefined;
  private claims: Map<string, ClaimSpot[]> | undefined;

  constructor(
    private readonly sink: MirrorSink,
    /** Indexed articles and their content hashes. */
    private readonly hashes: ReadonlyMap<string, string>,
    /** An article's analysis, when asked for (from a cache, or an index that keeps them). */
    private readonly load: (path: string, hash: string) => IndexedDocument | undefined,
    /** Its quotes, attributions and figure count alone, when they can be had for less. */
    private readonly loadSources?: (path: string, hash: string) => ArticleSourcesData | undefined,
  ) {}

  sources(path: string): ArticleSourcesData | undefined {
    const hash = this.hashes.get(path);
    if (!hash) return undefined;
    const quick = this.loadSources?.(path, hash);
    if (quick) return quick;
    const a = this.load(path, hash)?.analysis;
    return a ? sourcesOfAnalysis(a) : undefined;
  }

  get size(): number {
    return this.hashes.size;
  }

  has(path: string): boolean {
    return this.hashes.has(path);
  }

  hashOf(path: string): string | undefined {
    return this.hashes.get(path);
  }

  paths(): string[] {
    return [...this.hashes.keys()];
  }

  snapshot(): CorpusSnapshot {
    return this.sink.snapshot();
  }

  document(path: string): IndexedDocument | undefined {
    const hash = this.hashes.get(path);
    return hash ? this.load(path, hash) : undefined;
  }

  entityAt(path: string, offset: number): CanonicalEntity | undefined {
    const spans = this.spansOf(path);
    if (!spans) return undefined;
    const i = spanAt(spans.starts, spans.ends, offset);
    return i < 0 ? undefined : spans.owners[i];
  }

  entityOfMention(path: string, entityIndex: number): CanonicalEntity | undefined {
    const e = this.document(path)?.analysis.entities[entityIndex];
    return e ? this.entityAt(path, e.start) : undefined;
  }

  entity(id: string): CanonicalEntity | undefined {
    this.current();
    this.byId ??= new Map(this.sink.snapshot().entities.map((e) => [e.id, e]));
    return this.byId.get(id);
  }

  mentionsOf(id: string, exceptPath?: string): Mention[] {
    const e = this.entity(id);
    if (!e) return [];
    return exceptPath ? e.mentions.filter((m) => m.document !== exceptPath) : e.mentions;
  }

  groupForClaim(path: string, claimIndex: number): FigureGroup | undefined {
    return this.claimsOf(path)?.find((c) => c.index === claimIndex)?.group;
  }

  groupAt(path: string, offset: number): FigureGroup | undefined {
    return this.claimsOf(path)?.find((c) => c.start <= offset && offset < c.end)?.group;
  }

  topicsOf(path: string): Topic[] {
    return this.sink.snapshot().topics.filter((t) => t.documents.includes(path));
  }

  /**
   * Drops what was worked out from an older snapshot: after one change, only what it touched
   * (an edit changes the entities of a few articles, and a view over every article would
   * otherwise work out the mentions of all 18,834 again: 60 ms on Reuters).
   */
  private current(): void {
    const v = this.sink.version;
    if (this.seen === v) return;
    const c = this.sink.lastChange;
    const next = this.seen === v - 1 && c.version === v;
    this.seen = v;
    if (next && c.entities) {
      const { added, dropped } = c.entities;
      for (const [e, docs] of dropped) {
        for (const d of docs) {
          this.spans.delete(d);
          const list = this.namers?.get(d);
          const i = list ? list.indexOf(e) : -1;
          if (i >= 0) list!.splice(i, 1);
        }
        if (this.byId?.get(e.id) === e) this.byId.delete(e.id);
      }
      for (const e of added) {
        this.sink.forEachDoc(e, (d) => {
          this.spans.delete(d);
          const list = this.namers?.get(d);
          if (list) list.push(e);
          else this.namers?.set(d, [e]);
        });
        this.byId?.set(e.id, e);
      }
      if (c.claimGroups) this.claims = undefined;
      return;
    }
    this.spans.clear();
    this.namers = undefined;
    this.asked = 0;
    this.byId = undefined;
    this.claims = undefined;
  }

  /** The article's mentions in order, each with its entity: one pass over the entities that name it. */
  private spansOf(path: string): Spans | undefined {
    this.current();
    const doc = this.sink.docNumber(path);
    if (doc === undefined || !this.hashes.has(path)) return undefined;
    let spans = this.spans.get(doc);
    if (spans) return spans;
    // One article (the one being edited): a scan of the numbers. Many (a view over every article):
    // once per snapshot, the entities naming each article.
    let naming: CanonicalEntity[];
    if (this.namers || ++this.asked > NAMERS_AFTER) {
      if (!this.namers) {
        const namers = (this.namers = new Map<number, CanonicalEntity[]>());
        for (const e of this.sink.snapshot().entities) {
          this.sink.forEachDoc(e, (d) => {
            const list = namers.get(d);
            if (list) list.push(e);
            else namers.set(d, [e]);
          });
        }
      }
      naming = this.namers.get(doc) ?? [];
    } else naming = this.sink.entitiesNaming(doc);
    const all: [number, number, CanonicalEntity][] = [];
    for (const e of naming) this.sink.forEachMentionIn(e, doc, (start, end) => all.push([start, end, e]));
    all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    spans = { starts: Int32Array.from(all, (a) => a[0]), ends: Int32Array.from(all, (a) => a[1]), owners: all.map((a) => a[2]) };
    this.spans.set(doc, spans);
    return spans;
  }

  private claimsOf(path: string): ClaimSpot[] | undefined {
    this.current();
    if (!this.claims) {
      this.claims = new Map();
      for (const group of this.sink.snapshot().claimGroups) {
        for (const f of group.figures) {
          for (const ref of f.claims) {
            let list = this.claims.get(ref.document);
            if (!list) this.claims.set(ref.document, (list = []));
            list.push({ index: ref.index, start: ref.claim.start, end: ref.claim.end, group });
          }
        }
      }
    }
    return this.claims.get(path);
  }
}
