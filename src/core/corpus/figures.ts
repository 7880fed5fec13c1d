// Figure groups: the same figure reported in several articles, and figures that disagree.
// Claims are compared only within a unit class ("troops" = "soldiers"), and only when their
// subjects share an entity (North Korea, Ecuador); hedges are ranges ("at least 9" agrees with
// "11"). Two figures for one subject that cannot both hold are a conflict — unless one is stated
// as an expectation, which makes them distinct.
//
// Grouping is greedy and constrained: claims are joined strongest link first, and never so that
// one article would state two different figures for the group's subject (an article saying
// "3,000 are already there" and "10,000 were sent" is talking about two subjects).
import type { Claim } from '../types';
import type { ClaimDigest } from './digest';
import type { DocRef } from './entities';
import { shortHash } from './entities';
import type { Agreement, ClaimRef, Figure, FigureGroup } from './model';
import { gazetteerName } from './gazetteer';
import { rangesOverlap, type Range } from './units';

const KIND_WEIGHT = [3, 2, 1];
/** Features shared by more claims than this are too common to find candidates by. */
const MAX_POSTING = 150;

/**
 * One claim. What the index needs of its digest is kept on the node itself (one object, not three),
 * with the range its figure allows (`hi` Infinity for no upper bound).
 */
interface CNode extends Range {
  id: number;
  doc: DocRef;
  /** Index into the article's claims. */
  i: number;
  unit: string;
  value: number;
  expected?: boolean;
  subject: string;
  claim: Claim;
  /** Interned unit|feature ids, sorted. */
  f: number[];
  /** Interned subject features ("e:country:north korea", "u:troop"), sorted. */
  subj?: number[];
  /** Links to claims of other articles (a shared empty map until the first). */
  edges: Map<number, Edge>;
}

const NO_EDGES: Map<number, Edge> = new Map();

interface Edge {
  score: number;
  overlap: boolean;
}

/** How much two articles are about the same story (0..1), from the entities they share. */
export type Relatedness = (a: DocRef, b: DocRef) => number;

export class FigureIndex {
  constructor(private readonly related: Relatedness = () => 1) {}

  private nodes: (CNode | undefined)[] = [];
  private free: number[] = [];
  /** Features interned per unit ("troop|e:country:north korea" → id), with kind, claim count and, for entities, the claims. */
  private fid = new Map<string, number>();
  private fkind: number[] = [];
  private fkeys: string[] = [];
  private fdf: number[] = [];
  private fpost: (Set<number> | undefined)[] = [];
  private unitCount = new Map<string, number>();
  private total = 0;
  private docNodes = new Map<number, number[]>();
  private dirty = new Set<number>();
  private groupOfNode = new Map<number, FigureGroup>();
  private membersOf = new Map<FigureGroup, number[]>();
  private groups = new Map<string, FigureGroup>();
  private sorted: FigureGroup[] | undefined;

  addDocument(doc: DocRef, claims: readonly Claim[], digests: readonly ClaimDigest[]): void {
    const ids: number[] = [];
    for (const cd of digests) {
      const claim = claims[cd.i];
      // A claim whose clause names no one and nowhere cannot be matched to another article's.
      if (!claim || !cd.unit || !cd.feats.some((x) => x[0] === 'e')) continue;
      const id = this.free.length ? this.free.pop()! : this.nodes.length;
      // Small plain arrays: a typed array's own overhead is larger than a dozen numbers.
      const f = cd.feats.map((x) => this.intern(cd.unit, x)).sort((x, y) => x - y);
      const subj = cd.subj?.length ? cd.subj.map((x) => this.internSubject(x)).sort((x, y) => x - y) : undefined;
      // The features live on as ids: the digest's strings can go.
      const node: CNode = { id, doc, i: cd.i, unit: cd.unit, value: cd.value, lo: cd.lo, hi: cd.hi ?? Infinity, ...(cd.expected ? { expected: true } : {}), subject: cd.subject, claim, f, ...(subj ? { subj } : {}), edges: NO_EDGES };
      this.nodes[id] = node;
      ids.push(id);
      this.dirty.add(id);
      this.unitCount.set(cd.unit, (this.unitCount.get(cd.unit) ?? 0) + 1);
      this.total++;
      for (const x of f) this.fdf[x]++;
      // Candidates: claims of other articles with the same unit sharing an entity.
      const seen = new Set<number>();
      for (const x of f) {
        const p = this.fpost[x];
        if (!p || p.size > MAX_POSTING) continue;
        for (const other of p) {
          if (seen.has(other)) continue;
          seen.add(other);
          const o = this.nodes[other]!;
          if (o.doc.id === doc.id) continue;
          const e = this.linkOf(node, o);
          if (e) {
            if (node.edges === NO_EDGES) node.edges = new Map();
            if (o.edges === NO_EDGES) o.edges = new Map();
            node.edges.set(other, e);
            o.edges.set(id, e);
            this.dirty.add(other);
          }
        }
      }
      for (const x of f) this.fpost[x]?.add(id);
    }
    this.docNodes.set(doc.id, ids);
  }

  removeDocument(docId: number): void {
    const ids = this.docNodes.get(docId);
    if (!ids) return;
    this.docNodes.delete(docId);
    for (const id of ids) {
      const n = this.nodes[id]!;
      for (const [other] of n.edges) {
        this.nodes[other]?.edges.delete(id);
        this.dirty.add(other);
      }
      for (const x of n.f) {
        this.fpost[x]?.delete(id);
        this.fdf[x]--;
      }
      this.unitCount.set(n.unit, (this.unitCount.get(n.unit) ?? 1) - 1);
      this.total--;
      const g = this.groupOfNode.get(id);
      if (g) this.dropGroup(g, this.dirty);
    }
    for (const id of ids) {
      this.nodes[id] = undefined;
      this.free.push(id);
      this.dirty.delete(id);
    }
  }

  private subjectIds = new Map<string, number>();
  private subjectIsEntity: boolean[] = [];
  /** Subject features that are words (not a name, not the unit): what makes a subject specific. */
  private subjectIsWord: boolean[] = [];

  private internSubject(feat: string): number {
    let id = this.subjectIds.get(feat);
    if (id === undefined) {
      id = this.subjectIsEntity.length;
      this.subjectIds.set(feat, id);
      this.subjectIsEntity.push(feat[0] === 'e');
      this.subjectIsWord.push(feat[0] === 'w');
    }
    return id;
  }

  /** Entities are counted per unit (a name common among dollar figures may be rare among troop counts); words across all. */
  private intern(unit: string, feat: string): number {
    // (A flat string: the key is kept.)
    const k = feat[0] === 'e' ? [unit, '|', feat].join('') : feat;
    let id = this.fid.get(k);
    if (id === undefined) {
      id = this.fkind.length;
      this.fid.set(k, id);
      this.fkind.push(feat[0] === 'e' ? 0 : feat[0] === 'v' ? 1 : 2);
      this.fkeys.push(k);
      this.fdf.push(0);
      this.fpost.push(feat[0] === 'e' ? new Set() : undefined);
    }
    return id;
  }

  /** The group of the claim of an article that spans `offset`. */
  groupAt(docId: number, offset: number): FigureGroup | undefined {
    for (const id of this.docNodes.get(docId) ?? []) {
      const n = this.nodes[id]!;
      if (n.claim.start <= offset && offset < n.claim.end) return this.groupOfNode.get(id);
    }
    return undefined;
  }

  groupOf(docId: number, claimIndex: number): FigureGroup | undefined {
    for (const id of this.docNodes.get(docId) ?? []) {
      const n = this.nodes[id]!;
      if (n.i === claimIndex) return this.groupOfNode.get(id);
    }
    return undefined;
  }

  /** Conflicts first, then the most widely reported. Kept sorted across refreshes. */
  list(): FigureGroup[] {
    if (!this.sorted) this.sorted = [...this.groups.values()].sort(compareGroups);
    return this.sorted;
  }

  refresh(): boolean {
    if (!this.dirty.size) return false;
    // The components that hold a changed claim, and the groups they held before.
    const todo = new Set<number>();
    for (const id of this.dirty) {
      if (!this.nodes[id]) continue;
      const g = this.groupOfNode.get(id);
      if (g) this.dropGroup(g, todo);
      todo.add(id);
    }
    const done = new Set<number>();
    for (const start of todo) {
      if (done.has(start) || !this.nodes[start]) continue;
      // Breadth-first over links: one component.
      const comp: number[] = [];
      const queue = [start];
      done.add(start);
      while (queue.length) {
        const id = queue.pop()!;
        comp.push(id);
        const g = this.groupOfNode.get(id);
        if (g) this.dropGroup(g, todo);
        for (const [other] of this.nodes[id]!.edges) {
          if (!done.has(other) && this.nodes[other]) {
            done.add(other);
            queue.push(other);
          }
        }
      }
      if (comp.length > 1) this.groupComponent(comp);
    }
    this.dirty.clear();
    if (this.sorted) {
      // Drop the groups that went, insert the new ones in place (a new array: snapshots keep theirs).
      const list = this.sorted.filter((g) => this.groups.get(g.id) === g);
      const have = new Set(list);
      for (const g of this.groups.values()) {
        if (have.has(g)) continue;
        let lo = 0, hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareGroups(list[mid], g) < 0) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, g);
      }
      this.sorted = list;
    }
    return true;
  }

  private dropGroup(g: FigureGroup, into?: Set<number>): void {
    for (const id of this.membersOf.get(g) ?? []) {
      if (this.groupOfNode.get(id) === g) this.groupOfNode.delete(id);
      into?.add(id);
    }
    this.membersOf.delete(g);
    if (this.groups.get(g.id) === g) this.groups.delete(g.id);
  }

  /** Greedy constrained clustering of one linked component. */
  private groupComponent(ids: number[]): void {
    const edges: [number, number, Edge][] = [];
    for (const a of ids) for (const [b, e] of this.nodes[a]!.edges) if (a < b) edges.push([a, b, e]);
    // Agreements first (they make the figures), then conflicts; strongest first; ties by id for determinism.
    edges.sort((x, y) => Number(y[2].overlap) - Number(x[2].overlap) || y[2].score - x[2].score || x[0] - y[0] || x[1] - y[1]);
    const cluster = new Map<number, Set<number>>();
    for (const id of ids) cluster.set(id, new Set([id]));
    for (const [a, b] of edges) {
      const ca = cluster.get(a)!, cb = cluster.get(b)!;
      if (ca === cb || !this.compatible(ca, cb)) continue;
      const [big, small] = ca.size >= cb.size ? [ca, cb] : [cb, ca];
      for (const id of small) {
        big.add(id);
        cluster.set(id, big);
      }
    }
    for (const c of new Set(cluster.values())) {
      const members = [...c].sort((x, y) => x - y);
      const docs = new Set(members.map((id) => this.nodes[id]!.doc.id));
      if (docs.size < 2) continue;
      const g = this.build(members);
      this.groups.set(g.id, g);
      this.membersOf.set(g, members);
      for (const id of members) this.groupOfNode.set(id, g);
    }
  }

  /** A subject from what most of the claims' clauses share: a name and a word or two ("Ecuador export halt"). */
  private sharedSubject(nodes: readonly CNode[]): string | undefined {
    const counts = new Map<number, number>();
    for (const n of nodes) for (const x of n.f) counts.set(x, (counts.get(x) ?? 0) + 1);
    const common = [...counts].filter(([, c]) => c >= Math.max(2, nodes.length * 0.6)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const text = (x: number) => {
      const k = this.fkeys[x];
      const f = k.slice(k.indexOf(':', k.indexOf('|') + 1) + 1);
      return f.startsWith('country:') || f.startsWith('org:') || f.startsWith('state:') ? gazetteerName(f) : f;
    };
    const who = common.find(([x]) => this.fkind[x] === 0);
    const what = common.filter(([x]) => this.fkind[x] !== 0).slice(0, 2);
    if (!who || !what.length) return undefined;
    return [text(who[0]), ...what.map(([x]) => text(x))].join(' ');
  }

  /** A feature's weight: its kind (entity > verb > word) times how rare it is among claims of the unit. */
  private weight(x: number, n: number): number {
    const kind = this.fkind[x];
    return KIND_WEIGHT[kind] * Math.log(1 + ((kind === 0 ? n : this.total) + 1) / Math.max(1, this.fdf[x]));
  }

  /**
   * Whether two claims of different articles state a figure about one subject: the same unit,
   * a shared entity, enough of the rest of the subject in common (weighted by rarity), and two
   * articles about the same story. Equal figures need less; different ones need a close subject
   * and the same verb.
   */
  private linkOf(a: CNode, b: CNode): Edge | undefined {
    if (a.unit !== b.unit) return undefined;
    // Figures are compared within a story: the two articles must share more than a country.
    // (First, as most candidates fail here and the answer is kept per pair of articles.)
    const story = this.related(a.doc, b.doc);
    if (story < 0.2) return undefined;
    const n = this.unitCount.get(a.unit) ?? 1;
    let shared = 0, union = 0, sharedE = 0, sharedV = 0, sharedW = 0;
    const fa = a.f, fb = b.f;
    let i = 0, j = 0;
    while (i < fa.length || j < fb.length) {
      if (j >= fb.length || (i < fa.length && fa[i] < fb[j])) {
        union += this.weight(fa[i++], n);
      } else if (i >= fa.length || fb[j] < fa[i]) {
        union += this.weight(fb[j++], n);
      } else {
        const x = fa[i];
        const w = this.weight(x, n);
        shared += w;
        union += w;
        const k = this.fkind[x];
        if (k === 0) sharedE += w;
        else if (k === 1) sharedV++;
        else sharedW++;
        i++;
        j++;
      }
    }
    if (!sharedE || !union) return undefined;
    const context = shared / union;
    // The subjects as stated ("North Korean soldiers" / "North Korean troops"): names must agree.
    const { sim: subject, words: subjectWords } = this.subjectSimilarity(a.subj, b.subj);
    const score = Math.max(context, subject * 0.8);
    const overlap = rangesOverlap(a, b);
    const sameStanding = !!a.expected === !!b.expected;
    if (!sameStanding && score < 0.45) return undefined;
    let ok: boolean;
    if (overlap) ok = (context >= 0.25 && (sharedV > 0 || sharedW > 0)) || (subject >= 0.6 && context >= 0.1);
    // Different figures: only for a closely matching subject with the same verb, and a subject
    // that says what is counted (not only who and the unit, "Ecuador dlrs"), or a close clause.
    else ok = context >= 0.3 && subject >= 0.5 && sharedV > 0 && sharedW > 0 && (subjectWords > 0 || context >= 0.45);
    if (!ok || (!overlap && story < 0.25)) return undefined;
    return { score, overlap };
  }

  /**
   * Jaccard of two subjects' features, 0 unless both name someone or somewhere and share it; and
   * how many words (not names, not the unit) they share — "Ecuador dlrs" alone says little.
   */
  private subjectSimilarity(a: readonly number[] | undefined, b: readonly number[] | undefined): { sim: number; words: number } {
    const none = { sim: 0, words: 0 };
    if (!a || !b) return none;
    let shared = 0, sharedE = 0, words = 0, ea = false, eb = false;
    for (const x of a) if (this.subjectIsEntity[x]) ea = true;
    for (const x of b) if (this.subjectIsEntity[x]) eb = true;
    if (!ea || !eb) return none;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        shared++;
        if (this.subjectIsEntity[a[i]]) sharedE++;
        if (this.subjectIsWord[a[i]]) words++;
        i++;
        j++;
      }
    }
    if (!sharedE) return none;
    return { sim: shared / (a.length + b.length - shared), words };
  }

  /** No article may give two different figures (of the same standing) for one group. */
  private compatible(a: Set<number>, b: Set<number>): boolean {
    const byDoc = new Map<number, CNode[]>();
    for (const id of a) {
      const n = this.nodes[id]!;
      let l = byDoc.get(n.doc.id);
      if (!l) byDoc.set(n.doc.id, (l = []));
      l.push(n);
    }
    for (const id of b) {
      const n = this.nodes[id]!;
      for (const m of byDoc.get(n.doc.id) ?? []) {
        if (!rangesOverlap(m, n)) return false;
      }
    }
    return true;
  }

  private build(members: number[]): FigureGroup {
    const nodes = members.map((id) => this.nodes[id]!).sort((x, y) => x.doc.order - y.doc.order || x.doc.path.localeCompare(y.doc.path) || x.i - y.i);
    // Figures: one per value (and standing: stated vs expected).
    const figs = new Map<string, { nodes: CNode[] }>();
    for (const n of nodes) {
      const k = `${n.value}|${n.expected ? 1 : 0}`;
      let f = figs.get(k);
      if (!f) figs.set(k, (f = { nodes: [] }));
      f.nodes.push(n);
    }
    const figures: (Figure & { expected?: boolean })[] = [];
    const figRanges: { range: Range; expected: boolean }[] = [];
    for (const { nodes: fn } of figs.values()) {
      const docs: string[] = [];
      for (const n of fn) if (!docs.includes(n.doc.path)) docs.push(n.doc.path);
      const approx = mostCommon(fn.map((n) => n.claim.approx).filter((a): a is string => !!a));
      const claims: ClaimRef[] = fn.map((n) => ({ document: n.doc.path, index: n.i, claim: n.claim }));
      const expected = !!fn[0].expected;
      figures.push({ value: fn[0].claim.value, ...(approx ? { approx } : {}), documents: docs, claims, ...(expected ? { expected } : {}) });
      // The figure's range: what all its claims allow together.
      let lo = -Infinity, hi = Infinity;
      for (const n of fn) {
        lo = Math.max(lo, n.lo);
        hi = Math.min(hi, n.hi);
      }
      if (lo > hi) [lo, hi] = [Math.min(...fn.map((n) => n.lo)), Math.max(...fn.map((n) => n.hi))];
      figRanges.push({ range: { lo, hi }, expected });
    }
    let agreement: Agreement = 'agree';
    for (let i = 0; i < figRanges.length; i++) {
      for (let j = i + 1; j < figRanges.length; j++) {
        if (rangesOverlap(figRanges[i].range, figRanges[j].range)) continue;
        if (figRanges[i].expected === figRanges[j].expected) agreement = 'conflict';
        else if (agreement === 'agree') agreement = 'distinct';
      }
    }
    // Most reported first.
    const normal = [...figs.values()].map((f) => f.nodes[0].value);
    const order = figures.map((_f, i) => i).sort((x, y) => figures[y].documents.length - figures[x].documents.length || normal[x] - normal[y]);
    // The subject as the claims state it, unless that is only the figure again ("at least four months").
    const stated = nodes.map((n) => n.claim.subject?.replace(/\s+/g, ' ').trim()).filter((s): s is string => !!s && !/\d|^(?:at least|about|around|nearly|more than|up to)\b/i.test(s));
    const subject = mostCommon(stated) ?? this.sharedSubject(nodes) ?? mostCommon(nodes.map((n) => n.subject.replace(/\s+/g, ' ').trim())) ?? '';
    const unit = mostCommon(nodes.map((n) => n.claim.unit).filter((u): u is string => !!u));
    const first = nodes[0];
    return {
      id: 'fig:' + shortHash(`${first.doc.path}#${first.i}#${first.claim.start}`),
      subject,
      ...(unit ? { unit } : {}),
      figures: order.map((i) => figures[i]),
      agreement,
    };
  }
}

function mostCommon(xs: readonly string[]): string | undefined {
  const m = new Map<string, number>();
  let best: string | undefined;
  let n = 0;
  for (const x of xs) {
    const c = (m.get(x) ?? 0) + 1;
    m.set(x, c);
    if (c > n) [best, n] = [x, c];
  }
  return best;
}

function rank(g: FigureGroup): number {
  return g.agreement === 'conflict' ? 2 : g.agreement === 'distinct' ? 1 : 0;
}

const docCounts = new WeakMap<FigureGroup, number>();

function docCount(g: FigureGroup): number {
  let n = docCounts.get(g);
  if (n === undefined) docCounts.set(g, (n = new Set(g.figures.flatMap((f) => f.documents)).size));
  return n;
}

function compareGroups(a: FigureGroup, b: FigureGroup): number {
  return rank(b) - rank(a) || docCount(b) - docCount(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
