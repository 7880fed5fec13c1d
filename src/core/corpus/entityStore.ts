// The mirrored entities, kept compactly: names and variants as strings, every entity's document
// numbers and mentions in two shared typed-array pools, and one small object per entity whose
// fields are read from the store. A corpus of tens of thousands of entities costs the editor's
// thread a few MB of pools instead of an array and a closure or two per entity.
import type { EntityType } from '../types';
import { grownInt32 } from './denseIds';
import { explainMerge } from './names';
import type { CanonicalEntity, MergeReason, MergeRule, Mention } from './model';
import type { EntityTuple } from './state';

type Stated = (0 | [MergeRule, number])[];

const NONE: readonly string[] = Object.freeze([]);

/** One string per entity type: a type that came in a message is a copy of its own otherwise. */
const TYPES = new Map<string, EntityType>();
function oneCopy(t: EntityType): EntityType {
  let c = TYPES.get(t);
  if (c === undefined) TYPES.set(t, (c = t));
  return c;
}

/**
 * Entities laid out for a transfer between threads: strings in arrays, numbers in typed arrays
 * (which move without a copy). Made by `packEntities`, read by `EntityStore.load`.
 */
export interface PackedEntities {
  ids: string[];
  names: string[];
  types: EntityType[];
  variants: (readonly string[] | null)[];
  other: (string[] | null)[];
  stated: (Stated | null)[];
  /** Each entity's document numbers, one run each: `docLen[i]` numbers from `docAt[i]`. */
  docs: Int32Array<ArrayBuffer>;
  docAt: Int32Array<ArrayBuffer>;
  docLen: Int32Array<ArrayBuffer>;
  /** Each entity's mentions as (document, start, end, form) quadruples. */
  flat: Int32Array<ArrayBuffer>;
  flatAt: Int32Array<ArrayBuffer>;
  flatLen: Int32Array<ArrayBuffer>;
}

export function packEntities(tuples: readonly EntityTuple[]): PackedEntities {
  const n = tuples.length;
  let docTotal = 0, flatTotal = 0;
  for (const t of tuples) {
    docTotal += t[4].length;
    flatTotal += t[5].length;
  }
  const p: PackedEntities = {
    ids: new Array(n),
    names: new Array(n),
    types: new Array(n),
    variants: new Array(n),
    other: new Array(n),
    stated: new Array(n),
    docs: new Int32Array(docTotal),
    docAt: new Int32Array(n),
    docLen: new Int32Array(n),
    flat: new Int32Array(flatTotal),
    flatAt: new Int32Array(n),
    flatLen: new Int32Array(n),
  };
  let d = 0, f = 0;
  tuples.forEach((t, i) => {
    p.ids[i] = t[0];
    p.names[i] = t[1];
    p.types[i] = t[2];
    p.variants[i] = t[3].length ? t[3] : null;
    p.other[i] = t[6] ?? null;
    p.stated[i] = t[7] ?? null;
    p.docAt[i] = d;
    p.docLen[i] = t[4].length;
    p.docs.set(t[4], d);
    d += t[4].length;
    p.flatAt[i] = f;
    p.flatLen[i] = t[5].length;
    p.flat.set(t[5], f);
    f += t[5].length;
  });
  return p;
}

const STORE = Symbol('store');
const SLOT = Symbol('slot');
const DOCS = Symbol('documents');
const MENTIONS = Symbol('mentions');
const MERGES = Symbol('merges');

/**
 * An entity of the store. Its fields are getters on the prototype (not closures per entity);
 * `toJSON` gives the plain entity, so JSON output is what the live index's would be.
 */
class StoredEntity {
  [STORE]: EntityStore;
  [SLOT]: number;
  [DOCS]?: string[];
  [MENTIONS]?: Mention[];
  [MERGES]?: MergeReason[];

  constructor(store: EntityStore, slot: number) {
    this[STORE] = store;
    this[SLOT] = slot;
  }

  get id(): string {
    return this[STORE].ids[this[SLOT]];
  }

  get name(): string {
    return this[STORE].names[this[SLOT]];
  }

  get type(): EntityType {
    return this[STORE].types[this[SLOT]];
  }

  get variants(): string[] {
    return (this[STORE].variants[this[SLOT]] ?? NONE) as string[];
  }

  get documents(): string[] {
    return (this[DOCS] ??= this[STORE].documentsOf(this[SLOT]));
  }

  get mentions(): Mention[] {
    return (this[MENTIONS] ??= this[STORE].mentionsOf(this[SLOT]));
  }

  get merges(): MergeReason[] {
    return (this[MERGES] ??= this[STORE].mergesOf(this[SLOT]));
  }

  toJSON(): CanonicalEntity {
    return { id: this.id, name: this.name, type: this.type, variants: this.variants, documents: this.documents, mentions: this.mentions, merges: this.merges };
  }
}

export class EntityStore {
  ids: string[] = [];
  names: string[] = [];
  types: EntityType[] = [];
  variants: (readonly string[] | null)[] = [];
  private other: (string[] | null)[] = [];
  private stated: (Stated | null)[] = [];
  private docs = new Int32Array(1024);
  private docAt = new Int32Array(64);
  private docLen = new Int32Array(64);
  private flat = new Int32Array(4096);
  private flatAt = new Int32Array(64);
  private flatLen = new Int32Array(64);
  private docEnd = 0;
  private flatEnd = 0;
  private slots = 0;
  private free: number[] = [];
  /** The entity object of each slot. */
  private objects: (CanonicalEntity | undefined)[] = [];
  /** Pool numbers that belong to removed entities. */
  private dead = 0;

  constructor(
    /** Paths by document number (grows as the mirror learns new ones). */
    private readonly paths: readonly string[],
  ) {}

  /** The entities of a packed set, in order. */
  load(p: PackedEntities): CanonicalEntity[] {
    const n = p.ids.length;
    // Into an empty store (a restore, a handover) the packed set is taken as it is: no second
    // copy of its numbers made slot by slot, growing as it goes.
    if (this.free.length === this.slots) {
      this.ids = p.ids;
      this.names = p.names;
      this.types = p.types.map(oneCopy);
      this.variants = p.variants;
      this.other = p.other;
      this.stated = p.stated;
      this.docs = p.docs;
      this.docAt = p.docAt;
      this.docLen = p.docLen;
      this.docEnd = p.docs.length;
      this.flat = p.flat;
      this.flatAt = p.flatAt;
      this.flatLen = p.flatLen;
      this.flatEnd = p.flat.length;
      this.free = [];
      this.slots = n;
      this.dead = 0;
      this.objects = Array.from({ length: n }, (_v, i) => new StoredEntity(this, i) as unknown as CanonicalEntity);
      return this.objects.slice() as CanonicalEntity[];
    }
    const out: CanonicalEntity[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.put(p.ids[i], p.names[i], p.types[i], p.variants[i], p.other[i], p.stated[i], p.docs.subarray(p.docAt[i], p.docAt[i] + p.docLen[i]), p.flat.subarray(p.flatAt[i], p.flatAt[i] + p.flatLen[i]));
    }
    return out;
  }

  add(t: EntityTuple): CanonicalEntity {
    return this.put(t[0], t[1], t[2], t[3].length ? t[3] : null, t[6] ?? null, t[7] ?? null, t[4], t[5]);
  }

  /** Lets an entity's slot and numbers go (the entity object must not be read afterwards). */
  remove(e: CanonicalEntity): void {
    const slot = slotOf(e);
    if (slot === undefined) return;
    this.dead += this.docLen[slot] + this.flatLen[slot];
    this.docLen[slot] = 0;
    this.flatLen[slot] = 0;
    this.ids[slot] = this.names[slot] = '';
    this.variants[slot] = this.other[slot] = this.stated[slot] = null;
    this.objects[slot] = undefined;
    this.free.push(slot);
    if (this.dead > 65536 && this.dead > this.docEnd + this.flatEnd - this.dead) this.compact();
  }

  /** An entity as a state holds it (documents as numbers), read back from the store. */
  tupleOf(slot: number): EntityTuple {
    const t: EntityTuple = [
      this.ids[slot],
      this.names[slot],
      this.types[slot],
      (this.variants[slot] ?? NONE) as string[],
      Array.from(this.docs.subarray(this.docAt[slot], this.docAt[slot] + this.docLen[slot])),
      Array.from(this.flat.subarray(this.flatAt[slot], this.flatAt[slot] + this.flatLen[slot])),
    ];
    const other = this.other[slot], stated = this.stated[slot];
    if (other || stated) t.push(other);
    if (stated) t.push(stated);
    return t;
  }

  /** Calls `fn` with each document number an entity is in. */
  forEachDoc(slot: number, fn: (doc: number) => void): void {
    for (let k = this.docAt[slot], end = k + this.docLen[slot]; k < end; k++) fn(this.docs[k]);
  }

  /** Calls `fn` with each mention of an entity in one document. */
  forEachMentionIn(slot: number, doc: number, fn: (start: number, end: number) => void): void {
    const flat = this.flat;
    for (let i = this.flatAt[slot], end = i + this.flatLen[slot]; i < end; i += 4) if (flat[i] === doc) fn(flat[i + 1], flat[i + 2]);
  }

  documentsOf(slot: number): string[] {
    const out: string[] = new Array(this.docLen[slot]);
    for (let k = 0, at = this.docAt[slot]; k < out.length; k++) out[k] = this.paths[this.docs[at + k]];
    return out;
  }

  mentionsOf(slot: number): Mention[] {
    const name = this.names[slot], variants = this.variants[slot] ?? NONE, other = this.other[slot];
    const out: Mention[] = [];
    const flat = this.flat;
    for (let i = this.flatAt[slot], end = i + this.flatLen[slot]; i < end; i += 4) {
      const f = flat[i + 3];
      out.push({ document: this.paths[flat[i]], start: flat[i + 1], end: flat[i + 2], text: f < 0 ? name : f < variants.length ? variants[f] : other?.[f - variants.length] ?? name });
    }
    return out;
  }

  mergesOf(slot: number): MergeReason[] {
    const name = this.names[slot], type = this.types[slot], stated = this.stated[slot];
    return (this.variants[slot] ?? NONE).map((v, i) => {
      const m = stated?.[i];
      return m ? { variant: v, rule: m[0], score: m[1] } : explainMerge(v, name, type);
    });
  }

  private put(id: string, name: string, type: EntityType, variants: readonly string[] | null, other: string[] | null, stated: Stated | null, docs: ArrayLike<number>, flat: ArrayLike<number>): CanonicalEntity {
    const slot = this.free.length ? this.free.pop()! : this.slots++;
    if (slot >= this.docAt.length) {
      this.docAt = grownInt32(this.docAt, slot + 1);
      this.docLen = grownInt32(this.docLen, slot + 1);
      this.flatAt = grownInt32(this.flatAt, slot + 1);
      this.flatLen = grownInt32(this.flatLen, slot + 1);
    }
    this.ids[slot] = id;
    this.names[slot] = name;
    this.types[slot] = oneCopy(type);
    this.variants[slot] = variants;
    this.other[slot] = other;
    this.stated[slot] = stated;
    this.docs = grownInt32(this.docs, this.docEnd + docs.length);
    this.docAt[slot] = this.docEnd;
    this.docLen[slot] = docs.length;
    this.docs.set(docs, this.docEnd);
    this.docEnd += docs.length;
    this.flat = grownInt32(this.flat, this.flatEnd + flat.length);
    this.flatAt[slot] = this.flatEnd;
    this.flatLen[slot] = flat.length;
    this.flat.set(flat, this.flatEnd);
    this.flatEnd += flat.length;
    return (this.objects[slot] = new StoredEntity(this, slot) as unknown as CanonicalEntity);
  }

  /** The entities naming a document: a scan of the document-number pool, no objects made. */
  entitiesNaming(doc: number): CanonicalEntity[] {
    const out: CanonicalEntity[] = [];
    const docs = this.docs;
    for (let slot = 0; slot < this.slots; slot++) {
      for (let k = this.docAt[slot], end = k + this.docLen[slot]; k < end; k++) {
        if (docs[k] === doc) {
          out.push(this.objects[slot]!);
          break;
        }
      }
    }
    return out;
  }

  /** Moves the live entities' numbers together (slots, and so the entity objects, stay). */
  private compact(): void {
    let docLive = 0, flatLive = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      docLive += this.docLen[slot];
      flatLive += this.flatLen[slot];
    }
    const docs = new Int32Array(Math.max(1024, docLive));
    const flat = new Int32Array(Math.max(4096, flatLive));
    let d = 0, f = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      docs.set(this.docs.subarray(this.docAt[slot], this.docAt[slot] + this.docLen[slot]), d);
      this.docAt[slot] = d;
      d += this.docLen[slot];
      flat.set(this.flat.subarray(this.flatAt[slot], this.flatAt[slot] + this.flatLen[slot]), f);
      this.flatAt[slot] = f;
      f += this.flatLen[slot];
    }
    this.docs = docs;
    this.flat = flat;
    this.docEnd = d;
    this.flatEnd = f;
    this.dead = 0;
  }
}

/** The store slot of an entity made by a store. */
export function slotOf(e: CanonicalEntity): number | undefined {
  return (e as unknown as StoredEntity)[SLOT];
}
