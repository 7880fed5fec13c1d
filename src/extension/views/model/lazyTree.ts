// A lazily built tree with stable node objects. Children are made the first time VS Code asks
// for them, only a page at a time ("… N more"), and kept; on a data change `refresh` walks only
// the lists that were made, reuses every node whose data object is unchanged, updates changed
// nodes in place (VS Code knows nodes by object) and reports just those, so one edited article
// never rebuilds the tree.
import { moreNode, PAGE_SIZE, type ViewNode } from './node';

/** The full (filtered, sorted) list of a node's children, of which a page is made into nodes. */
export interface Listing<T> {
  items: readonly T[];
  idOf(item: T): string;
  make(item: T, id: string, parent: ViewNode | undefined): ViewNode;
  /** What decides whether a made node is still current; the item itself (by identity) when absent. */
  versionOf?(item: T): unknown;
}

export type SortMode = 'name' | 'articles' | 'first';

export interface ViewOptions {
  sort: SortMode;
  /** Model-specific facets ("person", "conflict", "verified", "tag:x"); empty = all. */
  facets: string[];
  /** Case-insensitive text the item's name must contain. */
  text: string;
  /** Cross-references: also list entities found in one article only. */
  showSingle: boolean;
}

export const DEFAULT_OPTIONS: ViewOptions = { sort: 'articles', facets: [], text: '', showSingle: false };

/** What a refresh changed: `root` when the top level must be re-read, else the nodes to re-read. */
export interface Changes {
  root: boolean;
  nodes: ViewNode[];
}

const ROOT = '';

export abstract class LazyTree {
  private kids = new Map<string, ViewNode[]>();
  private byId = new Map<string, ViewNode>();
  private limits = new Map<string, number>();
  private updated: ViewNode[] = [];
  options: ViewOptions = { ...DEFAULT_OPTIONS };

  /** The children of `parent` (the top level when undefined), as a list of any item type. */
  protected abstract list(parent: ViewNode | undefined): Listing<any>;

  /** Optional async work before a node's children can be listed (e.g. reading an article's text). */
  prepare(_parent: ViewNode | undefined): Promise<void> | undefined {
    return undefined;
  }

  /** Updates a node's own label or counts after its list of children changed. */
  protected relabel(_node: ViewNode): void {}

  children(parent?: ViewNode): ViewNode[] {
    const key = parent?.id ?? ROOT;
    let c = this.kids.get(key);
    if (!c) {
      c = this.materialize(parent);
      this.kids.set(key, c);
      this.updated.length = 0;
    }
    return c;
  }

  node(id: string): ViewNode | undefined {
    return this.byId.get(id);
  }

  /** Drops everything (after a sort or filter change). */
  reset(): void {
    this.kids.clear();
    this.byId.clear();
    this.limits.clear();
  }

  /** Lists `PAGE_SIZE` more children of the node a "… N more" node belongs to. Returns that parent (undefined = top level). */
  showMore(more: ViewNode): ViewNode | undefined {
    const parentId = more.moreOf ?? ROOT;
    this.limits.set(parentId, (this.limits.get(parentId) ?? PAGE_SIZE) + PAGE_SIZE);
    const parent = parentId === ROOT ? undefined : this.byId.get(parentId);
    this.kids.delete(parentId);
    return parent;
  }

  /**
   * The child of `parent` with this id, made if it is beyond the page shown (the page grows to
   * hold it). `grew` tells the caller to have VS Code re-read `parent` before revealing.
   */
  ensureChild(parent: ViewNode | undefined, id: string): { node?: ViewNode; grew: boolean } {
    const hit = this.children(parent).find((n) => n.id === id);
    if (hit) return { node: hit, grew: false };
    const listing = this.list(parent);
    const i = listing.items.findIndex((it) => listing.idOf(it) === id);
    if (i < 0) return { grew: false };
    const key = parent?.id ?? ROOT;
    this.limits.set(key, Math.ceil((i + 1) / PAGE_SIZE) * PAGE_SIZE);
    this.kids.delete(key);
    return { node: this.children(parent).find((n) => n.id === id), grew: true };
  }

  /** Brings the made lists up to date with the data; returns what VS Code must re-read. */
  refresh(): Changes {
    const changes: Changes = { root: false, nodes: [] };
    const walk = (parent: ViewNode | undefined) => {
      const key = parent?.id ?? ROOT;
      const old = this.kids.get(key);
      if (!old) return;
      const fresh = this.materialize(parent);
      const updated = this.updated.splice(0);
      this.kids.set(key, fresh);
      const sameList = old.length === fresh.length && old.every((n, i) => n === fresh[i]);
      const gone = new Set(old);
      for (const n of fresh) gone.delete(n);
      for (const n of gone) this.drop(n, true);
      if (!sameList) {
        if (parent) {
          this.relabel(parent);
          changes.nodes.push(parent);
        }
        else changes.root = true;
      } else {
        for (const n of updated) changes.nodes.push(n);
      }
      const changed = new Set(updated);
      for (const n of fresh) if (!changed.has(n)) walk(n);
    };
    walk(undefined);
    return changes;
  }

  private materialize(parent: ViewNode | undefined): ViewNode[] {
    const key = parent?.id ?? ROOT;
    const listing = this.list(parent);
    const limit = this.limits.get(key) ?? PAGE_SIZE;
    const items = listing.items;
    const n = Math.min(items.length, limit);
    const out: ViewNode[] = [];
    for (let i = 0; i < n; i++) {
      const item = items[i];
      const id = listing.idOf(item);
      const old = this.byId.get(id);
      const version = listing.versionOf ? listing.versionOf(item) : item;
      if (old && old.version === version) {
        out.push(old);
        continue;
      }
      const made = listing.make(item, id, parent);
      made.data = item;
      made.version = version;
      if (old) {
        // Same id, new data: update the object VS Code already holds, and forget its children.
        this.drop(old, false);
        for (const k of Object.keys(old)) if (!(k in made)) delete (old as any)[k];
        Object.assign(old, made);
        this.updated.push(old);
        out.push(old);
      } else {
        this.byId.set(id, made);
        out.push(made);
      }
    }
    if (items.length > n) {
      const more = moreNode(key, parent, items.length - n);
      const had = this.byId.get(more.id);
      if (had && had.label !== more.label) {
        Object.assign(had, more);
        this.updated.push(had);
      }
      if (!had) this.byId.set(more.id, more);
      out.push(had ?? more);
    }
    return out;
  }

  /** Forgets a node's made children (and the node itself unless `keepSelf`). */
  private drop(node: ViewNode, self: boolean): void {
    const kids = this.kids.get(node.id);
    if (kids) for (const k of kids) this.drop(k, true);
    this.kids.delete(node.id);
    if (self && this.byId.get(node.id) === node) {
      this.byId.delete(node.id);
      this.limits.delete(node.id);
    }
  }
}
