import { describe, expect, it } from 'vitest';
import { anchorAnnotation, applyEdit, applyEdits, editFromChange, makeTarget } from '../../../src/core/annotations/anchoring';
import { addReply, createAnnotation, updateAnnotation } from '../../../src/core/annotations/create';
import { refreshSidecar } from '../../../src/core/annotations/refresh';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { SHA, TEXT, at, id, note, sampleSidecar } from './fixtures';

describe('applyEdit: a span [10, 20) through one edit', () => {
  const span = { start: 10, end: 20 };
  const cases: [string, { start: number; end: number; newLength: number }, { start: number; end: number } | null][] = [
    ['insertion before', { start: 2, end: 2, newLength: 3 }, { start: 13, end: 23 }],
    ['insertion at its start stays outside', { start: 10, end: 10, newLength: 3 }, { start: 13, end: 23 }],
    ['insertion at its end stays outside', { start: 20, end: 20, newLength: 3 }, span],
    ['insertion inside grows it', { start: 15, end: 15, newLength: 3 }, { start: 10, end: 23 }],
    ['deletion before, touching its start', { start: 5, end: 10, newLength: 0 }, { start: 5, end: 15 }],
    ['deletion after', { start: 20, end: 30, newLength: 0 }, span],
    ['deletion inside shrinks it', { start: 12, end: 14, newLength: 0 }, { start: 10, end: 18 }],
    ['replacement of its first characters stays inside', { start: 10, end: 12, newLength: 5 }, { start: 10, end: 23 }],
    ['overlap at its start keeps the tail', { start: 5, end: 12, newLength: 2 }, { start: 7, end: 15 }],
    ['overlap at its end keeps the head', { start: 18, end: 25, newLength: 4 }, { start: 10, end: 18 }],
    ['deleting exactly the span', { start: 10, end: 20, newLength: 0 }, null],
    ['replacing the whole span', { start: 8, end: 22, newLength: 9 }, null],
  ];
  for (const [name, edit, expected] of cases) it(name, () => expect(applyEdit(span, edit)).toEqual(expected));

  it('a zero-length span is lost only to an edit around it', () => {
    expect(applyEdit({ start: 5, end: 5 }, { start: 5, end: 5, newLength: 2 })).toEqual({ start: 7, end: 7 });
    expect(applyEdit({ start: 5, end: 5 }, { start: 4, end: 6, newLength: 0 })).toBeNull();
  });

  it('reads VS Code content changes and applies them in order', () => {
    const changes = [
      { rangeOffset: 30, rangeLength: 0, text: 'later ' },
      { rangeOffset: 0, rangeLength: 4, text: '' },
    ];
    expect(applyEdits(span, changes.map(editFromChange))).toEqual({ start: 6, end: 16 });
  });
});

describe('anchorAnnotation', () => {
  const claim = createAnnotation({ kind: 'claim', text: TEXT, ...at('1,200 workers'), author: 'A', now: '2024-01-01T00:00:00.000Z', id: id(1) });

  it('unchanged text: anchored at the stored position, score 1', () => {
    expect(anchorAnnotation(claim, TEXT)).toMatchObject({ state: 'anchored', ...at('1,200 workers'), score: 1 });
  });

  it('text inserted before: moved by the exact quote', () => {
    const text = 'UPDATED. ' + TEXT;
    const r = anchorAnnotation(claim, text);
    expect(r).toMatchObject({ state: 'moved', start: claim.target.start + 9, score: 1 });
  });

  it('the quote itself edited: found fuzzily, score below 1', () => {
    const text = TEXT.replace('1,200 workers', '1,300 workers');
    const r = anchorAnnotation(claim, text);
    expect(r.state).toBe('moved');
    expect(text.slice(r.start, r.end)).toBe('1,300 workers');
    expect(r.score).toBeLessThan(1);
    expect(r.score).toBeGreaterThan(0.8);
  });

  it('the passage gone: orphaned, keeping its quote', () => {
    const text = TEXT.replace(/The ministry[^\n]*\n/, '');
    const r = anchorAnnotation(claim, text);
    expect(r.state).toBe('orphaned');
    expect(r.start).toBeUndefined();
    expect(r.annotation.target.exact).toBe('1,200 workers');
  });

  it('a repeated word: the occurrence with the stored context, not merely the nearest', () => {
    const text = 'said the union. Then the ministry said the figure was wrong.';
    const second = text.indexOf('said', 5);
    const a = { ...claim, target: makeTarget(text, second, second + 4) };
    const edited = 'A union said the figure is right. ' + text;
    // The first "said" of the edited text sits exactly at the old position; the context picks the right one.
    const r = anchorAnnotation(a, edited);
    expect(r.start).toBe(edited.indexOf('ministry said') + 9);
  });
});

describe('createAnnotation / updateAnnotation', () => {
  it('is deterministic and validates kind-specific fields', () => {
    const opts = { kind: 'claim' as const, text: TEXT, ...at('1,200 workers'), author: 'A', now: '2024-01-01T00:00:00.000Z', id: id(1), verdict: 'false' as const };
    expect(createAnnotation(opts)).toEqual(createAnnotation(opts));
    expect(() => createAnnotation({ ...opts, kind: 'note' })).toThrow(/only claims and quotes take a verdict/);
    expect(() => createAnnotation({ ...opts, verdict: 'wrong' as any })).toThrow(/unknown verdict/);
    expect(() => createAnnotation({ ...opts, end: opts.start })).toThrow(RangeError);
    expect(() => createAnnotation({ ...opts, id: 'x' })).toThrow(/UUID/);
    expect(() => createAnnotation({ ...opts, links: ['not a url'] })).toThrow(/not a URL/);
    expect(createAnnotation({ ...opts, kind: 'note', verdict: undefined }).status).toBe('open');
  });

  it('updates set modified; a no-op update returns the same object; null clears a verdict', () => {
    const a = createAnnotation({ kind: 'claim', text: TEXT, ...at('1,200 workers'), author: 'A', now: '2024-01-01T00:00:00.000Z', id: id(1), verdict: 'false' });
    expect(updateAnnotation(a, { verdict: 'false' }, '2024-02-01T00:00:00.000Z')).toBe(a);
    const b = updateAnnotation(a, { verdict: null, body: 'reopened' }, '2024-02-01T00:00:00.000Z');
    expect(b.verdict).toBeUndefined();
    expect(b.modified).toBe('2024-02-01T00:00:00.000Z');
    expect(b.created).toBe(a.created);
    const c = addReply(note(2, 'a union leader'), { id: id(9), author: 'Bo', body: 'agreed' }, '2024-02-02T00:00:00.000Z');
    expect(c.replies).toEqual([{ id: id(9), author: 'Bo', created: '2024-02-02T00:00:00.000Z', modified: '2024-02-02T00:00:00.000Z', body: 'agreed' }]);
  });
});

describe('refreshSidecar', () => {
  it('leaves a sidecar alone when the text is unchanged', () => {
    const s = sampleSidecar();
    expect(refreshSidecar(s, TEXT, SHA)).toBe(s);
  });

  it('retargets moved annotations, records fuzzy scores, keeps orphans and timestamps', () => {
    const s = sampleSidecar();
    const text = 'Correction appended.\n' + TEXT.replace('1,200', '1,300').replace('We will not accept this', 'Nothing at all');
    const r = refreshSidecar(s, text, 'cd'.repeat(32));
    expect(r.document.sha256).toBe('cd'.repeat(32));
    const get = (n: number) => r.annotations.find((a) => a.id === id(n))!;
    expect(get(2).target.start).toBe(s.annotations[1].target.start + 21);
    expect(get(2).anchorScore).toBeUndefined();
    expect(get(1).target.exact).toBe('1,300 workers');
    expect(get(1).anchorScore).toBeGreaterThan(0.6);
    expect(get(5)).toEqual(s.annotations[4]); // orphan: untouched
    for (const a of s.annotations) expect(get(Number(a.id.slice(-2))).modified).toBe(a.modified);
    expect(serializeSidecar(r)).not.toBe(serializeSidecar(s));
  });
});
