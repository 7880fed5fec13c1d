// Keystroke-time analysis of a long article. A full `analyze()` of a 50,000-word article takes
// seconds, so after an edit only the paragraphs the edit touched are analysed again — with the
// article's own line style (hard-wrapped or not) and date — and spliced into the previous result,
// whose other spans are shifted by the change in length. Then the cheap article-level links are
// re-applied to what was re-analysed: a surname stands for the full name given elsewhere in the
// article, a name keeps the kind the article mostly gives it, and quote speakers resolve to full
// names.
//
// What this cannot reproduce: the engine also reads the article as a whole (the tagger's
// "is this word seen in lower case elsewhere" features, quote speakers carried across paragraphs,
// pronouns pointing back to earlier paragraphs, the article's date at the top or bottom). So an
// update is exact — equal to `analyze(text)` — only when the re-analysed window is the whole
// article; otherwise it is provisional, and the caller replaces it with a full analysis when
// typing pauses (`reset`). Word, sentence and paragraph counts are always exact.
import { analyze } from './analyze';
import { countWords } from './text/stats';
import { isHardWrapped, paragraphs, sentences } from './text/sentences';
import type { AnalyzeOptions, ArticleAnalysis, ArticleStats, Attribution, Claim, Entity, EntityType, Quote, Span } from './types';

export interface IncrementalUpdate {
  analysis: ArticleAnalysis;
  /** True when `analysis` is what `analyze(text)` returns. */
  exact: boolean;
  /** The part of the new text that was analysed again (whole paragraphs); empty when nothing changed. */
  window: Span;
}

interface Base {
  text: string;
  analysis: ArticleAnalysis;
  hardWrapped: boolean;
  exact: boolean;
}

export class IncrementalAnalyzer {
  private base: Base | undefined;

  constructor(private readonly options: AnalyzeOptions = {}) {}

  /** The text of the last result, if any. */
  get text(): string | undefined {
    return this.base?.text;
  }

  /** Whether the last result is exact. */
  get exact(): boolean {
    return this.base?.exact ?? false;
  }

  /** Starts again from an exact analysis of `text` (made here, or elsewhere — e.g. in a worker). */
  reset(text: string, analysis: ArticleAnalysis = analyze(text, this.options)): ArticleAnalysis {
    this.base = { text, analysis, hardWrapped: isHardWrapped(text), exact: true };
    return analysis;
  }

  /** The analysis of `text`, re-analysing only the paragraphs that differ from the last text. */
  update(text: string): IncrementalUpdate {
    const base = this.base;
    if (!base) return { analysis: this.reset(text), exact: true, window: { start: 0, end: text.length } };
    const old = base.text;
    if (old === text) return { analysis: base.analysis, exact: base.exact, window: { start: 0, end: 0 } };

    const hardWrapped = isHardWrapped(text);
    const w = changedWindow(old, text, base.hardWrapped, hardWrapped);
    const delta = text.length - old.length;
    const oldEnd = w.end - delta;
    const whole = w.start === 0 && w.end === text.length;
    const windowText = text.slice(w.start, w.end);
    const opts: AnalyzeOptions = { ...this.options, hardWrapped };
    const date = this.options.date ?? base.analysis.date;
    if (!whole && date) opts.date = date;
    const local = analyze(windowText, opts);

    const a = base.analysis;
    // Spans before the window stay, the window's are fresh, spans after it move by `delta`.
    const splice = <T extends Span>(before: readonly T[], fresh: readonly T[], moveOld: (x: T, by: number) => T): T[] => {
      const out: T[] = [];
      for (const x of before) if (x.end <= w.start) out.push(moveOld(x, 0));
      for (const x of fresh) out.push(shiftFresh(x, w.start));
      for (const x of before) if (x.start >= oldEnd) out.push(moveOld(x, delta));
      return out;
    };
    const entities = splice(a.entities, local.entities, shiftSpan);
    const claims = splice(a.claims, local.claims, shiftSpan);
    const quotes = splice(a.quotes, local.quotes, (q, by) => moveOldQuote(q, by, w.start, oldEnd, delta));
    const attributions = splice(a.attributions, local.attributions, shiftSpan);

    const stats = whole
      ? local.stats
      : hardWrapped === base.hardWrapped
        ? addStats(a.stats, windowStats(old.slice(w.start, oldEnd), hardWrapped), windowStats(windowText, hardWrapped))
        : { words: countWords(text), sentences: sentences(text, hardWrapped).length, paragraphs: paragraphs(text, hardWrapped).length };

    const analysis: ArticleAnalysis = whole
      ? local
      : { entities, claims, quotes, attributions, stats, ...(date ? { date } : {}) };
    if (!whole) linkWindow(analysis, { ...w, text: windowText });
    this.base = { text, analysis, hardWrapped, exact: whole };
    return { analysis, exact: whole, window: w };
  }
}

// ---------------------------------------------------------------------------- the window

/**
 * Whole paragraphs of the new text that cover everything that changed, with the same bounds
 * being paragraph bounds of the old text (so no old span straddles them). Both texts share the
 * prefix before `start` and the suffix after `end`.
 */
export function changedWindow(oldText: string, newText: string, oldWrapped: boolean, newWrapped: boolean): Span {
  const min = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < min && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  // The window's distance from the start (shared prefix) and from the end (shared suffix).
  let start = p;
  let tail = s;
  for (;;) {
    const ns = Math.min(paragraphStart(newText, start, newWrapped), paragraphStart(oldText, start, oldWrapped));
    const nt = Math.min(
      newText.length - paragraphEnd(newText, newText.length - tail, newWrapped),
      oldText.length - paragraphEnd(oldText, oldText.length - tail, oldWrapped),
    );
    if (ns === start && nt === tail) break;
    start = ns;
    tail = nt;
  }
  return { start, end: newText.length - tail };
}

/** Is the line starting at `ls` the first line of a paragraph? */
function startsParagraph(text: string, ls: number, wrapped: boolean): boolean {
  if (ls === 0 || !wrapped) return true;
  if (/^[ \t]{2,}\S/.test(text.slice(ls, ls + 64))) return true;
  // the line before is blank
  const prevStart = text.lastIndexOf('\n', ls - 2) + 1;
  return /^[ \t]*$/.test(text.slice(prevStart, ls - 1));
}

/** Start of the line that opens the paragraph holding offset `at` (or of `at`'s line when between paragraphs). */
function paragraphStart(text: string, at: number, wrapped: boolean): number {
  let ls = text.lastIndexOf('\n', at - 1) + 1;
  while (!startsParagraph(text, ls, wrapped)) ls = text.lastIndexOf('\n', ls - 2) + 1;
  return ls;
}

/** End (at a line break, or the text's end) of the paragraph holding offset `at`. */
function paragraphEnd(text: string, at: number, wrapped: boolean): number {
  let le = text.indexOf('\n', at);
  for (;;) {
    if (le < 0) return text.length;
    if (startsParagraph(text, le + 1, wrapped) || le + 1 >= text.length) return le;
    le = text.indexOf('\n', le + 1);
  }
}

// ---------------------------------------------------------------------------- shifting

function shiftSpan<T extends Span>(x: T, by: number): T {
  return by === 0 ? x : { ...x, start: x.start + by, end: x.end + by };
}

/** A span of the window's own analysis, moved to article offsets (a quote's speaker too). */
function shiftFresh<T extends Span>(x: T, by: number): T {
  if (by === 0) return x;
  const out = { ...x, start: x.start + by, end: x.end + by } as T & Partial<Quote>;
  if (out.speakerStart !== undefined) out.speakerStart += by;
  if (out.speakerEnd !== undefined) out.speakerEnd += by;
  return out;
}

/** A quote outside the window: its speaker may be named elsewhere, inside the window (then that
 * mention's offsets are gone) or after it (then they move too). */
function moveOldQuote(q: Quote, by: number, wStart: number, oldEnd: number, delta: number): Quote {
  const moved = shiftSpan(q, by);
  if (q.speakerStart === undefined || q.speakerEnd === undefined) return moved;
  if (q.speakerEnd > wStart && q.speakerStart < oldEnd) {
    const { speakerStart: _s, speakerEnd: _e, ...rest } = moved;
    return rest;
  }
  if (q.speakerStart < oldEnd) return moved === q ? q : { ...moved, speakerStart: q.speakerStart, speakerEnd: q.speakerEnd };
  return { ...moved, speakerStart: q.speakerStart + delta, speakerEnd: q.speakerEnd + delta };
}

function windowStats(text: string, hardWrapped: boolean): ArticleStats {
  return { words: countWords(text), sentences: sentences(text, hardWrapped).length, paragraphs: paragraphs(text, hardWrapped).length };
}

function addStats(a: ArticleStats, minus: ArticleStats, plus: ArticleStats): ArticleStats {
  return {
    words: a.words - minus.words + plus.words,
    sentences: a.sentences - minus.sentences + plus.sentences,
    paragraphs: a.paragraphs - minus.paragraphs + plus.paragraphs,
  };
}

// ---------------------------------------------------------------------------- article-level links

/** Re-applies the article-level links to the spans inside the window, from the whole article. */
function linkWindow(a: ArticleAnalysis, w: Span & { text: string }): void {
  // Surname → the first full name the article gives with it.
  const full = new Map<string, string>();
  const votes = new Map<string, Map<EntityType, number>>();
  for (const e of a.entities) {
    const key = e.text.toLowerCase();
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(e.type, (v.get(e.type) ?? 0) + 1);
    votes.set(key, v);
    if (e.type !== 'person') continue;
    const parts = e.text.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    if (/^\p{Lu}\p{L}+/u.test(last) && !full.has(last)) full.set(last, e.text);
  }
  const inWindow = (x: Span) => x.start >= w.start && x.end <= w.end;
  a.entities = a.entities.map((e) => {
    if (!inWindow(e)) return e;
    let out: Entity = e;
    const v = votes.get(e.text.toLowerCase());
    if (v && v.size > 1) {
      let best = e.type;
      for (const [t, c] of v) if (c > v.get(best)!) best = t;
      if (best !== e.type) out = { ...out, type: best };
    }
    const f = !/\s/.test(e.text) ? full.get(e.text) : undefined;
    if (f && f !== e.text && out.canonical !== f) out = { ...out, type: 'person', canonical: f };
    return out;
  });
  // A surname the window's own analysis missed (a sentence-initial "Ortega" is only known as a
  // name from elsewhere in the article), as the engine adds them: not part of a longer name.
  if (full.size) {
    const covered = (s: number, e: number) => a.entities.some((x) => x.start < e && s < x.end);
    const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${[...full.keys()].map(escapeRe).join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
    const added: Entity[] = [];
    re.lastIndex = 0;
    const windowText = w.text;
    let m: RegExpExecArray | null;
    while ((m = re.exec(windowText))) {
      const start = w.start + m.index;
      const end = start + m[0].length;
      if (covered(start, end)) continue;
      if (/^\s+\p{Lu}/u.test(windowText.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      added.push({ text: m[0], type: 'person', start, end, canonical: full.get(m[0])! });
    }
    if (added.length) a.entities = [...a.entities, ...added].sort((x, y) => x.start - y.start);
  }
  a.quotes = a.quotes.map((q) => {
    if (!inWindow(q) || !q.speaker || /\s/.test(q.speaker)) return q;
    const f = full.get(q.speaker);
    return f ? { ...q, speaker: f } : q;
  });
}

/** Every span kind of an analysis, for callers that treat them alike. */
export type AnySpan = Entity | Claim | Quote | Attribution;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
