// Numeric claims: counts, quantities, money, percentages, dates, times, durations and ordinals,
// each with the hedge before it and the noun it counts. One pass over the context's tokens with
// Set/Map look-ups (no general NLP library over the text): a token that can start a figure —
// digits, a number word, a month, a weekday, a relative date word — is grown into a phrase.
//
// The fields, for whoever groups claims across articles:
//   unit     the counted noun in lower case as written ("soldiers", "troops", "homes"), with
//            generic people nouns ("individuals", "persons", "others" in casualty context) as
//            "people"; units of measure as written ("square kilometers", "dlrs", "stg"); "%" for
//            pct/percent/per cent; currency symbols as words ("$" → "dollars").
//   subject  [qualifier] [modifiers] unit [casualty verb]: the noun with its modifiers as written
//            ("North Korean soldiers"); when the noun has no proper modifier, the sentence's main
//            non-person name before the figure leads ("North Korea troops"), and "that number"
//            carries the earlier figure's modifiers; people counts end with what happened to them
//            ("people killed", "civilians wounded"). Quantities, money and percentages use what
//            they measure ("of territory" → "territory") when the text says it.
//   value    dates are ISO: "2024-10-28", "--01-05" (no year stated), "2024-08", "--08", "2014";
//            a year-less date takes the article date's year only when a date is known (the most
//            recent such day unless the clause looks forward). Times are "HH:MM".
//   expected true when the clause frames the figure as an expectation (could, will, expects…).
import type { Claim, ClaimKind, Entity } from '../types';
import type { TextContext } from '../text/context';
import { isCapitalised, isDemonym, looksLikePersonName, runAt, stripPossessive, TITLE_WORDS } from '../quotes/names';
import { addDays, findArticleDate, findDatelines, isoDate, parseIso, resolveYear, validDay, weekday, type RefDate } from './dates';
import {
  AMBIGUOUS_CURRENCY, AMBIGUOUS_MONTHS, CASUALTY_VERBS, CURRENCY_CODES, CURRENCY_QUALIFIERS, CURRENCY_SYMBOLS,
  CURRENCY_WORDS, DATE_PREPOSITIONS, EXPECT_AFTER_RE, EXPECT_RE, FRACTIONS, GENERIC_PEOPLE, GLUED_SCALES, HEDGE_LAST_WORDS,
  HEDGES, IDENTIFIER_WORDS, IRREGULAR_PLURALS, MEASURE_UNITS, MONTHS, NOT_PLURAL, ORDINALS, PERCENT_WORDS, PERSON_NOUNS,
  POST_HEDGES, SCALES, SMALL_NUMBERS, STOP_WORDS, TENS, TIME_UNITS, UNIT_MODIFIERS, VAGUE_MAGNITUDES, WEEKDAYS,
} from './lexicon';

export { findArticleDate } from './dates';

/** The article's own date when the text states one (ISO yyyy-mm-dd): a dated dateline or a short
 * "Published …"/date-only line near the top or bottom. A day and month without a year give none. */
export function articleDate(ctx: TextContext): string | undefined {
  return findArticleDate(ctx);
}

/** A figure found in the tokens, before hedges and subjects are added. */
interface Raw {
  s: number; // first token (after any hedge)
  e: number; // token after the last
  start: number;
  end: number;
  kind: ClaimKind;
  value: number | string;
  unit?: string;
  approx?: string;
  head?: number; // token of the counted noun
  mods?: number[]; // tokens between the figure and the noun
  bare?: boolean; // a figure with no unit
  words?: boolean; // spelled out ("nine")
  scaled?: boolean; // "million", "mln"…
  one?: boolean; // the figure is 1 written "one"/"a"
  inherited?: boolean; // unit taken from a neighbouring figure
}

/**
 * The same figure with every field present, in one order: figures made in a dozen places with
 * different fields each reached the passes below in as many object shapes, and each new shape
 * threw away the optimized code of this whole file's function (recompiled 20 times, 5 s of
 * compiling over 6,000 articles).
 */
function uniform(r: Raw): Raw {
  return {
    s: r.s,
    e: r.e,
    start: r.start,
    end: r.end,
    kind: r.kind,
    value: r.value,
    unit: r.unit,
    approx: r.approx,
    head: r.head,
    mods: r.mods,
    bare: r.bare,
    words: r.words,
    scaled: r.scaled,
    one: r.one,
    inherited: r.inherited,
  };
}

interface NumberParse {
  value: number;
  e: number;
  scaled: boolean;
  words: boolean;
  fraction?: boolean;
}

const AMPM = new Set(['am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m']);
const TIMEZONES = new Set(['gmt', 'utc', 'est', 'edt', 'cet', 'cest', 'bst', 'et', 'pt', 'pst', 'pdt', 'cst', 'cdt', 'msk', 'eet', 'eest', 'jst', 'ist', 'z']);
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
const ORDINAL_BEFORE = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'a', 'an', 'this', 'every', 'each', 'my', 'your']);
const ORDINAL_NOT_BEFORE = new Set(['time', 'place', 'thing', 'things', 'step', 'sight', 'hand', 'glance', 'look', 'of', 'and', 'to', 'or', 'instance', 'person', 'half']);
const FINANCIAL_LABELS = new Set([
  'net', 'revs', 'shr', 'shrs', 'sales', 'profit', 'loss', 'avg', 'oper', 'vs', 'qtr', 'div', 'earnings', 'revenues',
  'assets', 'deposits', 'loans', 'note', 'qtly', 'results', 'return', 'prior', 'inc', 'corp', 'co', 'ltd', 'plc', 'total',
]);
const VAGUE_QUALIFIERS = new Map<string, number>([['several', 3], ['few', 3], ['many', 5]]);
const CURRENCY_PREFIX_LETTERS = new Set(['US', 'U.S.', 'C', 'A', 'HK', 'NZ', 'S', 'R', 'NT', 'Z', 'CA', 'AU', 'SG']);
const NUMBER_CUE_RE = /\b(?:number|figure|total|toll|tally|count|estimate)\b/i;

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Lower-case words that can start a figure; every other word is skipped with one Set look-up. */
const TRIGGER_WORDS = new Set<string>([
  ...SMALL_NUMBERS.keys(), ...TENS.keys(), ...ORDINALS.keys(), ...WEEKDAYS.keys(), ...VAGUE_MAGNITUDES.keys(),
  ...[...MONTHS.keys()].flatMap((m) => [m, m + '.']), 'yesterday', 'today', 'tomorrow', 'tonight', 'last', 'next', 'this',
  'noon', 'midnight', 'midday', 'tens', 'several', 'few', 'many', 'a', 'an', 'half',
]);
const PERIOD_NOUNS = new Set(['qtr', 'quarter', 'half', 'anniversary', 'round', 'term', 'time', 'place', 'century', 'year', 'month', 'week', 'day', 'season', 'stage', 'phase']);
const HYPHEN_HEADS = new Set<string>([...SMALL_NUMBERS.keys(), ...TENS.keys()]);
const LETTER_RE = /^\p{L}/u;

/** Numeric claims of an article. `date` (ISO) resolves relative dates; without it, only the text's own dateline helps. */
export function extractClaims(ctx: TextContext, entities: readonly Entity[], date?: string): Claim[] {
  const { text, tokens } = ctx;
  const n = tokens.length;
  if (!n) return [];
  const low: string[] = new Array(n);
  for (let k = 0; k < n; k++) low[k] = tokens[k].text.toLowerCase();

  // Sentence of each token, and sentences to skip (page furniture, repeated captions).
  const sentOf = new Int32Array(n);
  const sents = ctx.sentences;
  {
    let si = 0;
    for (let k = 0; k < n; k++) {
      while (si < sents.length - 1 && tokens[k].start >= sents[si].end) si++;
      sentOf[k] = si;
    }
  }
  const skipSentence = furnitureSentences(ctx);
  const datelines = findDatelines(ctx);
  let ref: RefDate | undefined = parseIso(date);
  if (!ref) for (const dl of datelines) if (dl.ref) ref = dl.ref;
  const fullRef = ref && ref.y !== undefined ? (ref as Required<RefDate>) : undefined;

  const adjacent = (a: number, b: number) => b < n && tokens[a].end === tokens[b].start;
  const isWord = (k: number) => k < n && k >= 0 && (isLetterStart(tokens[k].text));
  const sameSentence = (a: number, b: number) => b >= 0 && b < n && sentOf[a] === sentOf[b];

  // ---------------------------------------------------------------- numbers
  function parseDigits(i: number): NumberParse | null {
    const tx = tokens[i].text;
    let value: number;
    let fraction = false;
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(tx)) value = Number(tx.replace(/,/g, ''));
    else if (/^\d+(?:\.\d+)?$/.test(tx)) value = Number(tx);
    else if (/^\d{1,2}\/\d{1,2}$/.test(tx)) {
      const [a, b] = tx.split('/').map(Number);
      if (!(b > 1 && b <= 16 && a < b)) return null;
      value = a / b;
      fraction = true;
    } else return null;
    let j = i + 1;
    let scaled = false;
    // "7-1/2 pct"
    if (j + 1 < n && tokens[j].text === '-' && adjacent(i, j) && adjacent(j, j + 1) && /^\d\/\d{1,2}$/.test(tokens[j + 1].text)) {
      const [a, b] = tokens[j + 1].text.split('/').map(Number);
      if (b > a) {
        value += a / b;
        j += 2;
      }
    }
    if (j < n && adjacent(j - 1, j) && isWord(j)) {
      const g = low[j];
      if (GLUED_SCALES.has(g)) {
        value *= GLUED_SCALES.get(g)!;
        scaled = true;
        j++;
      } else if (!(AMPM.has(g) || MEASURE_UNITS.has(g) || TIME_UNITS.has(g) || ORDINAL_SUFFIX.test(g) || CURRENCY_CODES.has(g) || TIMEZONES.has(g) || PERCENT_WORDS.has(g))) {
        return null; // digits inside a word: "4x4"
      }
    }
    while (j < n && SCALES.has(low[j]) && !(low[j] === 'millions')) {
      value *= SCALES.get(low[j])!;
      scaled = true;
      j++;
    }
    return { value: round(value), e: j, scaled, words: false, fraction };
  }

  function wordValue(w: string): number | undefined {
    const v = SMALL_NUMBERS.get(w) ?? TENS.get(w);
    if (v !== undefined) return v;
    const dash = w.indexOf('-');
    if (dash > 0) {
      const t = TENS.get(w.slice(0, dash));
      const u = SMALL_NUMBERS.get(w.slice(dash + 1));
      if (t !== undefined && u !== undefined && u > 0 && u < 10) return t + u;
    }
    return undefined;
  }

  function parseWords(i: number): NumberParse | null {
    let total = 0;
    let cur = 0;
    let j = i;
    let any = false;
    let scaled = false;
    let lastSmall = false;
    let lastTens = false;
    // "a dozen", "a hundred", "an estimated…" is a hedge, not a number
    if ((low[i] === 'a' || low[i] === 'an') && i + 1 < n && (low[i + 1] === 'dozen' || low[i + 1] === 'hundred' || low[i + 1] === 'thousand' || low[i + 1] === 'million' || low[i + 1] === 'billion' || low[i + 1] === 'trillion')) {
      cur = 1;
      any = true;
      j = i + 1;
    }
    // "half a million"
    if (low[i] === 'half' && low[i + 1] === 'a' && SCALES.has(low[i + 2]) && low[i + 2] !== 'hundred') {
      return { value: 0.5 * SCALES.get(low[i + 2])!, e: i + 3, scaled: true, words: true };
    }
    while (j < n) {
      const w = low[j];
      const v = wordValue(w);
      if (v !== undefined) {
        if (lastSmall) break;
        if (lastTens && !(v < 10 && SMALL_NUMBERS.has(w))) break;
        cur += v;
        any = true;
        lastTens = TENS.has(w);
        lastSmall = !lastTens;
      } else if (w === 'hundred' && any) {
        cur = (cur || 1) * 100;
        lastSmall = lastTens = false;
      } else if (w === 'dozen' && any) {
        cur = (cur || 1) * 12;
        lastSmall = lastTens = false;
      } else if (SCALES.has(w) && w !== 'millions' && any) {
        total += (cur || 1) * SCALES.get(w)!;
        cur = 0;
        scaled = true;
        lastSmall = lastTens = false;
      } else if (w === 'and' && any && !lastSmall && !lastTens && j + 1 < n && wordValue(low[j + 1]) !== undefined) {
        // "three hundred and fifty"
      } else break;
      j++;
    }
    if (!any) return null;
    // "two-thirds", "one-third": a fraction
    return { value: total + cur, e: j, scaled, words: true };
  }

  function fractionWord(i: number): NumberParse | null {
    const w = low[i];
    const dash = w.indexOf('-');
    if (dash < 0) return null;
    const a = SMALL_NUMBERS.get(w.slice(0, dash));
    const f = FRACTIONS.get(w.slice(dash + 1));
    if (a === undefined || f === undefined || a < 1) return null;
    return { value: a * f, e: i + 1, scaled: false, words: true, fraction: true };
  }

  // ---------------------------------------------------------------- counted noun after a figure
  function isPluralNoun(k: number): boolean {
    const w = low[k];
    if (IRREGULAR_PLURALS.has(w)) return true;
    if (w.length < 4 || w.charCodeAt(w.length - 1) !== 115 /* s */) return false;
    if (NOT_PLURAL.has(w) || /(?:ss|us|is|ous|['’]s)$/.test(w)) return false;
    return /^[\p{L}-]+$/u.test(w);
  }

  function isUnitWord(w: string): boolean {
    return TIME_UNITS.has(w) || MEASURE_UNITS.has(w) || PERCENT_WORDS.has(w);
  }

  /** The noun a figure counts: up to four modifiers, then a plural noun or a unit. */
  function findHead(j: number, sameAs: number): { head: number; mods: number[] } | null {
    const mods: number[] = [];
    for (let k = j, steps = 0; k < n && steps < 5 && sentOf[k] === sentOf[sameAs]; k++, steps++) {
      if (!isWord(k)) {
        // "North Korean-backed" hyphen inside a word is one token; any other punctuation ends the phrase
        break;
      }
      const w = low[k];
      if (isUnitWord(w)) return { head: k, mods };
      if (STOP_WORDS.has(w)) break;
      if (isPluralNoun(k)) return { head: k, mods };
      if (/ly$/.test(w) && !isCapitalised(tokens[k].text)) break;
      mods.push(k);
    }
    return null;
  }

  /** Unit, kind and span end after a figure ending at token j. */
  function unitAfter(i: number, num: NumberParse): Raw | null {
    let j = num.e;
    let kind: ClaimKind = 'count';
    let unit: string | undefined;
    let head: number | undefined;
    let mods: number[] | undefined;
    let start = tokens[i].start;
    let s = i;

    // currency before: "$1.5 billion", "US$5m", "€3", "USD 5 million"
    const p = i - 1;
    if (p >= 0 && sameSentence(i, p) && CURRENCY_SYMBOLS.has(tokens[p].text) && tokens[i].start - tokens[p].end <= 1) {
      kind = 'money';
      unit = CURRENCY_SYMBOLS.get(tokens[p].text);
      s = p;
      start = tokens[p].start;
      if (p - 1 >= 0 && adjacent(p - 1, p) && CURRENCY_PREFIX_LETTERS.has(tokens[p - 1].text)) {
        s = p - 1;
        start = tokens[p - 1].start;
      }
    } else if (p >= 0 && sameSentence(i, p) && CURRENCY_CODES.has(low[p]) && tokens[p].text === tokens[p].text.toUpperCase()) {
      kind = 'money';
      unit = tokens[p].text;
      s = p;
      start = tokens[p].start;
    }

    if (j < n && sameSentence(i, j)) {
      const w = low[j];
      if (tokens[j].text === '%' || w === 'pct' || w === 'percent' || w === 'per-cent' || w === 'pc') {
        kind = 'percent';
        unit = '%';
        j++;
      } else if (w === 'per' && low[j + 1] === 'cent') {
        kind = 'percent';
        unit = '%';
        j += 2;
      } else if ((w === 'percentage' || w === 'basis') && (low[j + 1] === 'point' || low[j + 1] === 'points')) {
        kind = 'percent';
        unit = `${w} points`;
        j += 2;
      } else if (kind !== 'money') {
        // money noun, maybe after a qualifier: "5 mln U.S. dlrs", "2 billion Swiss francs"
        let k = j;
        while (k < n && k < j + 2 && CURRENCY_QUALIFIERS.has(low[k]) && isCapitalised(tokens[k].text)) k++;
        if (k < n && CURRENCY_WORDS.has(low[k]) && (!AMBIGUOUS_CURRENCY.has(low[k]) || (k === j && (num.scaled || !num.words)))) {
          if (!(low[k] === 'p' && !adjacent(k - 1, k))) {
            kind = 'money';
            unit = low[k] === 'u.s.' ? 'dlrs' : low[k];
            j = k + 1;
          }
        } else if (k < n && CURRENCY_CODES.has(low[k]) && tokens[k].text === tokens[k].text.toUpperCase() && k === j) {
          kind = 'money';
          unit = tokens[k].text;
          j = k + 1;
        }
      }
    }

    if (kind === 'count' && j < n && sameSentence(i, j)) {
      let h = findHead(j, i);
      if (!h && low[j] === 'of' && !num.words) {
        // "1,000 of its soldiers"
        let k = j + 1;
        if (k < n && (low[k] === 'the' || low[k] === 'its' || low[k] === 'their' || low[k] === 'his' || low[k] === 'her' || /['’]s$/.test(low[k]))) k++;
        const h2 = findHead(k, i);
        if (h2 && !isUnitWord(low[h2.head])) h = h2;
      }
      if (h) {
        const w = low[h.head];
        head = h.head;
        mods = h.mods;
        j = h.head + 1;
        const lastMod = mods.length ? low[mods[mods.length - 1]] : '';
        if (TIME_UNITS.has(w)) {
          if (low[j] === 'old') {
            kind = 'quantity';
            unit = 'years old';
            j++;
          } else {
            kind = 'duration';
            unit = TIME_UNITS.get(w);
          }
        } else if (MEASURE_UNITS.has(w)) {
          kind = 'quantity';
          unit = UNIT_MODIFIERS.has(lastMod) ? `${lastMod} ${w}` : w;
          if (UNIT_MODIFIERS.has(lastMod)) mods = mods.slice(0, -1);
        } else if (PERCENT_WORDS.has(w)) {
          kind = 'percent';
          unit = '%';
        } else if (CURRENCY_WORDS.has(w) && !AMBIGUOUS_CURRENCY.has(w)) {
          kind = 'money'; // "7.15 billion N.Z. dlrs"
          unit = w;
          mods = [];
        } else {
          unit = GENERIC_PEOPLE.has(w) && w !== 'others' ? 'people' : w;
        }
      }
    }
    const raw: Raw = {
      s, e: j, start, end: tokens[j - 1].end, kind, value: num.value, unit, head, mods,
      bare: kind === 'count' && unit === undefined, words: num.words, scaled: num.scaled,
    };
    if (num.fraction && kind === 'count' && num.words && raw.head === undefined) {
      // "two-thirds of voters": a share
      raw.kind = 'percent';
      raw.unit = '%';
      raw.value = round(num.value * 100);
      raw.bare = false;
    } else if (num.fraction && raw.bare) {
      raw.kind = 'quantity'; // "up 1/8": a price fraction
      raw.bare = false;
    }
    return raw;
  }

  // ---------------------------------------------------------------- dates and times
  function monthAt(k: number): number | undefined {
    if (k < 0 || k >= n) return undefined;
    const t = tokens[k].text;
    if (!isCapitalised(t)) return undefined;
    const w = low[k].endsWith('.') ? low[k].slice(0, -1) : low[k];
    return MONTHS.get(w);
  }

  function dayAt(k: number): number | undefined {
    if (k >= n) return undefined;
    const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(tokens[k].text);
    if (!m) return undefined;
    let d = +m[1];
    // "5 th" written glued as "5TH"
    if (d < 1 || d > 31) return undefined;
    if (k + 1 < n && adjacent(k, k + 1) && ORDINAL_SUFFIX.test(tokens[k + 1].text)) d = +m[1];
    return d;
  }

  function yearAt(k: number): number | undefined {
    if (k >= n || !/^\d{4}$/.test(tokens[k].text)) return undefined;
    const y = +tokens[k].text;
    return y >= 1000 && y <= 2200 ? y : undefined;
  }

  function resolveMonthDay(m: number, d: number | undefined, y: number | undefined, at: number): string | undefined {
    if (d !== undefined && !validDay(m, d, y)) return undefined;
    if (y !== undefined) return isoDate(y, m, d);
    if (fullRef) return isoDate(resolveYear(fullRef, m, d, futureCue(at)), m, d);
    return isoDate(undefined, m, d);
  }

  function dateAtMonth(i: number): Raw | null {
    const m = monthAt(i)!;
    let j = i + 1;
    let d: number | undefined;
    let y: number | undefined;
    const dd = dayAt(j);
    if (dd !== undefined && sameSentence(i, j) && !(j + 1 < n && (low[j + 1] === ':' || isPluralNoun(j + 1)))) {
      d = dd;
      j++;
      if (j < n && adjacent(j - 1, j) && ORDINAL_SUFFIX.test(tokens[j].text)) j++;
      if (j + 1 < n && tokens[j].text === ',' && yearAt(j + 1) !== undefined) {
        y = yearAt(j + 1);
        j += 2;
      } else if (yearAt(j) !== undefined && tokens[j].start - tokens[j - 1].end === 1) {
        y = yearAt(j);
        j++;
      }
    } else if (yearAt(j) !== undefined && sameSentence(i, j)) {
      y = yearAt(j);
      j++;
    } else {
      // a month alone is a date only after a date preposition: "in August", not "The August offensive"
      const prev = i > 0 && sameSentence(i, i - 1) ? low[i - 1] : '';
      const ok = prev !== '' && DATE_PREPOSITIONS.has(prev) && !['the', 'and', 'to', 'on', 'as', 'year', 'this', 'of'].includes(prev);
      const w = low[i].replace(/\.$/, '');
      if (!ok) return null;
      if (AMBIGUOUS_MONTHS.has(w) && w !== 'may' && low[i].length <= 3) return null; // "in Mar" is too ambiguous; "in March" is fine
      if (w === 'may' && i + 1 < n && isWord(i + 1) && !isCapitalised(tokens[i + 1].text) && !STOP_WORDS.has(low[i + 1])) return null; // "in May be"
    }
    const value = resolveMonthDay(m, d, y, i);
    if (!value) return null;
    return { s: i, e: j, start: tokens[i].start, end: tokens[j - 1].end, kind: 'date', value };
  }

  function dateAtDay(i: number, d: number): Raw | null {
    // "28 October 2024", "5th January"
    let j = i + 1;
    if (j < n && adjacent(i, j) && ORDINAL_SUFFIX.test(tokens[j].text)) j++;
    if (low[j] === 'of') j++;
    const m = monthAt(j);
    if (m === undefined || !sameSentence(i, j) || tokens[j].start - tokens[j - 1].end !== 1) return null;
    if (AMBIGUOUS_MONTHS.has(low[j].replace(/\.$/, '')) && low[j].length <= 3 && !/\.$/.test(low[j]) && yearAt(j + 1) === undefined) return null;
    j++;
    let y: number | undefined;
    if (yearAt(j) !== undefined) {
      y = yearAt(j);
      j++;
    } else if (tokens[j]?.text === ',' && yearAt(j + 1) !== undefined) {
      y = yearAt(j + 1);
      j += 2;
    }
    const value = resolveMonthDay(m, d, y, i);
    if (!value) return null;
    return { s: i, e: j, start: tokens[i].start, end: tokens[j - 1].end, kind: 'date', value };
  }

  function timeAt(i: number): Raw | null {
    const tx = tokens[i].text;
    let h: number;
    let min = 0;
    let j = i + 1;
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})[:.](\d{2})$/.exec(tx))) {
      h = +m[1];
      min = +m[2];
      if (tx.includes('.') && !(j < n && AMPM.has(low[j]))) return null;
    } else if (/^\d{1,2}$/.test(tx)) {
      h = +tx;
      if (!(j < n && AMPM.has(low[j]))) return null;
    } else if ((m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(tx)) && j < n && (TIMEZONES.has(low[j]) || low[j] === 'hrs' || low[j] === 'hours' && /^0/.test(tx))) {
      h = +m[1];
      min = +m[2];
    } else return null;
    if (j < n && AMPM.has(low[j]) && sameSentence(i, j)) {
      if (h < 1 || h > 12) return null;
      if (low[j][0] === 'p' && h !== 12) h += 12;
      if (low[j][0] === 'a' && h === 12) h = 0;
      j++;
    }
    if (h > 23 || min > 59) return null;
    if (j < n && TIMEZONES.has(low[j]) && isCapitalisedAll(tokens[j].text) && sameSentence(i, j)) j++;
    else if (j + 1 < n && low[j] === 'local' && low[j + 1] === 'time') j += 2;
    else if (j < n && low[j] === 'hrs') j++;
    const value = `${h < 10 ? '0' : ''}${h}:${min < 10 ? '0' : ''}${min}`;
    return { s: i, e: j, start: tokens[i].start, end: tokens[j - 1].end, kind: 'time', value };
  }

  function isoDateAt(i: number): Raw | null {
    const y = yearAt(i);
    if (y !== undefined && i + 4 < n && tokens[i + 1].text === '-' && adjacent(i, i + 1) && adjacent(i + 1, i + 2) && /^\d{2}$/.test(tokens[i + 2].text) && tokens[i + 3]?.text === '-' && adjacent(i + 2, i + 3) && adjacent(i + 3, i + 4) && /^\d{2}$/.test(tokens[i + 4].text)) {
      const m = +tokens[i + 2].text;
      const d = +tokens[i + 4].text;
      if (validDay(m, d, y)) return { s: i, e: i + 5, start: tokens[i].start, end: tokens[i + 4].end, kind: 'date', value: isoDate(y, m, d) };
    }
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(tokens[i].text);
    if (us && validDay(+us[1], +us[2], +us[3])) return { s: i, e: i + 1, start: tokens[i].start, end: tokens[i].end, kind: 'date', value: isoDate(+us[3], +us[1], +us[2]) };
    return null;
  }

  function relativeDate(i: number): Raw | null {
    const w = low[i];
    if (!ref) return null;
    const mk = (e: number, value: string): Raw => ({ s: i, e, start: tokens[i].start, end: tokens[e - 1].end, kind: 'date', value });
    if (w === 'yesterday' || w === 'today' || w === 'tomorrow' || w === 'tonight') {
      if (i + 1 < n && adjacent(i, i + 1) && /^['’]/.test(tokens[i + 1].text)) return null;
      const r = addDays(ref, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0);
      return mk(i + 1, isoDate(r.y, r.m, r.d));
    }
    if (!fullRef) return null;
    if ((w === 'last' || w === 'next' || w === 'this') && i + 1 < n && (low[i + 1] === 'year' || low[i + 1] === 'month')) {
      if (i + 2 < n && (low[i + 2] === "'s" || low[i + 2] === '’s')) return null;
      const delta = w === 'last' ? -1 : w === 'next' ? 1 : 0;
      if (low[i + 1] === 'year') return mk(i + 2, String(fullRef.y + delta));
      const mm = fullRef.m + delta;
      const yy = fullRef.y + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
      return mk(i + 2, isoDate(yy, ((mm + 11) % 12) + 1));
    }
    const wd = WEEKDAYS.get(w);
    if (wd !== undefined && isCapitalised(tokens[i].text)) {
      // "Monday, Oct. 28, 2024": the date after it is the claim
      if (i + 2 < n && tokens[i + 1].text === ',' && (monthAt(i + 2) !== undefined || dayAt(i + 2) !== undefined)) return null;
      const prev = i > 0 ? low[i - 1] : '';
      const cur = weekday(fullRef);
      let delta: number;
      if (prev === 'next' || (prev === 'on' && futureCue(i))) delta = (wd - cur + 7) % 7 || 7;
      else delta = -((cur - wd + 7) % 7 || (prev === 'last' ? 7 : 0));
      const r = addDays(fullRef, delta);
      return mk(i + 1, isoDate(r.y, r.m, r.d));
    }
    return null;
  }

  function futureCue(i: number): boolean {
    const sent = sents[sentOf[i]];
    return /\b(?:will|is to|are to|shall|scheduled|planned|due|set to|expected|upcoming|next|plans? to|'ll)\b/i.test(text.slice(sent.start, tokens[i].start));
  }

  function timeWord(i: number): Raw | null {
    const w = low[i];
    if (w !== 'noon' && w !== 'midnight' && w !== 'midday') return null;
    const prev = i > 0 ? low[i - 1] : '';
    if (!['at', 'around', 'by', 'until', 'till', 'after', 'before', 'from', 'near', 'past', 'about', 'to', 'since', 'approximately', 'shortly', 'just'].includes(prev)) return null;
    return { s: i, e: i + 1, start: tokens[i].start, end: tokens[i].end, kind: 'time', value: w === 'midnight' ? '00:00' : '12:00' };
  }

  // ---------------------------------------------------------------- ordinals
  function ordinalAt(i: number, value: number): Raw | null {
    const j0 = i + 1 + (i + 1 < n && adjacent(i, i + 1) && ORDINAL_SUFFIX.test(tokens[i + 1].text) ? 1 : 0);
    const isWordOrdinal = !isDigitCode(tokens[i].text.charCodeAt(0));
    if (isWordOrdinal) {
      if (isCapitalised(tokens[i].text)) return null; // "First Interstate Bancorp", "First Lady"
      const prev = i > 0 && sameSentence(i, i - 1) ? low[i - 1] : '';
      if (!(ORDINAL_BEFORE.has(prev) || /['’]s$/.test(prev))) return null;
      if (j0 >= n || !isWord(j0) || !sameSentence(i, j0) || ORDINAL_NOT_BEFORE.has(low[j0]) || STOP_WORDS.has(low[j0])) return null;
      if (tokens[j0].start - tokens[i].end !== 1) return null;
    }
    // the noun phrase after it: "first drone strike", "21st century", "third year"
    let j = j0;
    let last = -1;
    for (let k = j0; k < n && k < j0 + 3 && isWord(k) && sameSentence(i, k) && !STOP_WORDS.has(low[k]); k++) {
      if (monthAt(k) !== undefined || wordValue(low[k]) !== undefined || (k > j0 && /(?:ing|ed)$/.test(low[k]))) break;
      last = k;
      if (PERIOD_NOUNS.has(low[k])) break; // "3RD QTR", "first half"

      if (isPluralNoun(k) || TIME_UNITS.has(low[k])) break;
    }
    if (last >= 0) j = last + 1;
    else if (isWordOrdinal) return null;
    return {
      s: i, e: j, start: tokens[i].start, end: tokens[j - 1].end, kind: 'ordinal', value,
      unit: last >= 0 ? low[last] : undefined, head: last >= 0 ? last : undefined,
    };
  }

  function wordOrdinal(w: string): number | undefined {
    const v = ORDINALS.get(w);
    if (v !== undefined) return v;
    const dash = w.indexOf('-');
    if (dash > 0) {
      const t = TENS.get(w.slice(0, dash));
      const u = ORDINALS.get(w.slice(dash + 1));
      if (t !== undefined && u !== undefined && u < 10) return t + u;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- vague magnitudes
  function vagueAt(i: number): Raw | null {
    // "thousands of civilians", "tens of thousands of people", "a few hundred thousand bags"
    let j = i;
    let value: number | undefined;
    let approx: string;
    const w = low[i];
    if (w === 'tens' || w === 'hundreds') {
      if (low[i + 1] === 'of' && (low[i + 2] === 'thousands' || low[i + 2] === 'millions') && low[i + 3] === 'of') {
        value = (w === 'tens' ? 10 : 100) * VAGUE_MAGNITUDES.get(low[i + 2])!;
        approx = `${w} of ${low[i + 2]}`;
        j = i + 4;
      }
    }
    if (value === undefined) {
      const base = VAGUE_MAGNITUDES.get(w);
      if (base !== undefined && low[i + 1] === 'of') {
        value = base;
        approx = w;
        j = i + 2;
      } else if (VAGUE_QUALIFIERS.has(w) || (w === 'a' && low[i + 1] === 'few')) {
        const k = w === 'a' ? i + 2 : i + 1;
        let mult = 1;
        let e = k;
        while (e < n && (low[e] === 'hundred' || low[e] === 'thousand' || low[e] === 'million' || low[e] === 'billion' || low[e] === 'mln' || low[e] === 'dozen')) {
          mult *= low[e] === 'dozen' ? 12 : SCALES.get(low[e])!;
          e++;
        }
        if (e === k) return null;
        value = VAGUE_QUALIFIERS.get(w === 'a' ? 'few' : w)! * mult;
        approx = w === 'a' ? 'a few' : w;
        const raw = unitAfter(i, { value, e, scaled: true, words: true });
        if (!raw) return null;
        raw.approx = approx;
        return raw;
      } else return null;
    }
    const h = findHead(j, i);
    if (!h || isUnitWord(low[h.head])) return null;
    const unitWord = low[h.head];
    return {
      s: i, e: h.head + 1, start: tokens[i].start, end: tokens[h.head].end, kind: CURRENCY_WORDS.has(unitWord) ? 'money' : 'count', value: value!,
      unit: GENERIC_PEOPLE.has(unitWord) && unitWord !== 'others' ? 'people' : unitWord, head: h.head, mods: h.mods, approx: approx!,
    };
  }

  // ---------------------------------------------------------------- the scan
  const raws: Raw[] = [];
  let i = 0;
  while (i < n) {
    const tx = tokens[i].text;
    const c = tx.charCodeAt(0);
    let r: Raw | null = null;
    let next = i + 1;
    if (isDigitCode(c)) {
      r = digitClaim(i);
      if (r) next = r.e;
      else if (i + 1 < n && adjacent(i, i + 1) && isWord(i + 1)) next = i + 2;
    } else if (isLetterStart(tx)) {
      const w = low[i];
      const dash = w.indexOf('-');
      if (TRIGGER_WORDS.has(w) || (dash > 0 && HYPHEN_HEADS.has(w.slice(0, dash)))) {
        r = wordClaim(i);
        if (r) next = r.e;
      }
    }
    if (r) {
      r = uniform(r);
      addHedges(r, raws.length ? raws[raws.length - 1].e : 0);
      raws.push(r);
      next = Math.max(next, r.e);
    }
    i = Math.max(next, i + 1);
  }

  /** "one in five adults", "3 out of 10 voters": a share, as a percentage. */
  function ratioAt(i: number, a: NumberParse): Raw | null {
    let j = a.e;
    if (low[j] === 'in') j++;
    else if (low[j] === 'out' && low[j + 1] === 'of') j += 2;
    else return null;
    if (j >= n || !sameSentence(i, j)) return null;
    const b = isDigitCode(tokens[j].text.charCodeAt(0)) ? parseDigits(j) : wordValue(low[j]) !== undefined ? parseWords(j) : null;
    if (!b || b.value <= a.value || b.value <= 1) return null;
    const raw = unitAfter(j, b);
    if (!raw || raw.kind !== 'count') return null;
    return {
      s: i, e: raw.e, start: tokens[i].start, end: raw.end, kind: 'percent', value: round((a.value / b.value) * 100), unit: '%',
      head: raw.head, mods: raw.mods, words: a.words,
    };
  }

  function digitClaim(i: number): Raw | null {
    const tx = tokens[i].text;
    if (/\ds$/.test(tx)) return null; // "1990s"
    // glued to a word before it: "x4" never reaches here; "U.S.-24" would
    if (i > 0 && tokens[i - 1].end === tokens[i].start && isWord(i - 1)) return null;
    if (i > 1 && tokens[i - 1].text === '-' && tokens[i - 1].start === tokens[i - 2].end && tokens[i - 1].end === tokens[i].start && isWord(i - 2)) return null;
    if (i > 0 && (tokens[i - 1].text === '#' || low[i - 1] === 'no.' || tokens[i - 1].text === '+') && tokens[i].start - tokens[i - 1].end <= 1) return null;
    const ord = /^(\d+)(st|nd|rd|th)$/i.exec(tx);
    if (ord || (i + 1 < n && adjacent(i, i + 1) && ORDINAL_SUFFIX.test(tokens[i + 1].text) && /^\d+$/.test(tx))) {
      const v = ord ? +ord[1] : +tx;
      if (v >= 1 && v <= 31) {
        const dt = dateAtDay(i, v);
        if (dt) return dt;
      }
      return ordinalAt(i, v);
    }
    const iso = isoDateAt(i);
    if (iso) return iso;
    const tm = timeAt(i);
    if (tm) return tm;
    if (tx.includes(':')) return null;
    if (/^\d{1,2}$/.test(tx)) {
      const dt = dateAtDay(i, +tx);
      if (dt) return dt;
    }
    if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(tx) || /^\d{4}\/\d{2,4}$/.test(tx)) return null; // "1986/87"
    // "10-year", "15-member": a hyphenated modifier, not a claim, except "10-year-old"
    if (i + 2 < n && tokens[i + 1].text === '-' && adjacent(i, i + 1) && adjacent(i + 1, i + 2) && isWord(i + 2)) {
      const age = /^(year|month|week|day)s?-old$/.exec(low[i + 2]);
      if (age) {
        return { s: i, e: i + 3, start: tokens[i].start, end: tokens[i + 2].end, kind: 'quantity', value: Number(tx.replace(/,/g, '')), unit: `${age[1]}s old` };
      }
      return null;
    }
    const num = parseDigits(i);
    if (!num) return null;
    const ratio = ratioAt(i, num);
    if (ratio) return ratio;
    const raw = unitAfter(i, num);
    if (!raw) return null;
    // a year: "in 2014", "the 2024 election", "1988 presidential contenders". News styles write
    // counts from 1,000 up with a comma, so a bare 18xx-20xx is a year unless hedged ("about 2000 people").
    const y = yearAt(i);
    if (y !== undefined && y >= 1800 && y <= 2100 && (raw.kind === 'count' || raw.kind === 'duration') && raw.s === i) {
      const h = hedgeBefore(i);
      const hedged = h !== undefined && !['over', 'under', 'some', 'below', 'above'].includes(h.join(' '));
      const singularTime = raw.kind === 'duration' && raw.head !== undefined && !/s$/.test(low[raw.head]);
      if (!hedged || singularTime) {
        return { s: i, e: i + 1, start: tokens[i].start, end: tokens[i].end, kind: 'date', value: String(y) };
      }
    }
    if (raw.kind === 'count' && !raw.bare && i > 0 && sameSentence(i, i - 1) && isWord(i - 1) && isCapitalised(tokens[i - 1].text) && /^\d+$/.test(tx)) {
      // "Boeing 737 jets", "Flight 370 passengers": a name with a number in it
      const prevTok = i - 1;
      const initial = tokens[prevTok].start === sents[sentOf[i]].start;
      if (!FINANCIAL_LABELS.has(low[prevTok]) && monthAt(prevTok) === undefined && (IDENTIFIER_WORDS.has(low[prevTok]) || !initial) && !isDemonym(tokens[prevTok].text)) return null;
    }
    if (raw.bare) {
      // an identifier, not a count: "Article 5", "Boeing 737", "10 Downing Street"
      const prev = i - 1;
      if (prev >= 0 && sameSentence(i, prev) && isWord(prev) && isCapitalised(tokens[prev].text) && !FINANCIAL_LABELS.has(low[prev]) && monthAt(prev) === undefined && !/[,.]/.test(tx)) {
        const sentStart = sents[sentOf[i]].start;
        if (tokens[prev].start > sentStart || IDENTIFIER_WORDS.has(low[prev])) return null;
      }
      if (prev >= 0 && IDENTIFIER_WORDS.has(low[prev]) && isCapitalised(tokens[prev].text) && !/[,.]/.test(tx)) return null;
      if (raw.e < n && isWord(raw.e) && isCapitalised(tokens[raw.e].text) && sameSentence(i, raw.e) && !isDemonym(tokens[raw.e].text) && monthAt(raw.e) === undefined) {
        // "10 Downing Street", "Apollo 11 crew"
        if (!/[,.]/.test(tx) && num.value < 1000) return null;
      }
    }
    return raw;
  }

  function wordClaim(i: number): Raw | null {
    const w = low[i];
    const tx = tokens[i].text;
    // months, weekdays, relative dates, noon
    if (monthAt(i) !== undefined) return dateAtMonth(i);
    if (WEEKDAYS.has(w) || w === 'yesterday' || w === 'today' || w === 'tomorrow' || w === 'tonight' || ((w === 'last' || w === 'next' || w === 'this') && (low[i + 1] === 'year' || low[i + 1] === 'month'))) return relativeDate(i);
    if (w === 'noon' || w === 'midnight' || w === 'midday') return timeWord(i);
    const ordv = wordOrdinal(w);
    if (ordv !== undefined) {
      if (w === 'second' && (i + 1 >= n || !isWord(i + 1))) return null;
      return ordinalAt(i, ordv);
    }
    if (VAGUE_MAGNITUDES.has(w) || w === 'tens' || VAGUE_QUALIFIERS.has(w) || (w === 'a' && low[i + 1] === 'few')) return vagueAt(i);
    if (!(wordValue(w) !== undefined || w === 'a' || w === 'an' || w === 'half' || w.includes('-'))) return null;
    const num = parseWords(i) ?? fractionWord(i);
    if (!num) return null;
    if (!num.fraction) {
      const ratio = ratioAt(i, num);
      if (ratio) return ratio;
    }
    // "one" alone is rarely a figure: "one of the…", "one conclusion", "no one"
    const isOne = num.value === 1 && !num.scaled;
    if (isOne && (low[i + 1] === 'of' || low[i + 1] === 'another' || (i > 0 && low[i - 1] === 'no'))) return null;
    if (isOne && !isCapitalised(tx) === false && i > 0 && low[i - 1] === 'the') return null;
    const raw = unitAfter(i, num);
    if (!raw) return null;
    raw.one = isOne;
    if (isOne) {
      const hw = raw.head !== undefined ? low[raw.head] : '';
      const singularPerson = PERSON_NOUNS.has(hw);
      if (!(raw.kind !== 'count' || singularPerson)) {
        // "one" with a singular noun is a claim only for people ("one soldier was killed")
        const hk = raw.e < n ? low[raw.e] : '';
        if (!PERSON_NOUNS.has(hk)) return null;
      }
    }
    if (raw.kind === 'count' && raw.head === undefined && isOne) {
      // "one soldier": findHead wants plurals; take the singular person noun
      const k = num.e;
      if (k < n && PERSON_NOUNS.has(low[k])) {
        raw.head = k;
        raw.unit = GENERIC_PEOPLE.has(low[k]) ? 'people' : low[k];
        raw.e = k + 1;
        raw.end = tokens[k].end;
        raw.bare = false;
      } else return null;
    }
    return raw;
  }

  /** The hedge that ends right before token k, as its words. */
  function hedgeBefore(k: number): string[] | undefined {
    if (k <= 0 || !HEDGE_LAST_WORDS.has(low[k - 1]) || !sameSentence(k, k - 1)) return undefined;
    for (const h of HEDGES) {
      const len = h.length;
      if (k - len < 0) continue;
      let ok = true;
      for (let q = 0; q < len && ok; q++) ok = low[k - len + q] === h[q];
      if (ok && sameSentence(k, k - len)) return h;
    }
    return undefined;
  }

  function addHedges(r: Raw, minTok: number): void {
    if (r.kind === 'ordinal') return;
    const k = r.s;
    let h = hedgeBefore(k);
    if (h && k - h.length < minTok) h = undefined; // the words belong to the figure before
    if (h) {
      const hedge = h.join(' ');
      // a date or a time is hedged only by words of nearness ("around December 30", "about 3 a.m.")
      const near = ['around', 'about', 'approximately', 'roughly', 'circa', 'nearly', 'almost'].includes(hedge);
      if ((r.kind !== 'date' && r.kind !== 'time') || near) {
        r.approx = r.approx ?? hedge;
        r.s = k - h.length;
        r.start = tokens[k - h.length].start;
      }
    }
    if (r.kind === 'count' || r.kind === 'quantity' || r.kind === 'money') {
      for (const h of POST_HEDGES) {
        let ok = r.e + h.length <= n;
        for (let q = 0; q < h.length && ok; q++) ok = low[r.e + q] === h[q];
        if (ok && sameSentence(r.s, r.e + h.length - 1)) {
          r.approx = r.approx ?? h.join(' ');
          r.e += h.length;
          r.end = tokens[r.e - 1].end;
          break;
        }
      }
    }
  }

  // ---------------------------------------------------------------- filters and context
  const dlEnds = datelines;
  const kept: Raw[] = [];
  for (const r of raws) {
    if (skipSentence(sentOf[r.s])) continue;
    if (dlEnds.some((d) => r.start >= d.start && r.start < d.end)) continue;
    // a spelled-out number with nothing counted is not a claim ("the two agreed"), unless hedged or scaled
    if (r.bare && r.words && !r.approx && !r.scaled) continue;
    kept.push(r);
  }

  // ranges and lists share the last figure's unit: "340 to 350 cruzados", "1,850 and 1,880 dlrs"
  for (let k = kept.length - 2; k >= 0; k--) {
    const a = kept[k];
    const b = kept[k + 1];
    if (!a.bare || b.bare || sentOf[a.s] !== sentOf[b.s] || a.kind !== 'count') continue;
    if (b.kind === 'date' || b.kind === 'time' || b.kind === 'ordinal') continue;
    const gap = text.slice(a.end, b.start);
    if (!/^\s*(?:to|and|or|-|–|,|, and|and to)\s*$/.test(gap)) continue;
    if (typeof a.value === 'number' && typeof b.value === 'number' && !b.scaled && b.value > 0 && (a.value / b.value > 100 || b.value / a.value > 100)) continue;
    a.kind = b.kind;
    a.unit = b.unit;
    a.bare = false;
    a.head = b.head;
    a.mods = b.mods;
    a.inherited = true;
    if (b.scaled && !a.scaled && typeof a.value === 'number' && typeof b.value === 'number' && a.value < 1000 && b.value >= 1e6) {
      // "1.5 to 2 billion dlrs"
      const scale = [1e12, 1e9, 1e6].find((s) => (b.value as number) >= s)!;
      a.value = round(a.value * scale);
    }
  }

  // an elided noun: "expectations that this number could surge to approximately 12,000"
  let lastCounted: Raw | undefined;
  for (const r of kept) {
    if ((r.kind === 'count' || r.kind === 'money') && !r.bare && r.head !== undefined) lastCounted = r;
    else if (r.bare && lastCounted && (sentOf[r.s] === sentOf[lastCounted.s] || (sentOf[r.s] - sentOf[lastCounted.s] <= 1 && NUMBER_CUE_RE.test(text.slice(sents[sentOf[r.s]].start, r.start))))) {
      r.unit = lastCounted.unit;
      r.kind = lastCounted.kind;
      r.head = lastCounted.head;
      r.mods = lastCounted.mods;
      r.bare = false;
      r.inherited = true;
    }
  }

  let lowerWords: Set<string> | undefined;
  const namesBySentence = new Map<number, { e: number; name: string }[]>();
  const out: Claim[] = [];
  const persons = entities.filter((e) => e.type === 'person');
  const nonPersons = entities.filter((e) => e.type !== 'person');
  let prevCount: Raw | undefined;
  for (const r of kept) {
    const claim: Claim = { text: text.slice(r.start, r.end), start: r.start, end: r.end, kind: r.kind, value: r.value };
    if (r.unit) claim.unit = r.unit;
    if (r.approx) claim.approx = r.approx;
    if (r.kind !== 'date' && r.kind !== 'time' && r.kind !== 'ordinal') {
      if (r.unit === 'others') claim.unit = peopleContext(r) || (prevCount && sentOf[prevCount.s] === sentOf[r.s] && prevCount.unit && personish(prevCount.unit)) ? 'people' : 'others';
      const subject = subjectOf(r, claim.unit, prevCount);
      if (subject) claim.subject = subject;
      if (isExpected(r)) claim.expected = true;
    }
    if (r.kind === 'count' && !r.bare) prevCount = r;
    out.push(claim);
  }
  return out;

  // ---------------------------------------------------------------- helpers needing the scan state
  function peopleContext(r: Raw): boolean {
    return casualtyNear(r) !== undefined;
  }

  function casualtyNear(r: Raw): string | undefined {
    let best: string | undefined;
    let bestDist = Infinity;
    const from = Math.max(0, r.s - 3);
    const to = Math.min(n, r.e + 4);
    for (let k = from; k < to; k++) {
      if (k >= r.s && k < r.e && k !== r.head) continue;
      if (!sameSentence(r.s, k)) continue;
      const v = CASUALTY_VERBS.get(low[k]);
      if (v === undefined) continue;
      const dist = k < r.s ? r.s - k : k - r.e + 1;
      if (dist < bestDist) {
        bestDist = dist;
        best = v;
      }
    }
    return best;
  }

  function subjectOf(r: Raw, unit: string | undefined, prev: Raw | undefined): string | undefined {
    const parts: string[] = [];
    let mods = (r.mods ?? []).filter((k) => !UNIT_MODIFIERS.has(low[k]));
    let proper = mods.some((k) => isCapitalised(tokens[k].text));
    let inheritedFrom: Raw | undefined;
    if (r.kind === 'count' && !proper && prev && prev.mods && NUMBER_CUE_RE.test(text.slice(Math.max(sents[sentOf[r.s]].start, prev.end), r.start))) {
      // "that number … 12,000 troops": what the earlier figure counted
      inheritedFrom = prev;
      const pm = prev.mods.filter((k) => isCapitalised(tokens[k].text));
      if (pm.length) {
        mods = [...pm, ...mods.filter((k) => !pm.includes(k))];
        proper = true;
      }
    }
    if (r.kind === 'count') {
      if (!proper) {
        const q = qualifier(r);
        if (q) parts.push(q);
      }
      for (const k of mods) parts.push(isCapitalised(tokens[k].text) && !(k === r.s) ? stripPossessive(tokens[k].text) : low[k]);
      if (unit) parts.push(unit === 'people' && r.head !== undefined && low[r.head] !== 'others' && !GENERIC_PEOPLE.has(low[r.head]) ? low[r.head] : unit);
      const v = unit && personish(unit) ? casualtyNear(r) : undefined;
      if (v && v !== unit && !parts.includes(v)) parts.push(v);
      void inheritedFrom;
      return parts.length ? parts.join(' ') : undefined;
    }
    if (r.kind === 'percent' && r.head !== undefined) {
      // a share of counted things: "one in five adults"
      return [...mods.map((k) => (isCapitalised(tokens[k].text) ? stripPossessive(tokens[k].text) : low[k])), low[r.head]].join(' ');
    }
    // quantities, money, percentages, durations: what they measure ("of territory"), else the clause's main name
    const of = ofPhrase(r.e);
    if (of) return of;
    if (r.kind === 'duration' || r.kind === 'quantity') return undefined;
    const q = qualifier(r);
    return q ? (unit ? `${q} ${unit}` : q) : undefined;
  }

  function ofPhrase(j: number): string | undefined {
    if (j >= n || !(low[j] === 'of' || (low[j] === 'in' && isWord(j + 1) && !isCapitalised(tokens[j + 1].text)))) return undefined;
    const words: string[] = [];
    for (let k = j + 1; k < n && k < j + 5 && isWord(k) && sameSentence(j, k); k++) {
      if (STOP_WORDS.has(low[k]) && !(words.length === 0 && (low[k] === 'the' || low[k] === 'its' || low[k] === 'their'))) break;
      if (low[k] === 'the' || low[k] === 'its' || low[k] === 'their') continue;
      words.push(isCapitalised(tokens[k].text) ? stripPossessive(tokens[k].text) : low[k]);
      if (isPluralNoun(k)) break;
    }
    return words.length ? words.join(' ') : undefined;
  }

  /** The main non-person name of the clause before the figure ("North Korea" in "North Korea has sent 10,000 troops"). */
  function qualifier(r: Raw): string | undefined {
    const sent = sents[sentOf[r.s]];
    let best: Entity | undefined;
    for (const e of nonPersons) if (e.start >= sent.start && e.end <= r.start && (!best || e.start > best.start)) best = e;
    if (best) return stripPossessive(best.canonical ?? best.text);
    // fallback: the last capitalised run in the sentence before the figure that is not a person,
    // a title or a nationality word (candidates found once per sentence)
    let found: string | undefined;
    for (const c of sentenceNames(sentOf[r.s])) {
      if (c.e > r.s) break;
      found = c.name;
    }
    return found;
  }

  function sentenceNames(si: number): { e: number; name: string }[] {
    let list = namesBySentence.get(si);
    if (list) return list;
    list = [];
    namesBySentence.set(si, list);
    const sent = sents[si];
    const s0 = tokenIndexFrom(sent.start);
    for (let k = s0; k < n && tokens[k].start < sent.end; k++) {
      if (!isWord(k) || !isCapitalised(tokens[k].text)) continue;
      const run = runAt(ctx, k);
      if (!run) continue;
      const runEnd = run.e;
      k = runEnd - 1;
      if (datelines.some((d) => tokens[run.s].start >= d.start && tokens[run.s].start < d.end)) continue;
      if (/^\p{Lu}{6,}$/u.test(tokens[run.s].text)) continue; // a headline or dateline in capitals
      const words = tokens.slice(run.s, runEnd).map((t) => t.text);
      if (words.length === 1 && !isProperWord(run.s)) continue;
      if (words.length === 1 && run.s === s0 && /\p{Ll}s$/u.test(words[0])) continue; // "Analysts suggest…": a common plural
      let ns = run.s;
      for (let q = run.s; q < runEnd - 1; q++) if (TITLE_WORDS.has(low[q])) ns = q + 1; // "Ukrainian President …"
      if (run.s === s0) while (ns < runEnd - 1 && !isProperWord(ns)) ns++; // "Total Bahia sales"
      if (words.every((w) => isDemonym(stripPossessive(w)) || TITLE_WORDS.has(w.toLowerCase()))) continue;
      if (persons.some((p) => p.start < tokens[runEnd - 1].end && tokens[run.s].start < p.end)) continue;
      const next = runEnd < n ? low[runEnd] : '';
      if (run.titled || (looksLikePersonName(run.name) && /^(?:said|says|told|expects|expected|added|wrote|stated|declared|revealed|disclosed|announced|claimed|urged|warned|believes|thinks)$/.test(next))) continue;
      // a figure inside the run ("Apollo 11") never reaches here: runs are words
      list.push({ e: runEnd, name: stripPossessive(tokens.slice(ns, runEnd).map((t) => t.text).join(' ')) });
    }
    return list;
  }

  /** A lone capitalised word is a name when the text never writes it in lower case and it is no
   * month, weekday, number word or roman numeral ("Four people…", "February", "IV" are not). */
  function isProperWord(k: number): boolean {
    const w = low[k];
    if (MONTHS.has(w.replace(/\.$/, '')) || WEEKDAYS.has(w) || STOP_WORDS.has(w) || wordValue(w) !== undefined || wordOrdinal(w) !== undefined) return false;
    if (/^[ivxlc]+$/.test(w) || FINANCIAL_LABELS.has(w) || /ly$/.test(w) || HEDGE_LAST_WORDS.has(w)) return false;
    if (!lowerWords) {
      lowerWords = new Set();
      for (let q = 0; q < n; q++) if (!isCapitalised(tokens[q].text)) lowerWords.add(low[q]);
    }
    return !lowerWords.has(stripPossessive(w));
  }

  function tokenIndexFrom(offset: number): number {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function isExpected(r: Raw): boolean {
    const sent = sents[sentOf[r.s]];
    let from = sent.start;
    const before = text.slice(sent.start, r.start);
    const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—'), before.lastIndexOf(' – '), before.lastIndexOf('('), before.lastIndexOf(', '));
    if (cut >= 0) from = sent.start + cut + 1;
    if (EXPECT_RE.test(text.slice(from, r.start))) return true;
    return EXPECT_AFTER_RE.test(text.slice(r.end, Math.min(sent.end, r.end + 40)));
  }
}

function personish(unit: string): boolean {
  return unit === 'people' || PERSON_NOUNS.has(unit.replace(/s$/, '')) || /(?:ians|ers|ists|ants|ents)$/.test(unit) || unit === 'troops' || unit === 'civilians';
}

function isLetterStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && LETTER_RE.test(s);
}

function isCapitalisedAll(s: string): boolean {
  return s === s.toUpperCase();
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Sentences that carry no claims: page furniture (bylines, credits, share bars) and repeats of an
 * earlier sentence (a caption printed twice). Asked lazily, in text order, only for sentences
 * that hold a figure. */
function furnitureSentences(ctx: TextContext): (s: number) => boolean {
  const { text, sentences, paragraphs } = ctx;
  const seen = new Set<string>();
  const paraMemo = new Int8Array(paragraphs.length); // 0 unknown, 1 furniture, 2 prose
  const sentMemo = new Int8Array(sentences.length);
  return (s: number) => {
    if (sentMemo[s]) return sentMemo[s] === 1;
    const sent = sentences[s];
    const p = sent.paragraph;
    if (!paraMemo[p]) {
      const { start, end } = paragraphs[p];
      paraMemo[p] = end - start <= 160 && FURNITURE_RE.test(text.slice(start, end)) ? 1 : 2;
    }
    let skip = paraMemo[p] === 1;
    if (!skip && sent.end - sent.start >= 30) {
      const key = text.slice(sent.start, sent.end);
      if (seen.has(key)) skip = true;
      else seen.add(key);
    }
    sentMemo[s] = skip ? 1 : 2;
    return skip;
  };
}

const FURNITURE_RE =
  /^(?:by\s+\p{Lu}|photo(?:graph)?s?\b|image\b|credit\b|source:|updated\b|published\b|posted\b|copyright\b|©|\(c\)|reporting by\b|editing by\b|writing by\b|additional reporting\b|read more\b|related\b|share\b|advertisement\b|subscribe\b|sign up\b|follow\b|\d+\s*min(?:ute)?s?\s+read\b|last updated\b|filed under\b|more:|watch:|listen:|getty images|ap photo|reuters\/)|(?:\/(?:AP|Reuters|AFP|Getty Images|EPA|Bloomberg)\s*$)|(?:\b(?:Getty Images|AP Photo|Reuters\/)\b)/iu;
