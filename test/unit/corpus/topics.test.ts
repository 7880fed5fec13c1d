// Topics on small made-up corpora: stories found from shared names and rare phrases, readable
// labels, articles in several topics, updates, and a corpus large enough to show it scales.
import { describe, expect, it } from 'vitest';
import { TopicModel } from '../../../src/core/corpus/topics';
import { article, indexOf, type E } from './helpers';

function merger(i: number) {
  const text =
    `ACME BIDS FOR GLOBEX\n\nAcme Corp made a takeover offer for Globex Inc on Monday, in a merger that would create the largest maker of widgets. ` +
    `Acme said the takeover offer values Globex at a premium, and Globex shareholders will vote on the merger in June. ` +
    `Analysts said the takeover offer by Acme Corp could face antitrust review. Story ${i}.`;
  return article(text, [['Acme Corp', 'organization'], ['Acme', 'organization'], ['Globex Inc', 'organization'], ['Globex', 'organization']]);
}

function flood(i: number) {
  const text =
    `RIVER FLOODS RIVERTON\n\nFlood waters rose in Riverton on Tuesday as the Blue River burst its banks. ` +
    `Residents of Riverton were evacuated while flood waters covered the valley, and the Blue River kept rising. ` +
    `Officials said flood waters would recede by the weekend. Report ${i}.`;
  return article(text, [['Riverton', 'place'], ['Blue River', 'place']]);
}

function both() {
  // An article about both stories: Acme's plant in Riverton was flooded.
  const text =
    `Flood waters closed the Acme Corp plant in Riverton. The Blue River flooded the plant, Acme said, days after its takeover offer for Globex. ` +
    `Globex said the takeover offer stands. Flood waters in Riverton were receding.`;
  return article(text, [['Acme Corp', 'organization'], ['Acme', 'organization'], ['Riverton', 'place'], ['Blue River', 'place'], ['Globex', 'organization']]);
}

function other(i: number, words: string, names: E[]) {
  return article(`${words} Item ${i}.`, names);
}

describe('topics', () => {
  const corpus = () => ({
    'm1.txt': merger(1),
    'm2.txt': merger(2),
    'm3.txt': merger(3),
    'f1.txt': flood(1),
    'f2.txt': flood(2),
    'f3.txt': flood(3),
    'b.txt': both(),
    'o1.txt': other(1, 'The central bank of Ruritania held interest rates steady.', [['Ruritania', 'place']]),
    'o2.txt': other(2, 'Coffee prices fell in Santos as the harvest began.', [['Santos', 'place']]),
    'o3.txt': other(3, 'The Zenda Orchestra played in Strelsau.', [['Zenda Orchestra', 'organization'], ['Strelsau', 'place']]),
  });

  it('groups the articles of each story, and only them', () => {
    const index = indexOf(corpus());
    const topics = index.snapshot().topics;
    const docsOf = (name: string) => topics.find((t) => t.documents.includes(name));
    const merge = topics.find((t) => t.documents.includes('m1.txt'))!;
    const floods = topics.find((t) => t.documents.includes('f1.txt'))!;
    expect(merge).toBeDefined();
    expect(floods).toBeDefined();
    expect(merge).not.toBe(floods);
    expect(merge.documents).toEqual(expect.arrayContaining(['m1.txt', 'm2.txt', 'm3.txt']));
    expect(floods.documents).toEqual(expect.arrayContaining(['f1.txt', 'f2.txt', 'f3.txt']));
    for (const t of topics) for (const o of ['o1.txt', 'o2.txt', 'o3.txt']) expect(t.documents).not.toContain(o);
    expect(docsOf('o1.txt')).toBeUndefined();
  });

  it('an article about both stories sits in both topics', () => {
    const index = indexOf(corpus());
    const mine = index.topicsOf('b.txt');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.some((t) => t.documents.includes('m1.txt'))).toBe(true);
    expect(mine.some((t) => t.documents.includes('f1.txt'))).toBe(true);
  });

  it('labels read as a phrase, with names as written', () => {
    const index = indexOf(corpus());
    for (const t of index.snapshot().topics) {
      expect(t.label).toMatch(/^[A-Z]/);
      // Names keep their capitals; never a bag of lower-cased stems.
      expect(t.label).toMatch(/Acme|Globex|Riverton|Blue River/);
      expect(t.terms.length).toBeGreaterThan(2);
      expect(t.entities.length).toBeGreaterThan(0);
    }
    const merge = index.snapshot().topics.find((t) => t.documents.includes('m1.txt'))!;
    expect(merge.label).toMatch(/takeover offer|merger|Acme|Globex/);
    const flood = index.snapshot().topics.find((t) => t.documents.includes('f1.txt'))!;
    expect(flood.label).toMatch(/Riverton|Blue River|[Ff]lood waters/);
  });

  it('follows edits and deletions', () => {
    const index = indexOf(corpus());
    index.remove('m3.txt');
    index.remove('m2.txt');
    const t = index.snapshot().topics.find((x) => x.documents.includes('m1.txt'));
    if (t) expect(t.documents).not.toContain('m2.txt');
    index.set({ path: 'm2.txt', hash: 'again', ...merger(2) });
    index.set({ path: 'm3.txt', hash: 'again', ...merger(3) });
    expect(index.snapshot().topics.find((x) => x.documents.includes('m1.txt'))!.documents).toEqual(expect.arrayContaining(['m1.txt', 'm2.txt', 'm3.txt']));
  });

  it('an article set again, or taken out and put back, leaves the topics as a fresh index makes them', () => {
    const docs = corpus();
    const fresh = JSON.stringify(indexOf(docs).snapshot().topics);
    const index = indexOf(docs);
    index.snapshot();
    // Every article again (a full pass counts each one's phrases out and back in)…
    for (const [path, d] of Object.entries(docs)) index.set({ path, hash: 'again', analysis: d.analysis, text: d.text });
    expect(JSON.stringify(index.snapshot().topics)).toBe(fresh);
    // …and one edited away and back: its one-article phrases count one article, not two.
    index.set({ path: 'o3.txt', hash: 'edited', ...other(3, 'Wheat harvests in Strelsau beat forecasts.', [['Strelsau', 'place']]) });
    index.snapshot();
    index.set({ path: 'o3.txt', hash: 'back', ...docs['o3.txt'] });
    expect(JSON.stringify(index.snapshot().topics)).toBe(fresh);
  });

  it('scales: 20,000 articles of 400 stories, with few changes reassigned without a full pass', () => {
    const model = new TopicModel({ fullBelow: 100 });
    const N = 20000, STORIES = 400;
    const docOf = (i: number) => {
      const s = i % STORIES;
      return [
        { key: `E:org-${s}`, weight: 3, label: `Company ${s}`, type: 'organization' as const },
        { key: `E:place-${s % 97}`, weight: 1.5, label: `City ${s % 97}`, type: 'place' as const },
        { key: `E:person-${i % 5000}`, weight: 1, label: `Person ${i % 5000}`, type: 'person' as const },
      ];
    };
    const phrasesOf = (i: number) => [
      { key: `story phrase ${i % STORIES}`, weight: 4, label: `story phrase ${i % STORIES}` },
      { key: 'said', weight: 2, label: 'said' },
      { key: `word ${i % 1000}`, weight: 1, label: `word ${i % 1000}` },
    ];
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      model.setPhrases(`d${i}`, phrasesOf(i));
      model.setEntities(`d${i}`, docOf(i));
    }
    const topics = model.list();
    const full = performance.now() - t0;
    expect(topics.length).toBeGreaterThanOrEqual(STORIES * 0.9);
    const sample = topics.find((t) => t.documents.includes('d7'))!;
    expect(sample.documents.every((d) => Number(d.slice(1)) % STORIES === 7)).toBe(true);
    expect(sample.documents.length).toBe(N / STORIES);
    expect(full).toBeLessThan(20000);
    // One article edited: reassigned in milliseconds.
    const t1 = performance.now();
    model.setPhrases('d7', phrasesOf(8));
    model.setEntities('d7', docOf(8));
    model.list();
    expect(performance.now() - t1).toBeLessThan(200);
    expect(model.topicsOf('d7').some((t) => t.documents.includes('d8'))).toBe(true);
  });
});
