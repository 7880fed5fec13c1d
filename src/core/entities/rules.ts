// From tags to entities, and the news-style rules the tagger is not trusted with alone.
import type { Entity, EntityType } from '../types';
import { TYPE_OF_TAG, type NerDoc } from './features';
import { DEMONYMS, KIND_BIT } from './gazetteer';

interface Mention {
  from: number; // token range [from, to)
  to: number;
  type: EntityType;
  canonical?: string;
}

const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'foreign', 'defence', 'defense', 'interior', 'finance',
  'deputy', 'secretary', 'ambassador', 'envoy', 'governor', 'gov', 'gov.', 'mayor', 'senator', 'sen', 'sen.', 'rep', 'rep.',
  'representative', 'congressman', 'congresswoman', 'speaker', 'judge', 'justice', 'general', 'gen', 'gen.', 'lieutenant',
  'lt', 'lt.', 'major', 'maj', 'maj.', 'brigadier', 'brig.', 'colonel', 'col', 'col.', 'captain', 'capt', 'capt.', 'sergeant',
  'sgt', 'sgt.', 'corporal', 'private', 'admiral', 'adm', 'adm.', 'commander', 'cmdr', 'cmdr.', 'marshal', 'field', 'chief',
  'commissioner', 'chairman', 'chairwoman', 'director', 'spokesman', 'spokeswoman', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.',
  'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess',
  'emperor', 'sheikh', 'sultan', 'emir', 'crown', 'pope', 'cardinal', 'archbishop', 'bishop', 'rev', 'rev.', 'reverend',
  'rabbi', 'imam', 'ayatollah', 'former', 'acting', 'interim', 'culture', 'attorney', 'supreme', 'leader', 'rear', 'coach',
  'presidential', 'regional', 'senior', 'top', 'secretary-general', 'vice-president', 'president-elect', 'ceo', 'executive',
  'justices', 'senators', 'lawmaker', 'spokesperson', 'economy', 'trade', 'health', 'education', 'energy', 'agriculture', 'transport', 'labour', 'labor', 'justice', 'state',
]);

function isTitle(doc: NerDoc, i: number): boolean {
  return TITLE_WORDS.has(doc.lower[i]) || (doc.gzBits[i] & KIND_BIT.title) !== 0;
}

function isDemonym(doc: NerDoc, i: number): boolean {
  if (doc.gzBits[i] & KIND_BIT.demonym) return true;
  // "Russian-Ukrainian", "Anglo-French"
  const w = doc.lower[i];
  return w.includes('-') && w.split('-').every((p) => demonymWords().has(p));
}
let demonymParts: Set<string> | undefined;
function demonymWords(): Set<string> {
  return (demonymParts ??= new Set(DEMONYMS.toLowerCase().split('|')));
}

const EDGE_WORDS = new Set(['of', 'and', 'the', 'in', 'on', 'at', 'for', 'to', 'a', 'an', '&', 'with', 'from', 'by', 'are', 'is', 'amid']);
const NAME_KINDS = KIND_BIT.country | KIND_BIT.city | KIND_BIT.state | KIND_BIT.region | KIND_BIT.org | KIND_BIT.news;

/** Tokens [from, to) are exactly one gazetteer name (a leading "The" aside). */
function known(doc: NerDoc, from: number, to: number): boolean {
  return knownExact(doc, from, to) || (doc.lower[from] === 'the' && to - from > 1 && knownExact(doc, from + 1, to));
}
function knownExact(doc: NerDoc, from: number, to: number): boolean {
  if (!(doc.gzBits[from] & NAME_KINDS) || doc.gzPos[from] === 2) return false;
  if (doc.gzPos[from] === 3) return to === from + 1;
  let k = from + 1;
  while (k < doc.toks.length && doc.gzPos[k] === 2) k++;
  return k === to;
}

const COMPANY_END = /^(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|GmbH|Group|Bank|Holdings)\.?$/;
const STREET_END = /^(?:Street|St\.?|Square|Avenue|Ave\.?|Road|Park|Palace|House|Hall|Hotel|Airport|Stadium|Bridge)$/;
const FIRST_UPPER = /^\p{Lu}/u;
const PLACE_KIND = /^(?:city|cities|town|towns|village|villages|island|islands|region|province|provinces|district|state|port|capital|county|republic|kingdom|suburb|neighbourhood|neighborhood|municipality|oblast)$/;
// Capitalised words that name no one and nowhere.
const NOT_NAMES = new Set(['fahrenheit', 'celsius', 'internet', 'web', 'god', 'mr', 'mrs', 'ms', 'sir', 'madam', 'am', 'pm']);
const STRONG_TITLES = new Set([
  'president', 'minister', 'premier', 'chancellor', 'governor', 'gov.', 'senator', 'sen.', 'rep.', 'gen.', 'lt.', 'col.',
  'maj.', 'capt.', 'sgt.', 'adm.', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'ambassador', 'mayor', 'king', 'queen', 'prince',
  'princess', 'sheikh', 'pope', 'justices', 'judge', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary-general',
  'senators', 'congressman', 'congresswoman', 'lawmaker', 'envoy', 'commissioner', 'chairman', 'chairwoman', 'ceo',
]);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'.-]*$/u;
/** "Jan", "Sept", "Dec." anywhere; "March", "May" only before a day number ("May 1"). */
function isMonth(doc: NerDoc, i: number): boolean {
  const w = doc.norm[i];
  if (/^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/.test(w)) return true;
  return MONTH.test(w) && i + 1 < doc.toks.length && /^\d{1,2}(?:st|nd|rd|th)?$/.test(doc.norm[i + 1]);
}

const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/;

export function postProcess(doc: NerDoc, tags: Int8Array): Entity[] {
  const n = doc.toks.length;
  let ms: Mention[] = [];
  for (let i = 0; i < n; ) {
    const t = tags[i];
    if (t === 0) {
      i++;
      continue;
    }
    const type = TYPE_OF_TAG[t]!;
    let j = i + 1;
    while (j < n && tags[j] === (t % 2 === 1 ? t + 1 : t) && doc.sentOf[j] === doc.sentOf[i]) j++;
    ms.push({ from: i, to: j, type });
    i = j;
  }

  // Datelines: "QUITO, March 11 -", "LONDON 1996-08-30" at the start of a line.
  for (const s of doc.sents) {
    const i = s.from;
    const lineStart = i === 0 || doc.text.lastIndexOf('\n', doc.toks[i].start) >= (i ? doc.toks[i - 1].end : 0);
    if (!lineStart) continue;
    let j = i;
    while (j < s.to && /^\p{Lu}[\p{Lu}.'-]*$/u.test(doc.norm[j]) && doc.norm[j].length > 1) j++;
    if (j === i || j - i > 4) continue;
    const next = doc.norm[j] === ',' ? j + 1 : j;
    const dated = next < n && (MONTH.test(doc.norm[next]) || /^\d{4}-\d\d-\d\d$/.test(doc.text.slice(doc.toks[next].start, doc.toks[next].start + 10)));
    if (!dated || (j < s.to && doc.norm[j] !== ',' && next !== j)) continue;
    ms = ms.filter((m) => m.to <= i || m.from >= j);
    ms.push({ from: i, to: j, type: 'place' });
  }
  ms.sort((a, b) => a.from - b.from);

  // Two people's names never touch: "Mark" + "O'Meara" is one name.
  const merged: Mention[] = [];
  for (const m of ms) {
    const prev = merged[merged.length - 1];
    if (prev && prev.type === 'person' && m.type === 'person' && prev.to === m.from && doc.sentOf[m.from] === doc.sentOf[prev.from]
      && !/\n/.test(doc.text.slice(doc.toks[prev.to - 1].end, doc.toks[m.from].start))) prev.to = m.to;
    else merged.push(m);
  }
  ms = merged;

  // "Texas Gov. Greg Abbott", "Justices Sonia Sotomayor": a title inside a mention, followed by
  // a name, makes that name a person; what stands before the title stays only as a known name.
  const titled: Mention[] = [];
  for (const m of ms) {
    let done = false;
    for (let k = m.from; k < m.to - 1 && !done; k++) {
      if (!STRONG_TITLES.has(doc.lower[k])) continue;
      let ok = true;
      for (let j = k + 1; j < m.to; j++) if (!NAME_WORD.test(doc.norm[j]) || isTitle(doc, j)) ok = false;
      if (!ok) continue;
      let left = k;
      while (left > m.from && (isTitle(doc, left - 1) || isDemonym(doc, left - 1))) left--;
      if (left > m.from && known(doc, m.from, left)) {
        const kind = doc.gzBits[m.from] & (KIND_BIT.org | KIND_BIT.news) ? 'organization' : 'place';
        titled.push({ from: m.from, to: left, type: kind });
      }
      titled.push({ from: k + 1, to: m.to, type: 'person' });
      done = true;
    }
    if (!done) titled.push(m);
  }
  ms = titled;

  // Names only: titles and nationality adjectives in front of a person go; a trailing
  // possessive goes; a mention made only of such words is no name.
  const kept: Mention[] = [];
  for (const m of ms) {
    if (m.type === 'person') {
      while (m.from < m.to && (isTitle(doc, m.from) || isDemonym(doc, m.from) || doc.norm[m.from] === '.')) m.from++;
    }
    while (m.from < m.to && (/^[\d.,:;-]+$/.test(doc.norm[m.from]) || isMonth(doc, m.from))) m.from++;
    while (m.to > m.from && (doc.lower[m.to - 1] === "'s" || doc.lower[m.to - 1] === "'" || /^[-,.:;]$/.test(doc.norm[m.to - 1]) || isMonth(doc, m.to - 1))) m.to--;
    if (m.to <= m.from) continue;
    let roman = true;
    for (let k = m.from; k < m.to; k++) if (!/^[IVX]+$/.test(doc.norm[k])) roman = false;
    if (roman) continue;
    if (m.to - m.from === 1 && NOT_NAMES.has(doc.lower[m.from])) continue;
    let allDemonym = true;
    for (let k = m.from; k < m.to; k++) if (!isDemonym(doc, k)) allDemonym = false;
    if (allDemonym) continue;
    if (m.to - m.from === 1 && isTitle(doc, m.from) && !(doc.gzBits[m.from] & ~KIND_BIT.title)) continue;
    kept.push(m);
  }
  ms = kept;

  // Headlines (ALL-CAPS or Title-Case) capitalise ordinary words: at the edges of a mention
  // such a word stays only if the article also capitalises it mid-sentence or a gazetteer names it.
  ms = ms.filter((m) => {
    const s = doc.sents[doc.sentOf[m.from]];
    if (!s.title) return true;
    const weak = (k: number) =>
      EDGE_WORDS.has(doc.lower[k]) ||
      (doc.lexicon.has(doc.lower[k]) && !doc.docCapMid.has(doc.lower[k]) && !(doc.gzBits[k] & NAME_KINDS));
    while (m.from < m.to && weak(m.from)) m.from++;
    while (m.to > m.from && weak(m.to - 1)) m.to--;
    if (m.to <= m.from) return false;
    for (let k = m.from; k < m.to; k++) if (!isDemonym(doc, k)) return true;
    return false;
  });

  // Bylines: "By Jane Doe and John Roe" on a line of its own.
  for (const s of doc.sents) {
    if (doc.lower[s.from] !== 'by' || s.to - s.from < 3 || s.to - s.from > 12) continue;
    const names: Mention[] = [];
    let i = s.from + 1;
    let ok = true;
    while (i < s.to && ok) {
      let j = i;
      while (j < s.to && NAME_WORD.test(doc.norm[j]) && !isTitle(doc, j)) j++;
      if (j - i < 2 || j - i > 4) ok = false;
      else names.push({ from: i, to: j, type: 'person' });
      i = j;
      if (i < s.to && (doc.lower[i] === 'and' || doc.norm[i] === ',')) i++;
      else if (i < s.to) ok = false;
    }
    const lineEnd = doc.text.indexOf('\n', doc.toks[s.to - 1].end);
    const nextTok = s.to < n ? doc.toks[s.to].start : doc.text.length;
    if (!ok || !names.length || (lineEnd >= 0 ? lineEnd : doc.text.length) > nextTok) continue;
    ms = ms.filter((m) => m.to <= s.from || m.from >= s.to).concat(names);
  }

  // The agency's sign-off on a line of its own ("Reuter") is page furniture, not a mention: tagged,
  // it made one entity of every wire story in a folder and buried the real cross-references.
  for (const s of doc.sents) {
    if (s.to - s.from === 1 && /^Reuters?$/.test(doc.norm[s.from])) ms = ms.filter((m) => m.from !== s.from);
  }
  ms.sort((a, b) => a.from - b.from);

  // Two known names joined by "and" are two names ("The New York Times and Al Jazeera").
  const split: Mention[] = [];
  for (const m of ms) {
    let done = false;
    for (let k = m.from + 1; k < m.to - 1 && !done; k++) {
      const w = doc.lower[k];
      if (w !== 'and' && w !== '&' && w !== ',' && w !== 'in') continue;
      const leftKnown = known(doc, m.from, k);
      const rightKnown = known(doc, k + 1, m.to);
      const complete = leftKnown || COMPANY_END.test(doc.norm[k - 1]) || (w === 'in' && STREET_END.test(doc.norm[k - 1]));
      let cut = false;
      if (w === 'in') cut = complete && FIRST_UPPER.test(doc.norm[k + 1]);
      else if (m.type === 'person') cut = w !== '&';
      else if (w === ',') cut = leftKnown && rightKnown;
      else {
        const single = (i: number) => NAME_WORD.test(doc.norm[i]) && !doc.lexicon.has(doc.lower[i]);
        cut = (leftKnown && rightKnown) || (w === 'and' && complete && FIRST_UPPER.test(doc.norm[k + 1]))
          || (w === 'and' && k - m.from === 1 && m.to - k === 2 && single(m.from) && single(k + 1));
      }
      if (cut) {
        const right: Mention = { from: k + 1, to: m.to, type: m.type };
        if (w === 'in' && rightKnown) right.type = 'place';
        split.push({ from: m.from, to: k, type: m.type }, right);
        done = true;
      }
    }
    if (!done) split.push(m);
  }
  ms = split;

  // "the city of X", "the islands of X and Y": places.
  for (let q = 0; q < ms.length; q++) {
    const m = ms[q];
    if (m.from < 2 || doc.lower[m.from - 1] !== 'of' || !PLACE_KIND.test(doc.lower[m.from - 2])) continue;
    m.type = 'place';
    const next = ms[q + 1];
    if (next && next.from === m.to + 1 && (doc.lower[m.to] === 'and' || doc.norm[m.to] === ',')) next.type = 'place';
  }

  // One name, one kind within an article: the majority reading wins.
  const votes = new Map<string, Map<EntityType, number>>();
  const keyOf = (m: Mention) => doc.lower.slice(m.from, m.to).join(' ');
  for (const m of ms) {
    const v = votes.get(keyOf(m)) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(keyOf(m), v);
  }
  for (const m of ms) {
    const v = votes.get(keyOf(m))!;
    if (v.size < 2) continue;
    let best = m.type;
    for (const [t, c] of v) if (c > v.get(best)!) best = t;
    m.type = best;
  }

  // Agencies and bodies the gazetteer knows by acronym or full name ("Efrem Lukatsky/AP").
  {
    const covered = new Uint8Array(n);
    for (const m of ms) for (let k = m.from; k < m.to; k++) covered[k] = 1;
    let added = false;
    for (let i = 0; i < n; i++) {
      if (covered[i] || !(doc.gzBits[i] & (KIND_BIT.news | KIND_BIT.org)) || (doc.gzPos[i] !== 1 && doc.gzPos[i] !== 3)) continue;
      const s = doc.sents[doc.sentOf[i]];
      if (s.caps) continue;
      let j = i + 1;
      while (j < n && doc.gzPos[j] === 2) j++;
      let free = true;
      for (let k = i; k < j; k++) if (covered[k]) free = false;
      const acronym = j === i + 1 && /^\p{Lu}{2,}$/u.test(doc.norm[i]) && doc.norm[i] !== 'US';
      if (!free || !(acronym || j - i >= 2)) continue;
      ms.push({ from: i, to: j, type: 'organization' });
      added = true;
      i = j - 1;
    }
    if (added) ms.sort((a, b) => a.from - b.from);
  }

  // A name right after a title is a person, even where the tagger hesitated ("leader Lai Ching-te").
  {
    const covered = new Uint8Array(n);
    for (const m of ms) for (let k = m.from; k < m.to; k++) covered[k] = 1;
    let added = false;
    for (let i = 0; i + 1 < n; i++) {
      if (!(STRONG_TITLES.has(doc.lower[i]) || doc.lower[i] === 'leader') || covered[i + 1]) continue;
      const s = doc.sents[doc.sentOf[i]];
      if (s.caps || s.title) continue;
      let j = i + 1;
      let unknown = false;
      while (j < s.to && j - i <= 3 && !covered[j] && NAME_WORD.test(doc.norm[j]) && !isTitle(doc, j) && !isDemonym(doc, j)
        && !(doc.gzBits[j] & NAME_KINDS)) {
        if (!doc.lexicon.has(doc.lower[j])) unknown = true;
        j++;
      }
      if (j === i + 1 || j - i > 3 || !unknown || (j < s.to && FIRST_UPPER.test(doc.norm[j]))) continue;
      ms.push({ from: i + 1, to: j, type: 'person' });
      added = true;
    }
    if (added) ms.sort((a, b) => a.from - b.from);
  }

  // Short forms: a surname (or the family name of a three-part name) once the full name is known.
  const full = new Map<string, string>();
  const byNorm = (m: Mention) => doc.text.slice(doc.toks[m.from].start, doc.toks[m.to - 1].end);
  for (const m of ms) {
    if (m.type !== 'person' || m.to - m.from < 2) continue;
    let clean = true;
    for (let k = m.from; k < m.to; k++) if (!NAME_WORD.test(doc.norm[k]) || isDemonym(doc, k) || isTitle(doc, k)) clean = false;
    if (!clean) continue;
    const name = byNorm(m);
    const last = doc.norm[m.to - 1];
    if (/^\p{Lu}\p{L}+/u.test(last) && !full.has(last)) full.set(last, name);
    // Family name first: "Yoon Suk Yeol" → "Yoon", "Lai Ching-te" → "Lai".
    const familyFirst = m.to - m.from >= 3 || (m.to - m.from === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last));
    if (familyFirst && /^\p{Lu}\p{L}+/u.test(doc.norm[m.from]) && !full.has(doc.norm[m.from])) full.set(doc.norm[m.from], name);
  }
  if (full.size) {
    const covered = new Uint8Array(n);
    for (const m of ms) for (let k = m.from; k < m.to; k++) covered[k] = 1;
    for (const m of ms) {
      if (m.to - m.from !== 1) continue;
      const f = full.get(doc.norm[m.from]);
      if (f) {
        m.type = 'person';
        m.canonical = f;
      }
    }
    for (let i = 0; i < n; i++) {
      if (covered[i]) continue;
      const f = full.get(doc.norm[i]);
      if (!f) continue;
      const s = doc.sents[doc.sentOf[i]];
      if (s.caps) continue;
      if (!s.title && i + 1 < s.to && /^\p{Lu}/u.test(doc.norm[i + 1]) && !covered[i + 1]) continue; // part of a longer name
      ms.push({ from: i, to: i + 1, type: 'person', canonical: f });
    }
    ms.sort((a, b) => a.from - b.from);
  }

  return ms.map((m) => {
    const start = doc.toks[m.from].start;
    const end = doc.toks[m.to - 1].end;
    const e: Entity = { text: doc.text.slice(start, end), type: m.type, start, end };
    if (m.canonical && m.canonical !== e.text) e.canonical = m.canonical;
    return e;
  });
}
