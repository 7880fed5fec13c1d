// Attributions: named sources (people, organisations, institutions) versus vague ones (analysts,
// reports, unnamed officials, passives, hearsay), with the reason a reviewer must chase.
import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../../../src/core/attributions';
import { makeContext } from '../../../src/core/text/context';
import type { Entity } from '../../../src/core/types';

const attributions = (text: string, entities: Entity[] = []) => extractAttributions(makeContext(text), entities);
const find = (text: string, phrase: string, entities: Entity[] = []) => {
  const all = attributions(text, entities);
  const hit = all.find((a) => a.text === phrase);
  if (!hit) throw new Error(`no attribution "${phrase}" in ${JSON.stringify(all.map((a) => a.text))}`);
  return hit;
};

describe('named sources', () => {
  it.each([
    ['NATO has raised alarms, according to Reuters.', 'according to Reuters', 'Reuters'],
    ['Pentagon officials have confirmed that troops moved.', 'Pentagon officials have confirmed', 'Pentagon officials'],
    ['Later, Zelensky said the war had spread.', 'Zelensky said', 'Zelensky'],
    ['The Ukrainian military has reported intensified strikes.', 'The Ukrainian military has reported', 'Ukrainian military'],
    ["Russia's defense ministry countered on January 6.", "Russia's defense ministry countered", "Russia's defense ministry"],
    ['Seven people were injured, according to Ukrainian authorities.', 'according to Ukrainian authorities', 'Ukrainian authorities'],
    ['Moscow claims to have captured the town.', 'Moscow claims', 'Moscow'],
  ])('%s', (text, phrase, source) => {
    expect(find(text, phrase)).toMatchObject({ source, vague: false });
    expect(find(text, phrase).reason).toBeUndefined();
  });

  it('resolves a person to the full name the article gives', () => {
    const text = 'Ukrainian President Volodymyr Zelensky spoke on Tuesday. Zelensky disclosed that he had spoken with Yoon.';
    expect(find(text, 'Zelensky disclosed').source).toBe('Volodymyr Zelensky');
  });

  it('credits the person, not the body after "from"', () => {
    const text = 'Major General Dmytro Martschenko from the Ukrainian Armed Forces has openly acknowledged severe setbacks.';
    expect(attributions(text)[0]).toMatchObject({ source: 'Dmytro Martschenko', vague: false });
  });

  it('reads a speaker across an appositive, and after a quote', () => {
    const text = 'Dr. Emily Carter, a senior strategist at the Council on Foreign Relations, commented on the deal.';
    expect(attributions(text)[0]).toMatchObject({ source: 'Emily Carter', vague: false });
    const q = '“Sanctions alone will not stop Russia,” said Oleksandr Petrenko, Ukraine’s Defense Minister.';
    expect(find(q, 'said Oleksandr Petrenko')).toMatchObject({ source: 'Oleksandr Petrenko', vague: false });
  });

  it('resolves "he said" to the last person named', () => {
    const text = 'Governor Oleh Syniehubov spoke to reporters. He said four people died.';
    expect(find(text, 'He said')).toMatchObject({ source: 'Oleh Syniehubov', vague: false });
  });

  it('uses person entities when the tagger gives them', () => {
    const text = 'Trump has previously claimed he could end the war.';
    const ents: Entity[] = [{ text: 'Trump', start: 0, end: 5, type: 'person', canonical: 'Donald Trump' }];
    expect(attributions(text, ents)[0]).toMatchObject({ source: 'Donald Trump', vague: false });
  });
});

describe('vague sources', () => {
  it.each([
    ['Analysts suggest that this partnership fortifies Ukraine.', 'Analysts suggest', 'analysts', 'no named source'],
    ['Experts suggest the motive may be different.', 'Experts suggest', 'experts', 'no named source'],
    ['Recent reports suggest heavy casualties.', 'Recent reports suggest', 'recent reports', 'unnamed reports'],
    ['Reports indicate fresh offensives.', 'Reports indicate', 'reports', 'unnamed reports'],
    ['Both sides are locked in what many describe as total warfare.', 'many describe', 'many', 'no named source'],
    ['Some observers caution against it.', 'Some observers caution', 'some observers', 'no named source'],
    ['The deal collapsed, sources said.', 'sources said', 'sources', 'unnamed sources'],
    ['Western officials estimate that 10,000 troops were sent.', 'Western officials estimate', 'Western officials', 'unnamed officials'],
    ['Russian sources speculated on websites.', 'Russian sources speculated', 'Russian sources', 'unnamed sources'],
    ['Troops regrouped, as reported by multiple news outlets.', 'reported by multiple news outlets', 'multiple news outlets', 'unnamed reports'],
    ['Bankers said the loan was agreed.', 'Bankers said', 'bankers', 'no named source'],
  ])('%s', (text, phrase, source, reason) => {
    expect(find(text, phrase)).toMatchObject({ source, vague: true, reason });
  });

  it('flags passives and hearsay adverbs as sourceless', () => {
    expect(find('North Korea is believed to have sent troops.', 'is believed')).toMatchObject({ vague: true, source: 'unspecified', reason: 'passive attribution, no source' });
    expect(find('It is believed that talks failed.', 'It is believed')).toMatchObject({ vague: true });
    expect(find('It has been reported that talks failed.', 'It has been reported')).toMatchObject({ vague: true });
    expect(find('Soldiers are reportedly being sent.', 'reportedly')).toMatchObject({ vague: true, reason: 'hearsay adverb, no source' });
  });

  it('keeps ordinary passives and nouns out', () => {
    expect(attributions('The town is known to be strategic.')).toEqual([]);
    expect(attributions('South Korea and the United States held drills.')).toEqual([]);
    expect(attributions('The Tower Commission report made public today criticised him.')).toEqual([]);
  });
});

describe('spans', () => {
  it('returns spans in text order, without overlaps, each a slice of the text', () => {
    const text = 'According to Reuters, analysts said the plan, which Zelensky said would work, is reportedly stalled.';
    const all = attributions(text);
    expect(all.map((a) => a.text)).toEqual(['According to Reuters', 'analysts said', 'Zelensky said', 'reportedly']);
    for (const a of all) expect(text.slice(a.start, a.end)).toBe(a.text);
  });
});
