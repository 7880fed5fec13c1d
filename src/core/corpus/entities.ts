// Canonical entities across articles. Each article's local entities (see digest.ts) name one or
// more nodes — a folded full name per type. Nodes are joined when an article joins them (an
// acronym and its expansion), when they are spellings of one name (token by token, see
// names.ts), when they are names of one country, and when a bare surname has exactly one full
// name in the corpus to belong to. Connected nodes make one canonical entity.
//
// Incremental: adding or removing an article touches only its nodes; a snapshot re-runs the
// (cheap) union-find over all nodes but rebuilds only the entities whose nodes changed.
import type { EntityType } from '../types';
import { typeOfKey } from './digest';
import type { ArticleLocals } from './locals';
import { skeleton, translit } from './fold';
import { gazetteerEntry } from './gazetteer';
import type { CanonicalEntity, MergeReason, Mention } from './model';
import { explainMerge, isShoutedName, looksLikeAcronym, nameTokens, spellingMatch } from './names';

export interface DocRef {
  id: number;
  path: string;
  /** Position in the snapshot's document order (sorted paths), for ordering mentions. */
  order: number;
}

/** An indexed article and its packed local entities. */
interface DocEntry {
  doc: DocRef;
  locals: ArticleLocals;
  /** Set when the article is removed: entities rebuilt in place drop its entities. */
  dead?: boolean;
}

/**
 * One article's local entity, as a number: the article's id × SPAN + the entity's index there.
 * Hundreds of thousands of them sit in node and entity lists, where a number costs no object.
 */
type LocalRef = number;
const SPAN = 65536;

/** Key → node ids, a bare number for one id (the usual case), an array for more. */
class MultiMap {
  private m = new Map<string, number | number[]>();

  get(k: string): readonly number[] | undefined {
    const v = this.m.get(k);
    return v === undefined ? undefined : typeof v === 'number' ? [v] : v;
  }

  add(k: string, id: number): void {
    const v = this.m.get(k);
    if (v === undefined) this.m.set(k, id);
    else if (typeof v === 'number') {
      if (v !== id) this.m.set(k, [v, id]);
    } else if (!v.includes(id)) v.push(id);
  }

  delete(k: string, id: number): void {
    const v = this.m.get(k);
    if (v === undefined) return;
    if (typeof v === 'number') {
      if (v === id) this.m.delete(k);
      return;
    }
    const i = v.indexOf(id);
    if (i >= 0) v.splice(i, 1);
    if (v.length === 1) this.m.set(k, v[0]);
  }
}

const NO_SIM: Map<number, { rule: MergeReason['rule']; score: number }> = new Map();

interface Node {
  id: number;
  key: string;
  type: EntityType;
  /** The core name, folded, without the sense. */
  name: string;
  /** How many words the name has, and its last word in neutral spelling (for surnames). */
  words: number;
  last: string;
  /** The local entities naming this node (an array: most nodes have one or two). */
  refs: LocalRef[];
  alias?: string;
  block: string;
  /** Spelling variants among the other nodes (a shared empty map until the first). */
  sim: Map<number, { rule: MergeReason['rule']; score: number }>;
  sensed: boolean;
  /** Written as an acronym where first seen: matched exactly, never as a spelling variant. */
  acronym: boolean;
}

export class EntityGraph {
  private nodes = new Map<string, Node>();
  private byId: (Node | undefined)[] = [];
  private free: number[] = [];
  /** Nodes by consonant skeleton, and full names by surname: small lists (most hold one node). */
  private blocks = new MultiMap();
  private surnames = new MultiMap();
  private aliases = new Map<string, Set<number>>();
  /** Node pairs joined within articles, with how many articles join them. */
  private links = new Map<number, Map<number, number>>();
  /** The indexed articles by id; removed ones stay (marked dead) until the next refresh has used them. */
  private docs = new Map<number, DocEntry>();
  private removed: number[] = [];
  private dirty = new Set<number>();
  /** Local entities added since the last refresh (for entities rebuilt in place). */
  private added: LocalRef[] = [];
  /** False when articles were added or removed (not only replaced): document lists must be remade. */
  orderStable = true;
  private removedOwner = new Set<CanonicalEntity>();

  /**
   * The entity of each node, by node id (alongside `byId`), and each entity's nodes in its lazy
   * part: maps keyed by node and by entity were 3.5 MB of tables on the Reuters corpus.
   */
  private entityOf: (CanonicalEntity | undefined)[] = [];
  private entities = new Map<string, CanonicalEntity>();
  private sorted: CanonicalEntity[] | undefined;

  /** Adds an article's local entities; `acronyms[i]` are entity i's keys written as acronyms (see LocalEntity). */
  addDocument(doc: DocRef, locals: ArticleLocals, acronyms?: readonly (readonly string[] | undefined)[]): void {
    this.docs.set(doc.id, { doc, locals });
    for (let i = 0; i < Math.min(locals.count, SPAN); i++) {
      const ref: LocalRef = doc.id * SPAN + i;
      this.added.push(ref);
      const ids = this.keysOf(locals, i).map((k) => this.node(k, acronyms?.[i]?.includes(k) ?? false).id);
      for (const id of ids) {
        const n = this.byId[id]!;
        // Most nodes are named by one article or two: an array grown by a push keeps room for 17.
        if (n.refs.length) n.refs.push(ref);
        else n.refs = [ref];
        this.dirty.add(id);
        if (n.type === 'person' && n.words > 1 && n.refs.length === 1) this.dirtyBareSurnames(n.last);
      }
      for (let k = 1; k < ids.length; k++) this.link(ids[0], ids[k], +1);
    }
  }

  removeDocument(docId: number): void {
    const entry = this.docs.get(docId);
    if (!entry || entry.dead) return;
    entry.dead = true;
    this.removed.push(docId);
    const locals = entry.locals;
    for (let li = 0; li < Math.min(locals.count, SPAN); li++) {
      const ref: LocalRef = docId * SPAN + li;
      const ids = this.keysOf(locals, li).map((k) => this.nodes.get(k)!.id);
      for (let i = 1; i < ids.length; i++) this.link(ids[0], ids[i], -1);
      for (const id of ids) {
        const n = this.byId[id]!;
        const at = n.refs.lastIndexOf(ref);
        if (at >= 0) {
          n.refs[at] = n.refs[n.refs.length - 1];
          n.refs.pop();
        }
        this.dirty.add(id);
        if (!n.refs.length) this.dropNode(n);
      }
    }
  }

  /** The entity a document's local entity belongs to, after `refresh`. */
  entityOfKey(key: string): CanonicalEntity | undefined {
    const n = this.nodes.get(key);
    return n ? this.entityOf[n.id] : undefined;
  }

  entity(id: string): CanonicalEntity | undefined {
    return this.entities.get(id);
  }

  /** The entities, most widely mentioned first. The array is replaced, never changed, after a refresh. */
  list(): CanonicalEntity[] {
    if (this.sorted && (this.pendingStale.size || this.pendingBuilt.size)) this.resort();
    if (!this.sorted) {
      this.pendingStale.clear();
      this.pendingBuilt.clear();
      this.sorted = [...this.entities.values()].sort(compareEntities);
    }
    return this.sorted;
  }

  get size(): number {
    return this.entities.size;
  }

  /**
   * Brings the entities up to date with the articles added and removed since the last call.
   * Only the components holding a changed node (now or before) are walked and rebuilt.
   */
  refresh(): boolean {
    if (!this.dirty.size && !this.removedOwner.size) return false;
    const stale = new Set<CanonicalEntity>();
    const pending: CanonicalEntity[] = [];
    const markStale = (e: CanonicalEntity | undefined) => {
      if (e && !stale.has(e)) {
        stale.add(e);
        pending.push(e);
      }
    };
    for (const e of this.removedOwner) markStale(e);
    // Components over the links that hold whatever the article said: within-article joins,
    // spelling variants, and names of one country. A full refresh walks every node, so what it
    // keeps while it runs is flat: the component of each node in one array, and components as
    // runs of one list (component k is walked[compStart[k] .. compStart[k + 1])).
    const compOf = new Int32Array(this.byId.length).fill(-1);
    const walked: number[] = [];
    const compStart: number[] = [];
    const compEnd = (k: number) => (k + 1 < compStart.length ? compStart[k + 1] : walked.length);
    const queue: number[] = [];
    let current = 0;
    const visit = (o: number) => {
      if (compOf[o] < 0 && this.byId[o]) {
        compOf[o] = current;
        queue.push(o);
      }
    };
    const bfs = (start: number): number => {
      const known = compOf[start];
      if (known >= 0) return known;
      current = compStart.length;
      compStart.push(walked.length);
      compOf[start] = current;
      queue.push(start);
      while (queue.length) {
        const id = queue.pop()!;
        walked.push(id);
        markStale(this.entityOf[id]);
        const node = this.byId[id]!;
        const links = this.links.get(id);
        if (links) for (const o of links.keys()) visit(o);
        if (node.sim.size) for (const o of node.sim.keys()) visit(o);
        if (node.alias) for (const o of this.aliases.get(node.alias) ?? []) visit(o);
      }
      return compStart.length - 1;
    };
    for (const id of this.dirty) {
      markStale(this.entityOf[id]);
      if (this.byId[id]) bfs(id);
    }
    // Union of components for bare surnames that join a full name.
    const parent: number[] = [];
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    let attached = 0;
    for (;;) {
      while (pending.length) for (const id of membersOf(pending.pop()!) ?? []) if (this.byId[id]) bfs(id);
      if (attached >= compStart.length) break;
      for (; attached < compStart.length; attached++) {
        const c = attached;
        parent[c] ??= c;
        // A bare surname joins the one full name in the corpus it can belong to.
        let bare = true;
        for (let k = compStart[c]; k < compEnd(c) && bare; k++) bare = this.byId[walked[k]]!.type === 'person' && this.byId[walked[k]]!.words === 1;
        if (!bare) continue;
        const cands = new Set<number>();
        for (let k = compStart[c], end = compEnd(c); k < end; k++) for (const f of this.surnames.get(this.byId[walked[k]]!.last) ?? []) if (this.byId[f]) cands.add(bfs(f));
        for (let k = parent.length; k < compStart.length; k++) parent[k] = k;
        const roots = new Set([...cands].map(find));
        roots.delete(find(c));
        if (roots.size === 1) parent[find(c)] = [...roots][0];
      }
    }
    // The entities' node lists, each made at its exact size (they are kept as the members).
    const nComps = compStart.length;
    const rootOf = new Int32Array(nComps);
    const sizeOf = new Int32Array(nComps);
    for (let k = 0; k < nComps; k++) {
      parent[k] ??= k;
      rootOf[k] = find(k);
      sizeOf[rootOf[k]] += compEnd(k) - compStart[k];
    }
    const listOf: (number[] | undefined)[] = new Array(nComps);
    const filled = new Int32Array(nComps);
    const lists: number[][] = [];
    for (let k = 0; k < nComps; k++) {
      const r = rootOf[k];
      let list = listOf[r];
      if (!list) lists.push((list = listOf[r] = new Array<number>(sizeOf[r])));
      for (let i = compStart[k], end = compEnd(k); i < end; i++) list[filled[r]++] = walked[i];
    }
    for (const g of lists) g.sort((a, b) => a - b);
    lists.sort((a, b) => a[0] - b[0]);
    // An entity whose nodes are the same as before is updated from its old self (only the
    // articles that came and went are looked at): editing one article mentioning "U.S." must
    // not re-read the thousands of others.
    const prevOf = new Map<number[], CanonicalEntity>();
    // (Only while the articles' order stands: the old lists are sorted by it.)
    for (const ids of this.orderStable ? lists : []) {
      const old = this.entityOf[ids[0]];
      const members = old && membersOf(old);
      if (members && members.length === ids.length && members.every((x, i) => x === ids[i])) prevOf.set(ids, old);
    }
    for (const e of stale) {
      if (this.entities.get(e.id) === e) this.entities.delete(e.id);
      for (const id of membersOf(e) ?? []) if (this.entityOf[id] === e) this.entityOf[id] = undefined;
      lazyOf(e)!.members = undefined;
    }
    const built: CanonicalEntity[] = [];
    for (const ids of lists) {
      const e = this.build(ids, prevOf.get(ids));
      if (!e) continue;
      for (const id of ids) this.entityOf[id] = e;
      lazyOf(e)!.members = ids;
      if (this.sorted) built.push(e);
    }
    this.dirty.clear();
    this.removedOwner.clear();
    this.added = [];
    this.forgetRemoved();
    // The sorted list is brought up to date when next asked for (an edit's lookups never need it).
    if (this.sorted) {
      for (const e of stale) this.pendingStale.add(e);
      for (const e of built) this.pendingBuilt.add(e);
      if (this.pendingBuilt.size > 2000) this.sorted = undefined;
    }
    return true;
  }

  private pendingStale = new Set<CanonicalEntity>();
  private pendingBuilt = new Set<CanonicalEntity>();

  /** Keeps the sorted list current: drop the stale entities, insert the new ones in place. */
  private resort(): void {
    const stale = this.pendingStale, built = [...this.pendingBuilt].filter((e) => !stale.has(e));
    this.pendingStale = new Set();
    this.pendingBuilt = new Set();
    if (!this.sorted) return;
    // A new array: snapshots already handed out keep theirs. An edit makes a few entities stale:
    // found by identity (a scan of pointers), not a set lookup for each of tens of thousands.
    let list: CanonicalEntity[];
    if (stale.size <= 64) {
      list = this.sorted.slice();
      for (const e of stale) {
        const i = list.indexOf(e);
        if (i >= 0) list.splice(i, 1);
      }
    } else list = this.sorted.filter((e) => !stale.has(e));
    for (const e of built) {
      let lo = 0, hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareEntities(list[mid], e) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, e);
    }
    this.sorted = list;
  }

  /** Each mention of an entity, read from the articles' local entities (no objects made). */
  readMentions(e: CanonicalEntity, emit: (document: string, start: number, end: number, text: string) => void): void {
    const lazy = lazyOf(e);
    if (!lazy) {
      for (const m of e.mentions) emit(m.document, m.start, m.end, m.text);
      return;
    }
    for (const r of lazy.refs) {
      const entry = this.docs.get(docIdOf(r));
      if (!entry) continue;
      const i = r % SPAN, locals = entry.locals, path = entry.doc.path;
      locals.forEachMention(i, (start, end, f) => emit(path, start, end, locals.form(i, f)));
    }
  }

  /** An article's local entity's node keys: its own and those the article joins to it. */
  private keysOf(locals: ArticleLocals, i: number): string[] {
    const extra = locals.extraKeys(i);
    return extra ? [locals.key(i), ...extra] : [locals.key(i)];
  }

  /** Takes out the articles removed before this refresh: their entities have been rebuilt. */
  private forgetRemoved(): void {
    for (const id of this.removed) if (this.docs.get(id)?.dead) this.docs.delete(id);
    this.removed = [];
  }

  /** A node's id and in how many articles its name occurs. */
  nodeStats(key: string): { id: number; documents: number } | undefined {
    const n = this.nodes.get(key);
    return n ? { id: n.id, documents: n.refs.length } : undefined;
  }

  /** The entity a node belongs to (for features): its id. */
  entityIdOfKey(key: string): string | undefined {
    return this.entityOfKey(key)?.id;
  }

  // ---- internals

  private node(key: string, acronym = false): Node {
    let n = this.nodes.get(key);
    if (n) return n;
    const type = typeOfKey(key);
    const hash = key.indexOf('#');
    const name = key.slice(2, hash < 0 ? undefined : hash);
    const sensed = hash >= 0;
    const tokens = nameTokens(name);
    const id = this.free.length ? this.free.pop()! : this.byId.length;
    const sense = sensed ? key.slice(hash + 1) : undefined;
    const gz = type === 'person' ? undefined : gazetteerEntry(name, type);
    n = {
      id,
      key,
      type,
      name,
      words: tokens.length,
      last: type === 'person' ? translit(tokens[tokens.length - 1] ?? '') : '',
      refs: [],
      ...(sense === 'us-state' ? { alias: 'state:' + name } : gz && (!sense || sense === 'country') ? { alias: gz.id } : {}),
      block: [key[0], '|', tokens.map((t) => skeleton(t)).join(' ')].join(''),
      sim: NO_SIM,
      sensed,
      acronym,
    };
    this.nodes.set(key, n);
    this.byId[id] = n;
    // Grown one by one with byId, so that it stays a dense array.
    if (id === this.entityOf.length) this.entityOf.push(undefined);
    if (n.alias) {
      let a = this.aliases.get(n.alias);
      if (!a) this.aliases.set(n.alias, (a = new Set()));
      a.add(id);
    }
    if (!sensed) {
      // Spelling variants of this name already known: same type, same consonant skeleton, token by token.
      const block = this.blocks.get(n.block);
      for (const other of block ?? []) {
        const o = this.byId[other]!;
        const m = this.variantOf(n, o);
        if (m) {
          if (n.sim === NO_SIM) n.sim = new Map();
          if (o.sim === NO_SIM) o.sim = new Map();
          n.sim.set(o.id, m);
          o.sim.set(n.id, m);
          this.dirty.add(o.id);
        }
      }
      this.blocks.add(n.block, id);
    }
    if (type === 'person') {
      const last = translit(tokens[tokens.length - 1] ?? '');
      if (tokens.length >= 2) {
        this.surnames.add(last, id);
      }
      // Bare surnames of this name must be looked at again.
      const bare = this.nodes.get('p|' + (tokens[tokens.length - 1] ?? ''));
      if (bare) this.dirty.add(bare.id);
      this.dirtyBareSurnames(last);
    }
    return n;
  }

  private dirtyBareSurnames(last: string): void {
    for (const node of this.blocks.get('p|' + skeletonOfTranslit(last)) ?? []) {
      const o = this.byId[node];
      if (o && o.words === 1 && o.last === last) this.dirty.add(o.id);
    }
  }

  private variantOf(a: Node, b: Node): { rule: MergeReason['rule']; score: number } | undefined {
    if (a.type !== b.type) return undefined;
    // Two different countries never merge on spelling (Niger/Nigeria, Austria/Australia).
    if (a.alias && b.alias) return undefined;
    if (a.acronym || b.acronym) return undefined;
    const m = spellingMatch(a.name, b.name, a.type);
    if (!m) return undefined;
    // A bare one-word person name with a spelling difference is too weak: "Bush" / "Busch" may be two people.
    if (a.type === 'person' && a.words === 1 && m.rule === 'spelling-variant') return undefined;
    return m;
  }

  private dropNode(n: Node): void {
    this.nodes.delete(n.key);
    this.byId[n.id] = undefined;
    if (n.alias) this.aliases.get(n.alias)?.delete(n.id);
    this.free.push(n.id);
    this.blocks.delete(n.block, n.id);
    for (const [other] of n.sim) {
      const o = this.byId[other];
      if (o) {
        o.sim.delete(n.id);
        this.dirty.add(other);
      }
    }
    if (n.type === 'person') {
      const last = n.last;
      this.surnames.delete(last, n.id);
      for (const other of this.surnames.get(last) ?? []) this.dirty.add(other);
      this.dirtyBareSurnames(last);
    }
    const old = this.entityOf[n.id];
    if (old) {
      this.removedOwner.add(old);
      this.entityOf[n.id] = undefined;
    }
    this.links.delete(n.id);
    this.dirty.delete(n.id);
  }

  private link(a: number, b: number, delta: number): void {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]]) {
      let m = this.links.get(x);
      if (!m) this.links.set(x, (m = new Map()));
      const c = (m.get(y) ?? 0) + delta;
      if (c > 0) m.set(y, c);
      else m.delete(y);
      if (!m.size) this.links.delete(x);
    }
  }

  private build(ids: number[], prev?: CanonicalEntity): CanonicalEntity | undefined {
    let refs: LocalRef[];
    let tally: Tally;
    let sameDocuments = false;
    let mentions = 0;
    const before = prev ? lazyOf(prev) : undefined;
    const inPlace = !!before?.tally;
    if (before?.tally) {
      // In place: the old list without the articles removed, with the new ones merged in.
      const members = new Set(ids);
      const added = this.added.filter((r) => this.isLive(r) && members.has(this.nodes.get(this.entryOf(r).locals.key(r % SPAN))?.id ?? -1)).sort(this.byDocument);
      const kept = before.refs.filter((r) => this.isLive(r));
      tally = before.tally;
      mentions = before.mentionCount;
      const gone = new Set<string>();
      for (const r of before.refs) {
        if (this.isLive(r)) continue;
        const e = this.entryOf(r);
        count(tally, e.locals, r % SPAN, -1);
        mentions -= e.locals.mentionCount(r % SPAN);
        gone.add(e.doc.path);
      }
      for (const r of added) {
        const e = this.entryOf(r);
        count(tally, e.locals, r % SPAN, +1);
        mentions += e.locals.mentionCount(r % SPAN);
      }
      refs = mergeSorted(kept, added, this.byDocument);
      // An article edited in place: the same articles as before.
      const came = new Set(added.map((r) => this.entryOf(r).doc.path));
      sameDocuments = came.size === gone.size && [...came].every((p) => gone.has(p));
    } else {
      refs = [];
      for (const id of ids) for (const r of this.byId[id]!.refs) refs.push(r);
      refs.sort(this.byDocument);
      // A local entity on several of the nodes (an acronym and its expansion) is listed once.
      if (ids.length > 1) refs = refs.filter((r, i) => i === 0 || r !== refs[i - 1]);
      // Small entities (nearly all) are not updated in place: their tally is made in a scratch one.
      if (refs.length >= IN_PLACE_MIN) tally = { forms: new Map(), votes: new Map() };
      else {
        tally = this.scratch;
        tally.forms.clear();
        tally.votes.clear();
      }
      for (const r of refs) count(tally, this.entryOf(r).locals, r % SPAN, +1);
    }
    if (!refs.length) return undefined;
    const type = this.byId[ids[0]]!.type;
    const name = canonicalName(tally, ids.map((id) => this.byId[id]!), type);
    // Surface forms, case-insensitively distinct: the one written most often, unless only in a headline's capitals.
    const forms: { form: string; n: number }[] = [];
    for (const written of tally.forms.values()) {
      let best = '', bestN = -1, total = 0;
      for (let k = 0; k < written.length; k += 2) {
        const f = written[k] as string, n = written[k + 1] as number;
        total += n;
        const better = bestN < 0 || (isShoutedName(best) && !isShoutedName(f)) || (isShoutedName(best) === isShoutedName(f) && n > bestN);
        if (better) [best, bestN] = [f, n];
      }
      forms.push({ form: best, n: total });
    }
    const variants = forms
      .filter((f) => f.form !== name && f.form.toLowerCase() !== name.toLowerCase())
      .sort((a, b) => b.n - a.n || (a.form < b.form ? -1 : 1))
      .map((f) => f.form);
    let docs: string[];
    if (inPlace && sameDocuments && prev) docs = prev.documents;
    else {
      docs = [];
      for (const r of refs) {
        const e = this.entryOf(r);
        if (docs[docs.length - 1] !== e.doc.path) docs.push(e.doc.path);
        if (!inPlace) mentions += e.locals.mentionCount(r % SPAN);
      }
    }
    const senseNode = ids.map((id) => this.byId[id]!).find((n) => n.sensed);
    const sense = senseNode ? senseNode.key.slice(senseNode.key.indexOf('#') + 1) : undefined;
    // Made by a join, a flat string (a concatenation keeps its parts as separate strings).
    const idParts = [type, ':', slug(name), sense && sense !== 'country' ? '~' + sense : ''];
    let id = idParts.join('');
    if (this.entities.get(id)) id = [...idParts, '~', shortHash(ids.map((i) => this.byId[i]!.key).sort()[0])].join('');
    // Only entities of many articles keep their tally for in-place updates: a small one is
    // cheaper to rebuild than to keep (tens of thousands of them).
    // At their exact size: arrays grown by pushes keep spare room, and there are tens of thousands.
    if (!(inPlace && sameDocuments)) docs = docs.slice();
    refs = refs.slice();
    const entity = makeEntity(id, name, type, variants, docs, { refs, docs: this.docs, ...(refs.length >= IN_PLACE_MIN ? { tally } : {}), mentionCount: mentions });
    this.entities.set(id, entity);
    return entity;
  }

  private entryOf(r: LocalRef): DocEntry {
    return this.docs.get(docIdOf(r))!;
  }

  private isLive(r: LocalRef): boolean {
    const e = this.docs.get(docIdOf(r));
    return !!e && !e.dead;
  }

  /** Articles in document order, an article's entities in the order of their first mentions. */
  private scratch: Tally = { forms: new Map(), votes: new Map() };

  private byDocument = (a: LocalRef, b: LocalRef): number => this.entryOf(a).doc.order - this.entryOf(b).doc.order || (a % SPAN) - (b % SPAN);

}

function compareEntities(a: CanonicalEntity, b: CanonicalEntity): number {
  return b.documents.length - a.documents.length || lazyOf(b)!.mentionCount - lazyOf(a)!.mentionCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function skeletonOfTranslit(t: string): string {
  return t ? t[0] + t.slice(1).replace(/[aeiou]/g, '') : '';
}

/**
 * The fullest, most frequent form: a country's usual name when it is among the forms; for a
 * person the name with the most words (a full name over a surname), then the most mentioned;
 * for others the most mentioned name that is not an acronym, then the longer.
 */
function canonicalName(tally: Tally, nodes: readonly Node[], type: EntityType): string {
  const votes = tally.votes;
  const alias = nodes.find((n) => n.alias)?.alias;
  if (alias && type !== 'person') {
    const usual = [...votes.values()].find((v) => {
      const g = gazetteerEntry(v.name, type);
      return g?.id === alias && g.name.toLowerCase() === v.name.toLowerCase();
    });
    if (usual) return usual.name;
  }
  let best: { name: string; n: number; tokens: number; acronym: boolean } | undefined;
  for (const v of votes.values()) {
    if (!best) {
      best = v;
      continue;
    }
    const better =
      type === 'person'
        ? v.tokens > best.tokens || (v.tokens === best.tokens && v.n > best.n)
        : (best.acronym && !v.acronym) || (v.acronym === best.acronym && (v.n > best.n || (v.n === best.n && v.tokens > best.tokens)));
    if (better || (v.tokens === best.tokens && v.n === best.n && v.acronym === best.acronym && v.name < best.name)) best = v;
  }
  return best!.name;
}

/** Why each variant belongs: what the article said when it said so, else the rule that matches. */
function mergesOf(refs: readonly LocalRef[], docs: ReadonlyMap<number, DocEntry>, variants: readonly string[], name: string, type: EntityType): MergeReason[] {
  const localReasons = new Map<string, MergeReason>();
  for (const r of refs) for (const m of docs.get(docIdOf(r))?.locals.reasons(r % SPAN) ?? []) if (!localReasons.has(m.variant.toLowerCase())) localReasons.set(m.variant.toLowerCase(), m);
  return variants.map((v) => {
    const local = localReasons.get(v.toLowerCase());
    const derived = explainMerge(v, name, type);
    if (local && (derived.rule === 'lexicon' || derived.rule === 'exact' || local.rule === 'acronym')) return { ...local, variant: v };
    return derived;
  });
}

// The parts of an entity made only when read. Shared getters (not a closure per entity) read them
// from a hidden field; the properties stay own and enumerable, so JSON and structured clones see them.
const LAZY = Symbol('lazy');

interface Vote {
  name: string;
  n: number;
  tokens: number;
  acronym: boolean;
}

/** What an entity's name and variants are worked out from, kept so it can be updated in place. */
interface Tally {
  /** lower-cased form → [written form, mentions, written form, mentions, …] (a Map each was most of a refresh's garbage). */
  forms: Map<string, (string | number)[]>;
  /** lower-cased local name → its vote. */
  votes: Map<string, Vote>;
}

/** Entities named in at least this many articles are updated in place. */
const IN_PLACE_MIN = 64;

interface Lazy {
  refs: LocalRef[];
  /** The graph's articles, to read the refs with. */
  docs: ReadonlyMap<number, DocEntry>;
  tally?: Tally;
  mentionCount: number;
  mentions?: Mention[];
  /** The graph's nodes that make the entity, while it is the graph's. */
  members?: number[];
}

function lazyOf(e: CanonicalEntity): Lazy | undefined {
  return (e as any)[LAZY] as Lazy | undefined;
}

function membersOf(e: CanonicalEntity): number[] | undefined {
  return lazyOf(e)?.members;
}

function docIdOf(r: LocalRef): number {
  return Math.floor(r / SPAN);
}

function mergeSorted(a: LocalRef[], b: LocalRef[], byDocument: (a: LocalRef, b: LocalRef) => number): LocalRef[] {
  if (!b.length) return a;
  const out: LocalRef[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && byDocument(a[i], b[j]) <= 0) ? a[i++] : b[j++]);
  return out;
}

/** Adds (sign 1) or takes away (-1) one local entity's forms and name. */
function count(t: Tally, locals: ArticleLocals, li: number, sign: number): void {
  const nForms = locals.formCount(li);
  if (nForms === 1) countForm(t, locals.form(li, 0), sign * locals.mentionCount(li));
  else {
    const per = new Array<number>(nForms).fill(0);
    locals.forEachMention(li, (_s, _e, f) => per[f]++);
    per.forEach((nf, i) => {
      if (nf) countForm(t, locals.form(li, i), sign * nf);
    });
  }
  const name = locals.name(li);
  const k = name.toLowerCase();
  const n = locals.mentionCount(li);
  const v = t.votes.get(k);
  if (v) {
    v.n += sign * n;
    if (v.n <= 0) t.votes.delete(k);
  } else if (sign > 0) t.votes.set(k, { name, n, tokens: nameTokens(name).length, acronym: looksLikeAcronym(name) });
}

function countForm(t: Tally, f: string, delta: number): void {
  const k = f.toLowerCase();
  let m = t.forms.get(k);
  if (!m) t.forms.set(k, (m = []));
  let at = 0;
  while (at < m.length && m[at] !== f) at += 2;
  const c = (at < m.length ? (m[at + 1] as number) : 0) + delta;
  if (c > 0) {
    if (at < m.length) m[at + 1] = c;
    else m.push(f, c);
  } else {
    if (at < m.length) m.splice(at, 2);
    if (!m.length) t.forms.delete(k);
  }
}

function mentionsGetter(this: CanonicalEntity): Mention[] {
  const lazy = (this as any)[LAZY] as Lazy;
  if (!lazy.mentions) {
    const out: Mention[] = [];
    for (const r of lazy.refs) {
      const entry = lazy.docs.get(docIdOf(r));
      if (!entry) continue;
      const i = r % SPAN, locals = entry.locals, document = entry.doc.path;
      locals.forEachMention(i, (start, end, f) => out.push({ document, start, end, text: locals.form(i, f) }));
    }
    lazy.mentions = out;
  }
  return lazy.mentions;
}

function mergesGetter(this: CanonicalEntity): MergeReason[] {
  const lazy = (this as any)[LAZY] as Lazy;
  // Worked out on each read, not kept: the index's own entities are read once each, to be sent
  // or stored, and keeping the reasons of tens of thousands of them costs megabytes.
  return mergesOf(lazy.refs, lazy.docs, this.variants, this.name, this.type);
}

/**
 * An entity of the graph: its own fields, and the parts made only when read as getters on the
 * prototype (own accessors per entity put tens of thousands of objects in dictionary mode).
 * `toJSON` gives the plain entity, so JSON output is unchanged.
 */
class GraphEntity {
  declare [LAZY]: Lazy;

  constructor(
    public id: string,
    public name: string,
    public type: EntityType,
    public variants: string[],
    public documents: string[],
    lazy: Lazy,
  ) {
    // Not enumerable: comparisons and copies of an entity see only its fields.
    Object.defineProperty(this, LAZY, { value: lazy });
  }

  get mentions(): Mention[] {
    return mentionsGetter.call(this as unknown as CanonicalEntity);
  }

  get merges(): MergeReason[] {
    return mergesGetter.call(this as unknown as CanonicalEntity);
  }

  toJSON(): CanonicalEntity {
    return { id: this.id, name: this.name, type: this.type, variants: this.variants, documents: this.documents, mentions: this.mentions, merges: this.merges };
  }
}

/** Most entities have no variants: one frozen empty list for all of them. */
const NO_VARIANTS: string[] = Object.freeze([]) as unknown as string[];

function makeEntity(id: string, name: string, type: EntityType, variants: string[], documents: string[], lazy: Lazy): CanonicalEntity {
  return new GraphEntity(id, name, type, variants.length ? variants : NO_VARIANTS, documents, lazy) as unknown as CanonicalEntity;
}

const MARKS = new RegExp('\\p{M}+', 'gu');

export function slug(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

export function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

