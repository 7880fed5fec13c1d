// The entity recognizer on short texts written for these tests: names only, the way a reader
// would mark them.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/entities';
import { makeContext } from '../../../src/core/text/context';
import type { Entity, EntityType } from '../../../src/core/types';

const ents = (text: string): Entity[] => extractEntities(makeContext(text));
const names = (text: string, type?: EntityType): string[] =>
  ents(text).filter((e) => !type || e.type === type).map((e) => e.text);
const typed = (text: string): string[] => ents(text).map((e) => `${e.text}/${e.type}`);

describe('extractEntities', () => {
  it('returns nothing for empty or name-free text', () => {
    expect(ents('')).toEqual([]);
    expect(ents('   \n\n ')).toEqual([]);
    expect(ents('the rain fell all day and the river rose by two metres.')).toEqual([]);
  });

  it('offsets point at the name in the text', () => {
    const text = 'Talks resumed in Geneva on Monday, said Maria Lopez of the World Health Organization.';
    for (const e of ents(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(typed(text)).toEqual(['Geneva/place', 'Maria Lopez/person', 'World Health Organization/organization']);
  });

  it('leaves titles out of the name', () => {
    const text =
      'President Marta Kowalczyk met Prime Minister Henrik Dalby in Oslo. Major General Pavel Orlov and Dr. Sarah Whitcombe ' +
      'attended, as did Ambassador Lena Fischer, Governor Tom Baxter and Gen. Omar Haddad.';
    expect(names(text, 'person')).toEqual([
      'Marta Kowalczyk', 'Henrik Dalby', 'Pavel Orlov', 'Sarah Whitcombe', 'Lena Fischer', 'Tom Baxter', 'Omar Haddad',
    ]);
    expect(names(text)).not.toContain('President');
    expect(names(text)).not.toContain('Major');
  });

  it('leaves possessives out of the name', () => {
    const text = "Poland's farmers protested. Anna Berg’s office said Germany’s offer came from Siemens's board.";
    const got = names(text);
    expect(got).toContain('Poland');
    expect(got).toContain('Anna Berg');
    expect(got).toContain('Germany');
    for (const n of got) expect(n).not.toMatch(/['’]s$/);
  });

  it('leaves "city of" out of a place', () => {
    const text = 'Shelling hit the city of Zaporizhzhia overnight, the regional governor said.';
    expect(names(text, 'place')).toEqual(['Zaporizhzhia']);
  });

  it('splits lists of names', () => {
    const text = 'The sanctions target China, North Korea, Iran and Russia, officials in Brussels said.';
    expect(names(text, 'place')).toEqual(['China', 'North Korea', 'Iran', 'Russia', 'Brussels']);
    const orgs = 'Coverage came from The New York Times and Al Jazeera, as well as Reuters.';
    expect(names(orgs, 'organization').map((n) => n.replace(/^The /, ''))).toEqual(['New York Times', 'Al Jazeera', 'Reuters']);
  });

  it('tags a surname once the full name is known, with the full name as canonical', () => {
    const text =
      'Finance Minister Katarzyna Nowicka presented the budget on Tuesday. Nowicka said the deficit would shrink. ' +
      'Critics said Nowicka had been too optimistic.';
    const people = ents(text).filter((e) => e.type === 'person');
    expect(people.map((e) => e.text)).toEqual(['Katarzyna Nowicka', 'Nowicka', 'Nowicka']);
    expect(people[1].canonical).toBe('Katarzyna Nowicka');
    expect(people[2].canonical).toBe('Katarzyna Nowicka');
    expect(people[0].canonical).toBeUndefined();
  });

  it('does not tag nationality adjectives', () => {
    const text =
      'Ukrainian and Russian troops clashed as North Korean soldiers arrived. The South Korean and American envoys met ' +
      'Ukrainian President Olena Marchuk in Kyiv.';
    const got = names(text);
    for (const adj of ['Ukrainian', 'Russian', 'North Korean', 'South Korean', 'American']) expect(got).not.toContain(adj);
    expect(got).toContain('Olena Marchuk');
    expect(got).toContain('Kyiv');
  });

  it('does not tag capitalised ordinary words at the start of sentences', () => {
    const text =
      'Firefighters worked through the night in Lisbon. Meanwhile, residents waited. Experts warned of more fires. ' +
      'Furthermore, the roads were closed. Officials said the blaze was contained.';
    expect(names(text)).toEqual(['Lisbon']);
  });

  it('reads ALL-CAPS headlines', () => {
    const text =
      'FLOODS FORCE THOUSANDS FROM HOMES IN BANGLADESH\n\nHeavy rain forced thousands of people from their homes in ' +
      'northern Bangladesh on Sunday, officials said.';
    const got = ents(text);
    const caps = got.filter((e) => e.start < text.indexOf('\n'));
    expect(caps.map((e) => `${e.text}/${e.type}`)).toEqual(['BANGLADESH/place']);
  });

  it('reads Title-Case headlines', () => {
    const text =
      'Heavy Rain Brings Floods to Northern Bangladesh\nHeavy rain forced thousands of people from their homes in ' +
      'northern Bangladesh on Sunday, officials said.';
    expect(names(text)).toEqual(['Bangladesh', 'Bangladesh']);
  });

  it('reads Reuters-style datelines', () => {
    const text =
      'QUITO, March 11 - Ecuador raised fuel prices by 10 pct, the energy ministry said.\n' +
      '    LIMA, Feb 3 (Reuters) - Peru said it would resume talks with creditors.';
    const got = typed(text);
    expect(got).toContain('QUITO/place');
    expect(got).toContain('LIMA/place');
    expect(got).toContain('Ecuador/place');
    expect(got).toContain('Reuters/organization');
    expect(got).not.toContain('March/place');
  });

  it('types organizations, news agencies and international bodies', () => {
    const text =
      'The Pentagon said NATO allies would meet in Brussels, according to Reuters. The United Nations and the ' +
      'European Union welcomed the move, The Associated Press reported.';
    const got = typed(text).map((s) => s.replace(/^The /, ''));
    expect(got).toEqual([
      'Pentagon/organization', 'NATO/organization', 'Brussels/place', 'Reuters/organization', 'United Nations/organization',
      'European Union/organization', 'Associated Press/organization',
    ]);
  });

  it('handles CoNLL-style pre-tokenised text', () => {
    const text = "U.S. 's trade deficit widened , the Commerce Department said .\nLONDON 1996-08-30\n( AP ) - Talks in Bonn ended .";
    const got = typed(text);
    expect(got).toContain('U.S./place');
    expect(got).toContain('Commerce Department/organization');
    expect(got).toContain('LONDON/place');
    expect(got).toContain('AP/organization');
    expect(got).toContain('Bonn/place');
  });
});
