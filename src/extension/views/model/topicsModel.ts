// Topics: topic → its articles (with each article's counts) → the entities and figures that
// tie the article to the topic (the topic's entities it mentions, and figure groups it shares
// with another article of the topic).
import type { CanonicalEntity, FigureGroup, Topic } from '../../../core/corpus/model';
import { docOrder, entitiesOf, entityById, groupsOf, memo, type CorpusData } from './corpusData';
import { count, TYPE_ICON } from './format';
import { groupDescription } from './figuresModel';
import { LazyTree, type Listing } from './lazyTree';
import type { ViewNode } from './node';
import { highlightOf, matchesText, sortItems } from './sorting';
import { mentionsIn } from './crossRefsModel';

const EMPTY: Listing<never> = { items: [], idOf: () => '', make: () => ({}) as ViewNode };

type Tie = { kind: 'entity'; entity: CanonicalEntity } | { kind: 'group'; group: FigureGroup };

export class TopicsModel extends LazyTree {
  constructor(private readonly data: CorpusData) {
    super();
  }

  topics(): Topic[] {
    const s = this.data.snapshot();
    if (!s) return [];
    const o = this.options;
    return memo(s, `topics:${o.sort}:${o.text}`, () => {
      const order = docOrder(s);
      const list = s.topics.filter((t) => matchesText(o.text, t.label, ...t.terms));
      return sortItems(list, o.sort, {
        name: (t) => t.label,
        articles: (t) => t.documents.length,
        first: (t) => [Math.min(...t.documents.map((d) => order.get(d) ?? 0)), 0],
      });
    });
  }

  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent) return this.topicListing();
    if (parent.contextValue === 'topic') return this.articleListing(parent);
    if (parent.contextValue === 'article') return this.tieListing(parent);
    return EMPTY;
  }

  private topicListing(): Listing<Topic> {
    return {
      items: this.topics(),
      idOf: (t) => `t:${t.id}`,
      make: (t, id) => ({
        id,
        contextValue: 'topic',
        label: t.label,
        highlight: highlightOf(t.label, this.options.text),
        description: count(t.documents.length, 'article'),
        tooltip: `${t.label}\nKey terms: ${t.terms.slice(0, 8).join(', ')}`,
        icon: { id: 'tag' },
        expand: 'collapsed',
        name: t.label,
      }),
    };
  }

  private articleListing(parent: ViewNode): Listing<string> {
    const t = parent.data as Topic;
    return {
      items: t.documents,
      idOf: (doc) => `${parent.id}|d:${doc}`,
      make: (doc, id) => ({
        id,
        contextValue: 'article',
        label: this.data.displayName(doc),
        description: this.articleCounts(doc),
        tooltip: doc,
        icon: { id: 'file' },
        expand: 'collapsed',
        target: { document: doc },
        parent,
      }),
    };
  }

  /** "12 entities · 5 figures · 2 quotes" for an article. */
  articleCounts(doc: string): string {
    const s = this.data.snapshot();
    const a = this.data.sources(doc);
    const parts = [count(s ? entitiesOf(s, doc).length : 0, 'entity', 'entities')];
    if (a) parts.push(count(a.claims, 'figure'), count(a.quotes.length, 'quote'));
    return parts.join(' · ');
  }

  private tieListing(parent: ViewNode): Listing<Tie> {
    const s = this.data.snapshot();
    const t = parent.parent!.data as Topic;
    const doc = parent.data as string;
    const items: Tie[] = [];
    if (s) {
      const byId = entityById(s);
      for (const id of t.entities) {
        const e = byId.get(id);
        if (e && e.documents.includes(doc)) items.push({ kind: 'entity', entity: e });
      }
      // Entities of the article that recur in the topic's other articles, when the topic names none here.
      if (!items.length) {
        const others = new Set(t.documents.filter((d) => d !== doc));
        for (const e of entitiesOf(s, doc)) if (e.documents.some((d) => others.has(d))) items.push({ kind: 'entity', entity: e });
        items.splice(12);
      }
      const others = new Set(t.documents.filter((d) => d !== doc));
      for (const g of groupsOf(s, doc)) if (g.figures.some((f) => f.documents.some((d) => others.has(d)))) items.push({ kind: 'group', group: g });
    }
    return {
      items,
      idOf: (x) => `${parent.id}|${x.kind === 'entity' ? 'e:' + x.entity.id : 'g:' + x.group.id}`,
      make: (x, id) => {
        if (x.kind === 'entity') {
          const ms = mentionsIn(x.entity, doc);
          return {
            id,
            contextValue: 'topicEntity',
            label: x.entity.name,
            description: `${count(ms.length, 'mention')} here · ${count(x.entity.documents.length, 'article')}`,
            icon: { id: TYPE_ICON[x.entity.type] },
            expand: 'none',
            entityId: x.entity.id,
            name: x.entity.name,
            target: { document: doc, start: ms[0]?.start, end: ms[0]?.end },
            parent,
          };
        }
        const ref = x.group.figures.flatMap((f) => f.claims).find((c) => c.document === doc);
        return {
          id,
          contextValue: 'topicFigure',
          label: x.group.subject,
          description: groupDescription(x.group),
          icon: x.group.agreement === 'conflict' ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'symbol-number' },
          expand: 'none',
          name: x.group.subject,
          target: ref && { document: doc, start: ref.claim.start, end: ref.claim.end },
          parent,
        };
      },
    };
  }
}
