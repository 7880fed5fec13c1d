// Names as the merge rules compare them: a person without the title in front ("President
// Zelensky" → "Zelensky"), a company without its legal form ("Chrysler Corp" → "Chrysler"), a place
// without the word for its kind ("Donetsk region" → "Donetsk"), an acronym against the words it
// stands for. And, for hovers, why two forms of a name were taken as one entity.
import type { EntityType } from '../types';
import type { MergeReason, MergeRule } from './model';
import { fold, nameKey, sameWord, similarity, translit } from './fold';
import { gazetteer, KIND_BIT } from '../entities/gazetteer';
import { demonymCountry, gazetteerEntry } from './gazetteer';

const TITLE_WORDS = new Set(
  ('president vice prime minister deputy foreign defence defense finance interior culture energy chancellor mr mrs ms miss dr ' +
    'prof professor gen general lt lieutenant col colonel maj major capt captain sgt sergeant adm admiral cmdr commander brig ' +
    'brigadier sen senator rep representative gov governor mayor king queen prince princess pope sheikh sir dame lord lady ' +
    'ambassador secretary chairman chairwoman chair ceo chief executive director judge justice rev reverend father bishop ' +
    'archbishop cardinal emperor premier speaker leader minister-president field marshal state us u.s. former late acting')
    .split(' '),
);

const ORG_SUFFIXES = /(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|cos|ltd|limited|plc|ag|sa|nv|llc|lp|spa|gmbh|bv|ab|oy|asa|se|pty|bhd|kk|holdings?))+\.?$/i;
const PLACE_PREFIX = /^(?:the\s+)?(?:city|town|village|region|province|state|district|county|oblast|municipality|island|port) of\s+/i;
const PLACE_SUFFIX = /\s+(?:region|province|oblast|district|county|governorate|prefecture|krai|territory|area)$/i;

const coreCache = new Map<string, string>();

/** The name without title, legal form or kind word, as displayed (not folded). */
export function coreName(text: string, type: EntityType): string {
  const k = type[0] + text;
  let v = coreCache.get(k);
  if (v === undefined) {
    if (coreCache.size > 20000) coreCache.clear();
    v = coreNameUncached(text, type);
    coreCache.set(k, v);
  }
  return v;
}

function coreNameUncached(text: string, type: EntityType): string {
  let s = text.trim().replace(/[’']s$/, '').replace(/[’']$/, '').replace(/\s+/g, ' ');
  if (type !== 'organization') s = s.replace(/^the\s+/i, '');
  if (type === 'person') {
    const words = s.split(' ');
    let i = 0;
    while (i < words.length - 1 && TITLE_WORDS.has(words[i].toLowerCase().replace(/\.$/, ''))) i++;
    s = words.slice(i).join(' ');
    s = s.replace(/,?\s+(?:jr|sr)\.?$/i, '');
  } else if (type === 'organization') {
    const stripped = s.replace(/^the\s+/i, '').replace(ORG_SUFFIXES, '');
    if (stripped.length >= 2) s = stripped;
  } else {
    const stripped = s.replace(PLACE_PREFIX, '').replace(PLACE_SUFFIX, '');
    if (stripped.length >= 2) s = stripped;
  }
  return s;
}

export function coreKey(text: string, type: EntityType): string {
  return nameKey(coreName(text, type));
}

const tokenCache = new Map<string, string[]>();

/** The folded words of a name. The array is shared: do not change it. */
export function nameTokens(core: string): string[] {
  let v = tokenCache.get(core);
  if (!v) {
    if (tokenCache.size > 20000) tokenCache.clear();
    v = nameKey(core).split(/[ \-]+/).filter(Boolean);
    tokenCache.set(core, v);
  }
  return v;
}

const ACRONYM_STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'y', 'et', 'del', 'di', '&', 'a', 'an', 'und', 'fur', 'für']);

/** Whether `acronym` ("NATO", "U.N.") is made of the initials of `expansion`. */
export function isAcronymOf(acronym: string, expansion: string): boolean {
  const letters = acronym.replace(/[.\s&]/g, '').toLowerCase();
  if (letters.length < 2 || letters.length > 10 || !/^[a-z]+$/.test(letters)) return false;
  const words = fold(expansion).split(/[\s\-/]+/).filter(Boolean);
  if (words.length < 2) return false;
  // The words must be words: not initials or the acronym itself ("U.S. SEEN" does not expand "US").
  if (words.some((w) => w.includes('.') || (w.length < 2 && !ACRONYM_STOP.has(w)) || w === letters)) return false;
  const all = words.map((w) => w[0]).join('');
  const significant = words.filter((w) => !ACRONYM_STOP.has(w)).map((w) => w[0]).join('');
  return letters === significant || letters === all;
}

/** A token written as an acronym: all capitals, maybe with dots ("NATO", "U.N.", "OPEC"). */
export function looksLikeAcronym(text: string): boolean {
  return /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,9}$|^(?:[A-Z]\.)+[A-Z]$/.test(text.trim());
}

const TWO_LETTERS = new RegExp('\\p{L}{2}', 'u');
const WORD_START = new RegExp('(^|[\\s\\-(/])(\\p{L})', 'gu');

/** A name written in capitals only because its line is (a Reuters headline or dateline): "WASHINGTON". */
export function isShoutedName(text: string): boolean {
  return text === text.toUpperCase() && TWO_LETTERS.test(text) && (/\s/.test(text.trim()) || text.replace(/[^A-Z]/g, '').length >= 6 || knownName(text));
}

/** "WASHINGTON" → "Washington", "NEW YORK" → "New York"; names of known places and bodies. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(WORD_START, (_m, sep: string, c: string) => sep + c.toUpperCase()).replace(/\b(Of|The|And|For|On|De|La)\b/g, (w, _x, i: number) => (i === 0 ? w : w.toLowerCase()));
}

const PLACE_KINDS = KIND_BIT.country | KIND_BIT.city | KIND_BIT.state | KIND_BIT.region;

function knownName(text: string): boolean {
  const k = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return ((gazetteer().phrases.get(k) ?? 0) & PLACE_KINDS) !== 0;
}

/** Whether one person name is a part of another: "Zelensky" of "Volodymyr Zelensky", "Yeol" of "Yoon Suk Yeol". */
export function namePart(short: string, full: string): { rule: MergeRule; score: number } | undefined {
  const s = nameTokens(short), f = nameTokens(full);
  if (!s.length || s.length >= f.length) return undefined;
  for (let i = 0; i + s.length <= f.length; i++) {
    let ok = true;
    let translitOnly = false;
    for (let j = 0; j < s.length && ok; j++) {
      const m = sameWord(s[j], f[i + j]);
      if (!m || m.rule === 'spelling-variant') ok = false;
      else if (m.rule === 'transliteration') translitOnly = true;
    }
    if (ok) {
      const last = i + s.length === f.length;
      return { rule: last ? 'surname' : 'name-part', score: (last ? 0.9 : 0.8) * (translitOnly ? 0.95 : 1) };
    }
  }
  return undefined;
}

/**
 * Whether two full names (same type) are spellings of one name, token by token: "Volodymyr
 * Zelenskiy" / "Volodymyr Zelensky", "Kyiv" / "Kiev". Given names must agree closely, so "John
 * Smith" and "Jane Smith" stay apart.
 */
export function spellingMatch(a: string, b: string, type: EntityType): { rule: MergeRule; score: number } | undefined {
  const ta = nameTokens(a), tb = nameTokens(b);
  if (ta.length !== tb.length || !ta.length) return undefined;
  let rule: MergeRule = 'exact';
  let score = 1;
  for (let i = 0; i < ta.length; i++) {
    // Given names are short and common: only identical neutral spellings count, or one edit in a long one.
    const given = type === 'person' && i < ta.length - 1;
    const m = sameWord(ta[i], tb[i], { minVariantLength: given ? 6 : type === 'person' ? 4 : 3 });
    if (!m) return undefined;
    if (m.rule === 'spelling-variant') {
      if (given && m.score < 0.83) return undefined;
      rule = 'spelling-variant';
    } else if (m.rule === 'transliteration' && rule === 'exact') rule = 'transliteration';
    score = Math.min(score, m.score);
  }
  if (rule === 'exact') return undefined;
  // A single short word that differs by a letter is weak evidence; the caller may ask for more.
  return { rule, score };
}

/** Why `variant` is a name of the entity called `name`, for hovers. */
export function explainMerge(variant: string, name: string, type: EntityType): MergeReason {
  const v = coreName(variant, type), n = coreName(name, type);
  if (nameKey(v) === nameKey(n)) return { variant, rule: 'exact', score: 1 };
  const ga = gazetteerEntry(v, type), gb = gazetteerEntry(n, type);
  if (ga && gb && ga.id === gb.id) {
    if (isAcronymOf(v, n) || isAcronymOf(n, v)) return { variant, rule: 'acronym', score: 1 };
    return { variant, rule: 'alias', score: 1 };
  }
  if (type === 'place' && demonymCountry(v)?.name === n) return { variant, rule: 'alias', score: 0.8 };
  if (isAcronymOf(v, n) || isAcronymOf(n, v)) return { variant, rule: 'acronym', score: 0.9 };
  const sp = spellingMatch(v, n, type);
  if (sp) return { variant, ...sp };
  if (type === 'person') {
    const part = namePart(v, n);
    // A short form in another spelling ("Zelenskiy" of "Volodymyr Zelensky") is told as the spelling.
    if (part && part.score < (part.rule === 'surname' ? 0.9 : 0.8)) return { variant, rule: 'transliteration', score: part.score };
    if (part) return { variant, ...part };
    // A short form of another spelling: "Zelenskiy" of "Volodymyr Zelensky".
    const vt = nameTokens(v), nt = nameTokens(n);
    if (vt.length < nt.length) {
      const m = sameWord(vt[vt.length - 1], nt[nt.length - 1], { minVariantLength: 4 });
      if (m) return { variant, rule: m.rule === 'spelling-variant' ? 'spelling-variant' : 'transliteration', score: 0.85 * m.score };
    }
  }
  const fv = nameKey(v).replace(/[ \-]/g, ''), fn = nameKey(n).replace(/[ \-]/g, '');
  if (fv.length >= 4 && translit(fv) === translit(fn)) return { variant, rule: 'transliteration', score: 0.9 };
  const sim = similarity(fv, fn);
  if (sim >= 0.8) return { variant, rule: 'spelling-variant', score: Math.round(sim * 100) / 100 };
  return { variant, rule: 'lexicon', score: 0.7 };
}
