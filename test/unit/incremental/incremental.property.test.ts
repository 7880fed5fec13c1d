// The incremental analyzer after random edits, checked against a full `analyze()` of the text:
// exact whenever the whole article was re-analysed, exact counts always, spans that always match
// the text, untouched spans carried over unchanged (shifted), and a window that covers the edit
// in whole paragraphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { IncrementalAnalyzer } from '../../../src/core/incremental';
import { isHardWrapped, paragraphs } from '../../../src/core/text/sentences';
import type { ArticleAnalysis, Span } from '../../../src/core/types';

// Short sentences written for this test: names, surnames given later, figures, quotes, attributions.
const SENTENCES = [
  'Mayor Anna Kowalski said 40 houses were flooded on Monday.',
  'Kowalski added that about 1,200 people had left the valley.',
  '"We are doing everything we can," Kowalski told reporters.',
  'The Red Cross sent 15 trucks of supplies to Riverton.',
  'According to officials, damage could reach $3.5 million.',
  'Some experts say the river rose by 2 meters in six hours.',
  'Governor Luis Ortega visited the town of Millbrook on Tuesday.',
  'Ortega promised more than 200 soldiers to help with the clean-up.',
  'Unemployment in the region fell to 4.1 percent last year.',
  'It is believed that nearly half of the farms were damaged.',
  'The World Health Organization warned of disease in the camps.',
  '"This is the worst flood in 50 years," said Maria Chen, a local farmer.',
];
const WORDS = ['Kowalski', 'Ortega', 'Paris', 'the', 'river', '12', 'percent', 'said', '"', '.', 'Chen', 'about 300 people'];

const sentence = fc.constantFrom(...SENTENCES);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 });

/** An article: a headline-free run of paragraphs, either one a line or hard-wrapped Reuters style. */
const article = fc.record({ paras: fc.array(paragraph, { minLength: 1, maxLength: 6 }), wrapped: fc.boolean() }).map(({ paras, wrapped }) => {
  if (!wrapped) return paras.map((p) => p.join(' ')).join('\n');
  return paras.map((p) => '    ' + wrapLines(p.join(' '), 60)).join('\n');
});

function wrapLines(s: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const w of s.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? line + ' ' + w : w;
  }
  out.push(line);
  return out.join('\n');
}

type Edit = { at: number; del: number; insert: string };
const insertion = fc.oneof(
  fc.constantFrom(...WORDS).map((w) => ' ' + w),
  sentence.map((s) => ' ' + s),
  fc.constantFrom('\n', '\n\n', '\n    ', ' ', '', 'x'),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), insert: insertion });

function applyEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, at + e.del);
  return text.slice(0, at) + e.insert + text.slice(end);
}

function expectConsistent(text: string, a: ArticleAnalysis): void {
  for (const list of [a.entities, a.claims, a.quotes, a.attributions] as Span[][]) {
    let prev = -1;
    for (const x of list as (Span & { text: string })[]) {
      expect(x.start).toBeGreaterThanOrEqual(0);
      expect(x.end).toBeLessThanOrEqual(text.length);
      expect(x.start).toBeLessThan(x.end);
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(x.start).toBeGreaterThanOrEqual(prev);
      prev = x.start;
    }
  }
  for (const q of a.quotes) {
    if (q.speakerStart === undefined) continue;
    expect(q.speakerStart).toBeGreaterThanOrEqual(0);
    expect(q.speakerEnd!).toBeLessThanOrEqual(text.length);
  }
}

const RUNS = 60;

describe('IncrementalAnalyzer', () => {
  it('equals analyze(text) when it says it is exact, and always on counts and span texts', () => {
    fc.assert(
      fc.property(article, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const inc = new IncrementalAnalyzer();
        inc.reset(start);
        let text = start;
        for (const e of edits) {
          const before = text;
          text = applyEdit(text, e);
          const u = inc.update(text);
          const full = analyze(text);
          expect(u.analysis.stats).toEqual(full.stats);
          expectConsistent(text, u.analysis);
          if (u.exact) expect(u.analysis).toEqual(full);
          // The window covers the change, in whole paragraphs of the new text.
          if (before !== text) {
            expect(text.slice(0, u.window.start)).toBe(before.slice(0, u.window.start));
            expect(text.slice(u.window.end)).toBe(before.slice(before.length - (text.length - u.window.end)));
            for (const p of paragraphs(text, isHardWrapped(text))) {
              const inside = p.start >= u.window.start && p.end <= u.window.end;
              const outside = p.end <= u.window.start || p.start >= u.window.end;
              expect(inside || outside).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is exact on one-paragraph articles, whatever the edit', () => {
    fc.assert(
      fc.property(paragraph, fc.array(edit, { minLength: 1, maxLength: 5 }), (sents, edits) => {
        const inc = new IncrementalAnalyzer();
        let text = sents.join(' ');
        inc.reset(text);
        for (const e of edits) {
          text = applyEdit(text, { ...e, insert: e.insert.replace(/\n/g, ' ') });
          const u = inc.update(text);
          expect(u.exact).toBe(true);
          expect(u.analysis).toEqual(analyze(text));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('carries spans outside the re-analysed paragraphs over unchanged, shifted by the edit', () => {
    fc.assert(
      fc.property(article, edit, (start, e) => {
        const inc = new IncrementalAnalyzer();
        const before = inc.reset(start);
        const text = applyEdit(start, e);
        const u = inc.update(text);
        const delta = text.length - start.length;
        const oldEnd = u.window.end - delta;
        const key = (x: { start: number; end: number; text: string }) => `${x.start}:${x.end}:${x.text}`;
        const got = new Set(u.analysis.claims.map(key));
        for (const c of before.claims) {
          if (c.end <= u.window.start) expect(got.has(key(c))).toBe(true);
          else if (c.start >= oldEnd) expect(got.has(key({ ...c, start: c.start + delta, end: c.end + delta }))).toBe(true);
        }
        const gotEntities = new Set(u.analysis.entities.map(key));
        for (const x of before.entities) {
          if (x.end <= u.window.start) expect(gotEntities.has(key(x))).toBe(true);
          else if (x.start >= oldEnd) expect(gotEntities.has(key({ ...x, start: x.start + delta, end: x.end + delta }))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('returns to analyze(text) exactly after reset, and gives the same result for the same text', () => {
    const text = SENTENCES.slice(0, 6).join('\n');
    const inc = new IncrementalAnalyzer();
    inc.reset(text);
    const edited = text.replace('40 houses', '45 houses');
    const u = inc.update(edited);
    expect(u.exact).toBe(false);
    // Only the first paragraph (one line) was analysed again.
    expect(u.window).toEqual({ start: 0, end: text.indexOf('\n') });
    expect(u.analysis.claims.find((c) => c.text.includes('45'))?.value).toBe(45);
    expect(inc.update(edited).analysis).toBe(u.analysis);
    expect(inc.reset(edited)).toEqual(analyze(edited));
  });

  it('links a surname typed into a new paragraph to the full name given elsewhere', () => {
    const text = ['Governor Luis Ortega visited the town on Tuesday.', 'The river rose by 2 meters.'].join('\n');
    const inc = new IncrementalAnalyzer();
    inc.reset(text);
    const edited = text + '\nOrtega promised more than 200 soldiers.';
    const u = inc.update(edited);
    const ortega = u.analysis.entities.find((e) => e.start === edited.lastIndexOf('Ortega'));
    expect(ortega?.canonical).toBe('Luis Ortega');
    expect(ortega?.type).toBe('person');
  });
});
