// Quoted speech: straight, curly and multi-sentence quotes, speakers named before or after the
// quote, pronoun speakers, short forms resolved to full names, and scare quotes left out.
// Offsets exclude the quotation marks.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes';
import { makeContext } from '../../../src/core/text/context';
import type { Entity } from '../../../src/core/types';

const quotes = (text: string, entities: Entity[] = []) => extractQuotes(makeContext(text), entities);
const speakerMention = (text: string, q: { speakerStart?: number; speakerEnd?: number }) =>
  q.speakerStart === undefined ? undefined : text.slice(q.speakerStart, q.speakerEnd);

describe('quote marks', () => {
  it('reads curly quotes and leaves the marks out of the span', () => {
    const text = '“There is only one conclusion—this war is internationalized,” Zelensky wrote on Telegram.';
    const [q] = quotes(text);
    expect(q.text).toBe('There is only one conclusion—this war is internationalized,');
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text[q.start - 1]).toBe('“');
    expect(text[q.end]).toBe('”');
  });

  it('reads straight quotes', () => {
    const text = '"Sanctions alone will not stop Russia," said Oleksandr Petrenko, Ukraine\'s Defense Minister.';
    expect(quotes(text)).toMatchObject([{ text: 'Sanctions alone will not stop Russia,', speaker: 'Oleksandr Petrenko' }]);
  });

  it('keeps a multi-sentence quote whole', () => {
    const text =
      '“Our nations are bound by a common goal. By combining our resources, we are sending a clear message,” Yoon stated during a briefing.';
    const [q] = quotes(text);
    expect(q.text).toBe('Our nations are bound by a common goal. By combining our resources, we are sending a clear message,');
  });

  it('ends a quote left open at the paragraph end with the paragraph (it runs on)', () => {
    const text = 'Smith said: "We will keep fighting for as long as it takes and we will win.\n"We have no other choice," he added.';
    const qs = quotes(text);
    expect(qs.map((q) => q.text)).toEqual(['We will keep fighting for as long as it takes and we will win.', 'We have no other choice,']);
  });

  it('reads British single quotes but not apostrophes', () => {
    const text = "'We won't give up,' the minister's aide Jane Doe said. It's the troops' morale that matters.";
    const qs = quotes(text);
    expect(qs).toHaveLength(1);
    expect(qs[0].text).toBe("We won't give up,");
  });
});

describe('speakers', () => {
  it('finds the speaker after the quote, resolved to the full name the article gives', () => {
    const text =
      'Ukrainian President Volodymyr Zelenskiy announced an alliance on Tuesday.\n“Ukraine will soon exchange delegations,” Zelenskiy declared in a readout.';
    const [q] = quotes(text);
    expect(q.speaker).toBe('Volodymyr Zelenskiy');
    expect(speakerMention(text, q)).toBe('Zelenskiy');
  });

  it('resolves a family name written first ("Yoon" → "Yoon Suk Yeol")', () => {
    const text = 'South Korean President Yoon Suk Yeol spoke.\n“Aggression will not be tolerated,” Yoon stated.';
    expect(quotes(text)[0].speaker).toBe('Yoon Suk Yeol');
  });

  it('finds "said NAME, a title" and strips titles ("warned Ambassador Linda Martinez")', () => {
    const text = '“We are witnessing a convergence of regimes,” warned Ambassador Linda Martinez, a senior diplomat.';
    const [q] = quotes(text);
    expect(q.speaker).toBe('Linda Martinez');
    expect(speakerMention(text, q)).toBe('Linda Martinez');
  });

  it('finds a speaker before the quote, across an appositive', () => {
    const text = 'Dr. Emily Carter, a senior analyst at the Council on Foreign Relations, commented, “This alliance is a testament to cooperation.”';
    expect(quotes(text)[0].speaker).toBe('Emily Carter');
  });

  it('takes the subject of a participle ("…, stating, “…”")', () => {
    const text =
      'Major General Dmytro Martschenko from the Ukrainian Armed Forces has openly acknowledged severe setbacks, stating, "Our front has collapsed."';
    const [q] = quotes(text);
    expect(q).toMatchObject({ text: 'Our front has collapsed.', speaker: 'Dmytro Martschenko' });
    expect(speakerMention(text, q)).toBe('Dmytro Martschenko');
  });

  it('resolves a pronoun to the last person named, pointing at that mention', () => {
    const text =
      'Zelenskiy revealed that Ukraine shared intelligence. “We agreed to strengthen intelligence exchange and intensify contacts,” he emphasized.';
    const [q] = quotes(text);
    expect(q.speaker).toBe('Zelenskiy');
    expect(speakerMention(text, q)).toBe('Zelenskiy');
  });

  it('gives a second quote in the same paragraph the first one’s speaker', () => {
    const text =
      '“We are witnessing a convergence of regimes,” warned Ambassador Linda Martinez, a senior diplomat. “This alliance poses a threat that requires action.”';
    const qs = quotes(text);
    expect(qs).toHaveLength(2);
    expect(qs[1].speaker).toBe('Linda Martinez');
  });

  it('uses person entities and their canonical names when the tagger gives them', () => {
    const text = '“Talks are over,” Zelensky said.';
    const ents: Entity[] = [{ text: 'Zelensky', start: 19, end: 27, type: 'person', canonical: 'Volodymyr Zelensky' }];
    const [q] = quotes(text, ents);
    expect(q).toMatchObject({ speaker: 'Volodymyr Zelensky', speakerStart: 19, speakerEnd: 27 });
  });

  it('credits a partial quote to the sentence’s speaker', () => {
    const text = 'Senator Jane Doe said the plan was "dead on arrival".';
    expect(quotes(text)).toMatchObject([{ text: 'dead on arrival', speaker: 'Jane Doe' }]);
  });
});

describe('not speech', () => {
  it('leaves out scare quotes with no speech verb', () => {
    expect(quotes("Russian sources speculated on websites about the possibility of 'historic meetings' with U.S. leaders.")).toEqual([]);
    expect(quotes("Both Ukraine and Russia are locked in what many describe as 'total warfare' where neither side concedes.")).toEqual([]);
    expect(quotes('The so-called “special military operation” continued.')).toEqual([]);
  });

  it('keeps a long quote that ends like a sentence even with no speaker', () => {
    const [q] = quotes('The statement read: more. “We will not accept any deal that gives away our land, ever.”');
    expect(q.text).toBe('We will not accept any deal that gives away our land, ever.');
  });
});
