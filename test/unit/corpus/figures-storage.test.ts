// The figure index keeps claims packed (rows of typed columns, strings in one string per article,
// feature ids in one pool that is compacted after removals): what comes out must be what went in,
// and an index that lived through many removals must group as a fresh one does.
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/core/corpus';
import { article, type C } from './helpers';

/** A made-up place name per story (letters only, so each is a word of its own). */
const placeOf = (i: number) => 'Zor' + String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26) % 26, 97 + Math.floor(i / 676));
const cityOf = (i: number) => 'Kel' + String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26) % 26, 97 + Math.floor(i / 676));

/** One of two reports of story `i`: the same troop figure, worded a little differently. */
function report(i: number, side: 0 | 1, extra: C[] = []) {
  const place = placeOf(i), city = cityOf(i);
  const n = 1000 + i * 10;
  const figure = side ? `about ${n} troops` : `approximately ${n} soldiers`;
  const text = `${place} officials met in ${city}. Officials said ${place} has sent ${figure} to ${city} to guard the border. ${place} and ${city} talks went on.`;
  const claims: C[] = [{ text: figure, value: n, unit: side ? 'troops' : 'soldiers', approx: side ? 'about' : 'approximately', subject: `${place} troops`, ...(i % 5 === 0 ? { expected: true } : {}) }, ...extra];
  return article(text, [[place, 'place'], [city, 'place']], claims);
}

const pathOf = (i: number, side: number) => `s${String(i).padStart(4, '0')}-${side}.txt`;

function add(index: CorpusIndex, i: number, side: 0 | 1) {
  const d = report(i, side);
  index.set({ path: pathOf(i, side), hash: pathOf(i, side) + d.text.length, analysis: d.analysis, text: d.text });
}

describe('figure index storage', () => {
  it('gives back each grouped claim as the analysis stated it', () => {
    const index = new CorpusIndex();
    for (let i = 0; i < 12; i++) for (const side of [0, 1] as const) add(index, i, side);
    const groups = index.snapshot().claimGroups;
    expect(groups).toHaveLength(12);
    for (const g of groups) {
      for (const f of g.figures) {
        for (const ref of f.claims) {
          const stated = index.document(ref.document)!.analysis.claims[ref.index];
          expect(ref.claim).toEqual(stated);
          expect(ref.claim).not.toBe(stated);
        }
      }
    }
    // The subject, unit and hedges come from the claims' own strings.
    const g = index.groupForClaim(pathOf(3, 0), 0)!;
    expect(g.subject).toBe(`${placeOf(3)} troops`);
    expect(g.figures[0]).toMatchObject({ value: 1030, documents: [pathOf(3, 0), pathOf(3, 1)] });
    expect(index.groupForClaim(pathOf(5, 1), 0)!.figures[0].expected).toBe(true);
  });

  it('after most articles are removed and some come back, groups as a fresh index of the same articles', () => {
    const stories = 400;
    const lived = new CorpusIndex({ keepAnalyses: false });
    for (let i = 0; i < stories; i++) for (const side of [0, 1] as const) add(lived, i, side);
    expect(lived.snapshot().claimGroups).toHaveLength(stories);
    const figures = (lived as unknown as { figures: { poolLen: number } }).figures;
    const fullPool = figures.poolLen;
    // Remove three stories in four (both reports), then one report each of some of them back.
    for (let i = 0; i < stories; i++) if (i % 4) for (const side of [0, 1]) lived.remove(pathOf(i, side));
    lived.snapshot();
    // The removed claims' feature ids were let go (the pool was compacted).
    expect(figures.poolLen).toBeLessThan(fullPool / 2);
    const back = [];
    for (let i = 0; i < stories; i += 3) if (i % 4) back.push(i);
    for (const i of back) for (const side of [1, 0] as const) add(lived, i, side);
    // Reports that come back to stories that stayed: matched by the features kept through the compaction.
    for (let i = 0; i < stories; i += 8) {
      lived.remove(pathOf(i, 1));
      add(lived, i, 1);
    }

    const fresh = new CorpusIndex({ keepAnalyses: false });
    for (let i = 0; i < stories; i++) if (!(i % 4)) for (const side of [0, 1] as const) add(fresh, i, side);
    for (const i of back) for (const side of [1, 0] as const) add(fresh, i, side);

    const a = lived.snapshot().claimGroups, b = fresh.snapshot().claimGroups;
    expect(a.length).toBe(stories / 4 + back.length);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const i of [0, 4, ...back.slice(0, 5)]) {
      expect(lived.groupForClaim(pathOf(i, 1), 0)?.id).toBe(fresh.groupForClaim(pathOf(i, 1), 0)!.id);
    }
    // A removed article has no claims left in the index.
    expect(lived.groupForClaim(pathOf(1, 0), 0)).toBeUndefined();
  });
});
