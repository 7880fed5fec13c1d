// The analysis cache's pack files: entries appended by several writers, read back by any of
// them, records cut short or damaged, merging and pruning, and no file left open.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PackStore } from '../../../src/node/packStore';

const roots: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'news-lens-packs-'));
  roots.push(d);
  return d;
}
afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

const key = (s: string) => createHash('sha256').update(s).digest('hex');
const packs = (d: string) => readdirSync(join(d, 'packs')).filter((f) => f.endsWith('.pack'));
const openFds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);

describe('PackStore', () => {
  it('gives back what was put, across writers, in one pack per writer', () => {
    const d = dir();
    const a = new PackStore(d), b = new PackStore(d);
    const texts = ['{"a":1}', '{"name":"Zelenskiy — Київ ✓"}', '', 'x'.repeat(200_000)];
    texts.forEach((t, i) => expect(a.put(key(`a${i}`), t)).toBe(true));
    expect(b.put(key('b0'), '{"b":0}')).toBe(true);
    expect(packs(d)).toHaveLength(2);
    // Each sees the other's entries (found by looking again after a miss).
    texts.forEach((t, i) => expect(b.get(key(`a${i}`))).toBe(t));
    expect(a.get(key('b0'))).toBe('{"b":0}');
    expect(a.get(key('none'))).toBeUndefined();
    expect(a.has(key('a1')) && !a.has(key('none'))).toBe(true);
    // A new reader finds them all; an entry put again is not written twice.
    const c = new PackStore(d);
    expect(c.keys().sort()).toEqual([...texts.map((_, i) => key(`a${i}`)), key('b0')].sort());
    expect(c.put(key('a0'), '{"a":1}')).toBe(true);
    expect(packs(d)).toHaveLength(2);
  });

  it('lists a record only once it is whole, by the index or, without one, by the headers', () => {
    const d = dir();
    const w = new PackStore(d);
    w.put(key('one'), '{"n":1}');
    w.put(key('two'), '{"n":2}');
    const [pack] = packs(d);
    // A writer stopped mid-record: in the pack, not in its index.
    appendFileSync(join(d, 'packs', pack), `${key('three')} 40\n{"n":3`);
    // An index record cut short.
    appendFileSync(join(d, 'packs', pack + '.idx'), Buffer.alloc(10, 7));
    const other = new PackStore(d);
    other.put(key('four'), '{"n":4}');
    const r = new PackStore(d);
    expect([r.get(key('one')), r.get(key('two')), r.get(key('three')), r.get(key('four'))]).toEqual(['{"n":1}', '{"n":2}', undefined, '{"n":4}']);
    // Without its index, a pack is read by its headers, up to the record cut short.
    unlinkSync(join(d, 'packs', pack + '.idx'));
    const h = new PackStore(d);
    expect([h.get(key('one')), h.get(key('two')), h.get(key('three'))]).toEqual(['{"n":1}', '{"n":2}', undefined]);
    // Not a header at all: the scan ends there; nothing after it is taken for an entry.
    const [second] = packs(d).filter((f) => f !== pack);
    unlinkSync(join(d, 'packs', second + '.idx'));
    appendFileSync(join(d, 'packs', second), `garbage that is no header ${'y'.repeat(100)}\n${key('five')} 2\n{}\n`);
    const g = new PackStore(d);
    expect([g.get(key('four')), g.get(key('five'))]).toEqual(['{"n":4}', undefined]);
  });

  it('merges many packs into one, and prunes to the keys it is given', () => {
    const d = dir();
    for (let i = 0; i < 10; i++) new PackStore(d).put(key(`k${i}`), `{"i":${i}}`);
    expect(packs(d)).toHaveLength(10);
    const s = new PackStore(d);
    expect(s.compact(undefined, 8)).toBe(0);
    expect(packs(d)).toHaveLength(1);
    for (let i = 0; i < 10; i++) expect(s.get(key(`k${i}`))).toBe(`{"i":${i}}`);
    // Few packs and every entry kept: nothing to do.
    expect(s.compact(undefined, 8)).toBe(0);
    const keep = [0, 3, 7].map((i) => key(`k${i}`));
    expect(s.compact(keep)).toBe(7);
    const r = new PackStore(d);
    expect(r.keys().sort()).toEqual([...keep].sort());
    expect(r.get(key('k3'))).toBe('{"i":3}');
    expect(r.get(key('k4'))).toBeUndefined();
    // Writing goes on after a merge, into a new pack.
    expect(s.put(key('k10'), '{"i":10}')).toBe(true);
    expect(new PackStore(d).get(key('k10'))).toBe('{"i":10}');
  });

  it('holds no file open between calls', () => {
    const d = dir();
    const before = openFds();
    const s = new PackStore(d);
    // More than the first table holds (256): the entries grow on the way.
    for (let i = 0; i < 300; i++) s.put(key(`f${i}`), `{"i":${i}}`);
    const r = new PackStore(d);
    for (let i = 0; i < 300; i++) expect(r.get(key(`f${i}`))).toBe(`{"i":${i}}`);
    s.compact([key('f1')]);
    expect(openFds()).toBe(before);
  });
});
