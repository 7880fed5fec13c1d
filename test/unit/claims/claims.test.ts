// Numeric claims: hedges, written numbers, money/percent/Reuters units, dates with and without a
// year, relative dates against the article's date, times, durations, ordinals, and what is not a claim.
import { describe, expect, it } from 'vitest';
import { articleDate, extractClaims } from '../../../src/core/claims';
import { makeContext } from '../../../src/core/text/context';
import type { Claim, Entity } from '../../../src/core/types';

const claims = (text: string, date?: string, entities: Entity[] = []) => extractClaims(makeContext(text), entities, date);
const one = (text: string, phrase: string, date?: string): Claim => {
  const all = claims(text, date);
  const hit = all.find((c) => c.text === phrase);
  if (!hit) throw new Error(`no claim "${phrase}" in ${JSON.stringify(all.map((c) => c.text))}`);
  return hit;
};

describe('counts and hedges', () => {
  it('reads hedge, number and counted noun as one span', () => {
    const c = one('North Korea is believed to have sent approximately 10,000 soldiers towards Russia.', 'approximately 10,000 soldiers');
    expect(c).toMatchObject({ kind: 'count', value: 10000, unit: 'soldiers', approx: 'approximately' });
  });

  it.each([
    ['at least', 'The strike injured at least nine individuals, including a girl.', 'at least nine individuals', 9, 'people'],
    ['more than', 'Ukraine had gained more than 1,300 square kilometers of territory.', 'more than 1,300 square kilometers', 1300, 'square kilometers'],
    ['around', 'He said around 3,000 North Korean soldiers are already stationed there.', 'around 3,000 North Korean soldiers', 3000, 'soldiers'],
    ['as many as', 'Zelensky expects that number to swell to as many as 12,000 troops.', 'as many as 12,000 troops', 12000, 'troops'],
    ['nearly', 'Nearly 20 homes sustained significant damage.', 'Nearly 20 homes', 20, 'homes'],
    ['roughly', 'Chechnya is located roughly 500 miles east of Ukraine.', 'roughly 500 miles', 500, 'miles'],
    ['up to', 'The plan could retire up to 20 mln acres.', 'up to 20 mln acres', 20e6, 'acres'],
    ['almost', 'Sales stood at almost 6.2 mln bags.', 'almost 6.2 mln bags', 6.2e6, 'bags'],
    ['over', 'Over 300 people were evacuated.', 'Over 300 people', 300, 'people'],
    ['some', 'Some 500 troops arrived.', 'Some 500 troops', 500, 'troops'],
    ['about', 'About 40 vessels were waiting.', 'About 40 vessels', 40, 'vessels'],
  ])('hedge "%s"', (hedge, text, phrase, value, unit) => {
    expect(one(text, phrase)).toMatchObject({ value, unit, approx: hedge });
  });

  it('keeps plain counts without a hedge', () => {
    const c = one('Russian drones pounded Kyiv, killing four civilians and wounding 15 others.', 'four civilians');
    expect(c).toMatchObject({ kind: 'count', value: 4, unit: 'civilians' });
    expect(c.approx).toBeUndefined();
    expect(one('Russian drones pounded Kyiv, killing four civilians and wounding 15 others.', '15 others')).toMatchObject({ value: 15, unit: 'people' });
    expect(one('Four people were killed in the blast.', 'Four people')).toMatchObject({ value: 4, unit: 'people' });
  });

  it('takes the noun of an elided count from the figure it refers back to', () => {
    const text = 'Ukraine shared intelligence on the deployment of 3,000 North Korean troops, with expectations that this number could surge to approximately 12,000.';
    expect(one(text, 'approximately 12,000')).toMatchObject({ value: 12000, unit: 'troops', expected: true });
  });
});

describe('written numbers', () => {
  it.each([
    ['nine people were hurt.', 'nine people', 9],
    ['twenty-five soldiers died.', 'twenty-five soldiers', 25],
    ['three hundred and fifty homes burned.', 'three hundred and fifty homes', 350],
    ['two thousand residents fled.', 'two thousand residents', 2000],
    ['a dozen drones were shot down.', 'a dozen drones', 12],
    ['half a million refugees crossed.', 'half a million refugees', 500000],
    ['1.5 million people voted.', '1.5 million people', 1.5e6],
    ['one soldier was killed.', 'one soldier', 1],
  ])('%s', (text, phrase, value) => {
    expect(one(text, phrase).value).toBe(value);
  });

  it('reads vague magnitudes', () => {
    expect(one('The war has displaced millions of civilians.', 'millions of civilians')).toMatchObject({ value: 1e6, approx: 'millions', unit: 'civilians' });
    expect(one('Tens of thousands of people marched.', 'Tens of thousands of people')).toMatchObject({ value: 10000, approx: 'tens of thousands' });
    expect(one('There are a few hundred thousand bags still held.', 'a few hundred thousand bags')).toMatchObject({ value: 300000, approx: 'a few' });
  });

  it('reads "one in five" shares as percentages', () => {
    expect(one('Roughly one in five adults skipped meals.', 'Roughly one in five adults')).toMatchObject({ kind: 'percent', value: 20, approx: 'roughly', subject: 'adults' });
    expect(one('3 out of 10 voters agreed.', '3 out of 10 voters')).toMatchObject({ kind: 'percent', value: 30 });
  });

  it('reads fractions as percentages', () => {
    expect(one('Two-thirds of voters agreed.', 'Two-thirds')).toMatchObject({ kind: 'percent', value: 66.666667, unit: '%' });
    expect(one('The bond rose 1/8 point.', '1/8 point')).toMatchObject({ kind: 'quantity', value: 0.125 });
    expect(one('The price was up 3/8.', '3/8')).toMatchObject({ kind: 'quantity', value: 0.375 });
  });
});

describe('money, percentages and Reuters units', () => {
  it.each([
    ['The loan was 1.5 billion dlrs.', '1.5 billion dlrs', 1.5e9, 'dlrs'],
    ['Profit was 120 mln dlrs.', '120 mln dlrs', 120e6, 'dlrs'],
    ['The debt is 19 billion stg.', '19 billion stg', 19e9, 'stg'],
    ['It won $1.5 billion in aid.', '$1.5 billion', 1.5e9, 'dollars'],
    ['Shr 70 cts vs 56 cts', '70 cts', 70, 'cts'],
    ['It paid 100 mln yen.', '100 mln yen', 100e6, 'yen'],
    ['He raised €3m.', '€3m', 3e6, 'euros'],
    ['It sold 5 mln U.S. dlrs of notes.', '5 mln U.S. dlrs', 5e6, 'dlrs'],
  ])('%s', (text, phrase, value, unit) => {
    expect(one(text, phrase)).toMatchObject({ kind: 'money', value, unit });
  });

  it.each([
    ['Sales rose 55 pct.', '55 pct', 55],
    ['Turnout was 62.5%.', '62.5%', 62.5],
    ['Inflation hit 7 percent.', '7 percent', 7],
    ['Inflation hit 7 per cent.', '7 per cent', 7],
    ['Rates rose 7-1/2 pct.', '7-1/2 pct', 7.5],
  ])('%s', (text, phrase, value) => {
    expect(one(text, phrase)).toMatchObject({ kind: 'percent', value, unit: '%' });
  });

  it('keeps Reuters bare scaled figures and shares units across ranges and lists', () => {
    expect(one('Revs 24.1 mln vs 17.1 mln', '24.1 mln')).toMatchObject({ value: 24.1e6 });
    const r = claims('Prices rose to 340 to 350 cruzados, and 1,850 and 1,880 dlrs.');
    expect(r.find((c) => c.text === '340')).toMatchObject({ kind: 'money', unit: 'cruzados' });
    expect(r.find((c) => c.text === '1,850')).toMatchObject({ kind: 'money', unit: 'dlrs' });
    expect(one('It will cost 15 to 20 mln dlrs.', '15')).toMatchObject({ value: 15e6, unit: 'dlrs' });
  });

  it('counts Reuters-style quantities', () => {
    expect(one('Exports were 37,000 long tons of flour.', '37,000 long tons')).toMatchObject({ kind: 'quantity', value: 37000, unit: 'long tons', subject: 'flour' });
  });
});

describe('dates', () => {
  it('reads full dates', () => {
    expect(one('Kharkiv, Ukraine, Monday, Oct. 28, 2024.', 'Oct. 28, 2024')).toMatchObject({ kind: 'date', value: '2024-10-28' });
    expect(one('It ended on 28 October 2024.', '28 October 2024').value).toBe('2024-10-28');
    expect(one('Filed 2024-10-28 in court.', '2024-10-28').value).toBe('2024-10-28');
    expect(one('The guideline will go into effect on April 6, 1987.', 'April 6, 1987').value).toBe('1987-04-06');
  });

  it('leaves the year out when the text does not state it', () => {
    expect(one('On January 5, Ukrainian military leaders announced a strike.', 'January 5').value).toBe('--01-05');
    expect(one('Russian sources speculated about talks around December 30.', 'around December 30')).toMatchObject({ value: '--12-30', approx: 'around' });
    expect(one('Arrivals for the week ended Feb 22 were high.', 'Feb 22').value).toBe('--02-22');
  });

  it('takes the year from the article date when one is given, nearest to it', () => {
    expect(one('On January 5, leaders announced a strike.', 'January 5', '2025-01-08').value).toBe('2025-01-05');
    expect(one('On December 30, talks began.', 'December 30', '2025-01-08').value).toBe('2024-12-30');
    expect(one('Prices jumped in March.', 'March', '2024-10-29').value).toBe('2024-03');
    expect(one('Talks resumed on January 5.', 'January 5', '2024-10-29').value).toBe('2024-01-05');
    expect(one('Talks will resume on January 5.', 'January 5', '2024-10-29').value).toBe('2025-01-05');
    expect(one('The ceasefire began on January 2.', 'January 2', '2024-12-28').value).toBe('2025-01-02');
  });

  it('reads months and years after a date preposition only', () => {
    expect(one('Ukraine launched an offensive in August.', 'August').value).toBe('--08');
    expect(one('Ukraine launched an offensive in August.', 'August', '2024-11-20').value).toBe('2024-08');
    expect(claims('The August offensive was unexpected.')).toEqual([]);
    expect(one('Russia annexed Crimea in 2014.', '2014')).toMatchObject({ kind: 'date', value: '2014' });
    expect(one('It rose in November 1978.', 'November 1978').value).toBe('1978-11');
  });

  it('resolves relative dates against the article date, never the machine clock', () => {
    const d = '2024-10-29'; // a Tuesday
    expect(one('Zelensky said on Tuesday that the war had spread.', 'Tuesday', d).value).toBe('2024-10-29');
    expect(one('Officials met on Monday.', 'Monday', d).value).toBe('2024-10-28');
    expect(one('Talks resume next Friday.', 'Friday', d).value).toBe('2024-11-01');
    expect(one('The minister arrived yesterday.', 'yesterday', d).value).toBe('2024-10-28');
    expect(one('Output fell last year.', 'last year', d).value).toBe('2023');
    expect(one('Output fell last month.', 'last month', d).value).toBe('2024-09');
  });

  it('resolves "today" from a Reuters dateline even without a year', () => {
    expect(one('TOKYO, March 2 - The bank said today it would cut rates.', 'today').value).toBe('--03-02');
  });

  it('does not emit a bare weekday or a relative date without an article date', () => {
    expect(claims('Zelensky said on Tuesday that the war had spread.')).toEqual([]);
    expect(claims('The minister arrived yesterday.')).toEqual([]);
  });
});

describe('times, durations, ordinals', () => {
  it('reads clock times', () => {
    expect(one('The assault struck a residential area around 3 a.m., the governor said.', 'around 3 a.m.')).toMatchObject({ kind: 'time', value: '03:00', approx: 'around' });
    expect(one('Polls close at 8 p.m. local time.', '8 p.m. local time').value).toBe('20:00');
    expect(one('Trading resumes at 10:30.', '10:30').value).toBe('10:30');
    expect(one('Bids are due by 1500 GMT.', '1500 GMT').value).toBe('15:00');
    expect(one('The curfew starts at midnight.', 'midnight').value).toBe('00:00');
  });

  it('reads durations', () => {
    expect(one('Trump claimed he could end the war within 24 hours.', '24 hours')).toMatchObject({ kind: 'duration', value: 24, unit: 'hours', expected: true });
    expect(one('Russia launched its invasion nearly three years ago.', 'nearly three years')).toMatchObject({ kind: 'duration', value: 3, unit: 'years', approx: 'nearly' });
    expect(one('Nine mths net was higher.', 'Nine mths')).toMatchObject({ kind: 'duration', value: 9, unit: 'months' });
  });

  it('reads ordinals', () => {
    expect(one('This marks the first drone strike of the conflict.', 'first drone strike')).toMatchObject({ kind: 'ordinal', value: 1 });
    expect(one('The war continues into its third year.', 'third year')).toMatchObject({ kind: 'ordinal', value: 3, unit: 'year' });
    expect(one('alliances in the 21st century.', '21st century')).toMatchObject({ kind: 'ordinal', value: 21, unit: 'century' });
    expect(one('PANSOPHIC 3RD QTR NET', '3RD QTR')).toMatchObject({ kind: 'ordinal', value: 3 });
  });
});

describe('not claims', () => {
  it.each([
    ['There is only one conclusion—this war is internationalized.'],
    ['He is one of the most senior generals.'],
    ['Trump may bring forth requests, and this may take time.'],
    ['This is the point.'],
    ['The G7 met; COVID-19 rules and F-16 jets were discussed.'],
    ['By John Smith'],
    ['Efrem Lukatsky/AP'],
    ['The talks are on Tuesday.'],
    ['No one was hurt, and the two agreed to talk.'],
    ['Boeing 737 jets and Article 5 were discussed.'],
    ['They signed a 10-year deal.'],
    ['At first, the First Lady declined.'],
  ])('%s', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it('never lets a hedge reach back into the figure before it', () => {
    const got = claims('PANSOPHIC 3RD some 3.5 pct');
    for (let k = 1; k < got.length; k++) expect(got[k].start).toBeGreaterThanOrEqual(got[k - 1].end);
  });

  it('skips the dateline and a caption printed twice', () => {
    const caption = 'Firefighters inspect the damaged building in Kharkiv, Ukraine, Monday, Oct. 28, 2024.';
    const text = `SALVADOR, Feb 26 - Showers continued.\n\n${caption} More\n\n${caption} Zelensky said Tuesday.`;
    const got = claims(text).map((c) => c.text);
    expect(got).toEqual(['Oct. 28, 2024']);
  });

  it('treats "May" as a month only when it is one', () => {
    expect(claims('Trump may bring forth requests.')).toEqual([]);
    expect(one('Elections are due in May.', 'May').value).toBe('--05');
    expect(one('The deal closed on May 5.', 'May 5').value).toBe('--05-05');
  });
});

describe('subjects and expectations', () => {
  it('names what is counted, with the sentence’s main name when the noun has none', () => {
    expect(one('Western officials estimate that North Korea has sent approximately 10,000 troops.', 'approximately 10,000 troops').subject).toBe('North Korea troops');
    expect(one('He said around 3,000 North Korean soldiers are already there.', 'around 3,000 North Korean soldiers').subject).toBe('North Korean soldiers');
    expect(one('Four people were killed in the blast.', 'Four people').subject).toBe('people killed');
  });

  it('uses the tagger’s entities for the qualifier when given', () => {
    const text = 'Officials say Pyongyang has sent 10,000 troops.';
    const ents: Entity[] = [{ text: 'Pyongyang', start: 14, end: 23, type: 'place', canonical: 'North Korea' }];
    expect(claims(text, undefined, ents)[0].subject).toBe('North Korea troops');
  });

  it('carries the earlier figure’s modifiers to "that number"', () => {
    const text = 'Around 3,000 North Korean soldiers are stationed near the front. Zelensky expects that number to swell to as many as 12,000 troops.';
    expect(one(text, 'as many as 12,000 troops')).toMatchObject({ subject: 'North Korean troops', expected: true });
  });

  it('flags expectations and leaves facts alone', () => {
    expect(one('The company plans to cut 500 jobs.', '500 jobs').expected).toBe(true);
    expect(one('The figure is expected to reach 20 pct.', '20 pct').expected).toBe(true);
    expect(one('The company cut 500 jobs.', '500 jobs').expected).toBeUndefined();
  });
});

describe('articleDate', () => {
  const date = (t: string) => articleDate(makeContext(t));
  it('reads a dated dateline or a short date line, never a year-less dateline', () => {
    expect(date('LONDON, Oct 29, 2024 (Reuters) - Shares fell.')).toBe('2024-10-29');
    expect(date('QUITO, March 11 - Ecuador said.')).toBeUndefined();
    expect(date('Headline here\nPublished October 29, 2024 10:32 AM EDT\nBody text follows here.')).toBe('2024-10-29');
    expect(date('Headline\nTue 29 Oct 2024 10.32 GMT\nBody.')).toBe('2024-10-29');
    expect(date('A long caption mentioning Monday, Oct. 28, 2024 in passing among many other words to make this paragraph long enough to not be a date line at all, surely.')).toBeUndefined();
  });
});
