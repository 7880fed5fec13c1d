// The topic model's storage: runs packed in typed arrays, reused score tables and sorts, and the
// allocation-free way of setting an article's entities — each checked against the plain version.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunPool } from '../../../src/core/corpus/runPool';
import { ScoreTable, sortIndices } from '../../../src/core/corpus/scratch';
import { StringIndex } from '../../../src/core/corpus/stringIndex';
import { TopicModel, type TopicFeature } from '../../../src/core/corpus/topics';

describe('RunPool', () => {
  it('keeps every run intact through moves, frees and packing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(200), fc.boolean()), { maxLength: 400 }), (ops) => {
        const pool = new RunPool();
        const want = new Map<number, number[]>();
        let stamp = 1;
        for (const [slot, n, free] of ops) {
          if (free) {
            pool.free(slot);
            want.delete(slot);
            continue;
          }
          const at = pool.resize(slot, n);
          const run = Array.from({ length: n }, (_, i) => stamp * 1000 + i);
          run.forEach((v, i) => {
            pool.ids[at + i] = v;
            pool.weights[at + i] = v / 8;
          });
          want.set(slot, run);
          stamp++;
        }
        pool.trim();
        for (const [slot, run] of want) {
          const at = pool.start[slot];
          expect(pool.len[slot]).toBe(run.length);
          expect(Array.from(pool.ids.subarray(at, at + run.length))).toEqual(run);
          expect(Array.from(pool.weights.subarray(at, at + run.length))).toEqual(run.map((v) => v / 8));
        }
      }),
    );
  });
});

describe('StringIndex', () => {
  it('finds what a Map would, through growth and deletions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.boolean()), { maxLength: 3000 }), (ops) => {
        const keys: string[] = [];
        const index = new StringIndex(() => keys);
        const want = new Map<string, number>();
        for (const [k, del] of ops) {
          if (del) {
            index.delete(k);
            want.delete(k);
          } else if (!want.has(k)) {
            keys.push(k);
            index.set(k, keys.length - 1);
            want.set(k, keys.length - 1);
          }
        }
        expect(index.size).toBe(want.size);
        for (const k of new Set(ops.map(([k]) => k))) expect(index.get(k)).toBe(want.get(k));
      }),
    );
  });
});

describe('ScoreTable and sortIndices', () => {
  it('sum like a Map, through growth and clears', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })), { maxLength: 3000 }), { maxLength: 3 }), (rounds) => {
        const table = new ScoreTable();
        for (const adds of rounds) {
          table.clear();
          const want = new Map<number, number>();
          for (const [k, v] of adds) {
            want.set(k, (want.get(k) ?? 0) + v);
            const s = table.slot(k);
            table.values[s] = table.values[s] + v;
          }
          expect(table.size).toBe(want.size);
          const got = new Map<number, number>();
          for (let i = 0; i < table.size; i++) got.set(table.keys[table.at(i)], table.values[table.at(i)]);
          expect([...got.keys()]).toEqual([...want.keys()]);
          expect(got).toEqual(want);
          if (adds.length) expect(table.find(adds[0][0])).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('sorts like Array.prototype.sort under a total order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 500 }), (scores) => {
        const cmp = (a: number, b: number) => scores[b] - scores[a] || a - b;
        const idx = Int32Array.from(scores.keys());
        sortIndices(idx, idx.length, cmp);
        expect(Array.from(idx)).toEqual([...scores.keys()].sort(cmp));
      }),
    );
  });
});

describe('TopicModel input without objects', () => {
  // Stories of shared names and phrases, with names near their phrases.
  const phrasesOf = (i: number): TopicFeature[] => [
    { key: `T:story ${i % 40}`, weight: 4, label: `Story ${i % 40} news`, near: [`node-${i % 40}`, `place-${i % 7}`] },
    { key: `T:word ${i % 90}`, weight: 1.5, label: `word ${i % 90}` },
    { key: `T:only ${i}`, weight: 1, label: `only ${i}` },
  ];
  const entitiesOf = (i: number): [string, number, string, 'organization' | 'place' | 'person'][] => [
    [`org-${i % 40}`, 3, `Company ${i % 40}`, 'organization'],
    [`place-${i % 7}`, 2, `City ${i % 7}`, 'place'],
    [`person-${i % 300}`, 1, `Person ${i % 300}`, 'person'],
    [`org-${i % 40}`, 0.5, `Company ${i % 40}`, 'organization'],
  ];
  const near = (key: string) => (key.startsWith('node-') ? 'org-' + key.slice(5) : key.startsWith('place-') ? key : undefined);

  const build = (objects: boolean) => {
    const model = new TopicModel({ fullBelow: 100 });
    if (objects) model.setNearResolver((k) => (near(k) ? 'E:' + near(k) : undefined));
    else model.setNearEntity(near);
    const path = (i: number) => `d${String(i).padStart(4, '0')}`;
    const setEntities = (p: string, i: number) => {
      if (objects) model.setEntities(p, entitiesOf(i).map(([id, weight, label, type]) => ({ key: 'E:' + id, weight, label, type })));
      else {
        model.beginEntities(p);
        for (const [id, weight, label, type] of entitiesOf(i)) model.addEntity(id, weight, label, type);
        model.endEntities();
      }
    };
    for (let i = 0; i < 1200; i++) model.setPhrases(path(i), phrasesOf(i));
    for (let i = 0; i < 1200; i++) setEntities(path(i), i);
    return { model, path, setEntities };
  };
  const run = (objects: boolean) => {
    const { model, path, setEntities } = build(objects);
    const first = JSON.stringify(model.list());
    model.setPhrases(path(5), phrasesOf(6));
    setEntities(path(5), 6);
    model.removeDocument(path(7));
    const second = JSON.stringify(model.list());
    return { first, second, of5: model.topicsOf(path(5)).map((t) => t.id), of7: model.topicsOf(path(7)) };
  };

  it('gives the same topics as feature objects, before and after an edit and a removal', () => {
    const a = run(true), b = run(false);
    expect(JSON.parse(a.first).length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    expect(a.of7).toEqual([]);
    // The edited article moved to the story of article 6.
    expect(JSON.parse(a.second).find((t: { id: string }) => t.id === a.of5[0]).documents).toContain('d0046');
  });

  it('labels a story by its phrase and the place its sentences name', () => {
    const { model } = build(false);
    const story = model.topicsOf('d0003').find((t) => t.documents.includes('d0043'))!;
    expect(story).toBeDefined();
    expect(story.label).toMatch(/Story 3 news/);
    expect(story.entities).toContain('org-3');
  });
});
