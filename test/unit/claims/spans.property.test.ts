// Whatever the input, every claim, quote and attribution is a real slice of the text
// (text === text.slice(start, end)), non-empty and inside it; speaker mentions point inside the
// text; claim values are numbers or ISO-like strings; the extractors never throw and are
// deterministic. The inputs are news-like text cut and spliced at random places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../../../src/core/attributions';
import { articleDate, extractClaims } from '../../../src/core/claims';
import { extractQuotes } from '../../../src/core/quotes';
import { makeContext } from '../../../src/core/text/context';
import type { Entity } from '../../../src/core/types';

const BASE =
  'QUITO, March 11 - Ecuador said it would cut output by 120 mln dlrs, or 5.5 pct, over two years.\n' +
  'Major General Dmytro Martschenko from the Ukrainian Armed Forces has acknowledged setbacks, stating, "Our front has collapsed."\n' +
  '“There is only one conclusion—this war is internationalized,” Zelensky wrote on Telegram. He said approximately 10,000 troops, ' +
  'at least nine individuals and nearly three years ago around 3 a.m. on Oct. 28, 2024, Tuesday, January 5, 24 hours.\n' +
  "Analysts suggest 'historic meetings' may happen; it is believed that as many as 12,000 soldiers, according to Reuters, " +
  'the 21st century, $1.5 billion, 7-1/2 pct, 1,300 square kilometers and a dozen drones. “We agreed,” he emphasized.';

const PIECES = [
  ' ', '\n', '\n\n', '.', ',', '"', '“', '”', "'", '‘', '’', '—', '-', '$', '%', '10,000', '3.5', '1/2', '-1/2', '2024',
  'Oct.', 'May', 'March 11', 'a.m.', 'p.m.', '12:30', 'mln', 'billion', 'dlrs', 'pct', 'nine', 'twenty-five', 'a dozen',
  'half a', 'first', '3RD', 'at least', 'more than', 'up to', 'some', 'according to', 'said', 'Zelensky', 'he said',
  'Monday', 'yesterday', 'last year', 'is believed to', 'reportedly', 'sources said', 'G7', 'COVID-19', '🙂', 'é', '\t',
  'thousands of', 'years', 'people', 'troops', ' - ', 'LONDON,', '(Reuters)',
];

const edited = fc
  .array(
    fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 10 }),
      ins: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.constant('')),
    }),
    { maxLength: 14 },
  )
  .map((edits) => {
    let t = BASE;
    for (const { at, del, ins } of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    return t;
  });

const anyText = fc.oneof(edited, fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(' ')));
const dates = fc.oneof(fc.constant(undefined), fc.constant('2024-10-29'), fc.constant('2000-02-29'));

function checkSpans(text: string, spans: readonly { text: string; start: number; end: number }[]) {
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.end).toBeGreaterThan(s.start);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  for (let k = 1; k < spans.length; k++) expect(spans[k].start).toBeGreaterThanOrEqual(spans[k - 1].start);
}

describe('claim, quote and attribution spans', () => {
  it('are slices of the text, in order, for any input', () => {
    fc.assert(
      fc.property(anyText, dates, (text, date) => {
        const ctx = makeContext(text);
        const claims = extractClaims(ctx, [], date ?? articleDate(ctx));
        checkSpans(text, claims);
        for (const c of claims) {
          if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
          else expect(c.value).toMatch(/^(?:\d{4}|-)(?:-\d{2}(?:-\d{2})?)?$|^\d{2}:\d{2}$/);
        }
        for (let k = 1; k < claims.length; k++) expect(claims[k].start).toBeGreaterThanOrEqual(claims[k - 1].end);
        const quotes = extractQuotes(ctx, []);
        checkSpans(text, quotes);
        for (const q of quotes) {
          if (q.speakerStart !== undefined) {
            expect(q.speakerStart).toBeGreaterThanOrEqual(0);
            expect(q.speakerEnd!).toBeLessThanOrEqual(text.length);
            expect(q.speakerEnd!).toBeGreaterThan(q.speakerStart);
          }
        }
        const attributions = extractAttributions(ctx, []);
        checkSpans(text, attributions);
        for (const a of attributions) expect(typeof a.source).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('hold with arbitrary entity spans too, and the extractors are deterministic', () => {
    const withEntities = anyText.chain((text) =>
      fc
        .array(
          fc.record({ a: fc.nat(), len: fc.integer({ min: 1, max: 20 }), type: fc.constantFrom('person', 'place', 'organization' as const) }),
          { maxLength: 6 },
        )
        .map((es) => {
          const entities: Entity[] = es
            .map(({ a, len, type }) => {
              const start = text.length ? a % text.length : 0;
              const end = Math.min(text.length, start + len);
              return { text: text.slice(start, end), start, end, type: type as Entity['type'] };
            })
            .filter((e) => e.end > e.start)
            .sort((x, y) => x.start - y.start);
          return { text, entities };
        }),
    );
    fc.assert(
      fc.property(withEntities, ({ text, entities }) => {
        const run = () => {
          const ctx = makeContext(text);
          return [extractClaims(ctx, entities, '2024-10-29'), extractQuotes(ctx, entities), extractAttributions(ctx, entities)] as const;
        };
        const [claims, quotes, attributions] = run();
        checkSpans(text, claims);
        checkSpans(text, quotes);
        checkSpans(text, attributions);
        expect(run()).toEqual([claims, quotes, attributions]);
      }),
      { numRuns: 200 },
    );
  });
});
