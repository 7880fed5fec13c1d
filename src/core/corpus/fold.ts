// String folding for matching names across articles: diacritics, case, punctuation, and the
// spelling differences that transliteration schemes produce (Zelensky/Zelenskiy/Selenskyj,
// Selydove/Selydowe, Odesa/Odessa, Kyiv/Kiev). General rules on letters, never a list of names.

const MARKS = new RegExp('\\p{M}+', 'gu');

const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/** Lower case, no diacritics, curly quotes made straight. */
export function fold(s: string): string {
  let out = s.normalize('NFD').replace(MARKS, '').toLowerCase();
  if (/[ßøæœłđðþıħ]/.test(out)) out = out.replace(/[ßøæœłđðþıħ]/g, (c) => SPECIAL[c] ?? c);
  return out.replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-');
}

// Names repeat across articles: remember the last few thousand keys and spellings.
function memo(fn: (s: string) => string, max = 20000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** A name as a lookup key: folded, dots and possessives gone, spacing normalised. */
export const nameKey = memo(nameKeyUncached);

function nameKeyUncached(s: string): string {
  return fold(s)
    .replace(/^the\s+/, '')
    .replace(/'s$|'$/, '')
    .replace(/\.(?=\S)/g, '')
    .replace(/\.$/, '')
    .replace(/[^\p{L}\p{N}'&\- ]+/gu, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One word in a transliteration-neutral spelling: the letter groups different romanisations use
 * for the same sound are mapped to one, doubled letters are collapsed, and i/y/j as a vowel are
 * one letter. "zelenskiy", "zelenskyy", "selenskyj" → "selenski"; "selydowe" → "selidove".
 */
export const translit = memo(translitUncached);

function translitUncached(word: string): string {
  let w = fold(word).replace(/[^a-z]/g, '');
  if (!w) return fold(word);
  // Upper-case letters stand for sounds written several ways: S = sh, C = ch, J = zh.
  w = w
    .replace(/tsch|tsh/g, 'C')
    .replace(/sch|sh|sz/g, 'S')
    .replace(/tch|cz|ch/g, 'C')
    .replace(/zh|dj/g, 'J')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck|q|c(?=[aouklrt]|$)/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/ou/g, 'u')
    // i, y and j in vowel positions: "iy", "yi", "ij", "yj", "yy", "ii" all read as one i.
    .replace(/(?<=[aeiouy])j(?![aeiouy])|j$/g, 'y')
    .replace(/[iy]+/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w;
}

/** The consonants of a transliterated word, first letter kept: a blocking key for variants. */
export function skeleton(word: string): string {
  const t = translit(word);
  return t[0] + t.slice(1).replace(/[aeiou]/g, '');
}

/** Levenshtein distance, bounded: returns max+1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface WordMatch {
  /** 'exact' when the folded words are equal, 'transliteration' when their neutral spellings are. */
  rule: 'exact' | 'transliteration' | 'spelling-variant';
  score: number;
}

/**
 * Whether two words are the same word spelled differently. Strict on short words: a spelling
 * variant keeps the consonant skeleton, the first and last letter, and differs by at most one
 * edit per five letters (Kyiv/Kiev, Kharkiv/Kharkov, Lviv/Lvov; not Peru/Pera, Mali/Male).
 */
export function sameWord(a: string, b: string, opts: { minVariantLength?: number } = {}): WordMatch | undefined {
  const fa = fold(a), fb = fold(b);
  if (fa === fb) return { rule: 'exact', score: 1 };
  // Short words (abbreviations, initials) match only as written: "N.J." is not "N.Y.".
  if (letters(fa) < 4 || letters(fb) < 4) return undefined;
  const ta = translit(a), tb = translit(b);
  if (ta === tb) return { rule: 'transliteration', score: 0.95 };
  const len = Math.min(ta.length, tb.length);
  if (len < (opts.minVariantLength ?? 3)) return undefined;
  if (ta[0] !== tb[0] || ta[ta.length - 1] !== tb[tb.length - 1]) return undefined;
  if (skeleton(a) !== skeleton(b)) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(ta.length, tb.length) / 5));
  const d = editDistance(ta, tb, allowed);
  if (d > allowed) return undefined;
  return { rule: 'spelling-variant', score: Math.round((1 - d / Math.max(ta.length, tb.length)) * 100) / 100 };
}

function letters(s: string): number {
  let n = 0;
  for (const c of s) if (c.toLowerCase() !== c.toUpperCase()) n++;
  return n;
}

/** Similarity of two strings, 0..1 (1 - normalised edit distance). */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n ? 1 - editDistance(a, b) / n : 1;
}
