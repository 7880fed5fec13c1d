// The mirrored snapshot: what another thread holds after each delta is the live index's
// snapshot; a change sends only what it touched; a receiver that starts from a stored state is
// sent nothing it has; and lookups answered from the mirror are the live index's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { CorpusIndex } from '../../../src/core/corpus';
import { entityKey, entityKeyOf, MirrorSink, MirrorSource } from '../../../src/core/corpus/mirror';
import { entityTuple } from '../../../src/core/corpus/state';
import { relabelSnapshot } from '../../../src/core/corpus/relabel';
import { SnapshotView } from '../../../src/core/corpus/view';
import type { CorpusState } from '../../../src/core/corpus/state';
import type { CanonicalEntity, CorpusSnapshot, IndexedDocument, Topic } from '../../../src/core/corpus/model';
import { article, type E } from './helpers';

const SEEDS = resolve(__dirname, '../../../../shared/seeds');
const seeds = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ path: f, text: readFileSync(join(SEEDS, f), 'utf8') }))
  : [];

const extra = {
  'kyiv.txt': article('Officials in Kiev said Volodymyr Zelenskiy met Mark Rutte on Friday. Zelenskiy said North Korea sent troops.', [
    ['Kiev', 'place'],
    ['Volodymyr Zelenskiy', 'person'],
    ['Zelenskiy', 'person'],
    ['Mark Rutte', 'person'],
    ['North Korea', 'place'],
  ]),
  'other.txt': article('Coffee prices fell in Santos as the harvest began in Brazil.', [
    ['Santos', 'place'],
    ['Brazil', 'place'],
  ]),
};

function hashOf(s: string): string {
  return `${s.length}:${s.slice(0, 40)}`;
}

/** A live index of the seeds (real analyses) and the hand-made articles. */
function live(): { index: CorpusIndex; hashes: Map<string, string> } {
  const index = new CorpusIndex();
  const hashes = new Map<string, string>();
  for (const s of seeds) {
    index.set({ path: s.path, hash: hashOf(s.text), analysis: analyze(s.text), text: s.text });
    hashes.set(s.path, hashOf(s.text));
  }
  for (const [path, a] of Object.entries(extra)) {
    index.set({ path, hash: hashOf(a.text), ...a });
    hashes.set(path, hashOf(a.text));
  }
  return { index, hashes };
}

const send = (source: MirrorSource, index: CorpusIndex) => source.delta(index.snapshot(), (e, emit) => index.readMentions(e, emit));
const json = (x: unknown) => JSON.stringify(x);

describe('the mirrored snapshot', () => {
  it('is the live snapshot after every change, and a change sends only what it touched', () => {
    const { index } = live();
    const source = new MirrorSource();
    const sink = new MirrorSink();
    const first = send(source, index);
    sink.apply(first);
    expect(json(sink.snapshot())).toBe(json(index.snapshot()));
    const all = index.snapshot().entities.length;
    expect(first.entities!.items).toHaveLength(all);

    // An edit: one article's names change.
    index.set({ path: 'other.txt', hash: 'edited', ...article('Coffee prices fell in Santos and in Kiev.', [['Santos', 'place'], ['Kiev', 'place']]) });
    const edit = send(source, index);
    sink.apply(edit);
    expect(json(sink.snapshot())).toBe(json(index.snapshot()));
    expect(edit.entities!.items.length).toBeGreaterThan(0);
    expect(edit.entities!.items.length).toBeLessThan(all / 4);
    // Nothing changed: nothing sent.
    const none = send(source, index);
    expect(none.entities).toBeUndefined();
    expect(none.claimGroups).toBeUndefined();
    expect(none.topics).toBeUndefined();
    expect(none.documents).toBeUndefined();

    // A removal and a new article (new document numbers).
    index.remove('kyiv.txt');
    index.set({ path: 'new.txt', hash: 'n', ...article('Mark Rutte spoke in Brussels.', [['Mark Rutte', 'person'], ['Brussels', 'place']]) });
    const moved = send(source, index);
    expect(moved.newDocs).toEqual(['new.txt']);
    sink.apply(moved);
    expect(json(sink.snapshot())).toBe(json(index.snapshot()));
    // Put back: the path keeps its number.
    index.set({ path: 'kyiv.txt', hash: 'k', ...extra['kyiv.txt'] });
    const back = send(source, index);
    expect(back.newDocs).toEqual([]);
    sink.apply(back);
    expect(json(sink.snapshot())).toBe(json(index.snapshot()));
  });

  it('started from a stored state, is sent nothing it already has', () => {
    const stored = live().index;
    const state = JSON.parse(JSON.stringify(stored.exportState('k'))) as CorpusState;
    const sink = new MirrorSink();
    sink.seed(state);
    expect(json(sink.snapshot())).toBe(json(stored.snapshot()));
    // The live index built again (a reopened workspace's first edit): same content, new objects.
    const { index } = live();
    const source = new MirrorSource(sink.seedOf());
    const first = send(source, index);
    expect(first.entities).toBeUndefined();
    expect(first.claimGroups).toBeUndefined();
    expect(first.topics).toBeUndefined();
    expect(first.newDocs).toEqual([]);
    // Then an edit sends what it changed, and the mirror follows.
    index.set({ path: 'other.txt', hash: 'edited', ...article('Mark Rutte visited Santos.', [['Mark Rutte', 'person'], ['Santos', 'place']]) });
    const edit = send(source, index);
    expect(edit.entities!.items.length).toBeLessThan(10);
    sink.apply(edit);
    expect(json(sink.snapshot())).toBe(json(index.snapshot()));
  });

  it('follows lists reordered, shortened, lengthened, and topics changed in place', () => {
    const ent = (id: string, doc: string): CanonicalEntity => ({ id, name: id, type: 'place', variants: [], documents: [doc], mentions: [{ document: doc, start: 0, end: id.length, text: id }], merges: [] });
    const topic = (id: string, documents: string[]): Topic => ({ id, label: id, documents, terms: [id], entities: [] });
    const read = (e: CanonicalEntity, emit: (d: string, s: number, en: number, t: string) => void) => e.mentions.forEach((m) => emit(m.document, m.start, m.end, m.text));
    const source = new MirrorSource();
    const sink = new MirrorSink();
    const a = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((n, i) => ent(n, `d${i}.txt`));
    const t1 = topic('t1', ['d0.txt', 'd1.txt']);
    const t2 = topic('t2', ['d2.txt', 'd3.txt']);
    const docs = ['d0.txt', 'd1.txt', 'd2.txt', 'd3.txt'];
    const step = (snap: CorpusSnapshot) => {
      const d = source.delta(snap, read);
      sink.apply(d);
      expect(json(sink.snapshot())).toBe(json(snap));
      return d;
    };
    step({ documents: docs, entities: a, claimGroups: [], topics: [t1, t2] });
    // Reordered (a full sort): nothing new to send, only positions.
    const reordered = step({ documents: docs, entities: [...a].reverse(), claimGroups: [], topics: [t2, t1] });
    expect(reordered.entities!.items).toHaveLength(0);
    // One out, one in; a topic's articles changed (a new array on the same topic).
    t1.documents = ['d0.txt', 'd1.txt', 'd2.txt'];
    const epsilon = ent('Epsilon', 'd1.txt');
    const changed = step({ documents: docs, entities: [a[3], epsilon, a[1], a[0]], claimGroups: [], topics: [t2, t1] });
    expect(changed.entities!.items.map(([, t]) => t[0])).toEqual(['Epsilon']);
    expect(changed.topics!.items.map(([, t]) => t.id)).toEqual(['t1']);
    // The same list again, as a new array: nothing to send.
    expect(step({ documents: docs, entities: [a[3], epsilon, a[1], a[0]], claimGroups: [], topics: [t2, t1] }).entities).toBeUndefined();
  });

  it('makes the same entity key from the entity as from its encoded form', () => {
    const { index } = live();
    index.set({ path: 'ico.txt', hash: 'i', ...article('The International Coffee Organization (ICO) met in London. The ICO said quotas would stay.', [['International Coffee Organization', 'organization'], ['ICO', 'organization'], ['London', 'place']]) });
    index.set({ path: 'caps.txt', hash: 'c', ...article('KIEV officials said ZELENSKIY would travel.', [['KIEV', 'place'], ['ZELENSKIY', 'person']]) });
    const numbers = new Map<string, number>();
    const docNumber = (p: string) => numbers.get(p) ?? (numbers.set(p, numbers.size), numbers.size - 1);
    const read = (e: CanonicalEntity, emit: (d: string, s: number, en: number, t: string) => void) => index.readMentions(e, emit);
    const tuples = index.snapshot().entities.map((e) => {
      const t = entityTuple(e, docNumber, read);
      expect(entityKeyOf(e, docNumber, read)).toBe(entityKey(t));
      return t;
    });
    // Among them, mentions in other capitals than any variant, and a merge an article stated.
    expect(tuples.some((t) => t[6]?.length)).toBe(true);
    expect(tuples.some((t) => t[7]?.some((m) => m !== 0))).toBe(true);
  });

  it('carries merge reasons an article stated, which the names alone would not give again', () => {
    const index = new CorpusIndex();
    index.set({ path: 'ico.txt', hash: 'i', ...article('The International Coffee Organization (ICO) met in London. The ICO said quotas would stay.', [['International Coffee Organization', 'organization'], ['ICO', 'organization'], ['London', 'place']]) });
    index.set({ path: 'ico2.txt', hash: 'j', ...article('ICO delegates left London on Friday.', [['ICO', 'organization'], ['London', 'place']]) });
    const sink = new MirrorSink();
    sink.apply(send(new MirrorSource(), index));
    const live = index.snapshot().entities.find((e) => e.variants.includes('ICO'))!;
    expect(live.merges[0].rule).toBe('acronym');
    expect(json(sink.snapshot().entities)).toBe(json(index.snapshot().entities));
    // And through a stored state.
    const seeded = new MirrorSink();
    seeded.seed(JSON.parse(JSON.stringify(index.exportState('k'))));
    expect(json(seeded.snapshot().entities)).toBe(json(index.snapshot().entities));
    // Keys made again from the stored entities (a stated merge among them) match the source's.
    expect(send(new MirrorSource(seeded.seedOf()), index).entities).toBeUndefined();
  });

  it('gives exports what the live index gives (relabelled, narrowed to some articles)', () => {
    const { index } = live();
    const sink = new MirrorSink();
    sink.apply(send(new MirrorSource(), index));
    const name = (k: string) => 'articles/' + k;
    const some = new Set(['kyiv.txt', seeds[0]?.path ?? 'other.txt']);
    expect(json(relabelSnapshot(sink.snapshot(), name, some))).toBe(json(relabelSnapshot(index.snapshot(), name, some)));
    expect(json(relabelSnapshot(sink.snapshot(), name))).toBe(json(relabelSnapshot(index.snapshot(), name)));
    expect(relabelSnapshot(sink.snapshot(), name).entities[0].name).toBe(index.snapshot().entities[0].name);
  });

  it('refuses a delta that names an item it neither holds nor was sent', () => {
    const sink = new MirrorSink();
    expect(() => sink.apply({ docBase: 0, newDocs: [], entities: { ops: ['person:x\u0001abc'], items: [] } })).toThrow(/person:x/);
  });
});

describe('lookups from the mirror', () => {
  it('answer as the live index does: entity at an offset, figure group of a claim, topics, mentions', () => {
    const { index, hashes } = live();
    const sink = new MirrorSink();
    sink.apply(send(new MirrorSource(), index));
    const view = new SnapshotView(sink, hashes, (p) => index.document(p));
    let checked = 0;
    for (const path of index.paths()) {
      const a = index.document(path)!.analysis;
      for (const e of a.entities) {
        for (const at of [e.start, e.end - 1, e.end]) {
          expect(view.entityAt(path, at)?.id, `${path} @${at}`).toBe(index.entityAt(path, at)?.id);
          checked++;
        }
      }
      a.claims.forEach((c, i) => {
        expect(view.groupForClaim(path, i)?.id).toBe(index.groupForClaim(path, i)?.id);
        expect(view.groupAt(path, c.start)?.id).toBe(index.groupAt(path, c.start)?.id);
      });
      expect(view.topicsOf(path).map((t) => t.id)).toEqual(index.topicsOf(path).map((t) => t.id));
      expect(view.entityAt(path, -5)).toBeUndefined();
    }
    expect(checked).toBeGreaterThan(100);
    expect(index.snapshot().claimGroups.length).toBeGreaterThan(0);
    const zel = index.snapshot().entities.find((e) => e.variants.includes('Zelenskiy') || e.variants.includes('Volodymyr Zelenskiy'))!;
    expect(zel).toBeDefined();
    expect(json(view.mentionsOf(zel.id, 'kyiv.txt'))).toBe(json(index.mentionsOf(zel.id, 'kyiv.txt')));
    expect(view.entity(zel.id)?.documents).toEqual(zel.documents);
    expect(view.size).toBe(index.size);
    expect(view.document('kyiv.txt')?.analysis.entities.length).toBe(5);
    expect(view.document('missing.txt')).toBeUndefined();
  });

  it('follow the mirror through an edit', () => {
    const { index, hashes } = live();
    const sink = new MirrorSink();
    const source = new MirrorSource();
    sink.apply(send(source, index));
    const docs = new Map<string, IndexedDocument>();
    const view = new SnapshotView(sink, hashes, (p) => docs.get(p) ?? index.document(p));
    expect(view.entityAt('other.txt', 22)?.name).toBe('Santos');
    const edited = article('Mark Rutte visited Santos.', [['Mark Rutte', 'person'], ['Santos', 'place']]);
    index.set({ path: 'other.txt', hash: 'edited', ...edited });
    sink.apply(send(source, index));
    expect(view.entityAt('other.txt', 0)?.name).toBe('Mark Rutte');
    expect(view.entityAt('other.txt', 0)?.documents).toEqual(expect.arrayContaining(['kyiv.txt', 'other.txt']));
    expect(view.entityAt('other.txt', 22)?.name).toBe('Santos');
  });

  it('keep what an edit left alone, over many articles, and answer as the live index does', () => {
    const people = ['Mark Rutte', 'Olaf Scholz', 'Kim Jong Un', 'Antony Blinken'];
    const places = ['Kyiv', 'Seoul', 'Berlin', 'Kursk', 'Brussels'];
    const story = (i: number, extra = '') => {
      const a = people[i % 4], b = people[(i + 1) % 4], p = places[i % 5];
      return article(`${a} met ${b} in ${p}. ${b} said ${p} was calm.${extra}`, [[a, 'person'], [b, 'person'], [p, 'place'], ...(extra ? [['Lagos', 'place'] as E] : [])]);
    };
    const index = new CorpusIndex();
    const hashes = new Map<string, string>();
    const put = (path: string, d: ReturnType<typeof article>, hash: string) => {
      index.set({ path, hash, ...d });
      hashes.set(path, hash);
    };
    for (let i = 0; i < 30; i++) put(`n${String(i).padStart(2, '0')}.txt`, story(i), `h${i}`);
    const sink = new MirrorSink();
    const source = new MirrorSource();
    sink.apply(send(source, index));
    const view = new SnapshotView(sink, hashes, (p) => index.document(p));
    /** [where, the view's entity, the live index's entity] at both ends of every mention. */
    const every = (v: SnapshotView) => {
      const out: [string, string | undefined, string | undefined][] = [];
      for (const path of index.paths()) for (const e of index.document(path)!.analysis.entities) for (const at of [e.start, e.end - 1]) out.push([`${path}@${at}`, v.entityAt(path, at)?.id, index.entityAt(path, at)?.id]);
      return out;
    };
    const agree = (rows: ReturnType<typeof every>) => rows.filter(([, mine, live]) => !mine || mine !== live);
    // Every article asked about: the per-snapshot lists of who names each article are made.
    expect(agree(every(view))).toEqual([]);
    const byId = () => index.snapshot().entities.map((e) => [e.id, json(view.entity(e.id)?.documents), json(e.documents)]);
    expect(byId().filter(([, a, b]) => a !== b)).toEqual([]);
    // Edits: one article names a new place, another drops a person the others keep naming.
    put('n03.txt', story(3, ' Lagos sent aid.'), 'h3b');
    put('n07.txt', article('Kursk was calm.', [['Kursk', 'place']]), 'h7b');
    sink.apply(send(source, index));
    const after = every(view);
    expect(after.length).toBeGreaterThan(200);
    expect(agree(after)).toEqual([]);
    expect(byId().filter(([, a, b]) => a !== b)).toEqual([]);
    expect(view.entityAt('n03.txt', index.document('n03.txt')!.analysis.entities.find((e) => e.text === 'Lagos')!.start)?.name).toBe('Lagos');
    // The same answers as a view that worked everything out again.
    expect(after).toEqual(every(new SnapshotView(sink, hashes, (p) => index.document(p))));
    // Two changes before the next question: everything is worked out again.
    put('n11.txt', story(12), 'h11b');
    sink.apply(send(source, index));
    put('n12.txt', story(3, ' Lagos sent aid.'), 'h12b');
    sink.apply(send(source, index));
    expect(agree(every(view))).toEqual([]);
  });
});
