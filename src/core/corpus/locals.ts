// One article's local entities (see digest.ts) as the corpus index keeps them for as long as the
// article is indexed: tens of thousands of articles each naming a dozen entities made hundreds of
// thousands of small objects and arrays, most of the index's memory. Packed, an article is one
// object, one string array and its numbers, read through accessors. When every number fits in
// 16 bits (nearly every article is shorter than 65,536 characters) the numbers are the char
// codes of one string: a typed array per article cost two more objects and a block of its own
// (180 bytes an article on top of the numbers, 3.4 MB on the Reuters corpus).
import type { LocalEntity } from './digest';
import type { MergeReason } from './model';

/** Rare per-entity extras (an acronym spelled out in the article): kept as they came. */
interface Extras {
  keys?: (readonly string[] | undefined)[];
  reasons?: (readonly MergeReason[] | undefined)[];
}

export class ArticleLocals {
  /** How many local entities. */
  readonly count: number;
  /**
   * The strings: node keys [0, n), names [n, 2n), then every entity's surface forms in turn.
   * A name that is one of its forms is stored once, as the form.
   */
  private readonly s: string[];
  /**
   * Numbers: [n] formAt[0..n] mentionAt[0..n] lead[0..n) nameAt[0..n), then the mentions as
   * [start, end, form] triples (form local to its entity). nameAt is an index into `s`.
   */
  private readonly d: Int32Array | string;
  private readonly x: Extras | undefined;

  /** `intern` gives each string its one shared copy (names repeat across thousands of articles). */
  constructor(locals: readonly LocalEntity[], intern: (s: string) => string = (s) => s) {
    const n = locals.length;
    this.count = n;
    const s: string[] = [];
    for (const le of locals) s.push(intern(le.key));
    // Names go in as placeholders, replaced by a form's index when the name is a form.
    const nameSlot = s.length;
    for (let i = 0; i < n; i++) s.push('');
    let mentionInts = 0, forms = 0, largest = 0;
    for (const le of locals) {
      mentionInts += le.mentions.length;
      forms += le.forms.length;
      largest = Math.max(largest, le.lead);
      for (const x of le.mentions) largest = Math.max(largest, x);
    }
    const head = 1 + (n + 1) * 2 + n * 2;
    // Offsets into `s` and `d` are below these lengths.
    largest = Math.max(largest, head + mentionInts, 2 * n + forms);
    const d = largest > 0xffff ? new Int32Array(head + mentionInts) : scratch16(head + mentionInts);
    d[0] = n;
    const formAt = 1, mentionAt = formAt + n + 1, lead = mentionAt + n + 1, nameAt = lead + n;
    let m = head;
    let extras: Extras | undefined;
    locals.forEach((le, i) => {
      d[formAt + i] = s.length;
      let name = -1;
      for (const f of le.forms) {
        if (f === le.name && name < 0) name = s.length;
        s.push(intern(f));
      }
      if (name < 0) {
        name = nameSlot + i;
        s[name] = intern(le.name);
      }
      d[nameAt + i] = name;
      d[mentionAt + i] = m;
      d.set(le.mentions, m);
      m += le.mentions.length;
      d[lead + i] = le.lead;
      if (le.keys?.length) ((extras ??= {}).keys ??= [])[i] = le.keys.map(intern);
      if (le.reasons?.length) ((extras ??= {}).reasons ??= [])[i] = le.reasons;
    });
    d[formAt + n] = s.length;
    d[mentionAt + n] = m;
    this.s = s;
    this.d = d instanceof Uint16Array ? charsOf(d) : d;
    this.x = extras;
  }

  /** Number k of `d`. */
  private at(k: number): number {
    const d = this.d;
    return typeof d === 'string' ? d.charCodeAt(k) : d[k];
  }

  /** The node key of entity i. */
  key(i: number): string {
    return this.s[i];
  }

  /** More node keys the article joins to entity i (an acronym and its expansion). */
  extraKeys(i: number): readonly string[] | undefined {
    return this.x?.keys?.[i];
  }

  name(i: number): string {
    return this.s[this.at(3 * this.count + 3 + i)];
  }

  /** Mentions in the headline or first paragraph. */
  lead(i: number): number {
    return this.at(2 * this.count + 3 + i);
  }

  reasons(i: number): readonly MergeReason[] | undefined {
    return this.x?.reasons?.[i];
  }

  formCount(i: number): number {
    return this.at(2 + i) - this.at(1 + i);
  }

  form(i: number, f: number): string {
    return this.s[this.at(1 + i) + f];
  }

  mentionCount(i: number): number {
    const at = this.count + 2 + i;
    return (this.at(at + 1) - this.at(at)) / 3;
  }

  /** Calls `emit` for each mention of entity i, in order, with its form's index. */
  forEachMention(i: number, emit: (start: number, end: number, form: number) => void): void {
    const at = this.count + 2 + i;
    const d = this.d;
    if (typeof d === 'string') for (let k = d.charCodeAt(at), end = d.charCodeAt(at + 1); k < end; k += 3) emit(d.charCodeAt(k), d.charCodeAt(k + 1), d.charCodeAt(k + 2));
    else for (let k = d[at], end = d[at + 1]; k < end; k += 3) emit(d[k], d[k + 1], d[k + 2]);
  }

  /** The entities as the digest had them (tests, and anything that wants plain objects). */
  toLocalEntities(typeOf: (key: string) => LocalEntity['type']): LocalEntity[] {
    const out: LocalEntity[] = [];
    for (let i = 0; i < this.count; i++) {
      const forms: string[] = [];
      for (let f = 0; f < this.formCount(i); f++) forms.push(this.form(i, f));
      const mentions: number[] = [];
      this.forEachMention(i, (a, b, f) => mentions.push(a, b, f));
      const keys = this.extraKeys(i), reasons = this.reasons(i);
      out.push({ type: typeOf(this.key(i)), key: this.key(i), name: this.name(i), ...(keys ? { keys: [...keys] } : {}), forms, mentions, lead: this.lead(i), ...(reasons ? { reasons: [...reasons] } : {}) });
    }
    return out;
  }
}

/** Room for one article's 16-bit numbers (every slot is written), reused: they end as a string. */
let scratch = new Uint16Array(4096);
function scratch16(n: number): Uint16Array {
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  return scratch.subarray(0, n);
}

/** 16-bit numbers as one string's char codes (fromCharCode keeps lone surrogates, a decoder would not). */
function charsOf(d: Uint16Array): string {
  let out = '';
  for (let i = 0; i < d.length; i += 8192) out += String.fromCharCode.apply(null, d.subarray(i, i + 8192) as unknown as number[]);
  return out;
}
