// Canonical entities across articles. Each article's local entities (see digest.ts) name one or
// more nodes — a folded full name per type. Nodes are joined when an article joins them (an
// acronym and its expansion), when they are spellings of one name (token by token, see
// names.ts), when they are names of one country, and when a bare surname has exactly one full
// name in the corpus to belong to. Connected nodes make one canonical entity.
//
// Incremental: adding or removing an article touches only its nodes; a snapshot re-runs the
// (cheap) union-find over all nodes but rebuilds only the entities whose nodes changed.
import type { EntityType } from '../types';
import type { LocalEntity } from './digest';
import { typeOfKey } from './digest';
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

interface LocalRef {
  doc: DocRef;
  le: LocalEntity;
}

interface Node {
  id: number;
  key: string;
  type: EntityType;
  /** The core name, folded, without the sense. */
  name: string;
  tokens: string[];
  refs: Set<LocalRef>;
  alias?: string;
  block: string;
  sim: Map<number, { rule: MergeReason['rule']; score: number }>;
  sensed: boolean;
  /** Written as an acronym where first seen: matched exactly, never as a spelling variant. */
  acronym: boolean;
}

export class EntityGraph {
  private nodes = new Map<string, Node>();
  private byId: (Node | undefined)[] = [];
  private free: number[] = [];
  private blocks = new Map<string, Set<number>>();
  private surnames = new Map<string, Set<number>>();
  /** Node pairs joined within articles, with how many articles join them. */
  private links = new Map<number, Map<number, number>>();
  private docRefs = new Map<number, LocalRef[]>();
  private dirty = new Set<number>();
  private removedOwner = new Set<CanonicalEntity>();

  private entityOfNode = new Map<number, CanonicalEntity>();
  private entities = new Map<string, CanonicalEntity>();
  private membersOf = new Map<CanonicalEntity, number[]>();
  private sorted: CanonicalEntity[] | undefined;

  addDocument(doc: DocRef, locals: readonly LocalEntity[]): void {
    const refs: LocalRef[] = [];
    for (const le of locals) {
      const ref: LocalRef = { doc, le };
      refs.push(ref);
      const ids = [le.key, ...(le.keys ?? [])].map((k) => this.node(k, le.acronyms?.includes(k) ?? false).id);
      for (const id of ids) {
        this.byId[id]!.refs.add(ref);
        this.dirty.add(id);
      }
      for (let i = 1; i < ids.length; i++) this.link(ids[0], ids[i], +1);
    }
    this.docRefs.set(doc.id, refs);
  }

  removeDocument(docId: number): void {
    const refs = this.docRefs.get(docId);
    if (!refs) return;
    this.docRefs.delete(docId);
    for (const ref of refs) {
      const ids = [ref.le.key, ...(ref.le.keys ?? [])].map((k) => this.nodes.get(k)!.id);
      for (let i = 1; i < ids.length; i++) this.link(ids[0], ids[i], -1);
      for (const id of ids) {
        const n = this.byId[id]!;
        n.refs.delete(ref);
        this.dirty.add(id);
        if (!n.refs.size) this.dropNode(n);
      }
    }
  }

  /** The entity a document's local entity belongs to, after `refresh`. */
  entityOfKey(key: string): CanonicalEntity | undefined {
    const n = this.nodes.get(key);
    return n ? this.entityOfNode.get(n.id) : undefined;
  }

  entity(id: string): CanonicalEntity | undefined {
    return this.entities.get(id);
  }

  list(): CanonicalEntity[] {
    if (!this.sorted) {
      this.sorted = [...this.entities.values()].sort((a, b) => b.documents.length - a.documents.length || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return this.sorted;
  }

  get size(): number {
    return this.entities.size;
  }

  /** Brings the entities up to date with the documents added and removed since the last call. Returns whether anything changed. */
  refresh(): boolean {
    if (!this.dirty.size && !this.removedOwner.size) return false;
    const n = this.byId.length;
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const union = (a: number, b: number) => {
      const ra = find(a), rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const aliasRoot = new Map<string, number>();
    for (const node of this.byId) {
      if (!node) continue;
      for (const [other] of this.links.get(node.id) ?? []) union(node.id, other);
      for (const [other] of node.sim) union(node.id, other);
      if (node.alias) {
        const r = aliasRoot.get(node.alias);
        if (r === undefined) aliasRoot.set(node.alias, node.id);
        else union(node.id, r);
      }
    }
    // A bare surname joins the one full name in the corpus it can belong to.
    for (const node of this.byId) {
      if (!node || node.type !== 'person' || node.tokens.length !== 1) continue;
      const root = find(node.id);
      const cands = new Set<number>();
      for (const id of this.surnames.get(translit(node.tokens[0])) ?? []) {
        if (id !== node.id) cands.add(find(id));
      }
      cands.delete(root);
      if (cands.size === 1) {
        // Only if the surname's own cluster holds no other full name.
        union(node.id, [...cands][0]);
      }
    }

    // Which entities to rebuild: those holding a changed node, now or before, and any entity
    // sharing a component with one of those (components only change through changed nodes).
    const affectedRoots = new Set<number>();
    const stale = new Set<CanonicalEntity>(this.removedOwner);
    for (const id of this.dirty) {
      const old = this.entityOfNode.get(id);
      if (old) stale.add(old);
      if (this.byId[id]) affectedRoots.add(find(id));
    }
    const members = new Map<number, number[]>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of stale) for (const id of this.membersOf.get(e) ?? []) if (this.byId[id]) affectedRoots.add(find(id));
      members.clear();
      for (const root of affectedRoots) members.set(root, []);
      for (const node of this.byId) {
        if (!node) continue;
        const list = members.get(find(node.id));
        if (!list) continue;
        list.push(node.id);
        const old = this.entityOfNode.get(node.id);
        if (old && !stale.has(old)) {
          stale.add(old);
          grew = true;
        }
      }
    }
    for (const e of stale) {
      if (this.entities.get(e.id) === e) this.entities.delete(e.id);
      for (const id of this.membersOf.get(e) ?? []) if (this.entityOfNode.get(id) === e) this.entityOfNode.delete(id);
      this.membersOf.delete(e);
    }
    for (const ids of [...members.values()].sort((a, b) => a[0] - b[0])) {
      const e = this.build(ids);
      if (!e) continue;
      for (const id of ids) this.entityOfNode.set(id, e);
      this.membersOf.set(e, ids);
    }
    this.dirty.clear();
    this.removedOwner.clear();
    this.sorted = undefined;
    return true;
  }

  /** In how many articles a node's name occurs. */
  documentCount(key: string): number {
    return this.nodes.get(key)?.refs.size ?? 0;
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
      tokens,
      refs: new Set(),
      ...(sense === 'us-state' ? { alias: 'state:' + name } : gz && (!sense || sense === 'country') ? { alias: gz.id } : {}),
      block: key[0] + '|' + tokens.map((t) => skeleton(t)).join(' '),
      sim: new Map(),
      sensed,
      acronym,
    };
    this.nodes.set(key, n);
    this.byId[id] = n;
    if (!sensed) {
      // Spelling variants of this name already known: same type, same consonant skeleton, token by token.
      const block = this.blocks.get(n.block);
      for (const other of block ?? []) {
        const o = this.byId[other]!;
        const m = this.variantOf(n, o);
        if (m) {
          n.sim.set(o.id, m);
          o.sim.set(n.id, m);
          this.dirty.add(o.id);
        }
      }
      if (block) block.add(id);
      else this.blocks.set(n.block, new Set([id]));
    }
    if (type === 'person') {
      const last = translit(tokens[tokens.length - 1] ?? '');
      if (tokens.length >= 2) {
        let s = this.surnames.get(last);
        if (!s) this.surnames.set(last, (s = new Set()));
        s.add(id);
      }
      // Bare surnames of this name, and full names they might attach to, must be looked at again.
      for (const other of this.surnames.get(last) ?? []) this.dirty.add(other);
      const bare = this.nodes.get('p|' + (tokens[tokens.length - 1] ?? ''));
      if (bare) this.dirty.add(bare.id);
      this.dirtyBareSurnames(last);
    }
    return n;
  }

  private dirtyBareSurnames(last: string): void {
    for (const node of this.blocks.get('p|' + skeletonOfTranslit(last)) ?? []) {
      const o = this.byId[node];
      if (o && o.tokens.length === 1 && translit(o.tokens[0]) === last) this.dirty.add(o.id);
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
    if (a.type === 'person' && a.tokens.length === 1 && m.rule === 'spelling-variant') return undefined;
    return m;
  }

  private dropNode(n: Node): void {
    this.nodes.delete(n.key);
    this.byId[n.id] = undefined;
    this.free.push(n.id);
    this.blocks.get(n.block)?.delete(n.id);
    for (const [other] of n.sim) {
      const o = this.byId[other];
      if (o) {
        o.sim.delete(n.id);
        this.dirty.add(other);
      }
    }
    if (n.type === 'person') {
      const last = translit(n.tokens[n.tokens.length - 1] ?? '');
      this.surnames.get(last)?.delete(n.id);
      for (const other of this.surnames.get(last) ?? []) this.dirty.add(other);
      this.dirtyBareSurnames(last);
    }
    const old = this.entityOfNode.get(n.id);
    if (old) {
      this.removedOwner.add(old);
      this.entityOfNode.delete(n.id);
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

  private build(ids: number[]): CanonicalEntity | undefined {
    const refs: LocalRef[] = [];
    const seen = new Set<LocalRef>();
    for (const id of ids) {
      for (const r of this.byId[id]!.refs) {
        if (seen.has(r)) continue;
        seen.add(r);
        refs.push(r);
      }
    }
    if (!refs.length) return undefined;
    refs.sort((a, b) => a.doc.order - b.doc.order || a.doc.path.localeCompare(b.doc.path) || a.le.mentions[0] - b.le.mentions[0]);
    // Type: the one most mentioned (nodes of one entity share it, but be safe).
    const type = this.byId[ids[0]]!.type;
    const name = canonicalName(refs, ids.map((id) => this.byId[id]!), type);
    // Surface forms, case-insensitively distinct, preferring the form not in capitals.
    const forms = new Map<string, { form: string; n: number; best: number }>();
    for (const r of refs) {
      const counts = new Array<number>(r.le.forms.length).fill(0);
      for (let i = 2; i < r.le.mentions.length; i += 3) counts[r.le.mentions[i]]++;
      r.le.forms.forEach((f, i) => {
        const k = f.toLowerCase();
        const cur = forms.get(k);
        if (!cur) forms.set(k, { form: f, n: counts[i], best: counts[i] });
        else {
          cur.n += counts[i];
          // The form written most often, unless it is only a headline's capitals.
          const shouted = isShoutedName(f), curShouted = isShoutedName(cur.form);
          if ((curShouted && !shouted) || (shouted === curShouted && counts[i] > cur.best)) [cur.form, cur.best] = [f, counts[i]];
        }
      });
    }
    const variants = [...forms.values()]
      .filter((f) => f.form !== name && f.form.toLowerCase() !== name.toLowerCase())
      .sort((a, b) => b.n - a.n || (a.form < b.form ? -1 : 1))
      .map((f) => f.form);
    const localReasons = new Map<string, MergeReason>();
    for (const r of refs) for (const m of r.le.reasons ?? []) if (!localReasons.has(m.variant.toLowerCase())) localReasons.set(m.variant.toLowerCase(), m);
    const merges = variants.map((v) => {
      const local = localReasons.get(v.toLowerCase());
      const derived = explainMerge(v, name, type);
      if (local && (derived.rule === 'lexicon' || derived.rule === 'exact' || local.rule === 'acronym')) return { ...local, variant: v };
      return derived;
    });
    const docs: string[] = [];
    for (const r of refs) if (docs[docs.length - 1] !== r.doc.path) docs.push(r.doc.path);
    const senseNode = ids.map((id) => this.byId[id]!).find((n) => n.sensed);
    const sense = senseNode ? senseNode.key.slice(senseNode.key.indexOf('#') + 1) : undefined;
    let id = `${type}:${slug(name)}${sense && sense !== 'country' ? '~' + sense : ''}`;
    const clash = this.entities.get(id);
    if (clash) id += '~' + shortHash(ids.map((i) => this.byId[i]!.key).sort()[0]);
    const entity = makeEntity(id, name, type, variants, [...new Set(docs)], merges, refs);
    this.entities.set(id, entity);
    return entity;
  }
}

function skeletonOfTranslit(t: string): string {
  return t ? t[0] + t.slice(1).replace(/[aeiou]/g, '') : '';
}

/**
 * The fullest, most frequent form: a country's usual name when it is among the forms; for a
 * person the name with the most words (a full name over a surname), then the most mentioned;
 * for others the most mentioned name that is not an acronym, then the longer.
 */
function canonicalName(refs: readonly LocalRef[], nodes: readonly Node[], type: EntityType): string {
  const votes = new Map<string, { name: string; n: number; tokens: number; acronym: boolean }>();
  for (const r of refs) {
    const k = r.le.name.toLowerCase();
    const n = r.le.mentions.length / 3;
    const cur = votes.get(k);
    if (cur) cur.n += n;
    else votes.set(k, { name: r.le.name, n, tokens: nameTokens(r.le.name).length, acronym: looksLikeAcronym(r.le.name) });
  }
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

function makeEntity(id: string, name: string, type: EntityType, variants: string[], documents: string[], merges: MergeReason[], refs: LocalRef[]): CanonicalEntity {
  let mentions: Mention[] | undefined;
  const e = { id, name, type, variants, documents } as CanonicalEntity;
  // Mentions are built when first read: a corpus of thousands of articles holds hundreds of thousands.
  Object.defineProperty(e, 'mentions', {
    enumerable: true,
    configurable: true,
    get() {
      if (!mentions) {
        mentions = [];
        for (const r of refs) {
          const m = r.le.mentions;
          for (let i = 0; i < m.length; i += 3) mentions.push({ document: r.doc.path, start: m[i], end: m[i + 1], text: r.le.forms[m[i + 2]] });
        }
      }
      return mentions;
    },
  });
  e.merges = merges;
  return e;
}

export function slug(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
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

