// A fast tokenizer for news prose. Words keep their internal dots, apostrophes, hyphens and
// digit groups ("U.S.", "Zelensky's", "Russia-Ukraine", "10,000", "3.5"), so the taggers see
// the units a reader sees. Everything else that is not space is a one-character token.

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Order matters: numbers with separators, dotted abbreviations, words with inner ' ’ - .
const TOKEN_RE =
  /\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:['’\-.&][\p{L}\p{M}\d]+)*\.?|\S/gu;

// A trailing dot belongs to the word only for known abbreviations and initials.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'sen', 'gov', 'pres', 'st', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co',
  'dept', 'univ', 'mt', 'ft', 'approx', 'est', 'fig', 'adm', 'cmdr', 'brig', 'rev', 'hon', 'messrs',
]);

export function isAbbreviation(word: string): boolean {
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  if (/^\p{Lu}$/u.test(w)) return true; // an initial: "J."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(w.toLowerCase());
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) && m.index < to) {
    let word = m[0];
    let end = m.index + word.length;
    if (end > to) {
      word = word.slice(0, to - m.index);
      end = to;
    }
    if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) {
      tokens.push({ text: word.slice(0, -1), start: m.index, end: end - 1 });
      tokens.push({ text: '.', start: end - 1, end });
    } else {
      tokens.push({ text: word, start: m.index, end });
    }
  }
  return tokens;
}
