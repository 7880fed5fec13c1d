// Cross-references: type (People, Places, Organizations) → canonical entity → article → each
// mention with its line of context. Entities found in one article only are hidden unless
// `showSingle` is on: in a large corpus they are most of the list and rarely what a reviewer
// cross-checks.
import type { CanonicalEntity, Mention } from '../../../core/corpus/model';
import type { EntityType } from '../../../core/types';
import { docOrder, memo, type CorpusData } from './corpusData';
import { count, ENTITY_TYPES, lineContext, TYPE_ICON, TYPE_LABEL } from './format';
import { LazyTree, type Listing } from './lazyTree';
import type { ViewNode } from './node';
import { highlightOf, matchesText, sortItems } from './sorting';

const EMPTY: Listing<never> = { items: [], idOf: () => '', make: () => ({}) as ViewNode };

export const entityNodeId = (entityId: string) => `e:${entityId}`;
export const entityArticleNodeId = (entityId: string, doc: string) => `e:${entityId}|d:${doc}`;
export const mentionNodeId = (entityId: string, doc: string, start: number) => `e:${entityId}|d:${doc}|m:${start}`;

const mentionsByDoc = new WeakMap<CanonicalEntity, Map<string, Mention[]>>();

export function mentionsIn(e: CanonicalEntity, doc: string): Mention[] {
  let m = mentionsByDoc.get(e);
  if (!m) {
    m = new Map();
    for (const x of e.mentions) (m.get(x.document) ?? m.set(x.document, []).get(x.document)!).push(x);
    mentionsByDoc.set(e, m);
  }
  return m.get(doc) ?? [];
}

export class CrossRefsModel extends LazyTree {
  constructor(private readonly data: CorpusData) {
    super();
  }

  /** The entities of a type, filtered and sorted as the options say (memoized per snapshot). */
  entitiesOfType(type: EntityType): CanonicalEntity[] {
    const s = this.data.snapshot();
    if (!s) return [];
    const o = this.options;
    return memo(s, `xref:${type}:${o.sort}:${o.showSingle}:${o.text}`, () => {
      const order = docOrder(s);
      const list = s.entities.filter((e) => e.type === type && (o.showSingle || e.documents.length > 1) && matchesText(o.text, e.name, ...e.variants));
      if (o.sort === 'articles') return list; // the snapshot's own order: articles, then mentions
      return sortItems(list, o.sort, {
        name: (e) => e.name,
        articles: (e) => e.documents.length,
        first: (e) => [order.get(e.documents[0]) ?? 0, e.mentions[0]?.start ?? 0],
      });
    });
  }

  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent) return this.types();
    const k = parent.contextValue;
    if (k === 'entityType') return this.entities(parent);
    if (k === 'entity') return this.articles(parent);
    if (k === 'entityArticle') return this.mentions(parent);
    return EMPTY;
  }

  prepare(parent: ViewNode | undefined): Promise<void> | undefined {
    if (parent?.contextValue === 'entityArticle' && parent.target && !this.data.text(parent.target.document)) return this.data.loadText(parent.target.document);
    return undefined;
  }

  private types(): Listing<EntityType> {
    const s = this.data.snapshot();
    const facets = this.options.facets.filter((f) => (ENTITY_TYPES as string[]).includes(f));
    const types = !s ? [] : ENTITY_TYPES.filter((t) => (!facets.length || facets.includes(t)) && this.entitiesOfType(t).length);
    return {
      items: types,
      idOf: (t) => `type:${t}`,
      make: (t, id) => ({
        id,
        contextValue: 'entityType',
        label: TYPE_LABEL[t],
        description: count(this.entitiesOfType(t).length, 'entity', 'entities'),
        icon: { id: TYPE_ICON[t] },
        expand: 'expanded',
      }),
    };
  }

  protected relabel(node: ViewNode): void {
    if (node.contextValue === 'entityType') node.description = count(this.entitiesOfType(node.data as EntityType).length, 'entity', 'entities');
  }

  private entities(parent: ViewNode): Listing<CanonicalEntity> {
    const type = parent.id.slice('type:'.length) as EntityType;
    return {
      items: this.entitiesOfType(type),
      idOf: (e) => entityNodeId(e.id),
      make: (e, id) => ({
        id,
        contextValue: 'entity',
        label: e.name,
        highlight: highlightOf(e.name, this.options.text),
        description: `${count(e.documents.length, 'article')} · ${count(e.mentions.length, 'mention')}`,
        tooltip: entityTooltip(e),
        icon: { id: TYPE_ICON[e.type] },
        expand: 'collapsed',
        entityId: e.id,
        name: e.name,
        target: e.mentions[0] && { document: e.mentions[0].document, start: e.mentions[0].start, end: e.mentions[0].end },
        parent,
      }),
    };
  }

  private articles(parent: ViewNode): Listing<string> {
    const e = this.entity(parent);
    return {
      items: e?.documents ?? [],
      idOf: (doc) => entityArticleNodeId(e!.id, doc),
      make: (doc, id) => {
        const ms = mentionsIn(e!, doc);
        return {
          id,
          contextValue: 'entityArticle',
          label: this.data.displayName(doc),
          description: count(ms.length, 'mention'),
          icon: { id: 'file' },
          expand: 'collapsed',
          entityId: e!.id,
          name: e!.name,
          target: { document: doc, start: ms[0]?.start, end: ms[0]?.end },
          parent,
        };
      },
    };
  }

  private mentions(parent: ViewNode): Listing<Mention> {
    const e = this.entity(parent);
    const doc = parent.target!.document;
    const text = this.data.text(doc);
    return {
      items: e ? mentionsIn(e, doc) : [],
      idOf: (m) => mentionNodeId(e!.id, doc, m.start),
      make: (m, id) => {
        const label = text ? lineContext(text, m.start, m.end) : m.text;
        const at = label.indexOf(m.text);
        const line = text ? lineOf(text, m.start) : undefined;
        return {
          id,
          contextValue: 'mention',
          label,
          highlight: at >= 0 ? [at, at + m.text.length] : undefined,
          description: line ? `line ${line}` : undefined,
          tooltip: `${m.text} — ${this.data.displayName(doc)}${line ? `, line ${line}` : ''}`,
          icon: { id: 'symbol-text' },
          expand: 'none',
          entityId: e!.id,
          name: e!.name,
          target: { document: doc, start: m.start, end: m.end },
          parent,
        };
      },
    };
  }

  private entity(node: ViewNode): CanonicalEntity | undefined {
    const s = this.data.snapshot();
    if (!s || !node.entityId) return undefined;
    // The node's data is the entity object for entity nodes; children look it up by id.
    const own = node.contextValue === 'entity' ? (node.data as CanonicalEntity) : (node.parent?.data as CanonicalEntity | undefined);
    return own && own.id === node.entityId ? own : undefined;
  }

  /**
   * The mention node for an offset in an article (follow-cursor, Go to Mention), made along with
   * its ancestors. `grew` lists the nodes whose pages grew to hold it (VS Code must re-read them).
   */
  locateMention(entity: CanonicalEntity, doc: string, offset: number): { node?: ViewNode; grew: (ViewNode | undefined)[] } {
    const grew: (ViewNode | undefined)[] = [];
    const step = (parent: ViewNode | undefined, id: string) => {
      const r = this.ensureChild(parent, id);
      if (r.grew) grew.push(parent);
      return r.node;
    };
    const typeNode = step(undefined, `type:${entity.type}`);
    const eNode = typeNode && step(typeNode, entityNodeId(entity.id));
    const aNode = eNode && step(eNode, entityArticleNodeId(entity.id, doc));
    if (!aNode) return { node: eNode, grew };
    const m = mentionsIn(eNode.data as CanonicalEntity, doc).find((x) => x.start <= offset && offset <= x.end);
    const mNode = m && step(aNode, mentionNodeId(entity.id, doc, m.start));
    return { node: mNode ?? aNode, grew };
  }
}

function entityTooltip(e: CanonicalEntity): string {
  const lines = [`${e.name} (${e.type})`];
  if (e.variants.length) lines.push(`Also written: ${e.variants.join(', ')}`);
  lines.push(`${count(e.documents.length, 'article')}, ${count(e.mentions.length, 'mention')}`);
  return lines.join('\n');
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
