// Who a statement is credited to, and how firmly.
//
// Four shapes, found with token look-ups around a small set of reporting verbs (no NLP library):
//   source + verb      "Pentagon officials have confirmed", "Analysts suggest", "Zelensky said",
//                      "Dr. Emily Carter, a senior strategist …, commented", "what many describe"
//   verb + source      after a quote: "…,” said Oleksandr Petrenko
//   according to X     "according to Reuters", "according to Ukrainian authorities"
//   by-phrase          "as reported by multiple news outlets"
// and two sourceless ones: passives ("North Korea is believed to", "it is said") and hearsay
// adverbs ("reportedly").
//
// Vague = no named, checkable source: analysts, experts, observers, reports, sources, many, some;
// officials or authorities qualified only by a country ("Western officials", "U.S. officials").
// A named organisation or person makes it named ("Pentagon officials", "the Ukrainian military").
// `reason` says what a reviewer must chase ("no named source", "unnamed reports", …).
import type { Attribution, Entity } from '../types';
import type { TextContext } from '../text/context';
import { buildPeople, TITLE_WORDS, isCapitalised, isDemonym, lastPersonBefore, looksLikePersonName, runAt, stripPossessive, type PeopleIndex } from '../quotes/names';

/** Verbs that credit a statement (speech, reporting, estimates, beliefs). */
const ATTR_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'state', 'reported', 'reports', 'report', 'confirmed',
  'confirms', 'confirm', 'announced', 'announces', 'announce', 'claimed', 'claims', 'claim', 'declared', 'declares',
  'added', 'adds', 'noted', 'notes', 'note', 'wrote', 'writes', 'write', 'warned', 'warns', 'warn', 'estimated',
  'estimates', 'estimate', 'believe', 'believes', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates',
  'indicated', 'posited', 'posit', 'posits', 'argued', 'argue', 'argues', 'contend', 'contends', 'contended', 'insisted',
  'insist', 'insists', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'revealed', 'reveals', 'disclosed',
  'discloses', 'emphasized', 'emphasised', 'emphasize', 'emphasizes', 'stressed', 'stresses', 'explained', 'explains',
  'commented', 'comments', 'caution', 'cautions', 'cautioned', 'predicted', 'predict', 'predicts', 'speculated',
  'speculate', 'speculates', 'alleged', 'allege', 'alleges', 'maintained', 'maintain', 'maintains', 'asserted', 'assert',
  'asserts', 'expects', 'expect', 'describe', 'describes', 'described', 'think', 'thinks', 'fear', 'fears', 'feared',
  'countered', 'counter', 'counters', 'expressed', 'underscored', 'highlighted', 'show', 'shows', 'showed', 'found',
  'find', 'finds', 'assessed', 'assess', 'assesses', 'concluded', 'conclude', 'concludes', 'observed', 'observe',
  'observes', 'stating', 'saying', 'indicating', 'suggesting', 'claiming', 'reporting', 'tweeted', 'posted', 'testified',
  'recalled', 'replied', 'responded', 'echoed', 'conceded', 'denied', 'denies', 'deny',
  'projected', 'projects', 'forecast', 'forecasts', 'calculated', 'calculate', 'calculates', 'point', 'pointed',
]);

/** Participles/-ing forms only credit when glued to their source ("sources indicating"). */
const PARTICIPLE_VERBS = new Set(['stating', 'saying', 'indicating', 'suggesting', 'claiming', 'reporting']);

const AUX = new Set([
  'have', 'has', 'had', 'also', 'previously', 'reportedly', 'openly', 'recently', 'now', 'repeatedly', 'would', 'will',
  'could', 'may', 'might', 'widely', 'generally', 'largely', 'often', 'long', 'already', 'since', 'further', 'later',
  'earlier', 'once', 'again', 'still', 'even', 'privately', 'publicly', 'separately', 'then', 'firmly', 'consistently',
  'increasingly', 'do', 'does', 'did', 'not', 'never',
]);

type VagueKind = 'people' | 'reports' | 'sources' | 'officials';
/** Heads of vague sources, with what a reviewer must chase. */
const VAGUE_HEADS = new Map<string, VagueKind>([
  ['analysts', 'people'], ['analyst', 'people'], ['experts', 'people'], ['expert', 'people'], ['observers', 'people'],
  ['critics', 'people'], ['commentators', 'people'], ['scholars', 'people'], ['economists', 'people'],
  ['specialists', 'people'], ['watchers', 'people'], ['insiders', 'people'], ['people', 'people'], ['residents', 'people'],
  ['witnesses', 'people'], ['many', 'people'], ['some', 'people'], ['others', 'people'], ['most', 'people'],
  ['few', 'people'], ['several', 'people'], ['researchers', 'people'], ['strategists', 'people'],
  ['supporters', 'people'], ['opponents', 'people'], ['skeptics', 'people'], ['sceptics', 'people'],
  ['investors', 'people'], ['traders', 'people'], ['dealers', 'people'], ['bankers', 'people'], ['diplomats', 'officials'],
  ['reports', 'reports'], ['report', 'reports'], ['outlets', 'reports'], ['media', 'reports'], ['press', 'reports'],
  ['studies', 'reports'], ['surveys', 'reports'], ['polls', 'reports'], ['accounts', 'reports'], ['rumors', 'reports'],
  ['rumours', 'reports'], ['websites', 'reports'], ['publications', 'reports'], ['estimates', 'reports'],
  ['assessments', 'reports'], ['documents', 'reports'], ['data', 'reports'], ['figures', 'reports'],
  ['sources', 'sources'], ['source', 'sources'], ['insider', 'sources'], ['officials', 'officials'],
  ['official', 'officials'], ['leaders', 'officials'], ['spokesman', 'officials'], ['spokeswoman', 'officials'],
  ['spokesperson', 'officials'], ['aides', 'officials'], ['aide', 'officials'], ['authorities', 'officials'],
  ['representatives', 'officials'], ['lawmakers', 'officials'], ['members', 'officials'],
]);

const REASONS: Record<VagueKind | 'passive' | 'hearsay', string> = {
  people: 'no named source',
  reports: 'unnamed reports',
  sources: 'unnamed sources',
  officials: 'unnamed officials',
  passive: 'passive attribution, no source',
  hearsay: 'hearsay adverb, no source',
};

/** Named institutions: "the Ukrainian military has reported", "Russia's defense ministry countered". */
const INSTITUTION_HEADS = new Set([
  'military', 'ministry', 'government', 'army', 'navy', 'police', 'office', 'administration', 'agency', 'department',
  'council', 'committee', 'commission', 'court', 'company', 'firm', 'bank', 'board', 'kremlin', 'presidency', 'cabinet',
  'parliament', 'forces', 'command', 'staff', 'service', 'services', 'embassy', 'mission', 'secretariat', 'group',
  'corporation', 'union', 'alliance', 'organization', 'organisation', 'institute', 'center', 'centre', 'prosecutors',
  'prosecutor', 'statement', 'communique', 'newspaper', 'agency', 'broadcaster', 'network', 'channel', 'tribunal',
  'regulator', 'watchdog', 'inspectorate', 'governor', 'mayor', 'president', 'minister', 'secretary', 'chairman',
  'coalition', 'bureau',
]);

/** Words that may stand inside a source phrase before its head. */
const NP_MODIFIERS = new Set([
  'the', 'a', 'an', 'some', 'many', 'most', 'several', 'other', 'few', 'certain', 'numerous', 'multiple', 'various',
  'independent', 'western', 'senior', 'local', 'military', 'government', 'intelligence', 'security', 'industry', 'unnamed',
  'anonymous', 'recent', 'media', 'news', 'foreign', 'top', 'defense', 'defence', 'health', 'state', 'federal', 'regional',
  'international', 'political', 'military', 'market', 'financial', 'legal', 'and', 'both', 'one', 'two', 'three', 'earlier',
  'previous', 'unconfirmed', 'initial', 'preliminary', 'official', 'private', 'some', 'those', 'these', 'such', 'all',
  'informed', 'knowledgeable', 'close', 'western', 'leading', 'prominent', 'independent', 'outside', 'u.s.', 'us', 'eu',
  'un', 'nato', 'press', 'company', 'ministry', 'army', 'police', 'party', 'opposition', 'white', 'house', 'foreign',
  'economic', 'energy', 'oil', 'trade', 'interior', 'justice', 'finance', 'economy', 'agriculture', 'education',
]);

const PRONOUN_SOURCES = new Set(['he', 'she']);

const HEARSAY = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'rumoredly', 'rumouredly', 'ostensibly']);
const PASSIVE_PARTS = new Set(['believed', 'said', 'reported', 'thought', 'understood', 'alleged', 'rumored', 'rumoured', 'claimed', 'suspected', 'feared', 'known', 'estimated']);
/** Participles that take "to" in ordinary, unattributed senses ("is known to", "is claimed to"). */
const NOT_PASSIVE_TO = new Set(['known', 'claimed', 'feared']);
const PASSIVE_ADVERBS = new Set(['widely', 'generally', 'also', 'now', 'often', 'commonly', 'still']);
const BE = new Set(['is', 'are', 'was', 'were', 'been']);
const BY_VERBS = new Set(['reported', 'stated', 'confirmed', 'announced', 'claimed', 'cited', 'quoted', 'estimated', 'said', 'published']);

export function extractAttributions(ctx: TextContext, entities: readonly Entity[]): Attribution[] {
  const { text, tokens } = ctx;
  const n = tokens.length;
  if (!n) return [];
  const out: Attribution[] = [];
  let people: PeopleIndex | undefined;
  const peopleIdx = () => (people ??= buildPeople(ctx, entities));
  const lows: string[] = new Array(n);
  for (let k = 0; k < n; k++) lows[k] = tokens[k].text.toLowerCase();
  const low = (k: number) => lows[k];
  const sentStarts = new Set(ctx.sentences.map((s) => s.start));
  let lowerWords: Set<string> | undefined;

  // One pass over the tokens: source + verb, verb + source after a quote, "according to X",
  // "reported by X", passives ("is believed to", "it is said") and hearsay adverbs ("reportedly").
  for (let k = 0; k < n; k++) {
    const w = low(k);
    if (HEARSAY.has(w)) {
      out.push({ text: tokens[k].text, start: tokens[k].start, end: tokens[k].end, source: 'unspecified', vague: true, reason: REASONS.hearsay });
      continue;
    }
    if (w === 'according' && k + 1 < n && low(k + 1) === 'to') {
      const a = sourceForward(k + 2, tokens[k].start);
      if (a) out.push(a);
      continue;
    }
    if (w === 'by' && k > 0 && BY_VERBS.has(low(k - 1))) {
      const a = sourceForward(k + 1, tokens[k - 1].start);
      if (a) out.push(a);
      continue;
    }
    if (PASSIVE_PARTS.has(w)) {
      const a = passiveAt(k);
      if (a) {
        out.push(a);
        continue;
      }
    }
    if (!ATTR_VERBS.has(w) || !/^\p{Ll}/u.test(tokens[k].text)) continue; // "United States" is no verb
    if (NOUN_OR_VERB.has(w) && k + 1 < n && nounFollowerAt(k + 1)) continue; // "the Tower report said", "a report made public"
    const a = sourceBefore(k) ?? sourceAfterQuote(k);
    if (a) out.push(a);
  }

  function passiveAt(k: number): Attribution | undefined {
    let b = k - 1;
    if (b >= 0 && PASSIVE_ADVERBS.has(low(b))) b--;
    if (b < 0 || !BE.has(low(b))) return undefined;
    let it = b - 1;
    if (low(b) === 'been' && it >= 0 && (low(it) === 'has' || low(it) === 'had')) it--;
    let start: number;
    if (it >= 0 && low(it) === 'it') start = tokens[it].start; // "it is believed", "it has been reported"
    else if (low(b) !== 'been' && k + 1 < n && low(k + 1) === 'to' && !NOT_PASSIVE_TO.has(low(k))) start = tokens[b].start; // "is believed to"
    else return undefined;
    return { text: text.slice(start, tokens[k].end), start, end: tokens[k].end, source: 'unspecified', vague: true, reason: REASONS.passive };
  }

  /** The source phrase starting at token k0 ("according to Chechen leader Ramzan Kadyrov, …"). */
  function sourceForward(k0: number, start: number): Attribution | undefined {
    let k = k0;
    while (k < n && k < k0 + 9 && isWordTok(k)) {
      const lw = low(k);
      const ok = isCapitalised(tokens[k].text) || NP_MODIFIERS.has(lw) || VAGUE_HEADS.has(lw) || INSTITUTION_HEADS.has(lw) || /['’]s$/.test(lw) ||
        ((lw === 'of' || lw === 'for' || lw === 'on' || lw === 'by') && k + 1 < n && (isCapitalised(tokens[k + 1].text) || /^(?:the|a|an)$/.test(low(k + 1)))) ||
        (k > k0 && /^\p{Ll}+$/u.test(lw) && !/(?:ed|ing|ly)$/.test(lw) && k + 1 < n && (VAGUE_HEADS.has(low(k + 1)) || INSTITUTION_HEADS.has(low(k + 1))));
      if (!ok) break;
      k++;
    }
    while (k > k0 && /^(?:of|for|on|by|the|a|an|and)$/.test(low(k - 1))) k--;
    if (k === k0) return undefined;
    const verdict = classify(k0, k, false);
    if (!verdict) return undefined;
    return make(start, tokens[k - 1].end, verdict, tokens[k0].start);
  }

  // in text order, overlaps dropped (the first found, the longer, wins)
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Attribution[] = [];
  for (const a of out) {
    const last = kept[kept.length - 1];
    if (last && a.start < last.end) continue;
    kept.push(a);
  }
  return kept;

  // ------------------------------------------------------------------ helpers
  function nounFollowerAt(k: number): boolean {
    const w = low(k);
    return ATTR_VERBS.has(w) || AUX.has(w) || /^(?:is|was|are|were|made|released|published|issued|of|by|on|from|in)$/.test(w) || (/ed$/.test(w) && /^\p{Ll}/u.test(tokens[k].text));
  }

  function isWordTok(k: number): boolean {
    return /^[\p{L}\p{N}]/u.test(tokens[k].text);
  }

  function sourceBefore(v: number): Attribution | undefined {
    let k = v - 1;
    let steps = 0;
    while (k >= 0 && steps < 3 && AUX.has(low(k))) {
      k--;
      steps++;
    }
    if (k < 0) return undefined;
    if (PARTICIPLE_VERBS.has(low(v)) && k !== v - 1) return undefined;
    // an appositive: "Dr. Emily Carter, a senior strategist at the Council on Foreign Relations, commented"
    if (tokens[k].text === ',') {
      if (PARTICIPLE_VERBS.has(low(v))) return undefined;
      let q = k - 1;
      while (q >= 0 && k - q <= 25 && tokens[q].text !== ',' && !/^[.;:!?"“”]$/.test(tokens[q].text)) q--;
      if (q < 0 || tokens[q].text !== ',' || k - q < 2) return undefined;
      // an appositive opens with an article, a possessive, a title or a relative: ", a senior diplomat,",
      // ", Ukraine's Defense Minister,", ", who met…," — not with a dateline ("NEW YORK, Feb 26 - …")
      const first = tokens[q + 1].text;
      if (!(/^\p{Ll}/u.test(first) || /['’]s$/.test(first) || TITLE_WORDS.has(first.toLowerCase()) || /^\p{Lu}[\p{L}-]*$/u.test(first) && q + 2 < k && /^\p{Ll}/u.test(tokens[q + 2].text))) return undefined;
      if (tokens.slice(q + 1, k).some((t) => /^[-–—]$/.test(t.text)) || monthWord(first)) return undefined;
      const end = q; // the token after the name
      const np = npBackward(end - 1);
      if (np === undefined) return undefined;
      const verdict = classify(np, end, true);
      if (!verdict) return undefined;
      // "Port officials, who spoke on condition of anonymity, said"
      if (ANONYMITY_RE.test(text.slice(tokens[q].start, tokens[k].end))) {
        return make(tokens[np].start, tokens[v].end, { source: verdict.source, vague: true, reason: 'anonymous source' }, tokens[np].start);
      }
      return make(tokens[np].start, tokens[v].end, verdict, tokens[np].start, tokens[end - 1].end);
    }
    const np = npBackward(k);
    if (np === undefined) return undefined;
    // "Major General Dmytro Martschenko from the Ukrainian Armed Forces has acknowledged": the person speaks
    if (np >= 2 && /^(?:from|of|at|with)$/.test(low(np - 1))) {
      const pk = npBackward(np - 2);
      if (pk !== undefined) {
        const run = runAt(ctx, pk);
        if (run && run.e === np - 1 && looksLikePersonName(run.name) && (run.titled || entities.some((en) => en.type === 'person' && en.start < run.end && run.start < en.end))) {
          const verdict = classify(pk, np - 1, true);
          if (verdict && !verdict.vague) return make(tokens[pk].start, tokens[v].end, verdict, tokens[pk].start);
        }
      }
    }
    const verdict = classify(np, k + 1, true);
    if (!verdict) return undefined;
    return make(tokens[np].start, tokens[v].end, verdict, tokens[np].start, tokens[k].end);
  }

  /** “…,” said Oleksandr Petrenko — the verb right after a closing quote, the name after it. */
  function sourceAfterQuote(v: number): Attribution | undefined {
    let p = v - 1;
    if (p >= 0 && tokens[p].text === ',') p--;
    if (p < 0 || !/^["”’']$/.test(tokens[p].text)) return undefined;
    let q = v + 1;
    while (q < n && q < v + 5 && /^\p{Ll}/u.test(tokens[q].text) && !AUX.has(low(q))) q++;
    if (q >= n || !isCapitalised(tokens[q].text)) return undefined;
    const run = runAt(ctx, q);
    if (!run) return undefined;
    // "said one former USDA official": the whole phrase is the source
    let e = run.e;
    if (e < n && (VAGUE_HEADS.has(low(e)) || INSTITUTION_HEADS.has(low(e))) && /^\p{Ll}/u.test(tokens[e].text)) e++;
    const s0 = e > run.e ? v + 1 : run.s;
    const verdict = classify(s0, e, e > run.e);
    if (!verdict) return undefined;
    return make(tokens[v].start, tokens[e - 1].end, verdict, tokens[s0].start);
  }

  /** First token of the noun phrase that ends at token k (going back over names and source words). */
  function npBackward(k: number): number | undefined {
    let s = k;
    const head = low(k);
    if (!(isCapitalised(tokens[k].text) || VAGUE_HEADS.has(head) || INSTITUTION_HEADS.has(head) || PRONOUN_SOURCES.has(head))) return undefined;
    if (PRONOUN_SOURCES.has(head)) return k;
    while (s - 1 >= 0 && k - s < 7) {
      const t = tokens[s - 1];
      const gap = text.slice(t.end, tokens[s].start);
      if (/\n\s*\n/.test(gap) || !/^\s+$/.test(gap) && gap !== '') break;
      const lw = t.text.toLowerCase();
      // a plain noun or adjective before an institution or a vague head: "the regional fire service", "oil industry analysts"
      const nounMod = (INSTITUTION_HEADS.has(head) || VAGUE_HEADS.has(head)) && k - s < 3 && /^\p{Ll}[\p{Ll}-]+$/u.test(t.text) &&
        !FUNCTION_WORDS.has(lw) && !/(?:ly|ing)$/.test(lw) && !ATTR_VERBS.has(lw);
      if (isCapitalised(t.text) || NP_MODIFIERS.has(lw) || /['’]s$/.test(t.text) || VAGUE_HEADS.has(lw) && lw !== 'people' || nounMod) {
        if (sentStarts.has(tokens[s].start)) break;
        s--;
      } else break;
    }
    // a phrase can't begin with "and", "but"…
    while (s < k && /^(?:and|both|but|yet|so|however|meanwhile|also|still|while|though|although|as)$/.test(low(s))) s++;
    if (/^\p{Lu}{6,}$/u.test(tokens[s].text) && s < k) return undefined; // a dateline or headline in capitals
    return s;
  }

  interface Verdict {
    source: string;
    vague: boolean;
    reason?: string;
  }

  /** Named or vague, for the source phrase in tokens [s, e). */
  function classify(s: number, e: number, needsHeadAtEnd: boolean): Verdict | undefined {
    const words = tokens.slice(s, e).map((t) => t.text);
    const lows = words.map((w) => w.toLowerCase());
    const head = lows[lows.length - 1];
    if (lows.length === 1 && PRONOUN_SOURCES.has(head)) {
      const who = lastPersonBefore(ctx, entities, peopleIdx(), tokens[s].start);
      return who ? { source: who.name, vague: false } : undefined;
    }
    if (lows.length === 1 && (head === 'it' || head === 'they' || head === 'we' || head === 'i' || head === 'this' || head === 'that')) return undefined;
    // vague heads, anywhere in a short phrase: "multiple news outlets", "Russian sources", "some experts"
    const vk = VAGUE_HEADS.get(head) ?? (needsHeadAtEnd ? undefined : lows.map((w) => VAGUE_HEADS.get(w)).find((x) => x));
    const sentenceInitial = sentStarts.has(tokens[s].start);
    if (vk) {
      // an organisation's officials are named: "Pentagon officials", "Kremlin sources" stay vague
      const qualifierIsOrg = vk === 'officials' && tokens.slice(s, e - 1).some((t, i) => {
        if (!isCapitalised(t.text)) return false;
        const ent = entities.find((en) => en.start < t.end && t.start < en.end);
        if (ent) return ent.type === 'organization';
        return !isDemonym(stripPossessive(t.text)) && !(i === 0 && sentenceInitial && !isProperAt(s)) && !COUNTRYISH.has(t.text);
      });
      if (qualifierIsOrg) return { source: phrase(s, e), vague: false };
      if (vk === 'officials' && head === 'authorities' && words.slice(0, -1).some((w) => isCapitalised(w) && !(w === words[0] && sentenceInitial))) {
        return { source: phrase(s, e), vague: false }; // "Ukrainian authorities": a country's authorities are answerable
      }
      return { source: phrase(s, e, true), vague: true, reason: REASONS[vk] };
    }
    if (INSTITUTION_HEADS.has(head)) return { source: phrase(s, e), vague: false };
    // a name: a person, an organisation or a place standing for its government ("Moscow claims")
    const caps = words.filter((w) => isCapitalised(w));
    if (!caps.length) return undefined;
    if (words.length === 1 && sentenceInitial && !isProperAt(s)) return undefined;
    if (caps.every((w) => isDemonym(stripPossessive(w)))) return undefined;
    const ent = entities.find((en) => en.start < tokens[e - 1].end && tokens[s].start < en.end && en.type === 'person');
    if (ent) return { source: peopleIdx().resolve(stripPossessive((ent.canonical ?? ent.text).replace(/\s+/g, ' ')), ent.start), vague: false };
    let c0 = s;
    while (c0 < e - 1 && !isCapitalised(tokens[c0].text)) c0++;
    const run = runAt(ctx, c0);
    if (run && looksLikePersonName(run.name) && (run.titled || run.ne - run.ns >= 2 || peopleIdx().knows(run.name))) {
      return { source: peopleIdx().resolve(run.name.replace(/\s+/g, ' '), run.start), vague: false };
    }
    return { source: phrase(s, e), vague: false };
  }

  function isProperAt(k: number): boolean {
    if (entities.some((en) => en.start <= tokens[k].start && tokens[k].end <= en.end)) return true;
    if (!lowerWords) {
      lowerWords = new Set();
      for (let q = 0; q < n; q++) if (!isCapitalised(tokens[q].text)) lowerWords.add(low(q));
    }
    const w = low(k);
    return !lowerWords.has(w) && !NOT_SOURCES.has(w);
  }

  function phrase(s: number, e: number, lowerFirst = false): string {
    let a = s;
    while (a < e - 1 && /^(?:the|a|an)$/i.test(tokens[a].text)) a++;
    let str = text.slice(tokens[a].start, tokens[e - 1].end).replace(/\s+/g, ' ');
    const fw = tokens[a].text.toLowerCase();
    if (lowerFirst && !isDemonym(tokens[a].text) && (NP_MODIFIERS.has(fw) || VAGUE_HEADS.has(fw) || INSTITUTION_HEADS.has(fw))) str = str[0].toLowerCase() + str.slice(1);
    return str;
  }

  function make(start: number, end: number, v: Verdict, _srcStart: number, _srcEnd?: number): Attribution {
    const a: Attribution = { text: text.slice(start, end), start, end, source: v.source, vague: v.vague };
    if (v.reason) a.reason = v.reason;
    return a;
  }
}

/** Words that are nouns as often as verbs: a verb only when no verb follows ("the Tower report said"). */
const NOUN_OR_VERB = new Set(['report', 'reports', 'claims', 'claim', 'estimates', 'estimate', 'notes', 'note', 'comments', 'finds', 'states', 'state', 'show', 'shows', 'point', 'fears', 'fear', 'counter', 'forecast', 'forecasts', 'found', 'projects', 'maintains']);

const ANONYMITY_RE = /\b(?:anonymity|anonymously|not\s+(?:authori[sz]ed|permitted|allowed)\s+to|(?:declined|asked)\s+not\s+to\s+be\s+(?:named|identified)|(?:declined|refused)\s+to\s+be\s+(?:named|identified))\b/i;
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'that', 'which', 'who',
  'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'it', 'its', 'their', 'his',
  'her', 'as', 'than', 'then', 'so', 'if', 'when', 'while', 'what', 'where', 'not', 'no', 'after', 'before', 'about',
  'over', 'under', 'into', 'said', 'says', 'would', 'will', 'could', 'can', 'may', 'might', 'should', 'must',
]);
const monthWord = (w: string) => /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$/.test(w);

const COUNTRYISH = new Set(['U.S.', 'US', 'UK', 'EU', 'UN', 'Western', 'Eastern', 'European', 'Allied', 'Arab', 'Gulf', 'Asian', 'African']);
const NOT_SOURCES = new Set(['this', 'that', 'these', 'those', 'it', 'there', 'what', 'which', 'who', 'such', 'one', 'each', 'all']);
