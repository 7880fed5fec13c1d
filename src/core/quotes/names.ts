// Names without a tagger: runs of capitalised tokens, stripped of titles and nationality words,
// and resolved to the fullest form the article gives ("Zelensky" → "Volodymyr Zelensky",
// "Yoon" → "Yoon Suk Yeol"). Person entities from the tagger take precedence when present; these
// rules are the fallback that works without them.
import type { Entity } from '../types';
import type { TextContext } from '../text/context';
import type { Token } from '../text/tokens';

/** Words of rank and office that stand before a name ("Major General", "Defense Minister"). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'ministers', 'secretary', 'general', 'gen', 'gen.', 'lieutenant', 'lt',
  'lt.', 'colonel', 'col', 'col.', 'major', 'maj', 'maj.', 'captain', 'capt', 'capt.', 'sergeant', 'sgt', 'sgt.',
  'admiral', 'adm', 'adm.', 'commander', 'cmdr', 'cmdr.', 'ambassador', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms',
  'ms.', 'prof', 'prof.', 'professor', 'governor', 'gov', 'gov.', 'senator', 'sen', 'sen.', 'rep', 'rep.',
  'representative', 'congressman', 'congresswoman', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'mayor',
  'judge', 'justice', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chairman', 'chairwoman', 'chair',
  'ceo', 'cfo', 'head', 'leader', 'deputy', 'foreign', 'defense', 'defence', 'culture', 'interior', 'finance', 'economy',
  'health', 'sir', 'lord', 'lady', 'sheikh', 'emir', 'crown', 'premier', 'speaker', 'marshal', 'field', 'brigadier',
  'attorney', 'commissioner', 'envoy', 'president-elect', 'former', 'acting', 'senior', 'supreme', 'top', 'state',
  'ayatollah', 'rabbi', 'reverend', 'rev', 'rev.', 'father', 'bishop', 'archbishop', 'cardinal', 'patriarch', 'chancellor',
  'corporal', 'private', 'officer', 'inspector', 'superintendent', 'detective', 'agent', 'analyst', 'strategist',
  'economist', 'journalist', 'correspondent', 'editor', 'founder', 'executive', 'manager', 'coach', 'striker',
  'opposition', 'parliament', 'parliamentary', 'mp', 'mep', 'pm', 'gov', 'treasurer', 'comptroller', 'auditor',
  'ombudsman', 'minister-president', 'vice-president', 'co-founder', 'commander-in-chief', 'adviser', 'advisor',
  'aide', 'trade', 'energy', 'agriculture', 'education', 'justice', 'transport', 'labour', 'labor', 'environment',
  'security', 'intelligence', 'army', 'navy', 'military', 'armed', 'forces', 'staff', 'joint', 'national', 'regional',
  'governor-general', 'premier', 'sultan', 'crown-prince', 'lawmaker', 'legislator', 'councillor', 'councilor',
]);

/** Capitalised words that begin sentences or name things that are never people. */
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'as', 'but', 'and', 'or', 'if', 'it', 'its',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'there', 'here', 'meanwhile', 'however',
  'also', 'after', 'before', 'while', 'when', 'with', 'without', 'for', 'from', 'by', 'to', 'of', 'amid', 'despite',
  'although', 'though', 'yet', 'so', 'then', 'both', 'all', 'some', 'many', 'most', 'several', 'other', 'others',
  'such', 'what', 'which', 'who', 'why', 'how', 'where', 'no', 'not', 'one', 'two', 'three', 'four', 'five', 'more',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ministry', 'council', 'forces', 'republic', 'department',
  'university', 'army', 'navy', 'union', 'nations', 'office', 'committee', 'agency', 'party', 'government', 'news',
  'times', 'post', 'group', 'bank', 'inc', 'corp', 'co', 'ltd', 'company', 'association', 'institute', 'center',
  'centre', 'foundation', 'court', 'house', 'senate', 'congress', 'parliament', 'kremlin', 'pentagon', 'reuters',
  'telegram', 'twitter', 'facebook', 'x', 'ukraine', 'russia', 'europe', 'america', 'korea', 'china', 'iran', 'war',
  'related', 'sources', 'reports', 'analysts', 'experts', 'observers', 'officials', 'overall', 'furthermore',
  'moreover', 'indeed', 'still', 'now', 'today', 'yesterday', 'tomorrow', 'during', 'under', 'over', 'since', 'until',
  'because', 'according', 'said', 'says', 'like', 'following', 'looking', 'given', 'recent', 'earlier', 'later',
  'region', 'province', 'city', 'state', 'states', 'united', 'north', 'south', 'east', 'west', 'western', 'eastern',
  'northern', 'southern', 'central', 'global', 'international', 'world', 'cold', 'ocean', 'sea', 'river', 'street',
]);

const DEMONYM_RE =
  /^(?:\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|i|ic|ch|ine)|Western|Eastern|Northern|Southern|U\.S\.?|US|UK|EU|UN|British|French|Dutch|Swiss|Greek|Thai|Czech|Welsh|Scottish|Irish|Danish|Swedish|Polish|Turkish|Finnish|Spanish|Kurdish|Israeli|Iraqi|Saudi|Kuwaiti|Yemeni|Pakistani|Afghan|Nepali|Bangladeshi|Chechen|Uzbek|Kazakh|Tajik|Filipino|North|South|East|West)$/u;
export const isDemonym = (w: string) => DEMONYM_RE.test(w);

const UPPER_RE = /^\p{Lu}/u;
export const isCapitalised = (w: string) => UPPER_RE.test(w);
const NAME_CONNECTORS = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'da', 'di', 'du', 'le', 'la', 'dos', 'das', 'del', 'abu']);

export function stripPossessive(w: string): string {
  return w.replace(/['’]s?$/, '');
}

/** Index of the first token starting at or after offset. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface NameRun {
  /** Token range of the whole run, titles included. */
  s: number;
  e: number;
  /** Token range of the name proper, after titles and nationality words. */
  ns: number;
  ne: number;
  /** The name proper as it stands (possessive stripped). */
  name: string;
  start: number;
  end: number;
  titled: boolean;
}

/** The capitalised run that starts at token i (titles and name together), or undefined. */
export function runAt(ctx: TextContext, i: number): NameRun | undefined {
  const { tokens, text } = ctx;
  if (i >= tokens.length || !isCapitalised(tokens[i].text)) return undefined;
  let e = i + 1;
  while (e < tokens.length) {
    const gap = text.slice(tokens[e - 1].end, tokens[e].start);
    if (gap !== ' ' && !(gap === '\n' || /^\n[ \t]*$/.test(gap) && gap.length < 3)) break;
    if (/['’]s$/.test(tokens[e - 1].text)) break; // "Zelenskiy’s sentiments": a possessive ends the name
    const w = tokens[e].text;
    if (isCapitalised(w)) e++;
    else if (NAME_CONNECTORS.has(w) && e + 1 < tokens.length && isCapitalised(tokens[e + 1].text) && text.slice(tokens[e].end, tokens[e + 1].start) === ' ') e += 2;
    else break;
  }
  return describeRun(ctx, i, e);
}

function describeRun(ctx: TextContext, s: number, e: number): NameRun | undefined {
  const { tokens } = ctx;
  let ns = s;
  let titled = false;
  for (let k = s; k < e; k++) {
    const lw = tokens[k].text.toLowerCase();
    if (TITLE_WORDS.has(lw) && k < e - 1) {
      ns = k + 1;
      titled = true;
    }
  }
  while (ns < e - 1 && (isDemonym(tokens[ns].text) || NOT_NAME_WORDS.has(tokens[ns].text.toLowerCase()))) ns++;
  const ne = e;
  if (ns >= ne) return undefined;
  const last = tokens[ne - 1].text;
  const name = tokens.slice(ns, ne).map((t, k) => (ns + k === ne - 1 ? stripPossessive(t.text) : t.text)).join(' ');
  const end = tokens[ne - 1].end - (last.length - stripPossessive(last).length);
  if (!name) return undefined;
  return { s, e, ns, ne, name, start: tokens[ns].start, end, titled };
}

/** Does this look like a person's name (not a place, an organisation or a sentence opener)? */
export function looksLikePersonName(name: string): boolean {
  const words = name.split(' ');
  if (words.length > 4) return false;
  for (const w of words) {
    if (!/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w)) return false;
    if (NOT_NAME_WORDS.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase())) return false;
    if (/^\p{Lu}+$/u.test(w) && w.length > 1 && words.length === 1) return false; // "NATO"
  }
  return !(words.length === 1 && isDemonym(words[0]));
}

/** People the article names, fullest forms first found. */
export class PeopleIndex {
  private full: { name: string; words: string[]; start: number }[] = [];

  constructor(entities: readonly Entity[]) {
    for (const e of entities) if (e.type === 'person') this.add((e.canonical ?? e.text).replace(/\s+/g, ' '), e.start);
  }

  add(name: string, start: number): void {
    const words = name.split(/\s+/);
    while (words.length > 1 && NOT_NAME_WORDS.has(words[0].toLowerCase())) words.shift(); // "Both Schlang"
    name = words.join(' ');
    if (words.length < 2) return;
    if (this.full.some((f) => f.name === name)) return;
    this.full.push({ name, words, start });
  }

  /** The full name a mention stands for: the earliest full name ending with it (a surname), else
   * one beginning with it (a family name written first, "Yoon"), else holding it. */
  resolve(mention: string, before = Infinity): string {
    const m = stripPossessive(mention);
    const words = m.split(/\s+/);
    if (words.length > 1) {
      const longer = this.full.find((f) => f.words.length > words.length && f.name.endsWith(' ' + m));
      return longer ? longer.name : m;
    }
    const pick = (pred: (f: { words: string[]; start: number }) => boolean) => {
      const cands = this.full.filter(pred);
      return cands.find((f) => f.start < before) ?? cands[0];
    };
    const hit = pick((f) => f.words[f.words.length - 1] === m) ?? pick((f) => f.words[0] === m) ?? pick((f) => f.words.includes(m));
    return hit ? (hit as { name: string }).name : m;
  }

  knows(mention: string): boolean {
    const m = stripPossessive(mention);
    return this.full.some((f) => f.name === m || f.words.includes(m));
  }
}

/** Person entity covering [start, end), if the tagger found one. */
export function personEntityAt(entities: readonly Entity[], start: number, end: number): Entity | undefined {
  for (const e of entities) if (e.type === 'person' && e.start < end && start < e.end) return e;
  return undefined;
}

export function entityAt(entities: readonly Entity[], start: number, end: number): Entity | undefined {
  for (const e of entities) if (e.start < end && start < e.end) return e;
  return undefined;
}

export interface Mention {
  /** Resolved full name. */
  name: string;
  start: number;
  end: number;
}

const SPEECHISH_NEXT = /^(?:said|says|told|tells|added|wrote|writes|stated|declared|revealed|disclosed|announced|claimed|warned|noted|explained|insisted|argued|emphasized|emphasised|stressed|commented|expects|believes|thinks|urged|asked|confirmed|acknowledged|admitted|replied|responded|has|had|is|was|also)$/;

/** The last person named before pos (outside the ranges `skip` rejects): the tagger's person
 * entities, or — when the tagger missed one — a titled name, a name the article already gave in
 * full, or a name followed by a speech verb. */
export function lastPersonBefore(
  ctx: TextContext,
  entities: readonly Entity[],
  people: PeopleIndex,
  pos: number,
  skip: (offset: number) => boolean = () => false,
): Mention | undefined {
  const { tokens } = ctx;
  let best: Mention | undefined;
  for (const e of entities) {
    if (e.type === 'person' && e.end <= pos && !skip(e.start) && (!best || e.start > best.start)) {
      best = { name: people.resolve(stripPossessive((e.canonical ?? e.text).replace(/\s+/g, ' ')), e.start), start: e.start, end: e.end };
    }
  }
  const from = Math.max(0, pos - 1500, best ? best.end : 0);
  let fb: Mention | undefined;
  for (let k = tokenIndexAt(tokens, from); k < tokens.length && tokens[k].end <= pos; k++) {
    if (!isCapitalised(tokens[k].text) || skip(tokens[k].start)) continue;
    const run = runAt(ctx, k);
    if (!run) continue;
    k = run.e - 1;
    if (run.end > pos) break;
    if (!looksLikePersonName(run.name)) continue;
    if (entities.some((e) => e.type !== 'person' && e.start < run.end && run.start < e.end)) continue;
    const next = run.e < tokens.length ? tokens[run.e].text.toLowerCase() : '';
    if (run.titled || people.knows(run.name) || SPEECHISH_NEXT.test(next)) {
      fb = { name: people.resolve(run.name.replace(/\s+/g, ' '), run.start), start: run.start, end: run.end };
    }
  }
  return fb ?? best;
}

/** People the article names in full: person entities, titled names ("President Volodymyr
 * Zelensky") and two-word names next to a speech verb or an appositive comma. */
export function buildPeople(ctx: TextContext, entities: readonly Entity[]): PeopleIndex {
  const people = new PeopleIndex(entities);
  const { tokens } = ctx;
  for (let k = 0; k < tokens.length; k++) {
    if (!isCapitalised(tokens[k].text)) continue;
    const run = runAt(ctx, k);
    if (!run) continue;
    k = run.e - 1;
    if (run.ne - run.ns < 2 || !looksLikePersonName(run.name)) continue;
    const next = run.e < tokens.length ? tokens[run.e].text.toLowerCase() : '';
    const prev = run.s > 0 ? tokens[run.s - 1].text.toLowerCase() : '';
    if (run.titled || SPEECHISH_NEXT.test(next) || /^(?:said|says|told|according|by|to|warned|added)$/.test(prev) || next === ',') {
      people.add(run.name.replace(/\s+/g, ' '), run.start);
    }
  }
  return people;
}
