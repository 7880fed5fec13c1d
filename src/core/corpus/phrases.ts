// Key phrases of an article for topics: runs of content words ("North Korean troops", "peace
// talks", "crude oil exports") counted as unigrams, bigrams and trigrams of their lemmas.
import type { Token } from '../text/tokens';

export const STOPWORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among amongst
an and another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes becoming
been before beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done
down due during each either else elsewhere enough etc even ever every everyone everything everywhere except few first for
former formerly from further had has have having he hence her here hereafter hereby herein hers herself him himself his how
however i if in indeed instead into is it its itself just last latter least less made make many may me meanwhile might mine
more moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please put
rather re same seem seemed seeming seems several she should since so some somehow someone something sometime sometimes
somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too toward towards under until up upon us
very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever
whether which while whither who whoever whole whom whose why will with within without would yet you your yours yourself seen
yourselves said says say saying told tell tells added adding according reported reports report reporting stated statement
announced noted claimed claim claims asked expected including include includes included new also like including
year years month months week weeks day days today yesterday tomorrow tonight time times recent recently currently current
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec mln bln billion million trillion pct percent dlr dlrs
dollar dollars cts cent cents reuter reuters inc corp co ltd plc told officials official sources source people
two three four five six seven eight nine ten first second third mr mrs ms dr vs lt s t don didn doesn isn wasn aren weren
won wouldn couldn shouldn ve ll d m o y ago later earlier early late set made get got going go goes went come came take took
taken give given make makes making end ended ending include level levels number numbers part parts way ways lot lots
many much often since thing things look looks looking well good great high higher low lower big large small major minor
however meanwhile furthermore additionally among amid amidst despite toward upon whose against within ahead able`.split(/\s+/),
);

let lemmaCache = new Map<string, string>();

/** A crude English lemma: plural nouns and common verb endings folded. */
export function lemma(word: string): string {
  let v = lemmaCache.get(word);
  if (v === undefined) {
    if (lemmaCache.size > 50000) lemmaCache = new Map();
    v = lemmaUncached(word);
    lemmaCache.set(word, v);
  }
  return v;
}

function lemmaUncached(word: string): string {
  const w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, "'");
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ws)$/.test(w)) return w;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
  return w;
}

export interface PhraseCount {
  key: string;
  count: number;
  /** How it was most often written, for labels. */
  display: string;
  /** Indexes (into `breaks`) of the first few sentences it occurs in. */
  sentences: number[];
}

// Words every news story uses whatever it is about: they may be part of a topic's phrase
// ("peace talks") but alone they tie nothing together.
export const GENERIC = new Set(
  `conflict war region border city country area nation state world government official authority leader side part
development situation response support strategy strategic significant remain issue effort plan concern pressure
action move step term measure impact role position point case fact matter problem question result way change increase
decrease rise fall level rate price market business company firm group industry sector economy economic financial
political military security international national local public major key new old recent current previous early late
high low large small big long short total full general special main important possible potential likely further
additional various several certain other own same different whole hard strong clear far near close open free
spokesman spokeswoman statement report news source analyst expert observer community people person man woman
member head chief president minister director chairman office department agency ministry committee council
force troop soldier army operation attack assault strike fighting battle front line control territory
year month week day time period today yesterday tomorrow morning evening night season quarter
percent pct share figure number amount total value sum cost`.split(/\s+/),
);

const UPPER_START = new RegExp('^\\p{Lu}', 'u');
const TWO_LETTERS = new RegExp('\\p{L}{2}', 'u');
const isCapitalised = (w: string) => UPPER_START.test(w);

const WORD_RE = /^\p{L}[\p{L}\p{M}'’\-]*$/u;

function isContent(t: Token): boolean {
  const w = t.text;
  if (!WORD_RE.test(w) || w.length < 3) return false;
  const l = w.toLowerCase();
  if (STOPWORDS.has(l) || STOPWORDS.has(lemma(l))) return false;
  // Adverbs and most -ly words carry no topic.
  if (/ly$/.test(l) && l.length > 5) return false;
  return true;
}

/**
 * Counts content-word n-grams (1–3) over the tokens, skipping those inside `skip` spans (names,
 * which are counted as entities). Runs break at punctuation, numbers and stop words. Words in
 * the lead (before `leadEnd`) count double.
 */
export function keyPhrases(tokens: readonly Token[], opts: { leadEnd?: number; skip?: readonly [number, number][]; max?: number; breaks?: readonly number[] } = {}): PhraseCount[] {
  const counts = new Map<string, { count: number; seen: number; forms: Map<string, number>; sentences: number[] }>();
  const skip = opts.skip ?? [];
  const breaks = opts.breaks ?? [];
  let si = 0;
  let bi = 0;
  let run: Token[] = [];
  // In an all-capitals line (a Reuters headline) case says nothing.
  let allCaps = false;
  const flush = () => {
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const words = run.slice(i, i + n);
        // A capitalised word alone is a piece of a name ("President", "Korean"), not a topic;
        // so is a phrase that ends in one ("Ukrainian President").
        if (isCapitalised(words[n - 1].text) && !allCaps) continue;
        const key = words.map((t) => lemma(t.text)).join(' ');
        const weight = (n === 1 ? 1 : n === 2 ? 1.6 : 2) * (opts.leadEnd !== undefined && words[0].start < opts.leadEnd ? 2 : 1);
        let c = counts.get(key);
        if (!c) counts.set(key, (c = { count: 0, seen: 0, forms: new Map(), sentences: [] }));
        c.count += weight;
        c.seen++;
        if (c.sentences.length < 6 && c.sentences[c.sentences.length - 1] !== bi) c.sentences.push(bi);
        const form = words.map((t) => t.text).join(' ');
        c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
      }
    }
    run = [];
  };
  for (const t of tokens) {
    while (si < skip.length && skip[si][1] <= t.start) si++;
    while (bi < breaks.length && breaks[bi] <= t.start) {
      bi++;
      flush();
    }
    const inName = si < skip.length && skip[si][0] < t.end && t.start < skip[si][1];
    if (inName || !isContent(t)) {
      flush();
      continue;
    }
    const caps = t.text.length > 1 && t.text === t.text.toUpperCase();
    if (run.length && caps !== allCaps) flush();
    allCaps = caps;
    run.push(t);
  }
  flush();
  const out: PhraseCount[] = [];
  for (const [key, c] of counts) {
    // A bigram or trigram seen once is noise; a word seen once in a long article is too.
    const n = key.split(' ').length;
    if (n > 1 && c.seen < 2) continue;
    // Words any story uses count for little alone; a phrase of them only if it recurs.
    const words = key.split(' ');
    const generic = words.every((w) => GENERIC.has(w) || STOPWORDS.has(w));
    const prior = n === 1 ? (generic ? 0.25 : 0.7) : generic ? 0.6 : 1;
    out.push({ key, count: c.count * prior, display: bestForm(c.forms), sentences: c.sentences });
  }
  out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  // A part of a longer phrase seen about as often is that phrase again ("offer values" of
  // "takeover offer values"): keep the longer one only.
  const kept: PhraseCount[] = [];
  const info = out.map((p) => ({ p, n: p.key.split(' ').length, padded: ' ' + p.key + ' ', raw: counts.get(p.key)!.count }));
  const longer = info.filter((x) => x.n > 1);
  for (const x of info) {
    if (kept.length >= (opts.max ?? 40)) break;
    const covered = longer.some((q) => q.n > x.n && q.padded.includes(x.padded) && q.raw / (x.n + 1) >= 0.7 * (x.raw / x.n));
    if (!covered) kept.push(x.p);
  }
  return kept;
}

/** The most frequent written form, preferring one not in all capitals (Reuters headlines). */
export function bestForm(forms: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [f, n] of forms) {
    const caps = f === f.toUpperCase() && TWO_LETTERS.test(f);
    const score = n + (caps ? 0 : 1000);
    if (score > bestScore || (score === bestScore && f < best)) [best, bestScore] = [f, score];
  }
  if (best === best.toUpperCase()) best = best.toLowerCase();
  return best;
}
