// Calendar helpers for date claims, and the article's own date. Pure arithmetic on UTC dates: the
// machine clock is never read, relative dates are resolved only against a date the article gives.
import type { TextContext } from '../text/context';

/** A reference date: year unknown for Reuters-style datelines ("QUITO, March 11 -"). */
export interface RefDate {
  y?: number;
  m: number;
  d: number;
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n));

export function isoDate(y: number | undefined, m: number, d?: number): string {
  const head = y === undefined ? '-' : String(y).padStart(4, '0');
  return d === undefined ? `${head}-${pad(m)}` : `${head}-${pad(m)}-${pad(d)}`;
}

export function parseIso(s: string | undefined): RefDate | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  const p = /^--(\d{2})-(\d{2})$/.exec(s);
  if (p) return { m: +p[1], d: +p[2] };
  return undefined;
}

export function daysInMonth(m: number, y = 2000): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(m: number, d: number, y?: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(m, y ?? 2000);
}

/** The reference moved by n days; a year-less reference moves within a leap year. */
export function addDays(ref: RefDate, n: number): RefDate {
  const t = new Date(Date.UTC(ref.y ?? 2000, ref.m - 1, ref.d + n));
  return { y: ref.y === undefined ? undefined : t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function weekday(ref: Required<RefDate>): number {
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay();
}

/** The year of a month/day the text gives without one. News reports the past: the most recent
 * such day on or shortly after the reference, unless the clause looks forward ("will meet on
 * January 5") or the past one is most of a year back while the next one is weeks away. */
export function resolveYear(ref: Required<RefDate>, m: number, d: number | undefined, forward: boolean): number {
  const DAY = 86400000;
  const base = Date.UTC(ref.y, ref.m - 1, ref.d);
  const day = d ?? 1;
  const inRefYear = Date.UTC(ref.y, m - 1, day);
  const pastYear = inRefYear <= base + 7 * DAY || (d === undefined && m === ref.m) ? ref.y : ref.y - 1;
  const past = Date.UTC(pastYear, m - 1, day);
  const futureYear = inRefYear > base ? ref.y : ref.y + 1;
  const future = Date.UTC(futureYear, m - 1, day);
  if (forward && future - base <= 366 * DAY) return futureYear;
  if (base - past > 300 * DAY && future - base < 45 * DAY) return futureYear;
  return pastYear;
}

const MONTH_SRC =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const MONTH_NUM: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const monthNum = (s: string) => MONTH_NUM[s.slice(0, 3).toLowerCase()];

// "Oct. 28, 2024", "28 October 2024", "2024-10-28".
const FULL_DATE_RE = new RegExp(
  `\\b${MONTH_SRC}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_SRC},?\\s+(\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
);

/** The first full date in a string, as ISO. */
export function findFullDate(s: string): { iso: string; index: number; length: number } | undefined {
  const m = FULL_DATE_RE.exec(s);
  if (!m) return undefined;
  let y: number, mo: number, d: number;
  if (m[1]) [y, mo, d] = [+m[3], monthNum(m[1]), +m[2]];
  else if (m[5]) [y, mo, d] = [+m[6], monthNum(m[5]), +m[4]];
  else [y, mo, d] = [+m[7], +m[8], +m[9]];
  if (!validDay(mo, d, y) || y < 1800 || y > 2200) return undefined;
  return { iso: isoDate(y, mo, d), index: m.index, length: m[0].length };
}

// A dateline opens a paragraph: "SALVADOR, Feb 26 - ", "OAK BROOK, Ill., March 3 -",
// "KYIV, Ukraine (AP) — ", "LONDON, Oct 29, 2024 (Reuters) - ".
const DATELINE_RE = new RegExp(
  `^[\\p{Lu}][\\p{Lu}\\p{Ll} .'’&-]{1,40}?(?:,\\s*[\\p{Lu}][\\p{L}.]*(?:\\s[\\p{Lu}][\\p{L}.]*){0,2})?,?\\s+` +
    `(?:\\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|CNN)\\)\\s*)?` +
    `(?:${MONTH_SRC}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*)?` +
    `(?:\\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|CNN)\\)\\s*)?[-–—]+(?:\\s|$)`,
  'u',
);

export interface Dateline {
  start: number;
  end: number;
  ref?: RefDate;
}

/** Datelines at the head of the first paragraphs (a dateline is page furniture, not a claim). */
export function findDatelines(ctx: TextContext): Dateline[] {
  const out: Dateline[] = [];
  const paras = ctx.paragraphs;
  for (let p = 0; p < paras.length && p < 3; p++) {
    const head = ctx.text.slice(paras[p].start, Math.min(paras[p].end, paras[p].start + 90));
    const m = DATELINE_RE.exec(head);
    if (!m) continue;
    // A dateline names a place in capitals or carries an agency tag or a date.
    const place = m[0].split(',')[0];
    if (!m[1] && !/\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|CNN)\)/.test(m[0])) continue;
    if (place !== place.toUpperCase() && !/\(/.test(m[0])) continue;
    let ref: RefDate | undefined;
    if (m[1]) {
      const mo = monthNum(m[1]);
      const d = +m[2];
      const y = m[3] ? +m[3] : undefined;
      if (validDay(mo, d, y)) ref = { y, m: mo, d };
    }
    out.push({ start: paras[p].start, end: paras[p].start + m[0].length, ref });
  }
  return out;
}

const DATE_LINE_CUE = /^(?:published|updated|posted|date[d:]?|last\s+updated|first\s+published|created|modified|issued|released)\b/i;
const NOT_DATE_WORDS = /\b(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\b|\b(?:a\.?m|p\.?m|gmt|utc|est|edt|cet|cest|bst|pst|pdt|et|pt|local time|at|on|by|\||·|-|—)\b|\d{1,2}[:.]\d{2}|[\s,|·•—–-]+/gi;

/** The article's own date, when the text states one: a dated dateline, or a short "Published …"
 * or date-only line near the top or the bottom. A day and month without a year give no date. */
export function findArticleDate(ctx: TextContext): string | undefined {
  for (const dl of findDatelines(ctx)) if (dl.ref?.y !== undefined) return isoDate(dl.ref.y, dl.ref.m, dl.ref.d);
  const paras = ctx.paragraphs;
  const candidates: number[] = [];
  for (let p = 0; p < paras.length && p < 6; p++) candidates.push(p);
  for (let p = Math.max(6, paras.length - 3); p < paras.length; p++) candidates.push(p);
  for (const p of candidates) {
    const { start, end } = paras[p];
    if (end - start > 120) continue;
    const line = ctx.text.slice(start, end);
    const found = findFullDate(line);
    if (!found) continue;
    const rest = (line.slice(0, found.index) + line.slice(found.index + found.length)).replace(NOT_DATE_WORDS, '');
    if (DATE_LINE_CUE.test(line.trim()) || rest.length <= 3) return found.iso;
  }
  return undefined;
}
