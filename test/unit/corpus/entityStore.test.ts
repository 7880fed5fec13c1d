// The mirror's compact entity store: what goes in comes out, through removals, slot reuse and the
// compaction that moves the live entities' numbers together.
import { describe, expect, it } from 'vitest';
import { EntityStore, packEntities } from '../../../src/core/corpus/entityStore';
import type { EntityTuple } from '../../../src/core/corpus/state';

const paths = Array.from({ length: 50 }, (_v, i) => `a${i}.txt`);

/** An entity in `docs` articles with `n` mentions each (big enough to make compaction happen). */
function tuple(id: number, docs: number, n: number): EntityTuple {
  const d = Array.from({ length: docs }, (_v, k) => (id + k) % paths.length).sort((x, y) => x - y);
  const flat: number[] = [];
  for (const doc of d) for (let m = 0; m < n; m++) flat.push(doc, m * 10 + id, m * 10 + id + 4, m % 2 ? 0 : -1);
  return [`place:e${id}`, `E${id}`, 'place', [`e${id}`], d, flat];
}

const plain = (e: unknown) => JSON.parse(JSON.stringify(e));

describe('the entity store', () => {
  it('gives back what it was given, through removals, reused slots and compaction', () => {
    const store = new EntityStore(paths);
    const live = new Map<number, { e: ReturnType<EntityStore['add']>; t: EntityTuple }>();
    let next = 0, added = 0;
    // Waves of big entities in and most of them out: dead numbers pile up past the compaction point.
    for (let wave = 0; wave < 6; wave++) {
      for (let k = 0; k < 40; k++, next++) {
        const t = tuple(next, 1 + (next % 7), 200);
        live.set(next, { e: store.add(t), t });
        added += t[5].length;
      }
      for (const [id, { e }] of live) {
        if (id % 3 !== 0) {
          store.remove(e);
          live.delete(id);
        }
      }
    }
    expect(live.size).toBeGreaterThan(50);
    // Compaction ran: the mention pool holds far less than everything ever added.
    expect((store as unknown as { flatEnd: number }).flatEnd).toBeLessThan(added / 2);
    for (const { e, t } of live.values()) {
      const docs = t[4].map((d) => paths[d]);
      expect(plain(e)).toMatchObject({ id: t[0], name: t[1], type: 'place', variants: t[3], documents: docs });
      expect(e.mentions).toHaveLength(t[5].length / 4);
      expect(e.mentions[1]).toEqual({ document: paths[t[5][4]], start: t[5][5], end: t[5][6], text: t[3][0] });
      expect(e.merges.map((m) => m.variant)).toEqual(t[3]);
    }
    // Each live entity is found from the articles it names, and from nothing else.
    const some = [...live.values()][3];
    for (const d of some.t[4]) expect(store.entitiesNaming(d)).toContain(some.e);
    expect(store.entitiesNaming(some.t[4][0]).every((x) => (x.documents as string[]).includes(paths[some.t[4][0]]))).toBe(true);
  });

  it('loads a packed set as the same entities as added one by one', () => {
    const t3 = tuple(3, 2, 2);
    // Another form ("E3!") and a stated merge reason for the first variant.
    const tuples: EntityTuple[] = [tuple(1, 3, 2), tuple(2, 1, 1), [t3[0], t3[1], t3[2], ['e3', 'x3'], t3[4], t3[5], ['E3!'], [['acronym', 0.98], 0]]];
    const a = new EntityStore(paths).load(packEntities(tuples));
    const b = tuples.map((t) => new EntityStore(paths).add(t));
    expect(plain(a)).toEqual(plain(b));
    expect(a[2].merges[0]).toEqual({ variant: 'e3', rule: 'acronym', score: 0.98 });
  });

  it('takes a packed set into an empty store as it is, and goes on as usual after', () => {
    const tuples = Array.from({ length: 30 }, (_v, i) => tuple(i, 1 + (i % 4), 3));
    const store = new EntityStore(paths);
    // A store that held entities and let them all go counts as empty (a second restore).
    for (const e of tuples.slice(0, 5).map((t) => store.add(t))) store.remove(e);
    const packed = packEntities(tuples);
    const loaded = store.load(packed);
    // The numbers were taken, not copied.
    expect((store as unknown as { flat: Int32Array }).flat).toBe(packed.flat);
    expect(plain(loaded)).toEqual(plain(tuples.map((t) => new EntityStore(paths).add(t))));
    // Then entities come and go (past the pools' ends, through compaction) as in any store.
    const extra = Array.from({ length: 40 }, (_v, i) => tuple(100 + i, 3, 200));
    const added = extra.map((t) => store.add(t));
    for (const e of loaded.filter((_e, i) => i % 2)) store.remove(e);
    for (const e of added.slice(0, 30)) store.remove(e);
    for (const [i, e] of loaded.entries()) if (i % 2 === 0) expect(plain(e)).toEqual(plain(new EntityStore(paths).add(tuples[i])));
    for (const [i, e] of added.entries()) if (i >= 30) expect(plain(e)).toEqual(plain(new EntityStore(paths).add(extra[i])));
    expect(store.entitiesNaming(tuples[0][4][0])).toContain(loaded[0]);
  });
});
