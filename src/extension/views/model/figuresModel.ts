// Figures: figure group → each figure with its value and articles → the claims stating it.
// Conflicting groups come first whatever the sort, with a warning icon and the disagreeing
// values in the description ("10,000 vs 12,000"): they are what a fact-checker looks at first.
import type { ClaimRef, Figure, FigureGroup } from '../../../core/corpus/model';
import { docOrder, memo, type CorpusData } from './corpusData';
import { clip, count, formatValue } from './format';
import { LazyTree, type Listing } from './lazyTree';
import type { ViewNode } from './node';
import { highlightOf, matchesText, sortItems } from './sorting';

const EMPTY: Listing<never> = { items: [], idOf: () => '', make: () => ({}) as ViewNode };

export const groupNodeId = (g: FigureGroup) => `g:${g.id}`;
export const figureNodeId = (g: FigureGroup, f: Figure) => `g:${g.id}|f:${f.approx ?? ''}${f.value}${f.expected ? '?' : ''}`;
export const claimNodeId = (g: FigureGroup, f: Figure, c: ClaimRef) => `${figureNodeId(g, f)}|c:${c.document}#${c.index}`;

export const AGREEMENT_FACETS = ['conflict', 'distinct', 'agree'] as const;

/** "as many as 12,000 troops". */
export function figureLabel(f: Figure, unit?: string): string {
  return [f.approx, formatValue(f.value), unit].filter(Boolean).join(' ') + (f.expected ? ' (expected)' : '');
}

export function groupDescription(g: FigureGroup): string {
  const values = g.figures.map((f) => formatValue(f.value));
  const docs = new Set(g.figures.flatMap((f) => f.documents)).size;
  if (g.agreement === 'conflict') return values.join(' vs ');
  if (g.agreement === 'distinct') return `${values.join(' / ')} · stated and expected`;
  return `${values.join(' / ')} · ${count(docs, 'article')} agree`;
}

export class FiguresModel extends LazyTree {
  constructor(private readonly data: CorpusData) {
    super();
  }

  groups(): FigureGroup[] {
    const s = this.data.snapshot();
    if (!s) return [];
    const o = this.options;
    const facets = o.facets.filter((f) => (AGREEMENT_FACETS as readonly string[]).includes(f));
    return memo(s, `fig:${o.sort}:${facets.join(',')}:${o.text}`, () => {
      const order = docOrder(s);
      const list = s.claimGroups.filter((g) => (!facets.length || facets.includes(g.agreement)) && matchesText(o.text, g.subject, g.unit ?? ''));
      const sorted = sortItems(list, o.sort, {
        name: (g) => g.subject,
        articles: (g) => new Set(g.figures.flatMap((f) => f.documents)).size,
        first: (g) => [Math.min(...g.figures.flatMap((f) => f.documents.map((d) => order.get(d) ?? 0))), g.figures[0]?.claims[0]?.claim.start ?? 0],
      });
      // Conflicts first, then the rest, each in the chosen order.
      return [...sorted.filter((g) => g.agreement === 'conflict'), ...sorted.filter((g) => g.agreement !== 'conflict')];
    });
  }

  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent) return this.groupListing();
    if (parent.contextValue.startsWith('figureGroup')) return this.figureListing(parent);
    if (parent.contextValue === 'figure') return this.claimListing(parent);
    return EMPTY;
  }

  private groupListing(): Listing<FigureGroup> {
    return {
      items: this.groups(),
      idOf: groupNodeId,
      make: (g, id) => {
        const label = g.unit && !g.subject.toLowerCase().includes(g.unit.toLowerCase()) ? `${g.subject} (${g.unit})` : g.subject;
        return {
          id,
          contextValue: `figureGroup.${g.agreement}`,
          label,
          highlight: highlightOf(label, this.options.text),
          description: groupDescription(g),
          tooltip: groupTooltip(g, this.data),
          icon:
            g.agreement === 'conflict'
              ? { id: 'warning', color: 'problemsWarningIcon.foreground' }
              : g.agreement === 'distinct'
                ? { id: 'info', color: 'problemsInfoIcon.foreground' }
                : { id: 'pass', color: 'testing.iconPassed' },
          expand: g.agreement === 'conflict' ? 'expanded' : 'collapsed',
          name: g.subject,
        };
      },
    };
  }

  private figureListing(parent: ViewNode): Listing<Figure> {
    const g = parent.data as FigureGroup;
    return {
      items: g.figures,
      idOf: (f) => figureNodeId(g, f),
      make: (f, id) => ({
        id,
        contextValue: 'figure',
        label: figureLabel(f, g.unit),
        description: f.documents.map((d) => this.data.displayName(d)).join(', '),
        tooltip: `${figureLabel(f, g.unit)}\n${count(f.documents.length, 'article')}: ${f.documents.map((d) => this.data.displayName(d)).join(', ')}`,
        icon: { id: 'symbol-number' },
        expand: 'collapsed',
        name: figureLabel(f, g.unit),
        target: f.claims[0] && { document: f.claims[0].document, start: f.claims[0].claim.start, end: f.claims[0].claim.end },
        parent,
      }),
    };
  }

  private claimListing(parent: ViewNode): Listing<ClaimRef> {
    const g = parent.parent!.data as FigureGroup;
    const f = parent.data as Figure;
    return {
      items: f.claims,
      idOf: (c) => claimNodeId(g, f, c),
      make: (c, id) => ({
        id,
        contextValue: 'claim',
        label: clip(c.claim.text),
        description: this.data.displayName(c.document),
        tooltip: `${c.claim.text}${c.claim.subject ? `\nAbout: ${c.claim.subject}` : ''}\n${this.data.displayName(c.document)}`,
        icon: { id: 'quote' },
        expand: 'none',
        name: c.claim.text,
        target: { document: c.document, start: c.claim.start, end: c.claim.end },
        parent,
      }),
    };
  }

  /** The claim node for a claim (by index in its article's analysis), made with its ancestors. */
  locateClaim(group: FigureGroup, doc: string, claimIndex: number): { node?: ViewNode; grew: (ViewNode | undefined)[] } {
    const grew: (ViewNode | undefined)[] = [];
    const step = (parent: ViewNode | undefined, id: string) => {
      const r = this.ensureChild(parent, id);
      if (r.grew) grew.push(parent);
      return r.node;
    };
    const gNode = step(undefined, groupNodeId(group));
    const g = gNode?.data as FigureGroup | undefined;
    const f = g?.figures.find((x) => x.claims.some((c) => c.document === doc && c.index === claimIndex));
    const fNode = gNode && f && step(gNode, figureNodeId(g!, f));
    const c = f?.claims.find((x) => x.document === doc && x.index === claimIndex);
    const cNode = fNode && c && step(fNode, claimNodeId(g!, f!, c));
    return { node: cNode ?? fNode ?? gNode, grew };
  }
}

function groupTooltip(g: FigureGroup, data: CorpusData): string {
  const head =
    g.agreement === 'conflict'
      ? 'Conflict: the articles state figures that cannot all hold.'
      : g.agreement === 'distinct'
        ? 'Distinct: one figure is stated as an expectation, the other as a fact.'
        : 'The articles agree.';
  const lines = g.figures.map((f) => `• ${figureLabel(f, g.unit)}: ${f.documents.map((d) => data.displayName(d)).join(', ')}`);
  return [g.subject, head, ...lines].join('\n');
}
