// Figures made comparable: the counted noun or unit reduced to a class (troops = soldiers =
// forces), amounts scaled ("1.5 bln dlrs"), hedges read as ranges ("at least 9" = [9, ∞)).
import type { Claim } from '../types';
import { lemma } from './phrases';

const UNIT_CLASSES: Record<string, string> = {};
const addClass = (cls: string, words: string) => {
  for (const w of words.split(/\s*,\s*/)) UNIT_CLASSES[w] = cls;
};
addClass('troop', 'troop, soldier, force, serviceman, servicemen, personnel, fighter, combatant, mercenary, recruit, infantry, marine, paratrooper, military personnel, man, men');
addClass('person', 'people, person, individual, civilian, resident, inhabitant, citizen, victim, casualty, life, lives');
addClass('worker', 'worker, employee, staff, job, position');
addClass('usd', 'dlr, dlrs, dollar, usd, us dollar, u.s. dollar, us dlr, u.s. dlr, $, us$, u.s. dlrs, us dlrs');
addClass('eur', 'euro, eur, €');
addClass('gbp', 'pound, sterling, stg, gbp, £');
addClass('jpy', 'yen, jpy, ¥');
addClass('pct', 'pct, percent, per cent, %, percentage point, point');
addClass('bpd', 'bpd, barrel per day, barrels per day, b/d');
addClass('barrel', 'barrel, bbl');
addClass('tonne', 'tonne, ton, t, metric ton, mt');
addClass('km', 'km, kilometer, kilometre');
addClass('sqkm', 'square kilometer, square kilometre, sq km, km2');
addClass('mile', 'mile');
addClass('share', 'share, stock');
addClass('home', 'home, house, building, dwelling');
addClass('drone', 'drone, uav');
addClass('missile', 'missile, rocket');

const DURATION_DAYS: Record<string, number> = { second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5 };
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, mln: 1e6, million: 1e6, mn: 1e6, m: 1e6, bln: 1e9, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, trn: 1e12 };

export interface NormalFigure {
  /** Unit class ("troop", "usd", "day"); '' when unknown. */
  unit: string;
  value: number;
}

/** The claim's value in a comparable scale and its unit class. */
export function normalFigure(claim: Claim): NormalFigure | undefined {
  if (typeof claim.value !== 'number' || !Number.isFinite(claim.value)) return undefined;
  let value = claim.value;
  const raw = (claim.unit ?? '').toLowerCase().trim();
  const words = raw.split(/\s+/).filter(Boolean);
  // A scale word still in the unit means the value was not scaled ("1.5" + "bln dlrs").
  while (words.length && SCALE[words[0]] !== undefined) {
    const mult = SCALE[words.shift()!];
    if (Math.abs(value) < mult) value *= mult;
  }
  if (claim.kind === 'duration') {
    const w = lemma(words[words.length - 1] ?? 'day');
    return { unit: 'day', value: value * (DURATION_DAYS[w] ?? 1) };
  }
  if (claim.kind === 'percent') return { unit: 'pct', value };
  const unitText = words.join(' ');
  return { unit: unitClass(unitText, claim.kind), value };
}

export function unitClass(unit: string, kind?: string): string {
  const u = unit.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!u) return kind === 'money' ? 'money' : '';
  if (UNIT_CLASSES[u]) return UNIT_CLASSES[u];
  const words = u.split(' ');
  // "North Korean troops" → troop; "crude oil exports" keeps its head word.
  for (let i = words.length - 1; i >= 0; i--) {
    const phrase = words.slice(i).join(' ');
    if (UNIT_CLASSES[phrase]) return UNIT_CLASSES[phrase];
    const l = words.slice(i, -1).concat(lemma(words[words.length - 1])).join(' ');
    if (UNIT_CLASSES[l]) return UNIT_CLASSES[l];
  }
  return lemma(words[words.length - 1]);
}

export interface Range {
  lo: number;
  hi: number;
}

/** What a hedged figure allows: "approximately 10,000" = [9,500, 10,500]; "at least 9" = [9, ∞). */
export function figureRange(value: number, approx?: string): Range {
  const a = (approx ?? '').toLowerCase().trim();
  const v = value;
  if (!a) return exact(v);
  if (/^(?:at least|more than|over|above|in excess of|upwards of|no fewer than|no less than|greater than|exceeding|exceeds|beyond|topping|plus)/.test(a)) {
    return { lo: v, hi: Infinity };
  }
  if (/^(?:as many as|as much as|up to|as high as|a maximum of)/.test(a)) return { lo: 0.6 * v, hi: v };
  if (/^(?:at most|no more than|less than|fewer than|under|below|not more than|a maximum|not exceeding)/.test(a)) return { lo: 0, hi: v };
  if (/^(?:nearly|almost|close to|just under|just short of|not quite|approaching)/.test(a)) return { lo: 0.85 * v, hi: v };
  if (/^(?:just over|just above|slightly more than|a little over)/.test(a)) return { lo: v, hi: 1.15 * v };
  if (/^(?:some|about|approximately|around|roughly|an estimated|estimated|circa|ca|approx|~|nearly about|or so|some \d|on the order of|in the region of|thousands|hundreds|dozens)/.test(a)) {
    return { lo: 0.95 * v, hi: 1.05 * v };
  }
  return { lo: 0.95 * v, hi: 1.05 * v };
}

function exact(v: number): Range {
  // A figure is rounded where it is written: 1.52 and 1.5 are the same figure, and so are
  // 1,459,193,000 and "1.46 billion". Only figures with three or more significant digits get
  // this slack: 10,000 and 12,000 stay different.
  if (!Number.isFinite(v) || v === 0) return { lo: v, hi: v };
  const digits = significantDigits(v);
  if (digits.count < 3 && digits.lastPlace >= 0) return { lo: v, hi: v };
  const half = 0.5 * 10 ** digits.lastPlace;
  return { lo: v - half, hi: v + half };
}

/** How many significant digits a number has, and the decimal place of the last one (10^place). */
function significantDigits(v: number): { count: number; lastPlace: number } {
  const s = Math.abs(v).toPrecision(15).replace(/0+$/, '').replace(/\.$/, '');
  const [int, frac = ''] = s.split('.');
  if (frac) {
    const all = (int === '0' ? '' : int) + frac;
    return { count: all.replace(/^0+/, '').length, lastPlace: -frac.length };
  }
  const trimmed = int.replace(/0+$/, '');
  return { count: trimmed.length, lastPlace: int.length - trimmed.length };
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return a.lo <= b.hi * (1 + 1e-9) && b.lo <= a.hi * (1 + 1e-9);
}

/** Kinds whose figures can disagree; dates, clock times and ordinals name points, not amounts. */
export function comparableKind(kind: string): boolean {
  return kind === 'count' || kind === 'quantity' || kind === 'money' || kind === 'percent' || kind === 'duration';
}
