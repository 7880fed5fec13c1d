// A copy of a corpus snapshot kept current in another thread. The thread that holds the live
// index (a worker with a bounded heap) sends after each change only what changed: each list as
// runs of the list the receiver already holds plus the items it lacks. Items are known by a key
// made from their content, so a receiver that starts from a stored snapshot (a reopened
// workspace) is sent only what differs from it, never the whole corpus a second time.
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, Topic } from './model';
import { EntityStore, packEntities, slotOf, type PackedEntities } from './entityStore';
import { entityTuple, FormNumbers, statedMerges, type EntityTuple, type MentionReader } from './state';

export interface ListDelta<T> {
  /** The new list: a number `s` followed by a count `n` is items s..s+n-1 of the previous list; a string is an item by key. */
  ops: (number | string)[];
  /** The items the receiver lacks, by key. */
  items: [string, T][];
}

export interface SnapshotDelta {
  /** Paths first seen, numbered on from `docBase` (a number is never given to another path). */
  docBase: number;
  newDocs: string[];
  /** The snapshot's documents, as numbers; absent when unchanged. */
  documents?: number[];
  /** Absent when unchanged. */
  entities?: ListDelta<EntityTuple>;
  claimGroups?: ListDelta<FigureGroup>;
  topics?: ListDelta<Topic>;
}

/** What a receiver holds, for a source starting to serve it: its lists as the numbers of their items' keys (`keyNumber`). */
export interface MirrorSeed {
  docs: string[];
  documents: number[];
  entities: Float64Array;
  claimGroups: Float64Array;
  topics: Float64Array;
}

type ListName = 'entities' | 'claimGroups' | 'topics';

/** 53 bits (cyrb53) of what `feed` hands to `mix`: collisions among a corpus's hundred thousand items are out of reach. */
function hash53(feed: (mix: (c: number) => void) => void, seed1 = 0xdeadbeef, seed2 = 0x41c6ce57): number {
  let h1 = seed1, h2 = seed2;
  feed((c) => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  });
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 53 bits of a string. */
export function contentHash(s: string): string {
  return keyNumber(s).toString(36);
}

/**
 * A key as a number (53 bits of it): what a seed holds. Strings of an id and two hashes took
 * 2.5 MB for Reuters' 38,267 entities, in the index thread at its fullest moment; these take 0.3.
 */
export function keyNumber(key: string): number {
  return hash53((mix) => {
    for (let i = 0; i < key.length; i++) mix(key.charCodeAt(i));
  });
}

/** An item's key: its id and a hash of its encoded form. */
export function itemKey(id: string, encoded: unknown): string {
  return id + '\u0001' + contentHash(JSON.stringify(encoded));
}

/**
 * An entity's key, its numbers hashed as numbers: an entity named in thousands of articles has
 * tens of thousands of them, and it is sent again after every edit of one of those articles.
 */
export function entityKey(t: EntityTuple): string {
  const numbers = hash53(
    (mix) => {
      for (const n of t[4]) mix(n);
      mix(-1);
      for (const n of t[5]) mix(n);
    },
    0x9e3779b9,
    0x85ebca6b,
  ).toString(36);
  return t[0] + '\u0001' + contentHash(JSON.stringify([t[1], t[2], t[3], t[6] ?? null, t[7] ?? null])) + numbers;
}

/**
 * `entityKey(entityTuple(e, docNumber, readMentions))`, its numbers hashed as they are read: a
 * source started against a restored mirror checks every entity against what the mirror holds,
 * at the fullest moment of the live index's thread, and the tuples put every mention of the
 * corpus in arrays (four numbers each) to find that nearly all of them are held already.
 */
export function entityKeyOf(e: CanonicalEntity, docNumber: (path: string) => number, readMentions: MentionReader): string {
  const forms = new FormNumbers(e);
  const numbers = hash53(
    (mix) => {
      for (const d of e.documents) mix(docNumber(d));
      mix(-1);
      readMentions(e, (document, start, end, text) => {
        mix(docNumber(document));
        mix(start);
        mix(end);
        mix(forms.of(text));
      });
    },
    0x9e3779b9,
    0x85ebca6b,
  ).toString(36);
  return e.id + '\u0001' + contentHash(JSON.stringify([e.name, e.type, e.variants, forms.other ?? null, statedMerges(e) ?? null])) + numbers;
}

/** One list as the receiver holds it, on the sending side. */
class SentList {
  /** The list object last sent (lists are replaced, never changed). */
  last: readonly object[] | undefined;
  /** The items of `last`, for telling kept items from new ones. */
  members = new WeakSet<object>();

  /** Before the first delta: the numbers of the keys of what a seeded receiver holds. */
  constructor(public seed?: Float64Array) {}
}

/** A delta under construction: runs of the previous list, and items by key. */
class DeltaBuilder<E> {
  ops: (number | string)[] = [];
  items: [string, E][] = [];
  private runStart = -1;
  private runLen = 0;

  copy(j: number, n = 1): void {
    if (this.runLen && j === this.runStart + this.runLen) this.runLen += n;
    else {
      this.flush();
      this.runStart = j;
      this.runLen = n;
    }
  }

  send(key: string, item: E): void {
    this.flush();
    this.ops.push(key);
    this.items.push([key, item]);
  }

  /** The delta, or undefined when it is the whole previous list unchanged. */
  done(previous: number): ListDelta<E> | undefined {
    this.flush();
    const same = !this.items.length && ((this.ops.length === 2 && this.ops[0] === 0 && this.ops[1] === previous) || (!this.ops.length && !previous));
    return same ? undefined : { ops: this.ops, items: this.items };
  }

  private flush(): void {
    if (this.runLen) this.ops.push(this.runStart, this.runLen);
    this.runLen = 0;
  }
}

interface ListCodec<T, E> {
  encode(x: T): E;
  key(x: T, encoded: E): string;
  /** The key without the encoded form (when that is dearer to make), for items a receiver may hold. */
  keyOf?(x: T): string;
  /** Whether what was sent of `x` still stands (an item changed in place does not). */
  unchanged?(x: T): boolean;
  /** Notes what was sent of `x`. */
  sent?(x: T): void;
}

/** The sending side: turns each new snapshot into a delta against what the receiver holds. */
export class MirrorSource {
  private readonly docNumbers = new Map<string, number>();
  private docs: string[] = [];
  private sentDocs = 0;
  private lastDocuments: number[] = [];
  private lastDocumentList: readonly string[] | undefined;
  private readonly sent: Record<ListName, SentList>;
  private readonly topicDocs = new WeakMap<Topic, readonly string[]>();
  private readonly codecs: { entities: ListCodec<CanonicalEntity, EntityTuple>; claimGroups: ListCodec<FigureGroup, FigureGroup>; topics: ListCodec<Topic, Topic> };
  private readMentions: MentionReader = () => undefined;

  constructor(seed?: MirrorSeed) {
    if (seed) {
      seed.docs.forEach((p, i) => this.docNumbers.set(p, i));
      // The seed is handed over (its lists become the source's).
      this.docs = seed.docs;
      this.sentDocs = this.docs.length;
      this.lastDocuments = seed.documents;
    }
    this.sent = { entities: new SentList(seed?.entities), claimGroups: new SentList(seed?.claimGroups), topics: new SentList(seed?.topics) };
    this.codecs = {
      entities: { encode: (e) => entityTuple(e, this.docNumber, this.readMentions), key: (_e, t) => entityKey(t), keyOf: (e) => entityKeyOf(e, this.docNumber, this.readMentions) },
      claimGroups: { encode: (g) => g, key: (g) => itemKey(g.id, g) },
      // A topic's documents are replaced (a new array) when articles move between topics.
      topics: { encode: (t) => t, key: (t) => itemKey(t.id, t), unchanged: (t) => this.topicDocs.get(t) === t.documents, sent: (t) => this.topicDocs.set(t, t.documents) },
    };
  }

  private docNumber = (path: string): number => {
    let n = this.docNumbers.get(path);
    if (n === undefined) {
      n = this.docs.length;
      this.docs.push(path);
      this.docNumbers.set(path, n);
    }
    return n;
  };

  /** What the receiver needs to hold `snap`. */
  delta(snap: CorpusSnapshot, readMentions: MentionReader): SnapshotDelta {
    this.readMentions = readMentions;
    const docBase = this.sentDocs;
    const out: SnapshotDelta = { docBase, newDocs: [] };
    if (snap.documents !== this.lastDocumentList) {
      const documents = snap.documents.map(this.docNumber);
      if (documents.length !== this.lastDocuments.length || documents.some((n, i) => n !== this.lastDocuments[i])) {
        out.documents = documents;
        this.lastDocuments = documents;
      }
      this.lastDocumentList = snap.documents;
    }
    const entities = this.list('entities', snap.entities, this.codecs.entities);
    if (entities) out.entities = entities;
    const groups = this.list('claimGroups', snap.claimGroups, this.codecs.claimGroups);
    if (groups) out.claimGroups = groups;
    const topics = this.list('topics', snap.topics, this.codecs.topics);
    if (topics) out.topics = topics;
    out.newDocs = this.docs.slice(docBase);
    this.sentDocs = this.docs.length;
    return out;
  }

  private list<T extends { id: string }, E>(name: ListName, list: readonly T[], codec: ListCodec<T, E>): ListDelta<E> | undefined {
    const sent = this.sent[name];
    if (sent.last === list) return undefined;
    let delta: ListDelta<E> | undefined;
    if (sent.last) {
      const walked = this.walk(sent, list, codec);
      delta = walked ? walked.delta : this.reordered(sent, list, codec);
    } else delta = this.first(sent, list, codec);
    sent.last = list;
    return delta;
  }

  /**
   * The common case after an edit: the new list is the old one with a few items taken out and a
   * few put in, the rest in the same order. Found by identity; undefined when the order changed
   * (a full sort).
   */
  private walk<T extends { id: string }, E>(sent: SentList, list: readonly T[], codec: ListCodec<T, E>): { delta: ListDelta<E> | undefined } | undefined {
    const old = sent.last!;
    const unchanged = codec.unchanged;
    const b = new DeltaBuilder<E>();
    const fresh: T[] = [];
    // Passed over: taken out (or changed in place, and sent again).
    const passed: object[] = [];
    let j = 0;
    for (let i = 0; i < list.length; ) {
      const x = list[i];
      if (old[j] === x && (!unchanged || unchanged(x))) {
        // A run of kept items.
        const i0 = i, j0 = j;
        do {
          i++;
          j++;
        } while (i < list.length && j < old.length && list[i] === old[j] && (!unchanged || unchanged(list[i])));
        b.copy(j0, i - i0);
        continue;
      }
      if (sent.members.has(x) && (!unchanged || unchanged(x))) {
        while (j < old.length && old[j] !== x) passed.push(old[j++]);
        if (j === old.length) return undefined;
        continue;
      }
      const encoded = codec.encode(x);
      b.send(codec.key(x, encoded), encoded);
      fresh.push(x);
      i++;
    }
    while (j < old.length) passed.push(old[j++]);
    for (const x of passed) sent.members.delete(x);
    this.remember(sent, fresh, codec);
    return { delta: b.done(old.length) };
  }

  /** The list in another order: kept items by their old place, new ones sent. */
  private reordered<T extends { id: string }, E>(sent: SentList, list: readonly T[], codec: ListCodec<T, E>): ListDelta<E> | undefined {
    const old = sent.last!;
    const at = new Map<object, number>();
    old.forEach((x, j) => at.set(x, j));
    const b = new DeltaBuilder<E>();
    const fresh: T[] = [];
    for (const x of list) {
      const j = at.get(x);
      if (j !== undefined && (!codec.unchanged || codec.unchanged(x))) b.copy(j);
      else {
        const encoded = codec.encode(x);
        b.send(codec.key(x, encoded), encoded);
        fresh.push(x);
      }
    }
    sent.members = new WeakSet();
    this.remember(sent, list, codec);
    return b.done(old.length);
  }

  /** The first delta: everything, except what a seeded receiver holds already (by key). */
  private first<T extends { id: string }, E>(sent: SentList, list: readonly T[], codec: ListCodec<T, E>): ListDelta<E> | undefined {
    const held = sent.seed?.length ? placesOf(sent.seed) : undefined;
    const b = new DeltaBuilder<E>();
    // Against a seeded receiver, most items are held: their keys made without encoding them.
    const keyOnly = codec.keyOf && held ? codec.keyOf : undefined;
    for (const x of list) {
      const encoded = keyOnly ? undefined : codec.encode(x);
      const key = keyOnly ? keyOnly(x) : codec.key(x, encoded!);
      const j = held ? held(keyNumber(key)) : -1;
      if (j >= 0) b.copy(j);
      else b.send(key, encoded ?? codec.encode(x));
    }
    const previous = sent.seed?.length ?? 0;
    sent.seed = undefined;
    this.remember(sent, list, codec);
    return b.done(previous);
  }

  private remember<T extends object, E>(sent: SentList, fresh: readonly T[], codec: ListCodec<T, E>): void {
    for (const x of fresh) {
      sent.members.add(x);
      codec.sent?.(x);
    }
  }
}

/** Where each number of `seed` is (-1: nowhere), by binary search over a sorted copy: no Map of tens of thousands of doubles. */
function placesOf(seed: Float64Array): (n: number) => number {
  const order = new Int32Array(seed.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => seed[a] - seed[b] || a - b);
  const sorted = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) sorted[i] = seed[order[i]];
  return (n) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < n) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo] === n ? order[lo] : -1;
  };
}

/** A stored snapshot laid out for the move between threads: entities packed. */
export interface PackedState {
  documents: string[];
  entities: PackedEntities;
  claimGroups: FigureGroup[];
  topics: Topic[];
}

export function packState(state: { documents: string[]; entities: EntityTuple[]; claimGroups: FigureGroup[]; topics: Topic[] }): PackedState {
  return { documents: state.documents, entities: packEntities(state.entities), claimGroups: state.claimGroups, topics: state.topics };
}

/** The receiving side: the snapshot the deltas build, and the mentions of its entities as numbers. */
export class MirrorSink {
  /** Every path ever sent, by number. */
  readonly docs: string[] = [];
  private docNumbers = new Map<string, number>();
  private documents: string[] = [];
  private documentNumbers: number[] = [];
  // Items' keys are made again when needed (a new source, an item moved): held for every item,
  // they were tens of thousands of strings, sent by the state reader and kept after a restore
  // (the editor's thread held 127 MB after a reopen of 18,834 articles with them, 108 without).
  private readonly held: { entities: Held<CanonicalEntity>; claimGroups: Held<FigureGroup>; topics: Held<Topic> } = {
    entities: new Held((e) => entityKey(this.store.tupleOf(slotOf(e)!))),
    claimGroups: new Held((g) => itemKey(g.id, g)),
    topics: new Held((t) => itemKey(t.id, t)),
  };
  private snap: CorpusSnapshot | undefined;
  /** The entities' names, documents and mentions, compactly. */
  readonly store = new EntityStore(this.docs);
  /** Goes up with every change, for caches made from the snapshot. */
  version = 0;
  /**
   * What the change to `version` did, for caches that can keep what it left alone: the entities
   * it took out (each with the documents it was in, read before its numbers went) and put in,
   * and whether the figure groups changed. Undefined entities: any may have changed (a seed).
   */
  lastChange: MirrorChange = { version: 0, claimGroups: true };

  /** Starts from a stored snapshot (its entities numbered into `documents`, as a state holds them). */
  seed(state: { documents: string[]; entities: EntityTuple[]; claimGroups: FigureGroup[]; topics: Topic[] }): void {
    this.seedPacked(packState(state));
  }

  /** Starts from a stored snapshot packed for the move between threads (see `packState`). */
  seedPacked(state: PackedState): void {
    for (const e of this.held.entities.list) this.store.remove(e);
    this.addDocs(0, state.documents);
    this.documentNumbers = state.documents.map((_d, i) => i);
    this.documents = state.documents.slice();
    this.held.entities.list = this.store.load(state.entities);
    this.held.claimGroups.list = state.claimGroups.map((g) => this.ownPaths(g));
    this.held.topics.list = state.topics.map((t) => this.ownPaths(t));
    this.changed();
  }

  /** What a new source needs to know of this receiver. */
  seedOf(): MirrorSeed {
    return {
      docs: this.docs.slice(),
      documents: this.documentNumbers.slice(),
      entities: this.held.entities.keyNumbers(),
      claimGroups: this.held.claimGroups.keyNumbers(),
      topics: this.held.topics.keyNumbers(),
    };
  }

  apply(delta: SnapshotDelta): void {
    this.addDocs(delta.docBase, delta.newDocs);
    if (delta.documents) {
      this.documentNumbers = delta.documents;
      this.documents = delta.documents.map((n) => this.docs[n]);
    }
    const entities = { added: [] as CanonicalEntity[], dropped: [] as [CanonicalEntity, number[]][] };
    if (delta.entities) {
      this.held.entities.apply(
        delta.entities,
        (t) => {
          const e = this.decode(t);
          entities.added.push(e);
          return e;
        },
        (e) => {
          const docs: number[] = [];
          this.forEachDoc(e, (d) => docs.push(d));
          entities.dropped.push([e, docs]);
          this.store.remove(e);
        },
      );
    }
    if (delta.claimGroups) this.held.claimGroups.apply(delta.claimGroups, (g: FigureGroup) => this.ownPaths(g));
    if (delta.topics) this.held.topics.apply(delta.topics, (t: Topic) => this.ownPaths(t));
    if (delta.documents || delta.entities || delta.claimGroups || delta.topics) {
      this.changed();
      this.lastChange = { version: this.version, entities, claimGroups: !!delta.claimGroups };
    }
  }

  snapshot(): CorpusSnapshot {
    return (this.snap ??= { documents: this.documents, entities: this.held.entities.list, claimGroups: this.held.claimGroups.list, topics: this.held.topics.list });
  }

  /** The mirror's own string for a path it knows (equal to `p`), else `p`. */
  ownPath(p: string): string {
    const n = this.docNumbers.get(p);
    return n === undefined ? p : this.docs[n];
  }

  /** The number a path is known by, if any. */
  docNumber(path: string): number | undefined {
    return this.docNumbers.get(path);
  }

  /** The entities naming a document (a scan of numbers: cheap for one document, not for all of them). */
  entitiesNaming(doc: number): CanonicalEntity[] {
    return this.store.entitiesNaming(doc);
  }

  /** Calls `fn` with each document number the entity is in. */
  forEachDoc(e: CanonicalEntity, fn: (doc: number) => void): void {
    const slot = slotOf(e);
    if (slot !== undefined) this.store.forEachDoc(slot, fn);
  }

  /** Calls `fn` with each mention of the entity in one document. */
  forEachMentionIn(e: CanonicalEntity, doc: number, fn: (start: number, end: number) => void): void {
    const slot = slotOf(e);
    if (slot !== undefined) this.store.forEachMentionIn(slot, doc, fn);
  }

  /**
   * The paths of a group or topic replaced by the mirror's own strings (equal ones): a path that
   * came in a message is a copy of its own, and a corpus's groups and topics name tens of
   * thousands of them.
   */
  private ownPaths<T extends FigureGroup | Topic>(x: T): T {
    const each = (list: string[]) => {
      for (let i = 0; i < list.length; i++) list[i] = this.ownPath(list[i]);
    };
    if ('figures' in x) {
      for (const f of x.figures) {
        each(f.documents);
        for (const c of f.claims) c.document = this.ownPath(c.document);
      }
    } else each(x.documents);
    return x;
  }

  private decode(t: EntityTuple): CanonicalEntity {
    return this.store.add(t);
  }

  private addDocs(base: number, paths: readonly string[]): void {
    paths.forEach((p, i) => {
      this.docs[base + i] = p;
      this.docNumbers.set(p, base + i);
    });
  }

  private changed(): void {
    this.snap = undefined;
    this.version++;
    this.lastChange = { version: this.version, claimGroups: true };
  }
}

/** See `MirrorSink.lastChange`. */
export interface MirrorChange {
  version: number;
  entities?: { added: CanonicalEntity[]; dropped: [CanonicalEntity, number[]][] };
  claimGroups: boolean;
}

/** One list on the receiving side: its items in order (their keys made on demand by `keyOf`). */
class Held<T> {
  list: T[] = [];

  constructor(private readonly keyOf: (x: T) => string) {}

  keys(): string[] {
    return this.list.map(this.keyOf);
  }

  keyNumbers(): Float64Array {
    const out = new Float64Array(this.list.length);
    this.list.forEach((x, i) => (out[i] = keyNumber(this.keyOf(x))));
    return out;
  }

  /** `drop` is called with each held item the new list leaves out. */
  apply(delta: ListDelta<unknown>, decode: (x: any) => T, drop?: (x: T) => void): void {
    const fresh = new Map<string, T>();
    const kept = drop ? new Uint8Array(this.list.length) : undefined;
    for (const [k, x] of delta.items) fresh.set(k, decode(x));
    const ops = delta.ops;
    let n = 0;
    for (let i = 0; i < ops.length; i++) n += typeof ops[i] === 'number' ? (ops[++i] as number) : 1;
    const list: T[] = new Array(n);
    // Items sent by key but held already (moved, not changed) are found among the old ones.
    let byKey: Map<string, number> | undefined;
    let at = 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (typeof op === 'number') {
        const end = op + (ops[++i] as number);
        if (kept) kept.fill(1, op, end);
        for (let j = op; j < end; j++, at++) list[at] = this.list[j];
        continue;
      }
      let x = fresh.get(op);
      if (x === undefined) {
        byKey ??= new Map(this.keys().map((k, j) => [k, j]));
        const j = byKey.get(op);
        if (j === undefined) throw new Error(`corpus mirror: item ${op.split('\u0001')[0]} was neither sent nor held`);
        x = this.list[j];
        kept?.fill(1, j, j + 1);
      }
      list[at++] = x;
    }
    if (kept && drop) for (let j = 0; j < kept.length; j++) if (!kept[j]) drop(this.list[j]);
    this.list = list;
  }
}
