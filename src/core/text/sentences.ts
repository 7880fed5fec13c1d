// Sentence and paragraph boundaries. Fast and rule-based: a sentence ends at . ! ? (and any
// closing quotes or brackets after it) when the next word starts like a sentence, unless the
// dot belongs to an abbreviation or an initial; a line break always ends a paragraph, and a
// blank line or an indented line always ends a sentence (Reuters wraps lines inside sentences).
import { isAbbreviation } from './tokens';

export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the paragraph that holds the sentence. */
  paragraph: number;
}

export interface ParagraphSpan {
  start: number;
  end: number;
}

/** Paragraphs: runs of text separated by blank lines, or by single line breaks when the text is
 * not hard-wrapped (one paragraph a line, as in most web-copied articles). */
export function paragraphs(text: string, hardWrapped = isHardWrapped(text)): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  const sep = hardWrapped ? /\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)/g : /\n\s*/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  while ((m = sep.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Hard-wrapped text (Reuters, e-mail) breaks lines inside sentences at a fixed width. */
export function isHardWrapped(text: string): boolean {
  let lines = 0;
  let short = 0;
  let unterminated = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    lines++;
    if (line.length <= 80) short++;
    if (!/[.!?"”’:)]$/.test(t)) unterminated++;
  }
  return lines >= 4 && short / lines > 0.9 && unterminated / lines > 0.4;
}

const END_RE = /[.!?]+["”’')\]]*(?=\s)|[.!?]+["”’')\]]*$/g;

/** `hardWrapped` is the article's when `text` is only part of it (the incremental analyzer). */
export function sentences(text: string, hardWrapped?: boolean): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const paras = paragraphs(text, hardWrapped);
  paras.forEach((p, pi) => {
    let s = p.start;
    END_RE.lastIndex = p.start;
    let m: RegExpExecArray | null;
    while ((m = END_RE.exec(text)) && m.index < p.end) {
      const end = m.index + m[0].length;
      if (m[0][0] === '.' && m[0].length === 1) {
        let wordStart = m.index;
        while (wordStart > s && !/\s/.test(text[wordStart - 1])) wordStart--;
        const word = text.slice(wordStart, m.index + 1);
        if (isAbbreviation(word) && !endsSentenceAnyway(text, end)) continue;
      }
      const next = text.slice(end, end + 3).trimStart();
      if (next && !/^["“‘'(\[]?[\p{Lu}\d]/u.test(next)) continue;
      out.push({ start: s, end, paragraph: pi });
      s = end;
      while (s < p.end && /\s/.test(text[s])) s++;
    }
    if (s < p.end) out.push({ start: s, end: p.end, paragraph: pi });
  });
  return out;
}

// "… in the U.S. The next day" ends a sentence: an abbreviation followed by a capitalised
// function word that cannot continue a name.
function endsSentenceAnyway(text: string, end: number): boolean {
  const next = /^\s+(\p{Lu}\p{Ll}*)/u.exec(text.slice(end, end + 20));
  return !!next && /^(The|A|An|It|He|She|They|We|I|This|That|But|And|In|On|At|As|If|There)$/.test(next[1]);
}
