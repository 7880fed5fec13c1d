// Figure groups: the same figure in several articles, hedges as ranges, conflicts, expectations.
import { describe, expect, it } from 'vitest';
import { figureRange, rangesOverlap } from '../../../src/core/corpus/units';
import { article, indexOf, type C, type E } from './helpers';

const overlap = (a: [number, string?], b: [number, string?]) => rangesOverlap(figureRange(a[0], a[1]), figureRange(b[0], b[1]));

describe('hedges as ranges', () => {
  it('"at least 9" and "11" agree', () => expect(overlap([9, 'at least'], [11])).toBe(true));
  it('"more than 1,300" and "1,200" do not', () => expect(overlap([1300, 'more than'], [1200])).toBe(false));
  it('"10,000" and "12,000" do not', () => expect(overlap([10000], [12000])).toBe(false));
  it('"approximately 10,000" and "12,000" do not', () => expect(overlap([10000, 'approximately'], [12000])).toBe(false));
  it('"as many as 12,000" and "approximately 12,000" agree', () => expect(overlap([12000, 'as many as'], [12000, 'approximately'])).toBe(true));
  it('"nearly 20" and "19" agree, "nearly 20" and "25" do not', () => {
    expect(overlap([20, 'nearly'], [19])).toBe(true);
    expect(overlap([20, 'nearly'], [25])).toBe(false);
  });
  it('a precise figure agrees with its rounding ("1.46 billion" and 1,459,193,000; 1.5 and 1.52)', () => {
    expect(overlap([1_460_000_000], [1_459_193_000])).toBe(true);
    expect(overlap([1.5], [1.52])).toBe(true);
  });
});

// The story of the seed articles, cut down: three reports of North Korean troops in Russia.
const NK: E[] = [['North Korea', 'place'], ['Russia', 'place'], ['Ukraine', 'place'], ['Volodymyr Zelensky', 'person'], ['Kyiv', 'place']];
function nkArticle(body: string, claims: C[], extra: E[] = []) {
  const text = `Volodymyr Zelensky spoke in Kyiv about North Korea, Russia and Ukraine. ${body} Volodymyr Zelensky asked for help for Ukraine against Russia and North Korea.`;
  return article(text, [...NK, ...extra].filter(([t]) => text.includes(t)), claims);
}

describe('figure groups', () => {
  it('one figure in two articles: "approximately 10,000 soldiers" and "approximately 10,000 troops"', () => {
    const index = indexOf({
      a: nkArticle('Officials said North Korea has sent approximately 10,000 soldiers towards Russia.', [{ text: 'approximately 10,000 soldiers', value: 10000, unit: 'soldiers', approx: 'approximately', subject: 'North Korean soldiers' }]),
      b: nkArticle('Western officials estimate North Korea has sent approximately 10,000 troops to Russia.', [{ text: 'approximately 10,000 troops', value: 10000, unit: 'troops', approx: 'approximately', subject: 'North Korean troops' }]),
    });
    const groups = index.snapshot().claimGroups;
    expect(groups).toHaveLength(1);
    expect(groups[0].agreement).toBe('agree');
    expect(groups[0].figures).toHaveLength(1);
    expect(groups[0].figures[0]).toMatchObject({ value: 10000, documents: ['a', 'b'] });
    expect(index.groupForClaim('a', 0)).toBe(groups[0]);
    expect(index.groupAt('b', index.document('b')!.analysis.claims[0].start + 3)).toBe(groups[0]);
  });

  it('hedged figures that agree: "at least 9 people injured" and "11 people injured"', () => {
    const index = indexOf({
      a: nkArticle('A drone attack on Kyiv injured at least nine people, officials said.', [{ text: 'at least nine people', value: 9, unit: 'people', approx: 'at least', subject: 'Kyiv people injured' }]),
      b: nkArticle('The drone attack on Kyiv injured 11 people, officials said.', [{ text: '11 people', value: 11, unit: 'people', subject: 'Kyiv people injured' }]),
    });
    const [g] = index.snapshot().claimGroups;
    expect(g.agreement).toBe('agree');
    expect(g.figures.map((f) => f.value).sort()).toEqual([11, 9]);
  });

  it('two different figures for one subject conflict', () => {
    const index = indexOf({
      a: nkArticle('Officials said North Korea has sent 10,000 troops to Russia to fight.', [{ text: '10,000 troops', value: 10000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]),
      b: nkArticle('Officials said North Korea has sent 12,000 troops to Russia to fight.', [{ text: '12,000 troops', value: 12000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]),
    });
    const [g] = index.snapshot().claimGroups;
    expect(g.agreement).toBe('conflict');
    expect(g.figures.map((f) => f.value).sort()).toEqual([10000, 12000]);
  });

  it('a figure stated as an expectation does not conflict with one stated as fact', () => {
    const index = indexOf({
      a: nkArticle('Officials said North Korea has sent 10,000 troops to Russia to fight.', [{ text: '10,000 troops', value: 10000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]),
      b: nkArticle('Officials said North Korea is expected to have sent 12,000 troops to Russia to fight.', [{ text: '12,000 troops', value: 12000, unit: 'troops', subject: 'North Korean troops sent to Russia', expected: true }]),
    });
    const groups = index.snapshot().claimGroups;
    expect(groups.every((g) => g.agreement !== 'conflict')).toBe(true);
    if (groups.length) expect(groups[0].agreement).toBe('distinct');
  });

  it('an article stating two figures keeps them in two groups ("3,000 already there", "10,000 sent")', () => {
    const index = indexOf({
      a: nkArticle('North Korea has sent approximately 10,000 troops to Russia. Around 3,000 North Korean soldiers are already stationed near the front.', [
        { text: 'approximately 10,000 troops', value: 10000, unit: 'troops', approx: 'approximately', subject: 'North Korean troops' },
        { text: 'Around 3,000 North Korean soldiers', value: 3000, unit: 'soldiers', approx: 'around', subject: 'North Korean soldiers' },
      ]),
      b: nkArticle('North Korea has sent approximately 10,000 troops to Russia. The deployment of 3,000 North Korean troops near the front was confirmed.', [
        { text: 'approximately 10,000 troops', value: 10000, unit: 'troops', approx: 'approximately', subject: 'North Korean troops' },
        { text: '3,000 North Korean troops', value: 3000, unit: 'troops', subject: 'North Korean troops' },
      ]),
    });
    const groups = index.snapshot().claimGroups;
    expect(groups).toHaveLength(2);
    for (const g of groups) {
      expect(g.agreement).toBe('agree');
      expect(g.figures).toHaveLength(1);
      expect(g.figures[0].documents).toEqual(['a', 'b']);
    }
  });

  it('does not group units that differ, dates, or articles about different stories', () => {
    const index = indexOf({
      a: nkArticle('North Korea sent 5,000 troops to Russia on January 5.', [
        { text: '5,000 troops', value: 5000, unit: 'troops', subject: 'North Korean troops' },
        { text: 'January 5', value: '--01-05', kind: 'date' },
      ]),
      b: nkArticle('North Korea sent 5,000 tonnes of rice to Russia on January 5.', [
        { text: '5,000 tonnes', value: 5000, unit: 'tonnes', kind: 'quantity', subject: 'rice' },
        { text: 'January 5', value: '--01-05', kind: 'date' },
      ]),
      c: article('Acme Corp said it sold 5,000 troops figurines in Ohio.', [['Acme Corp', 'organization'], ['Ohio', 'place']], [{ text: '5,000 troops', value: 5000, unit: 'troops', subject: 'Acme troops' }]),
    });
    expect(index.snapshot().claimGroups).toEqual([]);
  });

  it('groups follow edits and deletions', () => {
    const a = nkArticle('Officials said North Korea has sent 10,000 troops to Russia to fight.', [{ text: '10,000 troops', value: 10000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]);
    const b = nkArticle('Officials said North Korea has sent 12,000 troops to Russia to fight.', [{ text: '12,000 troops', value: 12000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]);
    const index = indexOf({ a, b });
    expect(index.snapshot().claimGroups[0].agreement).toBe('conflict');
    const b2 = nkArticle('Officials said North Korea has sent 10,000 troops to Russia to fight.', [{ text: '10,000 troops', value: 10000, unit: 'troops', subject: 'North Korean troops sent to Russia' }]);
    index.set({ path: 'b', hash: 'b2', ...b2 });
    expect(index.snapshot().claimGroups.map((g) => g.agreement)).toEqual(['agree']);
    index.remove('a');
    expect(index.snapshot().claimGroups).toEqual([]);
    expect(index.groupForClaim('b', 0)).toBeUndefined();
  });
});
