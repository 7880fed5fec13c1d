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
import { grownFloat64, grownInt32, grownUint8, PairIds, StringIds } from './denseIds';
import { Growth } from './growth';

const KIND_WEIGHT = [3, 2, 1];
/** Features shared by more claims than this are too common to find candidates by. */
const MAX_POSTING = 150;
// (Made once: a regular expression literal is a new object each time it is evaluated.)
const SPACES = /\s+/g;
/** A stated subject that is only the figure again ("at least four months"). */
const ONLY_FIGURE = /\d|^(?:at least|about|around|nearly|more than|up to)\b/i;

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
  constructor(
    private readonly related: Relatedness = () => 1,
    private readonly growth = new Growth(),
  ) {}

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
    // (Index loops: in code that runs once, for…of makes an iterator result a step.)
    const todo = (this.todo = []);
    const dirty = this.dirty;
    for (let d = 0; d < dirty.length; d++) {
      const id = dirty[d];
      if (!(this.flags[id] & ALIVE)) continue;
      const g = this.groupOfNode.get(id);
      if (g) this.dropGroup(g, Into.Todo);
      this.addTodo(id);
    }
    const done = ++this.stamp;
    // (Filled up to `n` and `top`, never emptied: emptying an array lets its storage go, and
    // the next push makes room for 17.)
    const comp: number[] = [];
    const stack: number[] = [];
    for (let t = 0; t < todo.length; t++) {
      const start = todo[t];
      if (this.seenAt[start] === done || !(this.flags[start] & ALIVE)) continue;
      this.seenAt[start] = done;
      if (!this.adj[start]) {
        // Unlinked: a component of one, in no group.
        const g = this.groupOfNode.get(start);
        if (g) this.dropGroup(g, Into.Todo);
        continue;
      }
      // Depth-first over links: one component.
      let n = 0, top = 0;
      stack[top++] = start;
      while (top) {
        const id = stack[--top];
        comp[n++] = id;
        const g = this.groupOfNode.get(id);
        if (g) this.dropGroup(g, Into.Todo);
        const links = this.adj[id];
        if (!links) continue;
        for (let k = 0; k < links.length; k += 2) {
          const other = links[k];
          if (this.seenAt[other] !== done && this.flags[other] & ALIVE) {
            this.seenAt[other] = done;
            stack[top++] = other;
          }
        }
      }
      if (n > 1) this.groupComponent(comp, n);
    }
    for (let t = 0; t < todo.length; t++) this.flags[todo[t]] &= ~TODO;
    for (let d = 0; d < dirty.length; d++) this.flags[dirty[d]] &= ~DIRTY;
    this.todo = [];
    this.dirty = [];
    this.dirtyCount = 0;
    this.scratch.strings.length = 0;
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
    const cap = this.growth.capacity(this.cap, need, 1.5, 256);
    this.ints = grownInt32(this.ints, cap * INTS);
    this.nums = grownFloat64(this.nums, cap * NUMS);
    this.flags = grownUint8(this.flags, cap);
    this.seenAt = grownInt32(this.seenAt, cap);
    this.local = grownInt32(this.local, cap);
    this.cap = cap;
  }

  /** Room for `n` feature ids at the end of the pool. */
  private reserve(n: number): number {
    const need = this.poolLen + n;
    if (need > this.pool.length) this.pool = grownInt32(this.pool, need, this.growth.capacity(this.pool.length, need));
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
      if (this.pLen > this.pNode.length) {
        const cap = this.growth.capacity(this.pNode.length, this.pLen);
        this.pNode = grownInt32(this.pNode, this.pLen, cap);
        this.pNext = grownInt32(this.pNext, this.pLen, cap);
      }
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
    const members = this.membersOf.get(g) ?? [];
    for (let k = 0; k < members.length; k++) {
      const id = members[k];
      if (this.groupOfNode.get(id) === g) this.groupOfNode.delete(id);
      if (into === Into.Dirty) this.markDirty(id);
      else if (into === Into.Todo) this.addTodo(id);
    }
    this.membersOf.delete(g);
    if (this.groups.get(g.id) === g) this.groups.delete(g.id);
  }

  private clusterRoot = new Int32Array(0);
  private clusterNext = new Int32Array(0);
  private clusterSize = new Int32Array(0);

  /** Greedy constrained clustering of one linked component. */
  private groupComponent(ids: readonly number[], n: number): void {
    for (let k = 0; k < n; k++) this.local[ids[k]] = k;
    // Clusters as circular lists of places in `ids`, each place knowing its cluster's root (in
    // scratch arrays kept for the next component: a small typed array costs more than its data).
    if (this.clusterRoot.length < n) {
      const m = Math.max(n, this.clusterRoot.length * 2, 64);
      this.clusterRoot = new Int32Array(m);
      this.clusterNext = new Int32Array(m);
      this.clusterSize = new Int32Array(m);
    }
    const root = this.clusterRoot, next = this.clusterNext, size = this.clusterSize;
    for (let k = 0; k < n; k++) {
      root[k] = k;
      next[k] = k;
      size[k] = 1;
    }
    // The links, each once: [a, b, score] at 3e, in arrays made at their size.
    let m = 0;
    for (let k0 = 0; k0 < n; k0++) {
      const a = ids[k0], links = this.adj[a];
      if (links) for (let k = 0; k < links.length; k += 2) if (a < links[k]) m++;
    }
    const ed = new Array<number>(3 * m), order = new Array<number>(m);
    m = 0;
    for (let k0 = 0; k0 < n; k0++) {
      const a = ids[k0], links = this.adj[a];
      if (!links) continue;
      for (let k = 0; k < links.length; k += 2) {
        if (a < links[k]) {
          ed[3 * m] = a;
          ed[3 * m + 1] = links[k];
          ed[3 * m + 2] = links[k + 1];
          order[m] = 3 * m;
          m++;
        }
      }
    }
    // Agreements first (they make the figures), then conflicts; strongest first; ties by id for determinism.
    sortSmall(order, (x, y) => Number(ed[y + 2] > 0) - Number(ed[x + 2] > 0) || Math.abs(ed[y + 2]) - Math.abs(ed[x + 2]) || ed[x] - ed[y] || ed[x + 1] - ed[y + 1]);
    for (let o = 0; o < order.length; o++) {
      const e = order[o];
      const ca = root[this.local[ed[e]]], cb = root[this.local[ed[e + 1]]];
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
      // (Kept by the group: made at its size.)
      const members = new Array<number>(size[r]);
      let q = r;
      for (let j = 0; j < members.length; j++) {
        members[j] = ids[q];
        q = next[q];
      }
      size[r] = 0;
      sortSmall(members, (x, y) => x - y);
      const doc = this.docOf[members[0]]!.id;
      if (!members.some((id) => this.docOf[id]!.id !== doc)) continue;
      const g = this.build(members);
      this.groups.set(g.id, g);
      this.membersOf.set(g, members);
      for (let m = 0; m < members.length; m++) this.groupOfNode.set(members[m], g);
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

  /** Claims in article order (the index's order, then path), then claim order. */
  private readonly byArticle = (x: number, y: number): number => {
    const dx = this.docOf[x]!, dy = this.docOf[y]!;
    return dx.order - dy.order || dx.path.localeCompare(dy.path) || this.ints[x * INTS + CLAIM] - this.ints[y * INTS + CLAIM];
  };

  /**
   * Scratch for `build`, used again group after group (a fresh array that is pushed to makes room
   * for 17): per place in the group, its figure; per figure, its first place, range and normal
   * value; strings to count. Only ever written up to the lengths in use.
   */
  private scratch = { figOf: [] as number[], first: [] as number[], lo: [] as number[], hi: [] as number[], normal: [] as number[], strings: [] as string[] };

  private build(members: number[]): FigureGroup {
    const nodes = sortSmall(members.slice(), this.byArticle);
    const n = nodes.length, nums = this.nums, flags = this.flags;
    const { figOf, first, lo: figLo, hi: figHi, normal, strings } = this.scratch;
    const claims = new Array<Claim>(n);
    for (let k = 0; k < n; k++) claims[k] = this.claimOf(nodes[k]);
    // Figures: one per value (and standing: stated vs expected). (A group has a few: found by
    // looking, values equal as their strings would be.)
    let nf = 0;
    for (let k = 0; k < n; k++) {
      const id = nodes[k], v = nums[id * NUMS + VALUE], e = flags[id] & EXPECTED;
      let f = 0;
      for (; f < nf; f++) {
        const o = nodes[first[f]], w = nums[o * NUMS + VALUE];
        if ((v === w || (v !== v && w !== w)) && (flags[o] & EXPECTED) === e) break;
      }
      if (f === nf) first[nf++] = k;
      figOf[k] = f;
    }
    const figures = new Array<Figure>(nf);
    for (let f = 0; f < nf; f++) {
      // Its articles and hedges; the range all its claims allow together. (Arrays the group keeps
      // are made at their size.)
      let nd = 0, size = 0;
      let lo = -Infinity, hi = Infinity;
      for (let k = first[f]; k < n; k++) {
        if (figOf[k] !== f) continue;
        size++;
        const id = nodes[k], path = this.docOf[id]!.path;
        let seen = false;
        for (let d = 0; d < nd && !seen; d++) seen = strings[d] === path;
        if (!seen) strings[nd++] = path;
        lo = Math.max(lo, nums[id * NUMS + LO]);
        hi = Math.min(hi, nums[id * NUMS + HI]);
      }
      const docs = strings.slice(0, nd);
      if (lo > hi) {
        lo = Infinity;
        hi = -Infinity;
        for (let k = first[f]; k < n; k++) {
          if (figOf[k] !== f) continue;
          lo = Math.min(lo, nums[nodes[k] * NUMS + LO]);
          hi = Math.max(hi, nums[nodes[k] * NUMS + HI]);
        }
      }
      const refs = new Array<ClaimRef>(size);
      let na = 0;
      for (let k = first[f], r = 0; k < n; k++) {
        if (figOf[k] !== f) continue;
        refs[r++] = { document: this.docOf[nodes[k]]!.path, index: this.ints[nodes[k] * INTS + CLAIM], claim: claims[k] };
        const a = claims[k].approx;
        if (a) strings[na++] = a;
      }
      const approx = mostCommon(strings, na);
      const at = first[f];
      // (Plain literals in the key order of before: a spread makes a slower, larger object.)
      const figure: Figure = approx ? { value: claims[at].value, approx, documents: docs, claims: refs } : { value: claims[at].value, documents: docs, claims: refs };
      if (flags[nodes[at]] & EXPECTED) figure.expected = true;
      figures[f] = figure;
      figLo[f] = lo;
      figHi[f] = hi;
      normal[f] = nums[nodes[at] * NUMS + VALUE];
    }
    let agreement: Agreement = 'agree';
    for (let i = 0; i < nf; i++) {
      for (let j = i + 1; j < nf; j++) {
        // (rangesOverlap.)
        if (figLo[i] <= figHi[j] * (1 + 1e-9) && figLo[j] <= figHi[i] * (1 + 1e-9)) continue;
        if (!figures[i].expected === !figures[j].expected) agreement = 'conflict';
        else if (agreement === 'agree') agreement = 'distinct';
      }
    }
    // Most reported first.
    const order = new Array<number>(nf);
    for (let f = 0; f < nf; f++) order[f] = f;
    sortSmall(order, (x, y) => figures[y].documents.length - figures[x].documents.length || normal[x] - normal[y]);
    const ordered = new Array<Figure>(nf);
    for (let f = 0; f < nf; f++) ordered[f] = figures[order[f]];
    // The subject as the claims state it, unless that is only the figure again ("at least four months").
    let ns = 0;
    for (let k = 0; k < n; k++) {
      const s = claims[k].subject?.replace(SPACES, ' ').trim();
      if (s && !ONLY_FIGURE.test(s)) strings[ns++] = s;
    }
    let subject = mostCommon(strings, ns) ?? this.sharedSubject(nodes);
    if (subject === undefined) {
      for (let k = 0; k < n; k++) strings[k] = this.subjectOf(nodes[k]).replace(SPACES, ' ').trim();
      subject = mostCommon(strings, n) ?? '';
    }
    let nu = 0;
    for (let k = 0; k < n; k++) if (claims[k].unit) strings[nu++] = claims[k].unit!;
    const unit = mostCommon(strings, nu);
    const id = 'fig:' + shortHash(`${this.docOf[nodes[0]]!.path}#${this.ints[nodes[0] * INTS + CLAIM]}#${claims[0].start}`);
    return unit ? { id, subject, unit, figures: ordered, agreement } : { id, subject, figures: ordered, agreement };
  }
}

/** Sorts `a` in place (stable, like Array.prototype.sort; a short array by insertion, which allocates nothing). */
function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 24) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && cmp(a[j], v) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
  return a;
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

/** The string given most often among xs[0..n) (the first to reach the top count). */
function mostCommon(xs: readonly string[], n: number): string | undefined {
  let best: string | undefined;
  let top = 0;
  if (n <= 16) {
    // (A few: count by looking back, no Map.)
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      let c = 0;
      for (let j = 0; j <= i; j++) if (xs[j] === x) c++;
      if (c > top) {
        best = x;
        top = c;
      }
    }
    return best;
  }
  const m = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const c = (m.get(x) ?? 0) + 1;
    m.set(x, c);
    if (c > top) {
      best = x;
      top = c;
    }
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
