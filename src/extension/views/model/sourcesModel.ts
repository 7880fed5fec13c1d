// Sources: per article, who is quoted and who statements are attributed to. Vague attributions
// ("Analysts suggest": no named source) are flagged, and so are speakers quoted in no other
// article of the corpus: their words cannot be cross-checked against another report.
import type { CorpusSnapshot } from '../../../core/corpus/model';
import type { Attribution, Quote } from '../../../core/types';
import { docOrder, memo, type ArticleSourcesData, type CorpusData } from './corpusData';
import { clip, count, fold } from './format';
import { LazyTree, type Listing } from './lazyTree';
import type { ViewNode } from './node';
import { highlightOf, matchesText, sortItems } from './sorting';

const EMPTY: Listing<never> = { items: [], idOf: () => '', make: () => ({}) as ViewNode };

export const SOURCE_FACETS = ['vague', 'single'] as const;

/** Articles read between two yields to the event loop when the view first fills. */
const SLICE = 256;

interface Speaker {
  key: string;
  name: string;
  quotes: Quote[];
}

interface ArticleSources {
  doc: string;
  speakers: Speaker[];
  attributions: readonly Attribution[];
  vague: number;
}

export class SourcesModel extends LazyTree {
  constructor(private readonly data: CorpusData) {
    super();
  }

  /** The snapshot whose articles' sources have all been read once (see `prepare`). */
  private warmed: CorpusSnapshot | undefined;

  /**
   * Before the top level is listed: every article's sources read once, a slice at a time, so a
   * folder of thousands of articles (each read from the index's cache) never blocks the editor.
   */
  prepare(parent: ViewNode | undefined): Promise<void> | undefined {
    const s = this.data.snapshot();
    if (parent || !s || this.warmed === s) return undefined;
    return (async () => {
      const docs = s.documents;
      for (let i = 0; i < docs.length; i++) {
        this.data.sources(docs[i]);
        if (i % SLICE === SLICE - 1) await new Promise((r) => setTimeout(r, 0));
      }
      this.warmed = s;
    })();
  }

  /** Who a quote is by, across the corpus: the canonical entity at the speaker's name, else the folded name. */
  private speakerKey(doc: string, q: Quote): string | undefined {
    if (!q.speaker) return undefined;
    const e = q.speakerStart !== undefined ? this.data.entityAt?.(doc, q.speakerStart) : undefined;
    return e ? `e:${e.id}` : `n:${fold(q.speaker)}`;
  }

  /** Kept per analysis object: an article the edit did not touch keeps its node as it is. */
  private made = new WeakMap<object, ArticleSources | null>();

  private sourcesOf(doc: string): ArticleSources | undefined {
    const a = this.data.sources(doc);
    if (!a) return undefined;
    const had = this.made.get(a);
    if (had !== undefined) return had ?? undefined;
    const made = this.makeSources(doc, a);
    this.made.set(a, made ?? null);
    return made;
  }

  private makeSources(doc: string, a: ArticleSourcesData): ArticleSources | undefined {
    if (!a.quotes.length && !a.attributions.length) return undefined;
    const speakers = new Map<string, Speaker>();
    for (const q of a.quotes) {
      const key = this.speakerKey(doc, q) ?? '?';
      let sp = speakers.get(key);
      if (!sp) speakers.set(key, (sp = { key, name: q.speaker ?? 'Unattributed quotes', quotes: [] }));
      sp.quotes.push(q);
    }
    return { doc, speakers: [...speakers.values()], attributions: a.attributions, vague: a.attributions.filter((x) => x.vague).length };
  }

  /** How many articles quote each speaker (by key), over the whole corpus; made once per snapshot. */
  private speakerArticles(s: CorpusSnapshot): Map<string, number> {
    return memo(s, 'speakers', () => {
      const m = new Map<string, number>();
      for (const doc of s.documents) {
        const seen = new Set<string>();
        for (const q of this.data.sources(doc)?.quotes ?? []) {
          const k = this.speakerKey(doc, q);
          if (k) seen.add(k);
        }
        for (const k of seen) m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    });
  }

  articles(): ArticleSources[] {
    const s = this.data.snapshot();
    if (!s) return [];
    const o = this.options;
    return memo(s, `sources:${o.sort}:${o.facets.join(',')}:${o.text}`, () => {
      const order = docOrder(s);
      const vagueOnly = o.facets.includes('vague');
      const list: ArticleSources[] = [];
      for (const doc of s.documents) {
        const src = this.sourcesOf(doc);
        if (!src || (vagueOnly && !src.vague)) continue;
        if (o.text && !matchesText(o.text, this.data.displayName(doc), ...src.speakers.map((x) => x.name), ...src.attributions.map((x) => x.source))) continue;
        list.push(src);
      }
      return sortItems(list, o.sort, {
        name: (x) => this.data.displayName(x.doc),
        articles: (x) => x.speakers.length + x.attributions.length,
        first: (x) => [order.get(x.doc) ?? 0, 0],
      });
    });
  }

  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent) return this.articleListing();
    if (parent.contextValue === 'sourcesArticle') return this.sectionListing(parent);
    if (parent.contextValue === 'sourcesSection.quoted') return this.speakerListing(parent);
    if (parent.contextValue === 'sourcesSection.attributed') return this.attributionListing(parent);
    if (parent.contextValue.startsWith('speaker')) return this.quoteListing(parent);
    return EMPTY;
  }

  private articleListing(): Listing<ArticleSources> {
    return {
      items: this.articles(),
      idOf: (x) => `s:${x.doc}`,
      make: (x, id) => {
        const label = this.data.displayName(x.doc);
        const quoted = x.speakers.filter((sp) => sp.key !== '?').length;
        return {
          id,
          contextValue: 'sourcesArticle',
          label,
          highlight: highlightOf(label, this.options.text),
          description: [count(quoted, 'quoted', 'quoted'), count(x.attributions.length, 'attribution'), x.vague ? `${x.vague} vague` : ''].filter(Boolean).join(' · '),
          icon: x.vague ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'file' },
          expand: 'collapsed',
          target: { document: x.doc },
          parent: undefined,
        };
      },
    };
  }

  private sectionListing(parent: ViewNode): Listing<'quoted' | 'attributed'> {
    const x = parent.data as ArticleSources;
    const items: ('quoted' | 'attributed')[] = [];
    if (x.speakers.length) items.push('quoted');
    if (x.attributions.length) items.push('attributed');
    return {
      items,
      idOf: (k) => `${parent.id}|${k}`,
      make: (k, id) => ({
        id,
        contextValue: `sourcesSection.${k}`,
        label: k === 'quoted' ? 'Quoted' : 'Attributed to',
        description: k === 'quoted' ? count(x.speakers.reduce((n, sp) => n + sp.quotes.length, 0), 'quote') : count(x.attributions.length, 'attribution'),
        icon: { id: k === 'quoted' ? 'quote' : 'megaphone' },
        expand: 'expanded',
        parent,
      }),
    };
  }

  private speakerListing(parent: ViewNode): Listing<Speaker> {
    const x = parent.parent!.data as ArticleSources;
    const s = this.data.snapshot();
    const counts = s ? this.speakerArticles(s) : new Map<string, number>();
    const singleOnly = this.options.facets.includes('single');
    return {
      items: x.speakers.filter((sp) => !singleOnly || (counts.get(sp.key) ?? 1) <= 1),
      idOf: (sp) => `${parent.id}|${sp.key}`,
      make: (sp, id) => {
        const unknown = sp.key === '?';
        const single = !unknown && (counts.get(sp.key) ?? 1) <= 1;
        const first = sp.quotes[0];
        return {
          id,
          contextValue: unknown ? 'speaker.unknown' : single ? 'speaker.single' : 'speaker',
          label: sp.name,
          description: [count(sp.quotes.length, 'quote'), unknown ? 'no speaker named' : single ? 'quoted in this article only' : `quoted in ${count(counts.get(sp.key) ?? 1, 'article')}`].join(' · '),
          tooltip: unknown ? 'Quotes with no speaker the engine could find' : single ? `${sp.name} is quoted in no other article of the folder: nothing to cross-check against.` : undefined,
          icon: unknown ? { id: 'question', color: 'problemsWarningIcon.foreground' } : { id: single ? 'person' : 'person-add' },
          expand: 'collapsed',
          name: unknown ? undefined : sp.name,
          target: first.speakerStart !== undefined ? { document: x.doc, start: first.speakerStart, end: first.speakerEnd } : { document: x.doc, start: first.start, end: first.end },
          parent,
        };
      },
    };
  }

  private quoteListing(parent: ViewNode): Listing<Quote> {
    const x = parent.parent!.parent!.data as ArticleSources;
    const sp = parent.data as Speaker;
    return {
      items: sp.quotes,
      idOf: (q) => `${parent.id}|q:${q.start}`,
      make: (q, id) => ({
        id,
        contextValue: 'quote',
        label: `“${clip(q.text, 90)}”`,
        tooltip: q.text,
        icon: { id: 'quote' },
        expand: 'none',
        target: { document: x.doc, start: q.start, end: q.end },
        parent,
      }),
    };
  }

  private attributionListing(parent: ViewNode): Listing<Attribution> {
    const x = parent.parent!.data as ArticleSources;
    return {
      items: x.attributions,
      idOf: (a) => `${parent.id}|a:${a.start}`,
      make: (a, id) => ({
        id,
        contextValue: a.vague ? 'attribution.vague' : 'attribution',
        label: a.vague ? `“${clip(a.text, 60)}”` : a.source,
        description: a.vague ? `vague: ${a.reason ?? 'no named source'}` : clip(a.text, 60),
        tooltip: a.vague ? `“${a.text}” — no named, checkable source stands behind it${a.reason ? ` (${a.reason})` : ''}.` : a.text,
        icon: a.vague ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'megaphone' },
        expand: 'none',
        name: a.source,
        target: { document: x.doc, start: a.start, end: a.end },
        parent,
      }),
    };
  }
}
