import { describe, expect, it } from 'vitest';
import { anchorAll } from '../../../src/core/annotations/anchoring';
import { createAnnotation } from '../../../src/core/annotations/create';
import { addLexiconAlias, addLexiconEntity, applyCorrections, applyLexicon, emptyLexicon, parseLexicon, rejectLexiconName, serializeLexicon, type Lexicon } from '../../../src/core/annotations/lexicon';
import { emptySidecar } from '../../../src/core/annotations/sidecar';
import type { Entity } from '../../../src/core/types';
import { id } from './fixtures';

const TEXT = 'On Monday Zelenskyy met officials of the Kyiv Post in Kyiv. President Volodymyr Zelensky said Kyivstar was hacked.';

function ent(text: string, type: Entity['type'], occurrence = 0): Entity {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = TEXT.indexOf(text, i + 1);
  return { start: i, end: i + text.length, text, type };
}

const LEX: Lexicon = {
  version: 1,
  entities: [
    { name: 'Volodymyr Zelensky', type: 'person' },
    { name: 'Kyiv', type: 'place' },
  ],
  aliases: { Zelenskyy: 'Volodymyr Zelensky', Zelensky: 'Volodymyr Zelensky' },
  rejected: ['Monday'],
};

describe('applyLexicon', () => {
  const engine: Entity[] = [ent('Monday', 'person'), ent('Kyiv Post', 'organization'), ent('Zelensky', 'person', 1)];
  const out = applyLexicon(engine, TEXT, LEX);

  it('drops rejected names', () => {
    expect(out.some((e) => e.text === 'Monday')).toBe(false);
  });

  it('adds lexicon names found in the text, on word boundaries, without breaking up longer engine entities', () => {
    const kyiv = out.filter((e) => e.text === 'Kyiv');
    expect(kyiv).toHaveLength(1); // not inside "Kyiv Post", not inside "Kyivstar"
    expect(kyiv[0]).toMatchObject({ start: TEXT.indexOf('in Kyiv') + 3, type: 'place' });
    expect(out.find((e) => e.text === 'Kyiv Post')).toMatchObject({ type: 'organization' });
  });

  it('replaces shorter engine entities it overlaps and sets canonical names for aliases', () => {
    const full = out.find((e) => e.text === 'Volodymyr Zelensky');
    expect(full).toMatchObject({ type: 'person', start: TEXT.indexOf('Volodymyr') });
    expect(out.some((e) => e.text === 'Zelensky' && e.start > full!.start)).toBe(false);
    expect(out.find((e) => e.text === 'Zelenskyy')).toMatchObject({ type: 'person', canonical: 'Volodymyr Zelensky' });
  });

  it('is sorted and pure', () => {
    expect(out.map((e) => e.start)).toEqual([...out.map((e) => e.start)].sort((a, b) => a - b));
    expect(engine[0].text).toBe('Monday');
    for (const e of out) expect(TEXT.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('lexicon file', () => {
  it('serializes canonically and parses back', () => {
    const lex = rejectLexiconName(addLexiconAlias(addLexiconEntity(emptyLexicon(), { name: 'Kyiv', type: 'place' }), 'Kiev', 'Kyiv'), 'Monday');
    const text = serializeLexicon(lex);
    const r = parseLexicon(text, 'lexicon.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeLexicon(r.lexicon)).toBe(text);
  });

  it('reports a wrong type with its field and line', () => {
    const text = '{\n  "version": 1,\n  "entities": [\n    { "name": "Kyiv", "type": "city" }\n  ]\n}\n';
    const r = parseLexicon(text, 'lexicon.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('entities[0].type');
    expect(r.error.line).toBe(4);
    expect(r.error.message).toMatch(/"person", "place", "organization"/);
  });

  it('refuses one name with two types', () => {
    const r = parseLexicon(JSON.stringify({ version: 1, entities: [{ name: 'Kyiv', type: 'place' }, { name: 'Kyiv', type: 'person' }] }), 'lexicon.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('entities[1].type');
  });

  it('reports a syntax error with line and column', () => {
    const r = parseLexicon('{\n  "version": 1\n  "rejected": []\n}', 'lexicon.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.line, r.error.column]).toEqual([3, 3]);
  });
});

describe('applyCorrections (per-article entity annotations)', () => {
  const now = '2024-05-01T00:00:00.000Z';
  const correction = (n: number, needle: string, extra: object, occurrence = 0) => {
    let i = -1;
    for (let k = 0; k <= occurrence; k++) i = TEXT.indexOf(needle, i + 1);
    return createAnnotation({ kind: 'entity', text: TEXT, start: i, end: i + needle.length, author: 'Ann', now, id: id(n), ...extra });
  };

  it('rejects, retypes, renames, adds; skips orphans', () => {
    const engine: Entity[] = [ent('Monday', 'person'), ent('Kyiv Post', 'place'), ent('Zelenskyy', 'person'), ent('Volodymyr Zelensky', 'person')];
    const sidecar = emptySidecar('a.txt', 'ab'.repeat(32));
    sidecar.annotations = [
      correction(1, 'Monday', { rejected: true }),
      correction(2, 'Kyiv Post', { type: 'organization' }),
      correction(3, 'Zelenskyy', { name: 'Volodymyr Zelensky' }),
      correction(4, 'Kyivstar', { type: 'organization' }),
      correction(5, 'President', { accepted: true }),
    ];
    const gone = { ...correction(6, 'officials', { type: 'organization' }), target: { start: 0, end: 5, exact: 'Nowhere', prefix: '', suffix: '' } };
    sidecar.annotations.push(gone);
    const anchored = anchorAll(sidecar, TEXT);
    expect(anchored.find((x) => x.annotation.id === id(6))!.state).toBe('orphaned');
    const out = applyCorrections(engine, anchored, TEXT);
    expect(out.map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Zelenskyy', 'person', 'Volodymyr Zelensky'],
      ['Kyiv Post', 'organization', undefined],
      ['Volodymyr Zelensky', 'person', undefined],
      ['Kyivstar', 'organization', undefined],
    ]);
  });
});
