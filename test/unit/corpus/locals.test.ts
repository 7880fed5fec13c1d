import { describe, expect, it } from 'vitest';
import { typeOfKey, type LocalEntity } from '../../../src/core/corpus/digest';
import { ArticleLocals } from '../../../src/core/corpus/locals';

const locals: LocalEntity[] = [
  { type: 'person', key: 'p|volodymyr zelensky', name: 'Volodymyr Zelensky', forms: ['Volodymyr Zelensky', 'Zelensky'], mentions: [0, 18, 0, 40, 48, 1, 90, 98, 1], lead: 2 },
  {
    type: 'organization',
    key: 'o|north atlantic treaty organization',
    name: 'North Atlantic Treaty Organization',
    keys: ['o|nato'],
    forms: ['NATO', 'North Atlantic Treaty Organisation'],
    mentions: [20, 24, 0, 60, 95, 1],
    lead: 0,
    reasons: [{ variant: 'NATO', rule: 'acronym', score: 1 }],
  },
  { type: 'place', key: 'l|kyiv', name: 'Kyiv', forms: ['Kyiv'], mentions: [100, 104, 0], lead: 0 },
];

describe('ArticleLocals', () => {
  const packed = new ArticleLocals(locals);

  it('gives back the entities it was made from', () => {
    expect(packed.count).toBe(3);
    expect(packed.toLocalEntities(typeOfKey)).toEqual(locals);
  });

  it('reads each entity without unpacking the others', () => {
    expect(packed.key(1)).toBe('o|north atlantic treaty organization');
    expect(packed.extraKeys(1)).toEqual(['o|nato']);
    expect(packed.extraKeys(0)).toBeUndefined();
    // A name that is not among the forms is kept on its own.
    expect(packed.name(1)).toBe('North Atlantic Treaty Organization');
    expect(packed.name(0)).toBe('Volodymyr Zelensky');
    expect(packed.lead(0)).toBe(2);
    expect(packed.mentionCount(0)).toBe(3);
    expect(packed.form(0, 1)).toBe('Zelensky');
    const seen: number[][] = [];
    packed.forEachMention(1, (s, e, f) => seen.push([s, e, f]));
    expect(seen).toEqual([
      [20, 24, 0],
      [60, 95, 1],
    ]);
  });

  it('keeps one copy of each string through the intern function', () => {
    const pool = new Map<string, string>();
    const calls: string[] = [];
    const intern = (s: string) => {
      calls.push(s);
      return pool.get(s) ?? (pool.set(s, s), s);
    };
    new ArticleLocals(locals, intern);
    expect(calls).toContain('p|volodymyr zelensky');
    expect(calls).toContain('Zelensky');
    expect(calls).toContain('o|nato');
  });

  it('keeps offsets past 65,535 (a long article) and many mentions exactly', () => {
    // Offsets beyond 16 bits: the packed numbers must not wrap.
    const far: LocalEntity[] = [{ ...locals[2], mentions: [70_000, 70_004, 0, 131_072, 131_076, 0] }, locals[0]];
    expect(new ArticleLocals(far).toLocalEntities(typeOfKey)).toEqual(far);
    // More than 65,535 numbers in one article: the internal offsets past 16 bits too.
    const mentions: number[] = [];
    for (let i = 0; i < 22_000; i++) mentions.push(i, i + 1, 0);
    const many: LocalEntity[] = [{ ...locals[2], mentions }, locals[1]];
    const packed = new ArticleLocals(many);
    expect(packed.mentionCount(0)).toBe(22_000);
    expect(packed.toLocalEntities(typeOfKey)).toEqual(many);
  });

  it('keeps 16-bit offsets exactly, those in the surrogate range and at 65,535 too, article after article', () => {
    // Held as a string's char codes: 0xD800-0xDFFF are lone surrogates there, and must come back.
    const mid: LocalEntity[] = [{ ...locals[2], mentions: [0xd7ff, 0xd800, 0, 0xdbff, 0xdc00, 0, 0xdfff, 0xffff, 0] }, locals[0]];
    const a = new ArticleLocals(mid);
    // A second article packed after it (room for the numbers is reused) leaves the first as it was.
    const b = new ArticleLocals(locals);
    expect(a.toLocalEntities(typeOfKey)).toEqual(mid);
    expect(b.toLocalEntities(typeOfKey)).toEqual(locals);
    // An article with more numbers than one piece of the conversion (8,192).
    const mentions: number[] = [];
    for (let i = 0; i < 4_000; i++) mentions.push(i * 16, i * 16 + 3, i % 2);
    const long: LocalEntity[] = [{ ...locals[0], mentions }];
    expect(new ArticleLocals(long).toLocalEntities(typeOfKey)).toEqual(long);
  });

  it('packs an article without entities', () => {
    const none = new ArticleLocals([]);
    expect(none.count).toBe(0);
    expect(none.toLocalEntities(typeOfKey)).toEqual([]);
  });
});
