// Figure groups: the same figure reported in several articles, and figures that disagree.
// Claims are compared only within a unit class ("troops" = "soldiers"), and only when their
// subjects share an entity (North Korea, Ecuador); hedges are ranges ("at least 9" agrees with
// "11"). Two figures for one subject that cannot both hold are a conflict — unless one is stated
// as an expectation, which makes them distinct.
//
// Grouping is greedy and constrained: claims are joined strongest link first, and never so that
// one article would state two different figures for the group's subject (an article saying
// "3,000 are already there" and "10,000 were sent" is talking about two subjects).
//
// Storage: tens of thousands of claims live here for the life of the index, so a claim is a row
// of typed columns, not an object (an object, its arrays and a Map of links cost ~500 bytes a
// claim on a 64-bit heap without pointer compression; a row costs ~150). The claim itself is
// kept as numbers and ids plus its strings in one string per article, and made again as an
// object only for the claims a group shows.
import type { Claim, ClaimKind } from '../types';
import type { ClaimDigest } from './digest';
import type { DocRef } from './entities';
import { shortHash } from './entities';
import type { Agreement, ClaimRef, Figure, FigureGroup } from './model';
import { gazetteerName } from './gazetteer';
import { rangesOverlap, type Range } from './units';
import { grownFloat64, grownInt32, grownUint8, PairIds, StringIds } from './denseIds';

const KIND_WEIGHT = [3, 2, 1];
/** Features shared by more claims than this are too common to find candidates by. */
const MAX_POSTING = 150;

// A claim's int columns (INTS of them a row in `ints`).
/** Index into the article's claims. */
const CLAIM = 0;
/** Label id of the unit class. */
const UNIT = 1;
/** The article's next claim here, -1 for none. */
const NEXT = 2;
/** In `pool` from FOFF: FLEN clause feature ids (sorted), then SLEN subject feature ids (sorted). */
const FOFF = 3;
const FLEN = 4;
const SLEN = 5;
const START = 6;
const END = 7;
/** Label ids of the claim's kind, unit and hedge (-1 for none). */
const KIND = 8;
const CUNIT = 9;
const APPROX = 10;
/** In the article's string from TOFF: the claim's text, its subject (CSLEN, -1 none), the digest's subject (DSLEN, -1: the claim's). */
const TOFF = 11;
const TLEN = 12;
const CSLEN = 13;
const DSLEN = 14;
const INTS = 15;
// A claim's number columns (NUMS a row in `nums`): the comparable value and the range it allows (`hi` Infinity for no upper bound).
const VALUE = 0;
const LO = 1;
const HI = 2;
const NUMS = 3;
// Flags.
const ALIVE = 1;
/** Stated as an expectation (the digest's reading). */
const EXPECTED = 2;
/** The claim's own `expected` field: true, false. */
const CLAIM_EXPECTED = 4;
const CLAIM_NOT_EXPECTED = 8;
/** The claim's value is not the comparable one: see `otherValues`. */
const OTHER_VALUE = 16;
const DIRTY = 32;
/** In the list of claims a refresh regroups. */
const TODO = 64;

/** Where `dropGroup` puts the members of a group it drops. */
const enum Into {
  Nowhere,
  Dirty,
  Todo,
}

/** How much two articles are about the same story (0..1), from the entities they share. */
export type Relatedness = (a: DocRef, b: DocRef) => number;

export class FigureIndex {
  constructor(private readonly related: Relatedness = () => 1) {}

  // ---- claims: row `id` of each column; ids of removed claims are used again (last freed first)
  private count = 0;
  private cap = 0;
  private ints = new Int32Array(0);
  private nums = new Float64Array(0);
  private flags = new Uint8Array(0);
  /** Scratch: a stamp per claim (candidates seen, claims reached in a refresh). */
  private seenAt = new Int32Array(0);
  private stamp = 0;
  /** Scratch: a claim's place in the component being grouped. */
  private local = new Int32Array(0);
  private docOf: (DocRef | undefined)[] = [];
  /** The article's claim strings, one string per article (each of its claims points to it). */
  private textOf: (string | undefined)[] = [];
  /** Links to claims of other articles: [other, score, …], the score negative when the figures differ. */
  private adj: (number[] | undefined)[] = [];
  private free: number[] = [];
  /** Claim values that are not the comparable value (the few whose unit carried a scale). */
  private otherValues = new Map<number, number | string>();
  /** Feature ids of all claims, each claim's a slice (see FOFF); `poolDead` of them belong to removed claims. */
  private pool = new Int32Array(1024);
  private poolLen = 0;
  private poolDead = 0;
  /** First claim of each article (by DocRef id), -1 or a hole for none. */
  private docFirst: number[] = [];

  // ---- features: interned per unit ("troop|e:country:north korea") for entities, across units for words
  /** Feature and subject-feature strings ("e:country:north korea", "w:export"). */
  private words = new StringIds();
  /** Unit classes, claim units, hedges and kinds. */
  private labels = new StringIds();
  /** Feature id ↔ (unit label id, or -1 for a verb or word; word id). */
  private features = new PairIds();
  /** Per feature: kind (0 entity, 1 verb, 2 word), claim count, and for entities the first and last posting. */
  private fkind = new Uint8Array(0);
  private fdf = new Int32Array(0);
  private fHead = new Int32Array(0);
  private fTail = new Int32Array(0);
  /** Postings (claims with an entity feature, in the order they came): claim and next posting, a free list through `pNext`. */
  private pNode = new Int32Array(0);
  private pNext = new Int32Array(0);
  private pLen = 0;
  private pFree = -1;
  /** Per word id: its first character's code ("e" entity, "w" word, …). */
  private wordKind = new Uint8Array(0);
  /** Claims per unit label id. */
  private unitCount: number[] = [];
  private total = 0;

  // ---- groups
  private dirty: number[] = [];
  private dirtyCount = 0;
  private groupOfNode = new Map<number, FigureGroup>();
  private membersOf = new Map<FigureGroup, number[]>();
  private groups = new Map<string, FigureGroup>();
  private sorted: FigureGroup[] | undefined;

  addDocument(doc: DocRef, claims: readonly Claim[], digests: readonly ClaimDigest[]): void {
    let first = -1, last = -1;
    const strings: string[] = [];
    let at = 0;
    for (const cd of digests) {
      const claim = claims[cd.i];
      // A claim whose clause names no one and nowhere cannot be matched to another article's.
      if (!claim || !cd.unit || !cd.feats.some((x) => x[0] === 'e')) continue;
      const id = this.free.length ? this.free.pop()! : this.count++;
      if (this.count > this.cap) this.grow(this.count);
      const unit = this.labels.id(cd.unit);
      const fLen = cd.feats.length, sLen = cd.subj?.length ?? 0;
      const off = this.reserve(fLen + sLen);
      for (let k = 0; k < fLen; k++) {
        const x = this.intern(unit, cd.feats[k]);
        this.pool[off + k] = x;
      }
      for (let k = 0; k < sLen; k++) this.pool[off + fLen + k] = this.wordId(cd.subj![k]);
      sortRange(this.pool, off, off + fLen);
      sortRange(this.pool, off + fLen, off + fLen + sLen);
      const b = id * INTS, ints = this.ints;
      ints[b + CLAIM] = cd.i;
      ints[b + UNIT] = unit;
      ints[b + NEXT] = -1;
      ints[b + FOFF] = off;
      ints[b + FLEN] = fLen;
      ints[b + SLEN] = sLen;
      ints[b + START] = claim.start;
      ints[b + END] = claim.end;
      ints[b + KIND] = this.labels.id(claim.kind);
      ints[b + CUNIT] = claim.unit === undefined ? -1 : this.labels.id(claim.unit);
      ints[b + APPROX] = claim.approx === undefined ? -1 : this.labels.id(claim.approx);
      ints[b + TOFF] = at;
      ints[b + TLEN] = claim.text.length;
      strings.push(claim.text);
      at += claim.text.length;
      if (claim.subject === undefined) ints[b + CSLEN] = -1;
      else {
        ints[b + CSLEN] = claim.subject.length;
        strings.push(claim.subject);
        at += claim.subject.length;
      }
      if (cd.subject === claim.subject) ints[b + DSLEN] = -1;
      else {
        ints[b + DSLEN] = cd.subject.length;
        strings.push(cd.subject);
        at += cd.subject.length;
      }
      const nb = id * NUMS;
      this.nums[nb + VALUE] = cd.value;
      this.nums[nb + LO] = cd.lo;
      this.nums[nb + HI] = cd.hi ?? Infinity;
      let flags = ALIVE | (cd.expected ? EXPECTED : 0) | (claim.expected === true ? CLAIM_EXPECTED : claim.expected === false ? CLAIM_NOT_EXPECTED : 0);
      if (!Object.is(claim.value, cd.value)) {
        flags |= OTHER_VALUE;
        this.otherValues.set(id, claim.value);
      }
      this.flags[id] = flags;
      this.docOf[id] = doc;
      this.adj[id] = undefined;
      if (last < 0) first = id;
      else this.ints[last * INTS + NEXT] = id;
      last = id;
      this.markDirty(id);
      this.unitCount[unit] = (this.unitCount[unit] ?? 0) + 1;
      this.total++;
      for (let k = off; k < off + fLen; k++) this.fdf[this.pool[k]]++;
      // Candidates: claims of other articles with the same unit sharing an entity.
      const stamp = ++this.stamp;
      for (let k = off; k < off + fLen; k++) {
        const x = this.pool[k];
        // (The posting does not hold this claim yet: its size is the count less one.)
        if (this.fkind[x] !== 0 || this.fdf[x] - 1 > MAX_POSTING) continue;
        for (let e = this.fHead[x]; e >= 0; e = this.pNext[e]) {
          const other = this.pNode[e];
          if (this.seenAt[other] === stamp) continue;
          this.seenAt[other] = stamp;
          if (this.docOf[other]!.id === doc.id) continue;
          const s = this.linkOf(id, other);
          if (s) {
            this.addLink(id, other, s);
            this.addLink(other, id, s);
            this.markDirty(other);
          }
        }
      }
      for (let k = off; k < off + fLen; k++) if (this.fkind[this.pool[k]] === 0) this.post(this.pool[k], id);
    }
    if (first < 0) return;
    // One flat string for the article's claims (join makes it flat: slices of it stay cheap).
    const text = strings.join('');
    for (let id = first; id >= 0; id = this.ints[id * INTS + NEXT]) this.textOf[id] = text;
    this.docFirst[doc.id] = first;
  }

  removeDocument(docId: number): void {
    const first = this.docFirst[docId];
    if (first === undefined || first < 0) return;
    this.docFirst[docId] = -1;
    const ids: number[] = [];
    for (let id = first; id >= 0; id = this.ints[id * INTS + NEXT]) ids.push(id);
    for (const id of ids) {
      const links = this.adj[id];
      if (links) {
        for (let k = 0; k < links.length; k += 2) {
          this.dropLink(links[k], id);
          this.markDirty(links[k]);
        }
      }
      const b = id * INTS;
      const off = this.ints[b + FOFF], end = off + this.ints[b + FLEN];
      for (let k = off; k < end; k++) {
        const x = this.pool[k];
        if (this.fkind[x] === 0) this.unpost(x, id);
        this.fdf[x]--;
      }
      const unit = this.ints[b + UNIT];
      this.unitCount[unit] = (this.unitCount[unit] ?? 1) - 1;
      this.total--;
      const g = this.groupOfNode.get(id);
      if (g) this.dropGroup(g, Into.Dirty);
    }
    for (const id of ids) {
      if (this.flags[id] & DIRTY) this.dirtyCount--;
      this.flags[id] = 0;
      this.docOf[id] = undefined;
      this.textOf[id] = undefined;
      this.adj[id] = undefined;
      this.otherValues.delete(id);
      this.poolDead += this.ints[id * INTS + FLEN] + this.ints[id * INTS + SLEN];
      this.free.push(id);
    }
    if (this.poolDead > 4096 && this.poolDead * 2 > this.poolLen) this.compactPool();
  }

  /** The group of the claim of an article that spans `offset`. */
  groupAt(docId: number, offset: number): FigureGroup | undefined {
    for (let id = this.docFirst[docId] ?? -1; id >= 0; id = this.ints[id * INTS + NEXT]) {
      if (this.ints[id * INTS + START] <= offset && offset < this.ints[id * INTS + END]) return this.groupOfNode.get(id);
    }
    return undefined;
  }

  groupOf(docId: number, claimIndex: number): FigureGroup | undefined {
    for (let id = this.docFirst[docId] ?? -1; id >= 0; id = this.ints[id * INTS + NEXT]) {
      if (this.ints[id * INTS + CLAIM] === claimIndex) return this.groupOfNode.get(id);
    }
    return undefined;
  }

  /** Conflicts first, then the most widely reported. Kept sorted across refreshes. */
  list(): FigureGroup[] {
    if (!this.sorted) this.sorted = [...this.groups.values()].sort(compareGroups);
    return this.sorted;
  }

  private todo: number[] = [];

  refresh(): boolean {
    if (!this.dirtyCount) return false;
    // The components that hold a changed claim, and the groups they held before.
    const todo = (this.todo = []);
    for (const id of this.dirty) {
      if (!(this.flags[id] & ALIVE)) continue;
      const g = this.groupOfNode.get(id);
      if (g) this.dropGroup(g, Into.Todo);
      this.addTodo(id);
    }
    const done = ++this.stamp;
    const comp: number[] = [];
    const queue: number[] = [];
    for (let t = 0; t < todo.length; t++) {
      const start = todo[t];
      if (this.seenAt[start] === done || !(this.flags[start] & ALIVE)) continue;
      // Breadth-first over links: one component.
      comp.length = 0;
      queue.push(start);
      this.seenAt[start] = done;
      while (queue.length) {
        const id = queue.pop()!;
        comp.push(id);
        const g = this.groupOfNode.get(id);
        if (g) this.dropGroup(g, Into.Todo);
        const links = this.adj[id];
        if (!links) continue;
        for (let k = 0; k < links.length; k += 2) {
          const other = links[k];
          if (this.seenAt[other] !== done && this.flags[other] & ALIVE) {
            this.seenAt[other] = done;
            queue.push(other);
          }
        }
      }
      if (comp.length > 1) this.groupComponent(comp);
    }
    for (const id of todo) this.flags[id] &= ~TODO;
    for (const id of this.dirty) this.flags[id] &= ~DIRTY;
    this.todo = [];
    this.dirty = [];
    this.dirtyCount = 0;
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

  // ---- storage

  private grow(need: number): void {
    const cap = Math.max(need, this.cap + (this.cap >> 1), 256);
    this.ints = grownInt32(this.ints, cap * INTS);
    this.nums = grownFloat64(this.nums, cap * NUMS);
    this.flags = grownUint8(this.flags, cap);
    this.seenAt = grownInt32(this.seenAt, cap);
    this.local = grownInt32(this.local, cap);
    this.cap = cap;
  }

  /** Room for `n` feature ids at the end of the pool. */
  private reserve(n: number): number {
    this.pool = grownInt32(this.pool, this.poolLen + n);
    const off = this.poolLen;
    this.poolLen += n;
    return off;
  }

  /** The pool without the removed claims' slices. */
  private compactPool(): void {
    const old = this.pool;
    const live = this.poolLen - this.poolDead;
    const pool = new Int32Array(Math.max(1024, live + (live >> 2)));
    let at = 0;
    for (let id = 0; id < this.count; id++) {
      if (!(this.flags[id] & ALIVE)) continue;
      const b = id * INTS;
      const off = this.ints[b + FOFF], n = this.ints[b + FLEN] + this.ints[b + SLEN];
      for (let k = 0; k < n; k++) pool[at + k] = old[off + k];
      this.ints[b + FOFF] = at;
      at += n;
    }
    this.pool = pool;
    this.poolLen = at;
    this.poolDead = 0;
  }

  private markDirty(id: number): void {
    const f = this.flags[id];
    if (f & DIRTY || !(f & ALIVE)) return;
    this.flags[id] = f | DIRTY;
    this.dirty.push(id);
    this.dirtyCount++;
  }

  private addTodo(id: number): void {
    const f = this.flags[id];
    if (f & TODO) return;
    this.flags[id] = f | TODO;
    this.todo.push(id);
  }

  /** A link in `id`'s list: small lists are copied at their size (a push leaves room for 16 more). */
  private addLink(id: number, other: number, score: number): void {
    const links = this.adj[id];
    if (!links) this.adj[id] = [other, score];
    else if (links.length < 32) this.adj[id] = links.concat(other, score);
    else links.push(other, score);
  }

  private dropLink(id: number, other: number): void {
    const links = this.adj[id];
    if (!links) return;
    for (let k = 0; k < links.length; k += 2) {
      if (links[k] !== other) continue;
      if (links.length === 2) this.adj[id] = undefined;
      else links.splice(k, 2);
      return;
    }
  }

  private post(x: number, id: number): void {
    let e = this.pFree;
    if (e >= 0) this.pFree = this.pNext[e];
    else {
      e = this.pLen++;
      this.pNode = grownInt32(this.pNode, this.pLen);
      this.pNext = grownInt32(this.pNext, this.pLen);
    }
    this.pNode[e] = id;
    this.pNext[e] = -1;
    if (this.fTail[x] >= 0) this.pNext[this.fTail[x]] = e;
    else this.fHead[x] = e;
    this.fTail[x] = e;
  }

  private unpost(x: number, id: number): void {
    for (let e = this.fHead[x], prev = -1; e >= 0; prev = e, e = this.pNext[e]) {
      if (this.pNode[e] !== id) continue;
      const next = this.pNext[e];
      if (prev >= 0) this.pNext[prev] = next;
      else this.fHead[x] = next;
      if (this.fTail[x] === e) this.fTail[x] = prev;
      this.pNext[e] = this.pFree;
      this.pFree = e;
      return;
    }
  }

  private wordId(s: string): number {
    const id = this.words.id(s);
    if (id >= this.wordKind.length) this.wordKind = grownUint8(this.wordKind, id + 1);
    this.wordKind[id] = s.charCodeAt(0);
    return id;
  }

  /** Entities are counted per unit (a name common among dollar figures may be rare among troop counts); words across all. */
  private intern(unit: number, feat: string): number {
    const entity = feat[0] === 'e';
    const n = this.features.size;
    const id = this.features.id(entity ? unit : -1, this.wordId(feat));
    if (id === n) {
      this.fkind = grownUint8(this.fkind, id + 1);
      this.fdf = grownInt32(this.fdf, id + 1);
      this.fHead = grownInt32(this.fHead, id + 1);
      this.fTail = grownInt32(this.fTail, id + 1);
      this.fkind[id] = entity ? 0 : feat[0] === 'v' ? 1 : 2;
      this.fdf[id] = 0;
      this.fHead[id] = -1;
      this.fTail[id] = -1;
    }
    return id;
  }

  /** The feature as a key: "troop|e:country:north korea", "w:export". */
  private featureKey(x: number): string {
    const word = this.words.str(this.features.second(x));
    return this.fkind[x] === 0 ? [this.labels.str(this.features.first(x)), '|', word].join('') : word;
  }

  /** The claim as the analysis gave it. */
  private claimOf(id: number): Claim {
    const b = id * INTS, ints = this.ints, text = this.textOf[id]!;
    const t = ints[b + TOFF], tl = ints[b + TLEN], csl = ints[b + CSLEN], flags = this.flags[id];
    const claim: Claim = {
      text: text.slice(t, t + tl),
      start: ints[b + START],
      end: ints[b + END],
      kind: this.labels.str(ints[b + KIND]) as ClaimKind,
      value: flags & OTHER_VALUE ? this.otherValues.get(id)! : this.nums[id * NUMS + VALUE],
    };
    if (ints[b + CUNIT] >= 0) claim.unit = this.labels.str(ints[b + CUNIT]);
    if (ints[b + APPROX] >= 0) claim.approx = this.labels.str(ints[b + APPROX]);
    if (csl >= 0) claim.subject = text.slice(t + tl, t + tl + csl);
    if (flags & CLAIM_EXPECTED) claim.expected = true;
    else if (flags & CLAIM_NOT_EXPECTED) claim.expected = false;
    return claim;
  }

  /** The digest's few words for the subject. */
  private subjectOf(id: number): string {
    const b = id * INTS, text = this.textOf[id]!;
    const t = this.ints[b + TOFF] + this.ints[b + TLEN], csl = this.ints[b + CSLEN], dsl = this.ints[b + DSLEN];
    if (dsl < 0) return csl < 0 ? '' : text.slice(t, t + csl);
    const s = t + Math.max(0, csl);
    return text.slice(s, s + dsl);
  }

  private overlaps(a: number, b: number): boolean {
    // (rangesOverlap, on the columns.)
    const na = a * NUMS, nb = b * NUMS, nums = this.nums;
    return nums[na + LO] <= nums[nb + HI] * (1 + 1e-9) && nums[nb + LO] <= nums[na + HI] * (1 + 1e-9);
  }

  // ---- grouping

  private dropGroup(g: FigureGroup, into: Into): void {
    for (const id of this.membersOf.get(g) ?? []) {
      if (this.groupOfNode.get(id) === g) this.groupOfNode.delete(id);
      if (into === Into.Dirty) this.markDirty(id);
      else if (into === Into.Todo) this.addTodo(id);
    }
    this.membersOf.delete(g);
    if (this.groups.get(g.id) === g) this.groups.delete(g.id);
  }

  /** Greedy constrained clustering of one linked component. */
  private groupComponent(ids: readonly number[]): void {
    const n = ids.length;
    for (let k = 0; k < n; k++) this.local[ids[k]] = k;
    // Clusters as circular lists of places in `ids`, each place knowing its cluster's root.
    const root = new Int32Array(n), next = new Int32Array(n), size = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      root[k] = k;
      next[k] = k;
      size[k] = 1;
    }
    const ea: number[] = [], eb: number[] = [], es: number[] = [];
    for (const a of ids) {
      const links = this.adj[a];
      if (!links) continue;
      for (let k = 0; k < links.length; k += 2) {
        if (a < links[k]) {
          ea.push(a);
          eb.push(links[k]);
          es.push(links[k + 1]);
        }
      }
    }
    // Agreements first (they make the figures), then conflicts; strongest first; ties by id for determinism.
    const order = ea.map((_a, e) => e);
    order.sort((x, y) => Number(es[y] > 0) - Number(es[x] > 0) || Math.abs(es[y]) - Math.abs(es[x]) || ea[x] - ea[y] || eb[x] - eb[y]);
    for (const e of order) {
      const ca = root[this.local[ea[e]]], cb = root[this.local[eb[e]]];
      if (ca === cb || !this.compatible(ids, next, size, ca, cb)) continue;
      const big = size[ca] >= size[cb] ? ca : cb, small = big === ca ? cb : ca;
      let k = small;
      do {
        root[k] = big;
        k = next[k];
      } while (k !== small);
      const t = next[big];
      next[big] = next[small];
      next[small] = t;
      size[big] += size[small];
    }
    for (let k = 0; k < n; k++) {
      const r = root[k];
      if (!size[r]) continue;
      const members: number[] = [];
      let q = r;
      do {
        members.push(ids[q]);
        q = next[q];
      } while (q !== r);
      size[r] = 0;
      members.sort((x, y) => x - y);
      const doc = this.docOf[members[0]]!.id;
      if (!members.some((id) => this.docOf[id]!.id !== doc)) continue;
      const g = this.build(members);
      this.groups.set(g.id, g);
      this.membersOf.set(g, members);
      for (const id of members) this.groupOfNode.set(id, g);
    }
  }

  /** No article may give two different figures (of the same standing) for one group. */
  private compatible(ids: readonly number[], next: Int32Array, size: Int32Array, a: number, b: number): boolean {
    if (size[a] * size[b] <= 4096) {
      let p = a;
      do {
        const m = ids[p], doc = this.docOf[m]!.id;
        let q = b;
        do {
          const n = ids[q];
          if (this.docOf[n]!.id === doc && !this.overlaps(m, n)) return false;
          q = next[q];
        } while (q !== b);
        p = next[p];
      } while (p !== a);
      return true;
    }
    // Large clusters: by article.
    const byDoc = new Map<number, number[]>();
    let p = a;
    do {
      const m = ids[p], doc = this.docOf[m]!.id;
      let l = byDoc.get(doc);
      if (!l) byDoc.set(doc, (l = []));
      l.push(m);
      p = next[p];
    } while (p !== a);
    let q = b;
    do {
      const n = ids[q];
      for (const m of byDoc.get(this.docOf[n]!.id) ?? []) if (!this.overlaps(m, n)) return false;
      q = next[q];
    } while (q !== b);
    return true;
  }

  /** A subject from what most of the claims' clauses share: a name and a word or two ("Ecuador export halt"). */
  private sharedSubject(nodes: readonly number[]): string | undefined {
    const counts = new Map<number, number>();
    for (const id of nodes) {
      const off = this.ints[id * INTS + FOFF], end = off + this.ints[id * INTS + FLEN];
      for (let k = off; k < end; k++) counts.set(this.pool[k], (counts.get(this.pool[k]) ?? 0) + 1);
    }
    const common = [...counts].filter(([, c]) => c >= Math.max(2, nodes.length * 0.6)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const text = (x: number) => {
      const k = this.featureKey(x);
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
   * and the same verb. The link's score (> 0), negative when the figures differ; 0 for no link.
   */
  private linkOf(a: number, b: number): number {
    const ints = this.ints, ba = a * INTS, bb = b * INTS;
    const unit = ints[ba + UNIT];
    if (unit !== ints[bb + UNIT]) return 0;
    // Figures are compared within a story: the two articles must share more than a country.
    // (First, as most candidates fail here and the answer is kept per pair of articles.)
    const story = this.related(this.docOf[a]!, this.docOf[b]!);
    if (story < 0.2) return 0;
    const n = this.unitCount[unit] ?? 1;
    let shared = 0, union = 0, sharedE = 0, sharedV = 0, sharedW = 0;
    const pool = this.pool;
    let i = ints[ba + FOFF], j = ints[bb + FOFF];
    const ie = i + ints[ba + FLEN], je = j + ints[bb + FLEN];
    while (i < ie || j < je) {
      if (j >= je || (i < ie && pool[i] < pool[j])) {
        union += this.weight(pool[i++], n);
      } else if (i >= ie || pool[j] < pool[i]) {
        union += this.weight(pool[j++], n);
      } else {
        const x = pool[i];
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
    if (!sharedE || !union) return 0;
    const context = shared / union;
    // The subjects as stated ("North Korean soldiers" / "North Korean troops"): names must agree.
    const subject = this.subjectSimilarity(a, b);
    const subjectWords = this.subjectWords;
    const score = Math.max(context, subject * 0.8);
    const overlap = this.overlaps(a, b);
    const sameStanding = !(this.flags[a] & EXPECTED) === !(this.flags[b] & EXPECTED);
    if (!sameStanding && score < 0.45) return 0;
    let ok: boolean;
    if (overlap) ok = (context >= 0.25 && (sharedV > 0 || sharedW > 0)) || (subject >= 0.6 && context >= 0.1);
    // Different figures: only for a closely matching subject with the same verb, and a subject
    // that says what is counted (not only who and the unit, "Ecuador dlrs"), or a close clause.
    else ok = context >= 0.3 && subject >= 0.5 && sharedV > 0 && sharedW > 0 && (subjectWords > 0 || context >= 0.45);
    if (!ok || (!overlap && story < 0.25)) return 0;
    return overlap ? score : -score;
  }

  /** Set by `subjectSimilarity`: how many words the two subjects share. */
  private subjectWords = 0;

  /**
   * Jaccard of two subjects' features, 0 unless both name someone or somewhere and share it; and
   * (in `subjectWords`) how many words (not names, not the unit) they share — "Ecuador dlrs" alone says little.
   */
  private subjectSimilarity(a: number, b: number): number {
    this.subjectWords = 0;
    const ints = this.ints, pool = this.pool, kind = this.wordKind;
    const la = ints[a * INTS + SLEN], lb = ints[b * INTS + SLEN];
    if (!la || !lb) return 0;
    const sa = ints[a * INTS + FOFF] + ints[a * INTS + FLEN], sb = ints[b * INTS + FOFF] + ints[b * INTS + FLEN];
    const E = 101, W = 119; // "e", "w"
    let ea = false, eb = false;
    for (let k = sa; k < sa + la; k++) if (kind[pool[k]] === E) ea = true;
    for (let k = sb; k < sb + lb; k++) if (kind[pool[k]] === E) eb = true;
    if (!ea || !eb) return 0;
    let shared = 0, sharedE = 0, words = 0;
    for (let i = sa, j = sb; i < sa + la && j < sb + lb; ) {
      if (pool[i] < pool[j]) i++;
      else if (pool[i] > pool[j]) j++;
      else {
        shared++;
        if (kind[pool[i]] === E) sharedE++;
        if (kind[pool[i]] === W) words++;
        i++;
        j++;
      }
    }
    if (!sharedE) return 0;
    this.subjectWords = words;
    return shared / (la + lb - shared);
  }

  private build(members: number[]): FigureGroup {
    const doc = (id: number) => this.docOf[id]!;
    const nodes = members.slice().sort((x, y) => doc(x).order - doc(y).order || doc(x).path.localeCompare(doc(y).path) || this.ints[x * INTS + CLAIM] - this.ints[y * INTS + CLAIM]);
    const claimOf = new Map(nodes.map((id) => [id, this.claimOf(id)]));
    const value = (id: number) => this.nums[id * NUMS + VALUE];
    const expectedOf = (id: number) => !!(this.flags[id] & EXPECTED);
    // Figures: one per value (and standing: stated vs expected).
    const figs = new Map<string, { nodes: number[] }>();
    for (const id of nodes) {
      const k = `${value(id)}|${expectedOf(id) ? 1 : 0}`;
      let f = figs.get(k);
      if (!f) figs.set(k, (f = { nodes: [] }));
      f.nodes.push(id);
    }
    const figures: (Figure & { expected?: boolean })[] = [];
    const figRanges: { range: Range; expected: boolean }[] = [];
    const lo = (id: number) => this.nums[id * NUMS + LO], hi = (id: number) => this.nums[id * NUMS + HI];
    for (const { nodes: fn } of figs.values()) {
      const docs: string[] = [];
      for (const id of fn) if (!docs.includes(doc(id).path)) docs.push(doc(id).path);
      const approx = mostCommon(fn.map((id) => claimOf.get(id)!.approx).filter((a): a is string => !!a));
      const claims: ClaimRef[] = fn.map((id) => ({ document: doc(id).path, index: this.ints[id * INTS + CLAIM], claim: claimOf.get(id)! }));
      const expected = expectedOf(fn[0]);
      figures.push({ value: claimOf.get(fn[0])!.value, ...(approx ? { approx } : {}), documents: docs, claims, ...(expected ? { expected } : {}) });
      // The figure's range: what all its claims allow together.
      let l = -Infinity, h = Infinity;
      for (const id of fn) {
        l = Math.max(l, lo(id));
        h = Math.min(h, hi(id));
      }
      if (l > h) [l, h] = [Math.min(...fn.map(lo)), Math.max(...fn.map(hi))];
      figRanges.push({ range: { lo: l, hi: h }, expected });
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
    const normal = [...figs.values()].map((f) => value(f.nodes[0]));
    const order = figures.map((_f, i) => i).sort((x, y) => figures[y].documents.length - figures[x].documents.length || normal[x] - normal[y]);
    // The subject as the claims state it, unless that is only the figure again ("at least four months").
    const stated = nodes.map((id) => claimOf.get(id)!.subject?.replace(/\s+/g, ' ').trim()).filter((s): s is string => !!s && !/\d|^(?:at least|about|around|nearly|more than|up to)\b/i.test(s));
    const subject = mostCommon(stated) ?? this.sharedSubject(nodes) ?? mostCommon(nodes.map((id) => this.subjectOf(id).replace(/\s+/g, ' ').trim())) ?? '';
    const unit = mostCommon(nodes.map((id) => claimOf.get(id)!.unit).filter((u): u is string => !!u));
    const first = nodes[0];
    return {
      id: 'fig:' + shortHash(`${doc(first).path}#${this.ints[first * INTS + CLAIM]}#${claimOf.get(first)!.start}`),
      subject,
      ...(unit ? { unit } : {}),
      figures: order.map((i) => figures[i]),
      agreement,
    };
  }
}

/** Sorts a[from..to) ascending (a claim's dozen or so ids: insertion sort, no garbage). */
function sortRange(a: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
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
