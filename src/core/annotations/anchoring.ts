// Finding an annotation's text again after the article changed, and carrying spans through live
// edits. An annotation is never dropped: when its text cannot be found it becomes an orphan that
// keeps its stored quote, so the reviewer can re-attach or delete it.
//
// Re-anchoring tries, in order (as Hypothesis does for web pages):
//   1. the stored position, when the quote and its context are still there;
//   2. every exact occurrence of the quote, best surrounding context first, then nearest to the
//      stored position;
//   3. a fuzzy search for the quote (approx-string-match, Myers' bit-parallel algorithm) scored by
//      quote similarity, prefix/suffix similarity and distance, accepted at ANCHOR_THRESHOLD.
import search from 'approx-string-match';
import type { Span } from '../types';
import { CONTEXT_LENGTH, type AnchoredAnnotation, type Annotation, type AnnotationTarget, type Sidecar } from './model';

/** Lowest fuzzy score accepted as the same passage; below it the annotation is an orphan. */
export const ANCHOR_THRESHOLD = 0.6;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Position and quote selectors for text[start, end), with up to 32 characters of context each side. */
export function makeTarget(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`span ${start}-${end} is not inside the text (length ${text.length})`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: the stored context must be valid text.
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to--;
  return { start, end, exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Fraction of the stored context found right next to text[start, end). */
function contextScore(text: string, start: number, end: number, t: AnnotationTarget): number {
  const total = t.prefix.length + t.suffix.length;
  if (!total) return 1;
  let same = 0;
  for (let i = 1; i <= t.prefix.length && start - i >= 0 && text[start - i] === t.prefix[t.prefix.length - i]; i++) same++;
  for (let i = 0; i < t.suffix.length && end + i < text.length && text[end + i] === t.suffix[i]; i++) same++;
  return same / total;
}

function anchored(a: Annotation, start: number, end: number, score: number): AnchoredAnnotation {
  // 'anchored' only when nothing changed: same place, same quote. Anything else is worth a look.
  const same = score === 1 && start === a.target.start && end === a.target.end;
  return { annotation: a, state: same ? 'anchored' : 'moved', start, end, score };
}

function orphan(a: Annotation, score = 0): AnchoredAnnotation {
  return { annotation: a, state: 'orphaned', score };
}

/** Best exact occurrence of `needle`: most context, then nearest to `hint`. */
function bestExact(text: string, needle: string, hint: number, ctx: (s: number) => number): number | undefined {
  let best: number | undefined;
  let bestCtx = -1;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    const c = ctx(i);
    if (c > bestCtx || (c === bestCtx && Math.abs(i - hint) < Math.abs(best! - hint))) {
      best = i;
      bestCtx = c;
    }
  }
  return best;
}

export function anchorAnnotation(a: Annotation, text: string): AnchoredAnnotation {
  const t = a.target;
  const len = t.exact.length;
  if (len === 0) {
    // A point annotation: only its context can place it.
    if (!t.prefix && !t.suffix) return text.length === 0 ? anchored(a, 0, 0, 1) : orphan(a);
    const at = bestExact(text, t.prefix + t.suffix, t.start - t.prefix.length, () => 0);
    return at === undefined ? orphan(a) : anchored(a, at + t.prefix.length, at + t.prefix.length, 1);
  }
  if (text.startsWith(t.exact, t.start) && contextScore(text, t.start, t.end, t) === 1) return anchored(a, t.start, t.end, 1);
  const at = bestExact(text, t.exact, t.start, (s) => contextScore(text, s, s + len, t));
  if (at !== undefined) return anchored(a, at, at + len, 1);
  const fuzzy = fuzzyMatch(text, t);
  if (fuzzy && fuzzy.score >= ANCHOR_THRESHOLD) return anchored(a, fuzzy.start, fuzzy.end, fuzzy.score);
  return orphan(a, fuzzy?.score ?? 0);
}

export function anchorAll(sidecar: Sidecar, text: string): AnchoredAnnotation[] {
  return sidecar.annotations.map((a) => anchorAnnotation(a, text));
}

// Weights from Hypothesis' match-quote: the quote matters most, context next, position breaks ties.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_CANDIDATES = 500;

function similarity(window: string, pattern: string): number {
  if (!pattern.length) return 1;
  if (!window.length) return 0;
  const m = search(window, pattern, pattern.length);
  return m.length ? 1 - m[0].errors / pattern.length : 0;
}

function fuzzyMatch(text: string, t: AnnotationTarget): { start: number; end: number; score: number } | undefined {
  const maxErrors = Math.min(256, Math.floor(t.exact.length / 2));
  if (maxErrors < 1 || !text.length) return undefined;
  const matches = search(text, t.exact, maxErrors)
    .filter((m) => m.end > m.start)
    .sort((x, y) => x.errors - y.errors)
    .slice(0, MAX_CANDIDATES);
  let best: { start: number; end: number; score: number } | undefined;
  for (const m of matches) {
    const quote = 1 - m.errors / t.exact.length;
    const prefix = t.prefix ? similarity(text.slice(Math.max(0, m.start - t.prefix.length), m.start), t.prefix) : 1;
    const suffix = t.suffix ? similarity(text.slice(m.end, m.end + t.suffix.length), t.suffix) : 1;
    const position = 1 - Math.abs(m.start - t.start) / Math.max(text.length, t.start, 1);
    const score =
      (QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * prefix + CONTEXT_WEIGHT * suffix + POSITION_WEIGHT * position) /
      (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + POSITION_WEIGHT);
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

// ---- Live edits -------------------------------------------------------------------------------

/** One replacement: text[start, end) became `newLength` new characters. */
export interface TextEdit {
  start: number;
  end: number;
  newLength: number;
}

/** A VS Code `TextDocumentContentChangeEvent` as a TextEdit. */
export function editFromChange(c: { rangeOffset: number; rangeLength: number; text: string }): TextEdit {
  return { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newLength: c.text.length };
}

/**
 * Where span `range` is after `edit`, or null when the edit removed all of its text.
 *
 * - Edit wholly before the span (ending at or before its start, including an insertion exactly
 *   at its start): the span shifts by the change in length and keeps its text.
 * - Edit wholly after (starting at or after its end, including an insertion at its end): unchanged.
 *   So typing next to a highlight never extends it.
 * - Edit inside the span (start >= span start, end <= span end, not covering all of it): the
 *   span grows or shrinks with it; text inserted inside belongs to the span.
 * - Edit starting before the span and ending inside it: the span keeps its surviving tail,
 *   starting right after the inserted text. Starting inside and ending after it: the span
 *   keeps its surviving head. Inserted text stays outside in both cases.
 * - Edit covering the whole span (even when it inserts new text in its place): null. The
 *   annotation keeps its stored quote and becomes an orphan candidate for re-anchoring.
 *   A zero-length span is covered only by an edit that strictly surrounds it.
 */
export function applyEdit(range: Span, edit: TextEdit): Span | null {
  const { start, end } = range;
  const delta = edit.newLength - (edit.end - edit.start);
  if (edit.end <= start) return { start: start + delta, end: end + delta };
  if (edit.start >= end) return { start, end };
  // From here on the edit overlaps the span (or strictly surrounds a zero-length one).
  if (edit.start <= start && edit.end >= end) return null;
  if (edit.start < start) return { start: edit.start + edit.newLength, end: end + delta };
  if (edit.end > end) return { start, end: edit.start };
  return { start, end: end + delta };
}

/** `applyEdit` for a sequence of edits, each relative to the text the previous one produced (VS Code's contentChanges order). */
export function applyEdits(range: Span, edits: readonly TextEdit[]): Span | null {
  let cur: Span | null = range;
  for (const e of edits) {
    if (!cur) return null;
    cur = applyEdit(cur, e);
  }
  return cur;
}

/** Carries live annotations through edits; one whose text was deleted becomes an orphan (never removed). */
export function applyEditsToAnchored(list: readonly AnchoredAnnotation[], edits: readonly TextEdit[]): AnchoredAnnotation[] {
  return list.map((x) => {
    if (x.state === 'orphaned' || x.start === undefined || x.end === undefined) return x;
    const moved = applyEdits({ start: x.start, end: x.end }, edits);
    if (!moved) return { annotation: x.annotation, state: 'orphaned', score: 0 };
    const state = moved.start === x.annotation.target.start && moved.end === x.annotation.target.end ? 'anchored' : 'moved';
    return { ...x, ...moved, state };
  });
}
