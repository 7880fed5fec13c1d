// What the corpus index needs to know about one article, computed once per article (in a
// worker, and cached with the analysis): its entities clustered within the article, its figures
// with their subjects, and its key phrases. Everything here depends on this article alone, so
// the cross-article steps can be incremental.
import { sentences } from '../text/sentences';
import { tokenize, type Token } from '../text/tokens';
import type { ArticleAnalysis, Claim, Entity, EntityType } from '../types';
import { fold, nameKey, translit } from './fold';
import { demonymCountry, gazetteerEntry, isAmbiguousPlace, placeSense } from './gazetteer';
import type { MergeReason } from './model';
import { coreName, isAcronymOf, isShoutedName, looksLikeAcronym, namePart, nameTokens, titleCase } from './names';
import { keyPhrases, lemma, STOPWORDS } from './phrases';
import { comparableKind, figureRange, normalFigure, unitClass } from './units';

export const DIGEST_VERSION = 4;

// Regular expressions with \p{…} are made once (a bundler may turn a literal into a constructor call).
const HAS_LETTER = new RegExp('\\p{L}', 'u');
const UPPER_START = new RegExp('^\\p{Lu}', 'u');
const CAPITALISED = new RegExp('^\\p{Lu}\\p{Ll}', 'u');
const PLAIN_WORD = new RegExp("^\\p{L}[\\p{L}'’\\-]*$", 'u');

/** One entity as one article knows it: its mentions, gathered from surname, acronym and spelling forms. */
export interface LocalEntity {
  type: EntityType;
  /** Node key across the corpus: type letter | folded core name [# sense]. */
  key: string;
  /** The fullest, most frequent form in this article. */
  name: string;
  /** More node keys this article shows to be the same entity (an acronym and its expansion). */
  keys?: string[];
  /** Surface forms as written. */
  forms: string[];
  /** Flattened [start, end, formIndex] triples, by start. */
  mentions: number[];
  /** Mentions in the headline or first paragraph. */
  lead: number;
  /** How forms were joined within the article, when the text said so (an acronym spelled out). */
  reasons?: MergeReason[];
  /** The node keys ([key, ...keys]) that are written as acronyms here: they match other names only exactly. */
  acronyms?: string[];
}

export interface ClaimDigest {
  /** Index into `analysis.claims`. */
  i: number;
  /** Unit class ("troop", "usd", "day", "pct"; "" unknown). */
  unit: string;
  value: number;
  lo: number;
  /** null for no upper bound. */
  hi: number | null;
  expected?: boolean;
  /** Subject features: e:<entity>, v:<verb class>, w:<word>. */
  feats: string[];
  /** A few words for the subject, as written. */
  subject: string;
  /** The subject as features (e:, u:, w:), for comparing subjects. */
  subj?: string[];
}

export interface DocumentDigest {
  v: number;
  entities: LocalEntity[];
  claims: ClaimDigest[];
  /** Key phrases: [lemma key, weight, display ('' when the key itself), node keys of the names in its sentences]. */
  terms: [string, number, string, string[]?][];
}

const TYPE_LETTER: Record<EntityType, string> = { person: 'p', place: 'l', organization: 'o' };
export const typeOfKey = (key: string): EntityType => (key[0] === 'p' ? 'person' : key[0] === 'l' ? 'place' : 'organization');

export function nodeKey(type: EntityType, core: string, sense?: string): string {
  return `${TYPE_LETTER[type]}|${nameKey(core)}${sense ? '#' + sense : ''}`;
}

interface Group {
  type: EntityType;
  core: string;
  coreKey: string;
  forms: Map<string, number>;
  mentions: { start: number; end: number; form: string }[];
  parent?: Group;
  keys: Set<string>;
  reasons: MergeReason[];
  sense?: string;
}

const find = (g: Group): Group => {
  while (g.parent) g = g.parent;
  return g;
};

function union(a: Group, b: Group, reason?: MergeReason): void {
  const ra = find(a), rb = find(b);
  if (ra === rb) return;
  // The root is the fuller name.
  const [root, child] = nameTokens(ra.core).length >= nameTokens(rb.core).length ? [ra, rb] : [rb, ra];
  child.parent = root;
  if (reason) root.reasons.push(reason);
}

/** Clusters an article's entity mentions into local entities. */
export function localEntities(text: string, entities: readonly Entity[], leadEnd: number): LocalEntity[] {
  const groups = new Map<string, Group>();
  // One sense per article: a name tagged with several types takes its most frequent one.
  const typeVotes = new Map<string, Map<EntityType, number>>();
  for (const e of entities) {
    const k = nameKey(coreName(e.canonical ?? e.text, e.type));
    let m = typeVotes.get(k);
    if (!m) typeVotes.set(k, (m = new Map()));
    m.set(e.type, (m.get(e.type) ?? 0) + 1);
  }
  const typeOf = (e: Entity): EntityType => {
    const votes = typeVotes.get(nameKey(coreName(e.canonical ?? e.text, e.type)));
    let best = e.type;
    let n = 0;
    for (const [t, c] of votes ?? []) if (c > n || (c === n && t === e.type)) [best, n] = [t, c];
    return best;
  };
  const groupFor = (type: EntityType, name: string): Group => {
    const core = coreName(name, type);
    const key = TYPE_LETTER[type] + '|' + nameKey(core);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { type, core, coreKey: nameKey(core), forms: new Map(), mentions: [], keys: new Set(), reasons: [] }));
    return g;
  };
  const canonicalLinks: [Group, Group][] = [];
  for (const e of entities) {
    const type = typeOf(e);
    const surface = e.text.replace(/\s+/g, ' ').replace(/[’']s$/, '').replace(/[’']$/, '').trim();
    if (!surface || !HAS_LETTER.test(surface)) continue;
    const g = groupFor(type, surface);
    g.forms.set(surface, (g.forms.get(surface) ?? 0) + 1);
    g.mentions.push({ start: e.start, end: e.end, form: surface });
    if (e.canonical && nameKey(coreName(e.canonical, type)) !== g.coreKey) {
      const target = groupFor(type, e.canonical);
      canonicalLinks.push([g, target]);
    }
  }
  for (const [g, target] of canonicalLinks) {
    const part = g.type === 'person' ? namePart(g.core, target.core) : undefined;
    union(g, target, { variant: [...g.forms.keys()][0] ?? g.core, rule: part?.rule ?? 'lexicon', score: part?.score ?? 0.9 });
  }

  const all = [...groups.values()];
  // People: a short form joins the one longer name in the article it is part of.
  const people = all.filter((g) => g.type === 'person').sort((a, b) => nameTokens(b.core).length - nameTokens(a.core).length);
  for (const short of people) {
    if (find(short) !== short && short.parent) continue;
    const n = nameTokens(short.core).length;
    const candidates = new Map<Group, { rule: MergeReason['rule']; score: number }>();
    for (const full of people) {
      if (nameTokens(full.core).length <= n) continue;
      const m = namePart(short.core, full.core);
      if (m) candidates.set(find(full), m);
    }
    if (!candidates.size) continue;
    let chosen: [Group, { rule: MergeReason['rule']; score: number }] | undefined;
    if (candidates.size === 1) chosen = [...candidates][0];
    else {
      // Several: "Bush" with "George Bush" and "Laura Bush". A surname match beats another name part.
      const ranked = [...candidates].sort((a, b) => (a[1].rule === 'surname' ? 0 : 1) - (b[1].rule === 'surname' ? 0 : 1));
      const best = ranked.filter((r) => r[1].rule === ranked[0][1].rule);
      if (best.length === 1) chosen = best[0];
      else {
        // Each mention goes to the name mentioned last before it (or first after it).
        splitAmongNearest(short, best, groups);
        continue;
      }
    }
    if (chosen) union(short, chosen[0], { variant: short.core, rule: chosen[1].rule, score: chosen[1].score });
  }

  // Acronyms spelled out in the text: "North Atlantic Treaty Organization (NATO)", "OPEC (Organization of …)".
  const byStart = [...entities].sort((a, b) => a.start - b.start);
  const paren = /\(\s*([A-Z][A-Za-z.&]{1,11})\s*\)/g;
  let pm: RegExpExecArray | null;
  while ((pm = paren.exec(text))) {
    const acr = pm[1];
    if (!looksLikeAcronym(acr.replace(/s$/, ''))) continue;
    const before = entityEndingNear(byStart, pm.index);
    const expansion = before ? coreName(before.canonical ?? before.text, typeOf(before)) : wordsBefore(text, pm.index, acr.replace(/[.&]/g, '').length);
    if (!expansion || !isAcronymOf(acr, expansion)) continue;
    const type: EntityType = before ? typeOf(before) : 'organization';
    const exp = groupFor(type, expansion);
    const ag = groups.get(TYPE_LETTER[type] + '|' + nameKey(acr));
    if (ag) union(ag, exp, { variant: acr, rule: 'acronym', score: 0.98 });
    else find(exp).keys.add(nodeKey(type, acr));
    if (!before && !exp.mentions.length) {
      const s = pm.index - expansion.length - 1;
      const at = text.lastIndexOf(expansion, pm.index);
      if (at >= 0 && at >= s - 2) {
        exp.forms.set(expansion, 1);
        exp.mentions.push({ start: at, end: at + expansion.length, form: expansion });
      }
    }
  }
  // Acronyms used alongside their expansion without the brackets: "International Energy Agency" … "IEA".
  const multi = all.filter((g) => g.type !== 'person' && nameTokens(g.core).length >= 2);
  for (const g of all) {
    if (g.type === 'person' || !looksLikeAcronym(g.core) || g.core.replace(/[^A-Za-z]/g, '').length < 3) continue;
    const hits = multi.filter((m) => m.type === g.type && isAcronymOf(g.core, m.core));
    if (hits.length === 1 && find(hits[0]) !== find(g)) union(g, hits[0], { variant: g.core, rule: 'acronym', score: 0.85 });
  }
  // Country names and their official or short forms: "United States" and "U.S." in one article.
  const byCountry = new Map<string, Group>();
  for (const g of all) {
    if (g.type === 'person') continue;
    const gz = gazetteerEntry(g.core, g.type) ?? (g.type === 'place' ? demonymCountry(g.core) : undefined);
    if (!gz) continue;
    const prev = byCountry.get(gz.id);
    if (prev) union(g, prev, { variant: g.core, rule: 'alias', score: 1 });
    else byCountry.set(gz.id, g);
  }

  // Names that stand for several places: the rest of the article decides.
  let context: Set<string> | undefined;
  for (const g of all) {
    if (g.type !== 'place' || !isAmbiguousPlace(g.core)) continue;
    context ??= articleContext(text, entities);
    g.sense = placeSense(g.core, context);
  }

  // Gather the clusters.
  const clusters = new Map<Group, Group[]>();
  for (const g of groups.values()) {
    const r = find(g);
    let list = clusters.get(r);
    if (!list) clusters.set(r, (list = []));
    list.push(g);
  }
  const out: LocalEntity[] = [];
  for (const [root, members] of clusters) {
    const mentions = members.flatMap((m) => m.mentions).sort((a, b) => a.start - b.start);
    if (!mentions.length) continue;
    const formCounts = new Map<string, number>();
    for (const m of members) for (const [f, n] of m.forms) formCounts.set(f, (formCounts.get(f) ?? 0) + n);
    const forms = [...formCounts.keys()];
    const formIndex = new Map(forms.map((f, i) => [f, i]));
    const flat: number[] = [];
    let lead = 0;
    for (const m of mentions) {
      flat.push(m.start, m.end, formIndex.get(m.form)!);
      if (m.start < leadEnd) lead++;
    }
    // The name: the fullest core among members, then the most mentioned, then the longest written form.
    const named = fullestGroup(members);
    const keys = new Set<string>();
    const acronyms = new Set<string>();
    for (const m of members) {
      // Short person forms ("Zelensky") are not keys of their own: two people may share them.
      if (m.type === 'person' && m !== named && nameTokens(m.core).length < nameTokens(named.core).length) continue;
      const k = nodeKey(m.type, m.core, m.sense ?? named.sense);
      keys.add(k);
      if ([...m.forms.keys()].every((f) => looksLikeAcronym(coreName(f, m.type)))) acronyms.add(k);
      for (const k2 of m.keys) {
        keys.add(k2);
        acronyms.add(k2);
      }
    }
    const key = nodeKey(named.type, named.core, named.sense);
    keys.delete(key);
    const reasons = members.flatMap((m) => m.reasons);
    out.push({
      type: root.type,
      key,
      name: displayName(named),
      ...(keys.size ? { keys: [...keys].sort() } : {}),
      forms,
      mentions: flat,
      lead,
      ...(reasons.length ? { reasons } : {}),
      ...(acronyms.size ? { acronyms: [...acronyms].sort() } : {}),
    });
  }
  out.sort((a, b) => a.mentions[0] - b.mentions[0]);
  return out;
}

/** Splits a short name's mentions among several full names, each to the nearest one before it. */
function splitAmongNearest(short: Group, cands: [Group, { rule: MergeReason['rule']; score: number }][], groups: Map<string, Group>): void {
  const mentionsOf = (g: Group) => {
    const all: number[] = [];
    for (const x of groups.values()) if (find(x) === g) for (const m of x.mentions) all.push(m.start);
    return all.sort((a, b) => a - b);
  };
  const starts = cands.map(([g]) => mentionsOf(g));
  const parts = new Map<number, Group['mentions']>();
  for (const m of short.mentions) {
    let best = -1, bestAt = -Infinity;
    starts.forEach((s, i) => {
      for (const at of s) if (at < m.start && at > bestAt) [best, bestAt] = [i, at];
    });
    if (best < 0) {
      let first = Infinity;
      starts.forEach((s, i) => {
        if (s.length && s[0] < first) [best, first] = [i, s[0]];
      });
    }
    let list = parts.get(best);
    if (!list) parts.set(best, (list = []));
    list.push(m);
  }
  for (const [i, mentions] of parts) {
    const target = cands[i][0];
    const forms = new Map<string, number>();
    for (const m of mentions) forms.set(m.form, (forms.get(m.form) ?? 0) + 1);
    const piece: Group = { ...short, forms, mentions, keys: new Set(), reasons: [], parent: undefined };
    groups.set(`${TYPE_LETTER[short.type]}|${short.coreKey}#split${i}`, piece);
    union(piece, target, { variant: short.core, rule: cands[i][1].rule, score: cands[i][1].score * 0.9 });
  }
  short.mentions = [];
  short.forms = new Map();
}

/** The entity that ends at most two characters before `at` (entities sorted by start). */
function entityEndingNear(byStart: readonly Entity[], at: number): Entity | undefined {
  let lo = 0, hi = byStart.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid].start < at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = best; i >= 0 && i > best - 3; i--) {
    const e = byStart[i];
    if (e.end <= at && at - e.end <= 2) return e;
  }
  return undefined;
}

function fullestGroup(members: Group[]): Group {
  let best = members[0];
  for (const m of members) {
    const a = nameTokens(m.core).length, b = nameTokens(best.core).length;
    if (a > b || (a === b && (m.mentions.length > best.mentions.length || (m.mentions.length === best.mentions.length && m.core < best.core)))) best = m;
  }
  return best;
}

/** How a group is written most often, preferring the bare name ("Donetsk" over "Donetsk region") and not in capitals. */
function displayName(g: Group): string {
  let best = g.core;
  let bestScore = -Infinity;
  for (const [f, n] of g.forms) {
    const c = coreName(f, g.type);
    const score = n + (isShoutedName(c) ? -1000 : 0);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return isShoutedName(best) ? titleCase(best) : best;
}

/** Up to `n` capitalised words (and the small words between them) just before `at`. */
function wordsBefore(text: string, at: number, n: number): string | undefined {
  const before = text.slice(Math.max(0, at - 200), at).trimEnd();
  const words = before.split(/\s+/);
  const out: string[] = [];
  let caps = 0;
  for (let i = words.length - 1; i >= 0 && caps < n; i--) {
    const w = words[i].replace(/[,;:]$/, '');
    if (UPPER_START.test(w)) caps++;
    else if (!/^(?:of|the|and|for|on|de|la|del|y|&)$/i.test(w)) break;
    out.unshift(w);
  }
  return caps >= 2 ? out.join(' ') : undefined;
}

function articleContext(text: string, entities: readonly Entity[]): Set<string> {
  const ctx = new Set<string>();
  for (const e of entities) ctx.add(nameKey(coreName(e.text, e.type)));
  const words = fold(text).split(/[^\p{L}\p{N}.\-']+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    ctx.add(nameKey(words[i]));
    if (i + 1 < words.length) ctx.add(nameKey(words[i] + ' ' + words[i + 1]));
  }
  return ctx;
}

// ---- figures

const VERB_CLASSES: Record<string, string> = {};
const addVerbs = (cls: string, words: string) => {
  for (const w of words.split(/\s+/)) VERB_CLASSES[w] = cls;
};
addVerbs('deploy', 'send sent sending sends deploy deployed deploying deployment deployments dispatch dispatched transfer transferred move moved arrive arrived arrival');
addVerbs('station', 'station stationed based positioned located present deployed-at');
addVerbs('kill', 'kill killed killing dead death deaths die died fatality fatalities toll perished');
addVerbs('injure', 'injure injured injuring injury injuries wound wounded wounding hurt');
addVerbs('export', 'export exports exported exporting shipment shipments ship shipped');
addVerbs('import', 'import imports imported importing');
addVerbs('halt', 'halt halted halting suspend suspended suspension stop stopped stopping cut shut paralyzed paralysed interrupt interrupted unable');
addVerbs('cost', 'cost costs costing damage damages loss losses lose lost');
addVerbs('repair', 'repair repairs repaired repairing rebuild rebuilt');
addVerbs('produce', 'produce produced producing production output pump pumping pumped');
addVerbs('rise', 'rise rose risen rising increase increased increasing gain gained climb climbed jump jumped surge surged swell grew grow growth');
addVerbs('fall', 'fall fell fallen falling decline declined drop dropped decrease decreased slump slumped shrink');
addVerbs('buy', 'buy bought acquire acquired acquisition purchase purchased offer offered bid takeover');
addVerbs('sell', 'sell sold sale sales divest divested');
addVerbs('owe', 'owe owed owes debt debts loan loans borrow borrowed');
addVerbs('pay', 'pay paid payment payments');
addVerbs('capture', 'capture captured seize seized take took taken control retake retook');
addVerbs('displace', 'displace displaced flee fled refugee refugees evacuate evacuated');

// Verbs of saying and knowing tell who reports a figure, not what it counts.
const REPORTING = new Set(
  ('say said tell told report reported reveal revealed reveal disclose disclosed speak spoke spoken announce announc confirm ' +
    'believe believ estimate estimat claim claimed note not state stat add indicate indicat suggest suggest show shown ' +
    'accord according cite cited quote quoted think thought expect expectation assess assessment acknowledge acknowledg ' +
    'warn warned emphasize emphasiz declare declar mention mentioned write wrote written describe describ').split(' '),
);

const ANAPHORA = /\b(?:this|that|the|such a) (?:number|figure|total|count|amount|estimate)\b/i;

function demonymsIn(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!UPPER_START.test(t)) continue;
    const two = i + 1 < tokens.length ? demonymCountry(t + ' ' + tokens[i + 1].text) : undefined;
    if (two) {
      out.push(two.id);
      i++;
      continue;
    }
    const one = demonymCountry(t);
    if (one) out.push(one.id);
  }
  return out;
}

/** The key an entity is matched by in figure subjects: a country's id, else the neutral spelling of its last word. */
function entityFeature(e: Entity): string {
  const core = coreName(e.canonical ?? e.text, e.type);
  const gz = gazetteerEntry(core, e.type) ?? (e.type === 'place' ? demonymCountry(core) : undefined);
  if (gz) return 'e:' + gz.id;
  const toks = nameTokens(core).map(translit);
  return 'e:' + (e.type === 'person' ? toks[toks.length - 1] : toks.join(' '));
}

/** Figures with their subjects, ready for grouping across articles. */
export function claimDigests(text: string, analysis: ArticleAnalysis, tokens: readonly Token[], sents: readonly { start: number; end: number }[]): ClaimDigest[] {
  const out: ClaimDigest[] = [];
  const claims = analysis.claims;
  const ents = [...analysis.entities].sort((a, b) => a.start - b.start);
  const entStarts = ents.map((e) => e.start);
  // Figures in text order, for the clause bounds.
  const order = claims.map((c, i) => i).filter((i) => comparableKind(claims[i].kind)).sort((a, b) => claims[a].start - claims[b].start);
  let prev: { digest: ClaimDigest; sentence: number } | undefined;
  for (let k = 0; k < order.length && out.length < MAX_CLAIMS; k++) {
    const i = order[k];
    const c = claims[i];
    // "Thousands of troops", "dozens of people": no figure to compare.
    if (c.approx && /^(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions|billions|scores|several|many|a few)$/i.test(c.approx.trim())) continue;
    const fig = normalFigure(c);
    if (!fig) continue;
    const si = sentenceIndex(sents, c.start);
    const sent = sents[si] ?? { start: Math.max(0, c.start - 200), end: Math.min(text.length, c.end + 200) };
    // The clause: from the previous figure in the sentence (or its start) to the next one (or its end).
    let from = sent.start, to = sent.end;
    for (let p = k - 1; p >= 0; p--) {
      const o = claims[order[p]];
      if (o.end <= c.start) {
        // The words after the previous figure ("… two-thirds of total exports") are its own, up to a comma or "and".
        if (o.end > from) from = clauseBreakAfter(text, o.end, c.start);
        break;
      }
    }
    for (let n = k + 1; n < order.length; n++) {
      const o = claims[order[n]];
      if (o.start >= c.end) {
        if (o.start < to) to = o.start;
        break;
      }
    }
    const window = tokensIn(tokens, from, to);
    const feats = new Set<string>();
    for (let e = lowerBound(entStarts, from); e < ents.length && ents[e].start < to; e++) if (ents[e].end <= to) feats.add(entityFeature(ents[e]));
    for (const d of demonymsIn(window)) feats.add('e:' + d);
    const unitWords = new Set((c.unit ?? '').toLowerCase().split(/\s+/).map(lemma));
    // The content words nearest the figure say what it counts; the far end of a long clause less so.
    const words: [string, number][] = [];
    for (const t of window) {
      if (t.start >= c.start && t.end <= c.end) continue;
      const w = t.text.toLowerCase();
      if (!PLAIN_WORD.test(w) || UPPER_START.test(t.text)) continue;
      const cls = VERB_CLASSES[w];
      if (cls) {
        feats.add('v:' + cls);
        continue;
      }
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      const l = lemma(w);
      if (REPORTING.has(l) || REPORTING.has(w.replace(/(?:ed|ing|d)$/, ''))) continue;
      if (unitWords.has(l)) continue;
      words.push([l, t.start >= c.end ? t.start - c.end : c.start - t.end]);
    }
    words.sort((a, b) => a[1] - b[1]);
    for (const [l] of words) {
      if (feats.size >= MAX_CLAIM_FEATURES) break;
      feats.add('w:' + l);
    }
    for (const w of (c.subject ?? '').toLowerCase().split(/\s+/)) {
      const cls = VERB_CLASSES[w];
      if (cls) feats.add('v:' + cls);
    }
    let unit = fig.unit;
    // "that number could surge to approximately 12,000": the figure counts what the last one did.
    if (prev && si - prev.sentence <= 1 && ANAPHORA.test(text.slice(from, c.start))) {
      if (!unit) unit = prev.digest.unit;
      if (unit === prev.digest.unit) for (const f of prev.digest.feats) if (f.startsWith('e:') || f.startsWith('w:')) feats.add(f);
    }
    const r = figureRange(fig.value, c.approx);
    const digest: ClaimDigest = {
      i,
      unit,
      value: fig.value,
      lo: r.lo,
      hi: Number.isFinite(r.hi) ? r.hi : null,
      ...(c.expected ? { expected: true } : {}),
      feats: [...feats].sort(),
      subject: subjectOf(c, text, ents, from, to),
    };
    const subj = subjectFeatures(digest.subject, unit);
    if (subj.length) digest.subj = subj;
    // A figure whose clause names no one and nowhere cannot be matched across articles; it is
    // still what a following "that number" refers to.
    if (digest.feats.some((f) => f[0] === 'e')) out.push(digest);
    prev = { digest, sentence: si };
  }
  return out;
}

/** Where the phrase after a figure ends: the next comma, semicolon or joining word, else `limit`. */
function clauseBreakAfter(text: string, at: number, limit: number): number {
  const m = /[,;:(]|\s(?:and|or|but|while|whereas|with|compared|against|versus|from)\s/i.exec(text.slice(at, limit));
  return m ? at + m.index : at;
}

/** A claim's subject features at most (names, verbs, then the nearest words). */
const MAX_CLAIM_FEATURES = 14;

/** More figures than this in one article are a table, not claims to compare. */
const MAX_CLAIMS = 80;

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The subject's words as comparable features: "North Korean soldiers" → e:country:north korea, u:troop. */
function subjectFeatures(subject: string, unit: string): string[] {
  const out = new Set<string>();
  const words = subject.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/[’']s$/, '').replace(/[^\p{L}\p{N}.\-]/gu, '');
    if (!w) continue;
    const two = i + 1 < words.length ? words[i] + ' ' + words[i + 1].replace(/[’']s$/, '') : '';
    const gz2 = two ? gazetteerEntry(two) ?? demonymCountry(two) : undefined;
    if (gz2) {
      out.add('e:' + gz2.id);
      i++;
      continue;
    }
    const gz = UPPER_START.test(w) ? gazetteerEntry(w) ?? demonymCountry(w) : undefined;
    if (gz) out.add('e:' + gz.id);
    else if (unitClass(w) === unit && unit) out.add('u:' + unit);
    else if (UPPER_START.test(w)) out.add('e:' + translit(nameKey(w)));
    else if (!STOPWORDS.has(w.toLowerCase()) && w.length > 2) out.add('w:' + (VERB_CLASSES[w.toLowerCase()] ?? lemma(w)));
  }
  if (unit) out.add('u:' + unit);
  return [...out].sort();
}

function subjectOf(c: Claim, text: string, ents: readonly Entity[], from: number, to: number): string {
  if (c.subject) return c.subject;
  const unit = c.unit ?? '';
  // "3,000 North Korean troops": the words between the number and the unit name who.
  const after = text.slice(c.start, c.end).replace(/^[^\d]*[\d.,]+\s*(?:mln|bln|million|billion|thousand)?\s*/i, '').trim();
  if (after && after.split(/\s+/).length >= 2) return after;
  const near = ents.filter((e) => e.start >= from && e.end <= to);
  const who = near.length ? coreName(near[0].canonical ?? near[0].text, near[0].type) : '';
  return [who, after || unit].filter(Boolean).join(' ') || c.text;
}

function sentenceIndex(sents: readonly { start: number; end: number }[], at: number): number {
  let lo = 0, hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sents[mid].end <= at) lo = mid + 1;
    else if (sents[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, sents.length - 1);
}

function tokensIn(tokens: readonly Token[], from: number, to: number): Token[] {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i].end <= to; i++) out.push(tokens[i]);
  return out;
}

// ---- the whole digest

/** Everything the corpus index needs from one article. Pure; deterministic. */
export function digestArticle(text: string, analysis: ArticleAnalysis): DocumentDigest {
  const tokens = tokenize(text);
  const sents = sentences(text);
  // The lead: the headline and the first paragraph after it.
  const firstBreak = text.indexOf('\n');
  const leadEnd = Math.min(text.length, firstBreak < 0 ? 600 : Math.max(firstBreak + 400, 300));
  const entities = localEntities(text, analysis.entities, leadEnd);
  const claims = claimDigests(text, analysis, tokens, sents);
  const skip: [number, number][] = analysis.entities.map((e) => [e.start, e.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  const breaks = sents.map((s) => s.end);
  const phrases = keyPhrases(tokens, { leadEnd, skip, max: 20, breaks });
  // Which names share a sentence with each phrase ("North Korean troops … Russia"), for labels.
  const bySentence = new Map<number, Map<string, number>>();
  const note = (si: number, key: string) => {
    let m = bySentence.get(si);
    if (!m) bySentence.set(si, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  for (const le of entities) for (let i = 0; i < le.mentions.length; i += 3) note(sentenceIndex(sents, le.mentions[i]), le.key);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!CAPITALISED.test(t)) continue;
    const two = i + 1 < tokens.length && UPPER_START.test(tokens[i + 1].text) ? demonymCountry(t + ' ' + tokens[i + 1].text) : undefined;
    const gz = two ?? demonymCountry(t);
    if (gz) note(sentenceIndex(sents, tokens[i].start), nodeKey('place', gz.name));
  }
  // The written form only when it is not the key; the names near a phrase only for the heaviest
  // phrases (they are what a label is made of).
  const terms = phrases.map((p, rank) => {
    const weight = Math.round(p.count * 10) / 10;
    const display = p.display === p.key ? '' : p.display;
    if (rank >= 6) return [p.key, weight, display] as [string, number, string];
    const near = new Map<string, number>();
    for (const si of p.sentences) for (const [k, n] of bySentence.get(si) ?? []) near.set(k, (near.get(k) ?? 0) + n);
    const top = [...near].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([k]) => k);
    return (top.length ? [p.key, weight, display, top] : [p.key, weight, display]) as [string, number, string, string[]?];
  });
  return { v: DIGEST_VERSION, entities, claims, terms };
}
