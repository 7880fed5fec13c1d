// Whatever the input, every entity is a real slice of the text, inside it, non-empty, in order,
// without overlaps, and typed as one of the three kinds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/entities';
import { makeContext } from '../../../src/core/text/context';

const BASE =
  "KYIV, Oct 29 (Reuters) - Ukrainian President Volodymyr Zelensky's aide Andrij Yermak met U.S. officials in Washington.\n" +
  'Zelensky said China, North Korea, Iran and Russia were watching. Meanwhile, NATO and the European Union agreed.\n' +
  'FLOODS HIT DHAKA AS MONSOON RAINS INTENSIFY\n' +
  'Dr. Emily Carter of the Council on Foreign Relations told The Associated Press: “This is new.”';

const PIECES = [
  'Zelensky', "Zelensky's", 'Yermak’s', ' ', '  ', '\n', '\n\n', '.', ',', '’s', "'s", ' - ', '(', ')', '“', '”', '"', 'U.S.',
  'President', 'Major General', 'Dr.', 'city of', 'North Korean', 'Kyiv', 'KYIV', 'and', 'the', 'Reuters', 'The', 'Mr.', 'J.',
  'O\'Neill', 'al-Assad', 'Russia-Ukraine', '10,000', '3.5', 'é', 'Ünal', '🙂', '\t', 'Feb 26', 'LONDON', 'Ambassador', '—',
];

const perturbed = fc
  .array(
    fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 8 }),
      ins: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 5 }), fc.constant('')),
    }),
    { maxLength: 12 },
  )
  .map((edits) => {
    let t = BASE;
    for (const e of edits) {
      const at = e.at % (t.length + 1);
      t = t.slice(0, at) + e.ins + t.slice(at + e.del);
    }
    return t;
  });

const words = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 })
  .map((ws) => ws.join(' '));

function check(text: string) {
  const ents = extractEntities(makeContext(text));
  let lastEnd = 0;
  for (const e of ents) {
    expect(e.text).toBe(text.slice(e.start, e.end));
    expect(e.start).toBeGreaterThanOrEqual(lastEnd);
    expect(e.end).toBeGreaterThan(e.start);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(['person', 'place', 'organization']).toContain(e.type);
    expect(e.text.trim()).toBe(e.text);
    lastEnd = e.end;
  }
}

describe('extractEntities (properties)', () => {
  it('entity text is the slice of the text at its offsets, on perturbed news text', () => {
    fc.assert(fc.property(perturbed, check), { numRuns: 1000 });
  });

  it('entity text is the slice of the text at its offsets, on random text', () => {
    fc.assert(fc.property(words, check), { numRuns: 1000 });
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(perturbed, (t) => {
        expect(extractEntities(makeContext(t))).toEqual(extractEntities(makeContext(t)));
      }),
      { numRuns: 200 },
    );
  });
});
