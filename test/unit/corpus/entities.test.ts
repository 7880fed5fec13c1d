// Canonical entities: each merge rule, each non-merge, naming, reasons, and incremental updates.
import { describe, expect, it } from 'vitest';
import { sameWord } from '../../../src/core/corpus/fold';
import { explainMerge, isAcronymOf } from '../../../src/core/corpus/names';
import { article, entityNamed, indexOf } from './helpers';

describe('spelling rules (general, not a list of names)', () => {
  it('folds transliterations of one name', () => {
    for (const [a, b] of [['Zelensky', 'Zelenskiy'], ['Zelensky', 'Selenskyj'], ['Selydowe', 'Selydove'], ['Odesa', 'Odessa'], ['Andrij', 'Andriy'], ['Martschenko', 'Marchenko']]) {
      expect(sameWord(a, b)?.rule, `${a}/${b}`).toBe('transliteration');
    }
  });
  it('takes close spellings with the same consonants as variants', () => {
    for (const [a, b] of [['Kyiv', 'Kiev'], ['Kharkiv', 'Kharkov']]) expect(sameWord(a, b)?.rule, `${a}/${b}`).toBe('spelling-variant');
  });
  it('keeps apart words that only look alike', () => {
    for (const [a, b] of [['Peru', 'Pera'], ['Mali', 'Male'], ['Niger', 'Nigeria'], ['Iran', 'Iraq'], ['Austria', 'Australia'], ['N.J.', 'N.Y.']]) {
      expect(sameWord(a, b), `${a}/${b}`).toBeUndefined();
    }
  });
  it('reads acronyms against their words', () => {
    expect(isAcronymOf('NATO', 'North Atlantic Treaty Organization')).toBe(true);
    expect(isAcronymOf('OPEC', 'Organization of Petroleum Exporting Countries')).toBe(true);
    expect(isAcronymOf('U.N.', 'United Nations')).toBe(true);
    expect(isAcronymOf('US', 'U.S. Seen')).toBe(false);
    expect(isAcronymOf('IMF', 'International Energy Agency')).toBe(false);
  });
});

describe('merges within an article', () => {
  it('a surname joins the full name', () => {
    const index = indexOf({
      a: article('President Volodymyr Zelensky spoke. Later Zelensky wrote on Telegram.', [['Volodymyr Zelensky', 'person'], ['Zelensky', 'person']]),
    });
    const [e] = entityNamed(index, 'Volodymyr Zelensky');
    expect(e.name).toBe('Volodymyr Zelensky');
    expect(e.variants).toEqual(['Zelensky']);
    expect(e.mentions).toHaveLength(2);
    expect(e.merges).toEqual([{ variant: 'Zelensky', rule: 'surname', score: expect.any(Number) }]);
  });

  it('any part of a name joins it when only one name has it ("Yoon", "Yeol" of "Yoon Suk Yeol")', () => {
    const index = indexOf({
      a: article('Yoon Suk Yeol met him. Yoon said so, and Yeol agreed.', [['Yoon Suk Yeol', 'person'], ['Yoon', 'person'], ['Yeol', 'person']]),
    });
    const e = entityNamed(index, 'Yoon Suk Yeol');
    expect(e).toHaveLength(1);
    expect(e[0].variants.sort()).toEqual(['Yeol', 'Yoon']);
    expect(e[0].merges.find((m) => m.variant === 'Yoon')?.rule).toBe('name-part');
    expect(e[0].merges.find((m) => m.variant === 'Yeol')?.rule).toBe('surname');
  });

  it("follows the tagger's canonical name", () => {
    const index = indexOf({
      a: article('Donald Trump spoke. Trump left.', [['Donald Trump', 'person'], ['Trump', 'person', 'Donald Trump']]),
    });
    expect(entityNamed(index, 'Trump')[0].name).toBe('Donald Trump');
  });

  it('an acronym joins the name it is spelled out for', () => {
    const index = indexOf({
      a: article('The North Atlantic Treaty Organization (NATO) met. NATO said more.', [['North Atlantic Treaty Organization', 'organization'], ['NATO', 'organization']]),
      b: article('NATO warned Moscow.', [['NATO', 'organization'], ['Moscow', 'place']]),
    });
    const e = entityNamed(index, 'NATO');
    expect(e).toHaveLength(1);
    expect(e[0].name).toBe('North Atlantic Treaty Organization');
    expect(e[0].documents).toEqual(['a', 'b']);
    expect(e[0].merges.find((m) => m.variant === 'NATO')?.rule).toBe('acronym');
  });

  it('a place with the word for its kind is the place ("Donetsk region")', () => {
    const index = indexOf({
      a: article('Fighting in the Donetsk region went on. Donetsk was shelled.', [['Donetsk region', 'place'], ['Donetsk', 'place']]),
    });
    const e = entityNamed(index, 'Donetsk');
    expect(e).toHaveLength(1);
    expect(e[0].name).toBe('Donetsk');
  });

  it('a surname shared by two people of the article follows the nearest mention, never both', () => {
    const index = indexOf({
      a: article('George Bush met Laura Bush. George Bush spoke twice. Bush said no.', [['George Bush', 'person'], ['Laura Bush', 'person'], ['Bush', 'person']]),
    });
    const people = index.snapshot().entities.filter((e) => e.type === 'person');
    expect(people.map((p) => p.name).sort()).toEqual(['George Bush', 'Laura Bush']);
  });
});

describe('merges across articles', () => {
  it('transliterations of a full name ("Volodymyr Zelenskiy" / "Volodymyr Zelensky")', () => {
    const index = indexOf({
      a: article('Volodymyr Zelensky spoke. Zelensky said more. Volodymyr Zelensky left.', [['Volodymyr Zelensky', 'person'], ['Zelensky', 'person']]),
      b: article('Volodymyr Zelenskiy announced it. Zelenskiy said.', [['Volodymyr Zelenskiy', 'person'], ['Zelenskiy', 'person']]),
    });
    const e = entityNamed(index, 'Volodymyr Zelenskiy');
    expect(e).toHaveLength(1);
    expect(e[0].name).toBe('Volodymyr Zelensky');
    expect(e[0].variants).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy', 'Volodymyr Zelenskiy']));
    expect(e[0].merges.find((m) => m.variant === 'Volodymyr Zelenskiy')).toMatchObject({ rule: 'transliteration' });
    expect(e[0].documents).toEqual(['a', 'b']);
  });

  it('spelling variants of places ("Kyiv"/"Kiev", "Selydowe"/"Selydove")', () => {
    const index = indexOf({
      a: article('Drones hit Kyiv. Selydowe fell.', [['Kyiv', 'place'], ['Selydowe', 'place']]),
      b: article('Kiev was quiet. Russia took Selydove.', [['Kiev', 'place'], ['Selydove', 'place'], ['Russia', 'place']]),
    });
    const kyiv = entityNamed(index, 'Kiev');
    expect(kyiv).toHaveLength(1);
    expect(kyiv[0].merges[0]).toMatchObject({ variant: expect.any(String), rule: 'spelling-variant' });
    expect(entityNamed(index, 'Selydove')[0].variants).toContain('Selydowe');
  });

  it('official country names ("Republic of Korea" is South Korea)', () => {
    const index = indexOf({
      a: article('South Korea may send arms. South Korea said.', [['South Korea', 'place']]),
      b: article('Ukraine and the Republic of Korea will exchange delegations.', [['Ukraine', 'place'], ['Republic of Korea', 'place']]),
    });
    const e = entityNamed(index, 'Republic of Korea');
    expect(e).toHaveLength(1);
    expect(e[0].name).toBe('South Korea');
    expect(e[0].merges[0]).toMatchObject({ variant: 'Republic of Korea', rule: 'alias', score: 1 });
  });

  it('a bare surname joins the one full name in the corpus', () => {
    const index = indexOf({
      a: article('Vladimir Putin spoke.', [['Vladimir Putin', 'person']]),
      b: article('Putin said nothing.', [['Putin', 'person']]),
    });
    const e = entityNamed(index, 'Putin');
    expect(e).toHaveLength(1);
    expect(e[0].documents).toEqual(['a', 'b']);
  });
});

describe('what is not merged', () => {
  it('two people sharing a surname in different articles', () => {
    const index = indexOf({
      a: article('John Smith resigned. Smith was chairman.', [['John Smith', 'person'], ['Smith', 'person']]),
      b: article('Jane Smith was named. Smith starts Monday.', [['Jane Smith', 'person'], ['Smith', 'person']]),
      c: article('Smith declined to comment.', [['Smith', 'person']]),
    });
    const names = index.snapshot().entities.map((e) => e.name).sort();
    expect(names).toEqual(['Jane Smith', 'John Smith', 'Smith']);
    expect(entityNamed(index, 'John Smith')[0].documents).toEqual(['a']);
  });

  it('given names that differ by a letter are different people ("John"/"Joan")', () => {
    const index = indexOf({
      a: article('John Baker spoke.', [['John Baker', 'person']]),
      b: article('Joan Baker spoke.', [['Joan Baker', 'person']]),
    });
    expect(index.snapshot().entities).toHaveLength(2);
  });

  it('countries that are spelled alike (Niger/Nigeria, Austria/Australia)', () => {
    const index = indexOf({
      a: article('Niger and Austria signed.', [['Niger', 'place'], ['Austria', 'place']]),
      b: article('Nigeria and Australia signed.', [['Nigeria', 'place'], ['Australia', 'place']]),
    });
    expect(index.snapshot().entities).toHaveLength(4);
  });

  it('Georgia the country and Georgia the US state, when the article tells', () => {
    const index = indexOf({
      a: article('Protests filled Tbilisi as Georgia weighed ties with Russia.', [['Tbilisi', 'place'], ['Georgia', 'place'], ['Russia', 'place']]),
      b: article('Voters in Atlanta, Georgia, lined up; Georgia counts ballots like Arizona.', [['Atlanta', 'place'], ['Georgia', 'place'], ['Arizona', 'place']]),
      c: article('The Republic of Georgia applied to join.', [['Republic of Georgia', 'place']]),
    });
    const georgias = index.snapshot().entities.filter((e) => e.name === 'Georgia' || e.variants.includes('Georgia'));
    expect(georgias).toHaveLength(2);
    const country = georgias.find((e) => e.documents.includes('a'))!;
    const state = georgias.find((e) => e.documents.includes('b'))!;
    expect(country).not.toBe(state);
    expect(country.documents).toEqual(['a', 'c']);
    expect(state.documents).toEqual(['b']);
    expect(state.id).not.toBe(country.id);
  });

  it('abbreviations are matched only as written ("N.J." is not "N.Y.")', () => {
    const index = indexOf({
      a: article('Newark, N.J., said.', [['Newark', 'place'], ['N.J.', 'place']]),
      b: article('Albany, N.Y., said.', [['Albany', 'place'], ['N.Y.', 'place']]),
    });
    expect(index.snapshot().entities).toHaveLength(4);
  });
});

describe('naming and reasons', () => {
  it('the canonical name is the fullest, most frequent form', () => {
    const index = indexOf({
      a: article('Reagan spoke. Reagan left.', [['Reagan', 'person']]),
      b: article('Ronald Reagan spoke.', [['Ronald Reagan', 'person']]),
    });
    expect(entityNamed(index, 'Reagan')[0].name).toBe('Ronald Reagan');
  });

  it('a name written only in capitals (a headline) is shown in title case', () => {
    const index = indexOf({ a: article('WASHINGTON, March 3 - Officials met.', [['WASHINGTON', 'place']]) });
    expect(index.snapshot().entities[0].name).toBe('Washington');
  });

  it('explains merges for hovers', () => {
    expect(explainMerge('Zelenskiy', 'Volodymyr Zelensky', 'person').rule).toMatch(/transliteration|surname/);
    expect(explainMerge('Kiev', 'Kyiv', 'place').rule).toBe('spelling-variant');
    expect(explainMerge('Republic of Korea', 'South Korea', 'place').rule).toBe('alias');
    expect(explainMerge('Yeol', 'Yoon Suk Yeol', 'person').rule).toBe('surname');
  });
});

describe('incremental index and lookups', () => {
  const docs = () => ({
    a: article('Volodymyr Zelensky met officials in Kyiv. Zelensky said.', [['Volodymyr Zelensky', 'person'], ['Kyiv', 'place'], ['Zelensky', 'person']]),
    b: article('Kiev was hit. Volodymyr Zelenskiy spoke.', [['Kiev', 'place'], ['Volodymyr Zelenskiy', 'person']]),
    c: article('Kyiv was quiet.', [['Kyiv', 'place']]),
  });

  it('finds the entity at an offset and its other mentions', () => {
    const d = docs();
    const index = indexOf(d);
    const at = d.b.text.indexOf('Zelenskiy') + 2;
    const e = index.entityAt('b', at)!;
    expect(e.name).toBe('Volodymyr Zelensky');
    expect(index.entityAt('b', d.b.text.indexOf(' was'))).toBeUndefined();
    const others = index.mentionsOf(e.id, 'b');
    expect(others.map((m) => m.document)).toEqual(['a', 'a']);
    expect(others.map((m) => d.a.text.slice(m.start, m.end))).toEqual(['Volodymyr Zelensky', 'Zelensky']);
  });

  it('removing and updating articles changes only what they held', () => {
    const d = docs();
    const index = indexOf(d);
    const before = index.snapshot();
    const kyivBefore = before.entities.find((e) => e.name === 'Kyiv')!;
    expect(kyivBefore.documents).toEqual(['a', 'b', 'c']);
    index.remove('b');
    const after = index.snapshot();
    expect(after.entities.find((e) => e.name === 'Kyiv')!.documents).toEqual(['a', 'c']);
    expect(after.entities.find((e) => e.name === 'Volodymyr Zelensky')!.variants).toEqual(['Zelensky']);
    // The article comes back with other names.
    index.set({ path: 'b', hash: 'b2', ...article('Odesa was hit.', [['Odesa', 'place']]) });
    const again = index.snapshot();
    expect(again.entities.find((e) => e.name === 'Odesa')!.documents).toEqual(['b']);
    expect(again.documents).toEqual(['a', 'b', 'c']);
    // An entity no article touched is the same object: nothing was rebuilt for it.
    expect(again.entities.find((e) => e.name === 'Volodymyr Zelensky')).toBe(after.entities.find((e) => e.name === 'Volodymyr Zelensky'));
  });

  it('the same result incrementally as from scratch', () => {
    const d = docs();
    const incremental = indexOf({ a: d.a });
    incremental.snapshot();
    incremental.set({ path: 'b', hash: 'b', ...d.b });
    incremental.snapshot();
    incremental.set({ path: 'c', hash: 'c', ...d.c });
    const fresh = indexOf(d);
    const shape = (s: ReturnType<typeof fresh.snapshot>) => s.entities.map((e) => [e.id, e.name, [...e.variants].sort(), e.documents]).sort();
    expect(shape(incremental.snapshot())).toEqual(shape(fresh.snapshot()));
  });
});
