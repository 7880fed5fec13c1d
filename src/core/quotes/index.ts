// Quoted speech and who said it.
//
// A quote's text and offsets are the quoted words WITHOUT the quotation marks ("Our front has
// collapsed." for “Our front has collapsed.”); a quote left open at the end of a paragraph (the
// news convention for a quote running on into the next paragraph) ends with its paragraph.
//
// Speech, not scare quotes: a quoted span is speech when a speech verb credits it (“…,” Zelensky
// wrote / said Emily Carter, “…” / …, stating, “…”), when it continues a credited quote in the
// same paragraph, or when it is long and ends like a sentence. Short quoted phrases with no speech
// verb ('historic meetings', what many describe as 'total warfare') are not speech.
//
// Speakers are resolved to the fullest name the article gives: person entities from the tagger
// (their `canonical`) when present, else capitalised runs with titles stripped ("Major General
// Dmytro Martschenko" → "Dmytro Martschenko"); a surname or a pronoun points back to the last
// person named before the quote. speakerStart/speakerEnd mark the mention that names the speaker
// (for a pronoun, the name it stands for).
import type { Entity, Quote } from '../types';
import type { TextContext } from '../text/context';
import {
  buildPeople, isCapitalised, lastPersonBefore as lastNamedBefore, looksLikePersonName, personEntityAt, runAt, stripPossessive,
  tokenIndexAt, type Mention, type NameRun,
} from './names';
import { PRONOUNS, SPEECH_AUX, SPEECH_VERBS } from './speech';

interface Span {
  open: number; // index of the opening mark
  close: number; // index of the closing mark (or paragraph end when left open)
  closeEnd: number; // after the closing mark
  innerStart: number;
  innerEnd: number;
  paragraph: number;
  single: boolean;
}

interface Found {
  mention?: Mention;
  pronoun?: boolean;
  strong: boolean; // a speech verb right at the quote
}

const OPEN_DOUBLE = new Set(['“', '„', '«', '‟']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const QUOTE_MARK_RE = /["“”„‟«»‘’']/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function extractQuotes(ctx: TextContext, entities: readonly Entity[]): Quote[] {
  const spans = findQuoteSpans(ctx);
  if (!spans.length) return [];
  const { text, tokens } = ctx;
  const people = buildPeople(ctx, entities);
  // spans are in text order: a binary search finds the one that could hold pos
  const inQuote = (pos: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].innerEnd <= pos) lo = mid + 1;
      else if (spans[mid].innerStart > pos) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const out: Quote[] = [];
  let prev: { span: Span; speaker?: Mention } | undefined;

  for (const span of spans) {
    const inner = text.slice(span.innerStart, span.innerEnd);
    const words = countWords(inner);
    if (!words) continue;
    const found = speakerAfter(span) ?? speakerBefore(span) ?? speakerInSentence(span);
    let speaker: Mention | undefined;
    let speech = false;
    if (found) {
      speech = found.strong || words > 3 || (found.mention !== undefined && words > 0);
      if (found.pronoun) speaker = lastPersonBefore(found.mention ? found.mention.start : span.open);
      else speaker = found.mention;
    }
    if (!speech && prev && continues(prev.span, span)) {
      speech = true;
      speaker = prev.speaker;
    }
    if (!speech && words >= 6 && /[.!?,;:…—-]["'”’]?$/.test(inner.trim())) speech = true;
    if (!speech) continue;
    const q: Quote = { text: inner, start: span.innerStart, end: span.innerEnd };
    if (speaker) {
      q.speaker = speaker.name;
      q.speakerStart = speaker.start;
      q.speakerEnd = speaker.end;
    }
    out.push(q);
    prev = { span, speaker };
  }
  return out;

  // ------------------------------------------------------------------ patterns
  /** “…,” Zelensky wrote / “…,” he emphasized / “…,” said Oleksandr Petrenko, … */
  function speakerAfter(span: Span): Found | undefined {
    // quoted speech credited afterwards ends in punctuation: “…,” he said / “…?” she asked
    if (!/[,.!?…—–-]$/.test(text.slice(span.innerStart, span.innerEnd)) && text[span.closeEnd] !== ',') return undefined;
    const para = ctx.paragraphs[span.paragraph];
    const limit = Math.min(para.end, span.closeEnd + 200);
    let k = tokenIndexAt(tokens, span.closeEnd);
    while (k < tokens.length && tokens[k].start < limit && /^[,—–-]$/.test(tokens[k].text)) k++;
    if (k >= tokens.length || tokens[k].start >= limit) return undefined;
    const w = tokens[k].text.toLowerCase();
    // verb first: "said Emily Carter", "warned Ambassador Linda Martinez", "said one strategist"
    if (SPEECH_VERBS.has(w)) {
      const j = k + 1;
      if (j < tokens.length && tokens[j].start < limit) {
        const pj = tokens[j].text.toLowerCase();
        if (PRONOUNS.has(pj)) return { pronoun: true, strong: true, mention: undefined };
        if (!/^[\p{L}]/u.test(tokens[j].text)) return undefined;
        const run = nameWithin(j, limit);
        const m = run && mentionOf(run);
        return { mention: m, strong: true };
      }
      return undefined;
    }
    // speaker first: "Zelensky wrote", "he emphasized", "Yoon stated", "Dr. Emily Carter, an analyst, said",
    // "private political analyst Stephen Hess told Reuters", "a spokesman said"
    if (PRONOUNS.has(w)) {
      const v = verbAfter(k + 1, limit);
      return v ? { pronoun: true, strong: true, mention: undefined } : undefined;
    }
    let q = k;
    while (q < tokens.length && q < k + 6 && tokens[q].start < limit && isLower(tokens[q].text) && !SPEECH_VERBS.has(tokens[q].text)) q++;
    if (q > k && q < tokens.length && SPEECH_VERBS.has(tokens[q].text)) return { mention: undefined, strong: true };
    const run = runAt(ctx, q);
    if (!run) return undefined;
    const v = verbAfter(run.e, limit);
    if (!v) return undefined;
    return { mention: mentionOf(run), strong: true };
  }

  /** A name run at j, maybe after a few lower-case words ("said senior analyst Jane Doe"). */
  function nameWithin(j: number, limit: number): NameRun | undefined {
    let q = j;
    while (q < tokens.length && q < j + 5 && tokens[q].start < limit && isLower(tokens[q].text)) q++;
    if (q >= tokens.length || tokens[q].start >= limit) return undefined;
    const run = runAt(ctx, q);
    if (run && q > j && text.slice(tokens[j].start, tokens[q].start).includes(',')) return undefined;
    return run;
  }

  /** …has acknowledged severe setbacks, stating, “…” / Dr. Emily Carter, …, commented, “…” / He said: “…” */
  function speakerBefore(span: Span): Found | undefined {
    const sentStart = sentenceStartOf(span.open);
    // the words right before the quote: "…, stating, “", "commented: “", "said that “"
    let k = tokenIndexAt(tokens, span.open) - 1;
    while (k >= 0 && tokens[k].start >= sentStart && (tokens[k].text === ',' || tokens[k].text === ':')) k--;
    if (k >= 0 && tokens[k].start >= sentStart && tokens[k].text.toLowerCase() === 'that') k--;
    if (k < 0 || tokens[k].start < sentStart) return undefined;
    if (SPEECH_VERBS.has(tokens[k].text.toLowerCase())) return subjectBefore(sentStart, tokens[k].start, true);
    // "Kuleba: “…”" — a name and a colon
    const colon = tokenIndexAt(tokens, span.open) - 1;
    if (colon >= 0 && tokens[colon].text === ':' && isCapitalised(tokens[k].text)) {
      let r = k;
      while (r > 0 && tokens[r - 1].start >= sentStart && isCapitalised(tokens[r - 1].text) && text.slice(tokens[r - 1].end, tokens[r].start) === ' ') r--;
      const run = runAt(ctx, r);
      const mm = run && run.e === k + 1 ? mentionOf(run) : undefined;
      if (mm) return { mention: mm, strong: true };
    }
    return undefined;
  }

  /** A partial quote in a sentence whose subject said it: Putin said the move was “unacceptable”. */
  function speakerInSentence(span: Span): Found | undefined {
    const sentStart = sentenceStartOf(span.open);
    let verbAt = -1;
    for (let k = tokenIndexAt(tokens, sentStart); k < tokens.length && tokens[k].start < span.open; k++) {
      const w = tokens[k].text.toLowerCase();
      if (SPEECH_VERBS.has(w) && !w.endsWith('ing') && !inQuote(tokens[k].start)) verbAt = tokens[k].start;
    }
    if (verbAt < 0) return undefined;
    const f = subjectBefore(sentStart, verbAt, false);
    return f ? { ...f, strong: false } : undefined;
  }

  /** The person who is the subject of a speech verb at verbAt: the first person named in the
   * sentence before it, or a pronoun opening the clause. */
  function subjectBefore(sentStart: number, verbAt: number, strong: boolean): Found | undefined {
    for (const e of entities) {
      if (e.type === 'person' && e.start >= sentStart && e.end <= verbAt && !inQuote(e.start)) {
        return { mention: { name: resolveName(e.canonical ?? e.text, e.start), start: e.start, end: e.end }, strong };
      }
    }
    let k = tokenIndexAt(tokens, sentStart);
    const first = k < tokens.length ? tokens[k].text.toLowerCase() : '';
    if (PRONOUNS.has(first) && tokens[k].start < verbAt) return { pronoun: true, strong, mention: undefined };
    for (; k < tokens.length && tokens[k].start < verbAt; k++) {
      if (!isCapitalised(tokens[k].text) || inQuote(tokens[k].start)) continue;
      const run = runAt(ctx, k);
      if (!run) continue;
      if (tokens[run.e - 1].end > verbAt) break;
      if (run.titled || looksLikePersonName(run.name) && (people.knows(run.name) || run.ne - run.ns >= 2)) {
        const m = mentionOf(run);
        if (m && !isOrganisation(run)) return { mention: m, strong };
      }
      k = run.e - 1;
    }
    return undefined;
  }

  function verbAfter(k: number, limit: number): boolean {
    let j = k;
    // an appositive: "Dr. Emily Carter, a senior strategist at the Council on Foreign Relations, said"
    if (j < tokens.length && tokens[j].text === ',') {
      let q = j + 1;
      while (q < tokens.length && tokens[q].start < limit && tokens[q].text !== ',' && !/^["“”]$/.test(tokens[q].text)) q++;
      if (q < tokens.length && tokens[q].text === ',' && q - j <= 25) j = q + 1;
      else return false;
    }
    for (let steps = 0; j < tokens.length && tokens[j].start < limit && steps < 3; j++, steps++) {
      const w = tokens[j].text.toLowerCase();
      if (SPEECH_VERBS.has(w)) return true;
      if (!SPEECH_AUX.has(w)) return false;
    }
    return false;
  }

  // ------------------------------------------------------------------ names
  function mentionOf(run: NameRun): Mention | undefined {
    const ent = personEntityAt(entities, run.start, run.end);
    if (ent) return { name: resolveName(ent.canonical ?? ent.text, ent.start), start: ent.start, end: ent.end };
    if (!looksLikePersonName(run.name) && !run.titled) {
      // an organisation can speak too ("the Kremlin said") when the tagger says it is one
      for (const e of entities) {
        if (e.type === 'organization' && e.start < run.end && run.start < e.end) return { name: clean(e.canonical ?? e.text), start: e.start, end: e.end };
      }
      return undefined;
    }
    return { name: resolveName(run.name, run.start), start: run.start, end: run.end };
  }

  function isOrganisation(run: NameRun): boolean {
    for (const e of entities) if (e.type !== 'person' && e.start < run.end && run.start < e.end) return true;
    return false;
  }

  function resolveName(name: string, at: number): string {
    return people.resolve(clean(stripPossessive(name)), at);
  }

  /** The last person named before pos, outside quotes; else the last credited speaker. */
  function lastPersonBefore(pos: number): Mention | undefined {
    return lastNamedBefore(ctx, entities, people, pos, inQuote) ?? prevSpeakerBefore(pos);
  }

  function prevSpeakerBefore(pos: number): Mention | undefined {
    let last: Mention | undefined;
    for (const q of out) if (q.end <= pos && q.speaker && q.speakerStart !== undefined) last = { name: q.speaker, start: q.speakerStart, end: q.speakerEnd! };
    return last;
  }

  function sentenceStartOf(pos: number): number {
    const ss = ctx.sentences;
    let lo = 0;
    let hi = ss.length - 1;
    let best = ctx.paragraphs.length ? 0 : 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ss[mid].start <= pos) {
        best = ss[mid].start;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Does quote b continue quote a (same paragraph, nothing but a's credit between them; or b opens
   * the next paragraph right after a paragraph that ended in a's quote)? */
  function continues(a: Span, b: Span): boolean {
    if (a.paragraph === b.paragraph) {
      const gap = text.slice(a.closeEnd, b.open);
      return gap.length <= 250 && !/["“”]/.test(gap);
    }
    if (b.paragraph === a.paragraph + 1) {
      const pa = ctx.paragraphs[a.paragraph];
      const pb = ctx.paragraphs[b.paragraph];
      const tailA = text.slice(a.closeEnd, pa.end);
      return b.open === pb.start && tailA.length <= 200 && !/["“”]/.test(tailA);
    }
    return false;
  }
}

const clean = (s: string) => s.replace(/\s+/g, ' ');
const isLower = (s: string) => /^\p{Ll}/u.test(s);

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isW = c > 32 && c !== 0xa0;
    if (isW && !inWord) n++;
    inWord = isW;
  }
  return LETTER_OR_DIGIT.test(s) ? n : 0;
}

/** Quoted spans, paragraph by paragraph: curly and straight double quotes, and single quotes that
 * open and close at word boundaries (apostrophes inside words are not quotes). */
export function findQuoteSpans(ctx: TextContext): Span[] {
  const { text, paragraphs } = ctx;
  const out: Span[] = [];
  const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
  const isOpenCtx = (c: string | undefined) => c === undefined || /[\s([{—–\-/:]/.test(c);
  const isWordChar = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);
  paragraphs.forEach((p, pi) => {
    let dOpen = -1;
    let sOpen = -1;
    const emit = (open: number, close: number, closeEnd: number, single: boolean) => {
      let a = open + 1;
      let b = close;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push({ open, close, closeEnd, innerStart: a, innerEnd: b, paragraph: pi, single });
    };
    QUOTE_MARK_RE.lastIndex = p.start;
    let m: RegExpExecArray | null;
    while ((m = QUOTE_MARK_RE.exec(text)) && m.index < p.end) {
      const i = m.index;
      const ch = m[0];
      const before = i > p.start ? text[i - 1] : undefined;
      const after = i + 1 < p.end ? text[i + 1] : undefined;
      if (OPEN_DOUBLE.has(ch)) {
        if (dOpen < 0) {
          dOpen = i;
          sOpen = -1;
        }
      } else if (CLOSE_DOUBLE.has(ch)) {
        if (dOpen >= 0) {
          emit(dOpen, i, i + 1, false);
          dOpen = -1;
        }
      } else if (ch === '"') {
        if (dOpen >= 0) {
          emit(dOpen, i, i + 1, false);
          dOpen = -1;
        } else if ((isOpenCtx(before) || isWordChar(after)) && !isSpace(after)) {
          dOpen = i;
          sOpen = -1;
        }
      } else if (dOpen < 0) {
        // single quotes, only outside double quotes (inside they are nested quotes)
        const canClose = sOpen >= 0 && !isSpace(before) && !isWordChar(after) && (ch === '’' || ch === "'");
        if (canClose) {
          emit(sOpen, i, i + 1, true);
          sOpen = -1;
        } else if (sOpen < 0 && (ch === '‘' || ch === "'") && isOpenCtx(before) && isWordChar(after)) {
          sOpen = i;
        }
      }
    }
    // a double quote still open at the paragraph's end runs on into the next paragraph
    if (dOpen >= 0 && p.end - dOpen > 20) emit(dOpen, p.end, p.end, false);
  });
  return out;
}
