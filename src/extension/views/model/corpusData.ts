// What the view models read: the corpus snapshot plus per-article lookups. The extension
// adapts the CorpusService to it; the benchmark builds it from a CorpusIndex in Node.
import type { CanonicalEntity, CorpusSnapshot, FigureGroup } from '../../../core/corpus/model';
import type { ArticleSourcesData } from '../../../core/corpus/view';

export type { ArticleSourcesData };

export interface CorpusData {
  snapshot(): CorpusSnapshot | undefined;
  /** The article's quotes and attributions, and how many figures it states, as indexed. */
  sources(doc: string): ArticleSourcesData | undefined;
  /** How the article is named in the tree (workspace-relative path). */
  displayName(doc: string): string;
  /** The article's text if already loaded (for mention context); `loadText` loads it. */
  text(doc: string): string | undefined;
  loadText(doc: string): Promise<void>;
  /** The canonical entity at an offset (speakers, follow-cursor). */
  entityAt?(doc: string, offset: number): CanonicalEntity | undefined;
}

/** Per-snapshot lookups the views share, made on first use. */
export interface Derived {
  /** Position of each article in the snapshot's document order. */
  entityById: Map<string, CanonicalEntity>;
  /** Entities per article, in snapshot order. */
  entitiesOf: Map<string, CanonicalEntity[]>;
  /** Figure groups per article. */
  groupsOf: Map<string, FigureGroup[]>;
}

const cache = new WeakMap<CorpusSnapshot, Partial<Derived>>();

function slot(s: CorpusSnapshot): Partial<Derived> {
  let d = cache.get(s);
  if (!d) cache.set(s, (d = {}));
  return d;
}

/** By the document list itself: a snapshot after an edit keeps the list, and the order of 18,834 articles took 10 ms to make again. */
const orders = new WeakMap<readonly string[], Map<string, number>>();

export function docOrder(s: CorpusSnapshot): Map<string, number> {
  let order = orders.get(s.documents);
  if (!order) orders.set(s.documents, (order = new Map(s.documents.map((doc, i) => [doc, i]))));
  return order;
}

export function entityById(s: CorpusSnapshot): Map<string, CanonicalEntity> {
  const d = slot(s);
  return (d.entityById ??= new Map(s.entities.map((e) => [e.id, e])));
}

export function entitiesOf(s: CorpusSnapshot, doc: string): CanonicalEntity[] {
  const d = slot(s);
  if (!d.entitiesOf) {
    const m = new Map<string, CanonicalEntity[]>();
    for (const e of s.entities) for (const doc of e.documents) (m.get(doc) ?? m.set(doc, []).get(doc)!).push(e);
    d.entitiesOf = m;
  }
  return d.entitiesOf.get(doc) ?? [];
}

export function groupsOf(s: CorpusSnapshot, doc: string): FigureGroup[] {
  const d = slot(s);
  if (!d.groupsOf) {
    const m = new Map<string, FigureGroup[]>();
    for (const g of s.claimGroups) {
      const docs = new Set(g.figures.flatMap((f) => f.documents));
      for (const doc of docs) (m.get(doc) ?? m.set(doc, []).get(doc)!).push(g);
    }
    d.groupsOf = m;
  }
  return d.groupsOf.get(doc) ?? [];
}

/** Memoizes a value per snapshot and key (sorted, filtered lists), so refreshes reuse them. */
export function memo<T>(s: CorpusSnapshot, key: string, make: () => T): T {
  const d = slot(s) as Record<string, unknown>;
  const k = 'memo:' + key;
  if (!(k in d)) d[k] = make();
  return d[k] as T;
}
