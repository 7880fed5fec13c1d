// The lazy tree behind every sidebar view: pages, reuse of unchanged nodes, in-place updates.
import { describe, expect, it } from 'vitest';
import { LazyTree, type Listing } from '../../../src/extension/views/model/lazyTree';
import { PAGE_SIZE, type ViewNode } from '../../../src/extension/views/model/node';

interface Item {
  name: string;
  kids: string[];
}

class Fake extends LazyTree {
  constructor(public items: Item[]) {
    super();
  }
  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent)
      return { items: this.items, idOf: (x: Item) => x.name, make: (x: Item, id: string) => ({ id, contextValue: 'item', label: x.name, description: `${x.kids.length}`, expand: 'collapsed' }) };
    const item = parent.data as Item;
    return { items: item.kids, idOf: (k: string) => `${parent.id}/${k}`, make: (k: string, id: string) => ({ id, contextValue: 'kid', label: k, expand: 'none', parent }) };
  }
}

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `i${i}`, kids: ['a', 'b'] }));

describe('LazyTree', () => {
  it('makes one page and a "… N more" node, and the next page on request', () => {
    const t = new Fake(items(PAGE_SIZE + 10));
    const top = t.children();
    expect(top).toHaveLength(PAGE_SIZE + 1);
    const more = top.at(-1)!;
    expect(more.label).toBe('… 10 more');
    expect(t.showMore(more)).toBeUndefined();
    expect(t.children()).toHaveLength(PAGE_SIZE + 10);
  });

  it('keeps unchanged nodes and their children on refresh, and reports nothing', () => {
    const t = new Fake(items(5));
    const top = t.children();
    const kids = t.children(top[2]);
    t.items = [...t.items];
    expect(t.refresh()).toEqual({ root: false, nodes: [] });
    expect(t.children()[2]).toBe(top[2]);
    t.children(top[2]).forEach((n, i) => expect(n).toBe(kids[i]));
  });

  it('updates a changed node in place and reports only it', () => {
    const t = new Fake(items(5));
    const top = t.children();
    t.children(top[1]);
    t.items = t.items.map((x, i) => (i === 1 ? { name: x.name, kids: ['a', 'b', 'c'] } : x));
    const changes = t.refresh();
    expect(changes).toEqual({ root: false, nodes: [top[1]] });
    expect(top[1].description).toBe('3');
    expect(t.children(top[1]).map((n) => n.label)).toEqual(['a', 'b', 'c']);
  });

  it('reports the parent when its list changes', () => {
    const t = new Fake(items(3));
    t.children();
    t.items = [...t.items, { name: 'new', kids: [] }];
    expect(t.refresh().root).toBe(true);
  });

  it('grows the page to hold a child asked for beyond it', () => {
    const t = new Fake(items(PAGE_SIZE * 2 + 5));
    t.children();
    const r = t.ensureChild(undefined, `i${PAGE_SIZE + 3}`);
    expect(r.grew).toBe(true);
    expect(r.node?.label).toBe(`i${PAGE_SIZE + 3}`);
    expect(t.children()).toContain(r.node);
  });
});
