// Arrays sized for the articles a fill is known to bring: grown once to the projection instead of
// step by step, with the same contents and the same index either way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/core/corpus';
import { Growth } from '../../../src/core/corpus/growth';
import { RunPool } from '../../../src/core/corpus/runPool';
import { article, type C, type E } from './helpers';

describe('Growth', () => {
  it('grows by its factor when no fill is expected', () => {
    const g = new Growth();
    expect(g.capacity(1000, 1001)).toBe(1500);
    expect(g.capacity(1000, 1001, 2)).toBe(2000);
    expect(g.capacity(0, 1)).toBe(64);
    expect(g.capacity(10, 5000)).toBe(5000);
  });

  it('projects from the articles added once enough of them are in, and stops when the fill is done', () => {
    const g = new Growth();
    g.expect(1000);
    for (let i = 0; i < 31; i++) g.count();
    // 31 of 1,000 articles: too few to stand for the rest.
    expect(g.capacity(1000, 1001)).toBe(1500);
    for (let i = 0; i < 69; i++) g.count();
    // 100 articles needed 2,000 entries: 1,000 articles will need about 20,000.
    expect(g.capacity(1500, 2000)).toBe(Math.ceil(20_000 * 1.05));
    for (let i = 0; i < 800; i++) g.count();
    // A projection that fell short is made again from more articles (900 of 1,000), not doubled.
    expect(g.capacity(20_000, 20_001)).toBe(Math.ceil((20_001 / 900) * 1000 * 1.05));
    for (let i = 0; i < 100; i++) g.count();
    // The fill is done: back to the usual steps.
    expect(g.capacity(21_000, 21_001)).toBe(31_500);
  });
});

describe('RunPool under a projection', () => {
  /** Fills a pool expecting as many runs as `lengths` has; each run holds numbers it can be checked by. */
  function fill(lengths: number[]): { pool: RunPool; grown: number; wrong: number } {
    const growth = new Growth();
    growth.expect(lengths.length);
    const pool = new RunPool(growth);
    let grown = 0;
    let ids = pool.ids;
    lengths.forEach((n, slot) => {
      growth.count();
      const at = pool.resize(slot, n);
      for (let i = 0; i < n; i++) {
        pool.ids[at + i] = slot * 100 + i;
        pool.weights[at + i] = i / 4;
      }
      if (pool.ids !== ids) {
        grown++;
        ids = pool.ids;
      }
    });
    let wrong = 0;
    lengths.forEach((n, slot) => {
      const at = pool.start[slot];
      if (pool.len[slot] !== n) wrong++;
      for (let i = 0; i < n; i++) if (pool.ids[at + i] !== slot * 100 + i || pool.weights[at + i] !== i / 4) wrong++;
    });
    return { pool, grown, wrong };
  }

  it('keeps every run intact, however unlike its start the rest of the fill is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 700 }), (lengths) => {
        expect(fill(lengths).wrong).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('is grown once or twice, to about what the runs need, where doubling takes four steps', () => {
    for (let seed = 1; seed <= 20; seed++) {
      let x = seed;
      const random = () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
      // Articles alike on average: 500 to 900 runs of 1 to 40 features (over 8,192 in all).
      const lengths = Array.from({ length: 500 + Math.floor(random() * 400) }, () => 1 + Math.floor(random() * 40));
      const total = lengths.reduce((a, b) => a + b, 0);
      const { pool, grown } = fill(lengths);
      expect(grown).toBeLessThanOrEqual(2);
      expect(pool.ids.length).toBeLessThan(total * 1.3);
    }
  });
});

describe('RunPool.reserve', () => {
  it('sizes an empty pool once for a burst of runs, and leaves a pool with runs alone', () => {
    const pool = new RunPool();
    const lengths = Array.from({ length: 3000 }, (_, i) => (i * 7) % 13);
    const total = lengths.reduce((a, b) => a + b, 0);
    pool.reserve(total);
    const ids = pool.ids;
    expect(ids.length).toBe(total);
    lengths.forEach((n, slot) => {
      const at = pool.resize(slot, n);
      for (let i = 0; i < n; i++) pool.ids[at + i] = slot;
    });
    expect(pool.ids).toBe(ids);
    lengths.forEach((n, slot) => expect(Array.from(pool.ids.subarray(pool.start[slot], pool.start[slot] + n))).toEqual(Array(n).fill(slot)));
    pool.reserve(10 * total);
    expect(pool.ids).toBe(ids);
  });
});

describe('CorpusIndex.expect', () => {
  // 24 stories of five articles each: two people, a place and an organization of their own.
  const first = ['Anna', 'Boris', 'Carla', 'Dmytro', 'Emil', 'Fatima'];
  const last = ['Kovacs', 'Lindqvist', 'Moreau', 'Novak'];
  const places = ['Kyiv', 'Seoul', 'Brussels', 'Berlin', 'Kursk', 'Lagos', 'Quito', 'Oslo'];
  const orgs = ['NATO', 'Pentagon', 'United Nations', 'European Union', 'Red Cross', 'OPEC'];
  const docs = Array.from({ length: 120 }, (_, i) => {
    const s = i % 24;
    const a = `${first[s % 6]} ${last[s % 4]}`, b = `${first[(s + 1) % 6]} ${last[(s >> 2) % 4]}`;
    const p = places[s % 8], o = orgs[s % 6];
    const troops = `${1000 + (i % 6) * 500} troops`;
    const text = `Officials in ${p} said ${a} met ${b} on Friday. About ${troops} were sent, ${o} said. ${a} said exports fell ${(i % 9) + 1} percent in ${p}.`;
    const entities: E[] = [[a, 'person'], [b, 'person'], [p, 'place'], [o, 'organization']];
    const claims: C[] = [
      { text: troops, value: 1000 + (i % 6) * 500, unit: 'troops', approx: 'about' },
      { text: `${(i % 9) + 1} percent`, value: (i % 9) + 1, kind: 'percent', unit: 'percent' },
    ];
    return [`a${String(i).padStart(3, '0')}.txt`, article(text, entities, claims)] as const;
  });

  const build = (expected: number | undefined) => {
    const index = new CorpusIndex({ topics: { fullBelow: 10_000 } });
    if (expected !== undefined) index.expect(expected);
    for (const [path, d] of docs) index.set({ path, hash: `${path}:${d.text.length}`, analysis: d.analysis, text: d.text });
    return index.snapshot();
  };

  it('makes the same index whether the number of articles is given or not', () => {
    const plain = build(undefined);
    expect(plain.entities.length).toBeGreaterThan(10);
    expect(plain.claimGroups.length).toBeGreaterThan(0);
    expect(plain.topics.length).toBeGreaterThan(0);
    expect(JSON.stringify(build(docs.length))).toBe(JSON.stringify(plain));
    // A wrong guess only changes the sizes.
    expect(JSON.stringify(build(10))).toBe(JSON.stringify(plain));
    expect(JSON.stringify(build(100_000))).toBe(JSON.stringify(plain));
  });
});
