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
  'economy', 'trade', 'health', 'education', 'energy', 'agriculture', 'transport', 'labour', 'labor', 'justice', 'state',
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

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'.-]*$/u;
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

  // Names only: titles and nationality adjectives in front of a person go; a trailing
  // possessive goes; a mention made only of such words is no name.
  const kept: Mention[] = [];
  for (const m of ms) {
    if (m.type === 'person') {
      while (m.from < m.to && (isTitle(doc, m.from) || isDemonym(doc, m.from) || doc.norm[m.from] === '.')) m.from++;
    }
    while (m.from < m.to && /^[\d.,:;-]+$/.test(doc.norm[m.from])) m.from++;
    while (m.to > m.from && (doc.lower[m.to - 1] === "'s" || doc.lower[m.to - 1] === "'" || /^[-,.:;]$/.test(doc.norm[m.to - 1]))) m.to--;
    if (m.to <= m.from) continue;
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

  // Two known names joined by "and" are two names ("The New York Times and Al Jazeera").
  const split: Mention[] = [];
  for (const m of ms) {
    let done = false;
    for (let k = m.from + 1; k < m.to - 1 && !done; k++) {
      if (doc.lower[k] !== 'and' && doc.lower[k] !== '&' && doc.norm[k] !== ',') continue;
      if (known(doc, m.from, k) && known(doc, k + 1, m.to)) {
        split.push({ from: m.from, to: k, type: m.type }, { from: k + 1, to: m.to, type: m.type });
        done = true;
      }
    }
    if (!done) split.push(m);
  }
  ms = split;

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
    if (m.to - m.from >= 3 && /^\p{Lu}\p{L}+/u.test(doc.norm[m.from]) && !full.has(doc.norm[m.from])) full.set(doc.norm[m.from], name);
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
      if (i + 1 < s.to && /^\p{Lu}/u.test(doc.norm[i + 1]) && !covered[i + 1]) continue; // part of a longer name
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
