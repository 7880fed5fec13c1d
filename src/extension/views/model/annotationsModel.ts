// Annotations: article → annotation, with status icons; orphaned annotations (their text is gone
// from the article) in their own group at the top, never dropped.
//
// contextValue scheme (package.json menus match on these with `viewItem`):
//   annotationArticle                  an article with a sidecar (annotationArticle.damaged when it failed to load)
//   annotation.<kind>.<status>         kind: note | claim | entity | quote
//                                      status: claims: verified | disputed | false | misleading | needs-source |
//                                              unverifiable | unreviewed; notes: open | resolved;
//                                              entities: rejected | accepted | corrected | unreviewed; quotes: unreviewed
//   annotation.orphan.<kind>.<status>  the same, for an annotation whose text could not be found
//   orphanGroup                        the "Orphaned annotations" group
// The other views use: entityType, entity, entityArticle, mention (Cross-references);
// figureGroup.conflict | figureGroup.distinct | figureGroup.agree, figure, claim (Figures);
// topic, article, topicEntity, topicFigure (Topics); sourcesArticle, sourcesSection.quoted |
// sourcesSection.attributed, speaker | speaker.single | speaker.unknown, quote, attribution |
// attribution.vague (Sources); more ("… N more"), message.
// Example: `"when": "view == newsLens.annotations && viewItem =~ /^annotation\\.claim\\./"`.
import type { AnchoredAnnotation, Annotation, ArticleStatus } from '../../../core/annotations/model';
import { clip, count, fold } from './format';
import { LazyTree, type Listing } from './lazyTree';
import type { Icon, ViewNode } from './node';
import { highlightOf, matchesText, sortItems } from './sorting';

const EMPTY: Listing<never> = { items: [], idOf: () => '', make: () => ({}) as ViewNode };

export interface AnnotationArticle {
  status?: ArticleStatus;
  /** Why the sidecar could not be loaded. */
  error?: string;
  anchored: AnchoredAnnotation[];
}

export interface AnnotationsData {
  /** Articles with a sidecar (document keys). */
  articles(): string[];
  get(doc: string): AnnotationArticle;
  displayName(doc: string): string;
}

export function annotationStatus(a: Annotation): string {
  if (a.kind === 'claim') return a.verdict ?? 'unreviewed';
  if (a.kind === 'note') return a.status ?? 'open';
  if (a.kind === 'entity') return a.rejected ? 'rejected' : a.type || a.name ? 'corrected' : a.accepted ? 'accepted' : 'unreviewed';
  return 'unreviewed';
}

const STATUS_ICON: Record<string, Icon> = {
  verified: { id: 'pass-filled', color: 'testing.iconPassed' },
  accepted: { id: 'pass', color: 'testing.iconPassed' },
  resolved: { id: 'check', color: 'testing.iconPassed' },
  false: { id: 'error', color: 'problemsErrorIcon.foreground' },
  rejected: { id: 'close', color: 'problemsErrorIcon.foreground' },
  disputed: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  misleading: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  'needs-source': { id: 'question', color: 'problemsWarningIcon.foreground' },
  unverifiable: { id: 'circle-slash' },
  corrected: { id: 'edit' },
  open: { id: 'comment' },
  unreviewed: { id: 'circle-large-outline' },
};

export function contextValueOf(a: Annotation, orphan: boolean): string {
  return `annotation.${orphan ? 'orphan.' : ''}${a.kind}.${annotationStatus(a)}`;
}

/** Filter facets: `kind:claim`, `status:verified`, `tag:<label>`. Facets of one family are alternatives. */
function passes(a: Annotation, facets: string[], text: string): boolean {
  const by = (family: string) => facets.filter((f) => f.startsWith(family + ':')).map((f) => f.slice(family.length + 1));
  const kinds = by('kind'), statuses = by('status'), tags = by('tag');
  if (kinds.length && !kinds.includes(a.kind)) return false;
  if (statuses.length && !statuses.includes(annotationStatus(a))) return false;
  if (tags.length && !a.tags.some((t) => tags.includes(t))) return false;
  return matchesText(text, a.target.exact, a.body, ...a.tags);
}

type Entry = { doc: string; anchored: AnchoredAnnotation };

export class AnnotationsModel extends LazyTree {
  constructor(private readonly data: AnnotationsData) {
    super();
  }

  private visible(doc: string): AnchoredAnnotation[] {
    const o = this.options;
    return this.data.get(doc).anchored.filter((x) => passes(x.annotation, o.facets, o.text));
  }

  protected list(parent: ViewNode | undefined): Listing<any> {
    if (!parent) return this.rootListing();
    if (parent.contextValue === 'orphanGroup') return this.entryListing(parent, this.orphans());
    if (parent.contextValue.startsWith('annotationArticle')) {
      const doc = parent.target!.document;
      const anchored = this.visible(doc).filter((x) => x.state !== 'orphaned');
      anchored.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
      return this.entryListing(parent, anchored.map((x) => ({ doc, anchored: x })));
    }
    return EMPTY;
  }

  private orphans(): Entry[] {
    const out: Entry[] = [];
    for (const doc of this.data.articles()) for (const x of this.visible(doc)) if (x.state === 'orphaned') out.push({ doc, anchored: x });
    return out;
  }

  private rootListing(): Listing<string> {
    const o = this.options;
    const docs = this.data.articles().filter((doc) => {
      const st = this.data.get(doc);
      return st.error || this.visible(doc).some((x) => x.state !== 'orphaned') || (!o.facets.length && !o.text && !st.anchored.length);
    });
    const sorted = sortItems(docs, o.sort === 'articles' ? 'articles' : 'name', {
      name: (d) => this.data.displayName(d),
      articles: (d) => this.data.get(d).anchored.length,
      first: () => [0, 0],
    });
    const orphans = this.orphans().length;
    const items = orphans ? ['', ...sorted] : sorted;
    return {
      items,
      idOf: (doc) => (doc ? `a:${doc}` : 'orphans'),
      make: (doc, id) => {
        if (!doc) {
          return {
            id,
            contextValue: 'orphanGroup',
            label: 'Orphaned annotations',
            description: count(orphans, 'annotation'),
            tooltip: 'Annotations whose text is no longer in the article. They are kept; re-anchor or delete them.',
            icon: { id: 'debug-disconnect', color: 'problemsWarningIcon.foreground' },
            expand: 'expanded',
          };
        }
        const st = this.data.get(doc);
        const label = this.data.displayName(doc);
        const n = st.anchored.filter((x) => x.state !== 'orphaned').length;
        return {
          id,
          contextValue: st.error ? 'annotationArticle.damaged' : 'annotationArticle',
          label,
          highlight: highlightOf(label, o.text),
          description: st.error ? `sidecar not loaded: ${clip(st.error, 60)}` : [count(n, 'annotation'), st.status].filter(Boolean).join(' · '),
          tooltip: st.error ?? undefined,
          icon: st.error ? { id: 'error', color: 'problemsErrorIcon.foreground' } : { id: st.status === 'reviewed' ? 'pass' : 'file' },
          expand: 'collapsed',
          target: { document: doc },
        };
      },
      // A new sidecar state object each load: compared by what the node shows.
      versionOf: (doc) => {
        if (!doc) return `orphans:${orphans}`;
        const st = this.data.get(doc);
        return `${st.status}|${st.error ?? ''}|${st.anchored.map((x) => x.annotation.modified + x.state + x.start).join(',')}`;
      },
    };
  }

  private entryListing(parent: ViewNode, entries: Entry[]): Listing<Entry> {
    const orphan = parent.contextValue === 'orphanGroup';
    return {
      items: entries,
      idOf: (x) => `${parent.id}|${x.anchored.annotation.id}`,
      make: (x, id) => {
        const a = x.anchored.annotation;
        const status = annotationStatus(a);
        const quoted = clip(a.target.exact, 60);
        const label = a.kind === 'note' ? clip(a.body || a.target.exact, 60) : a.kind === 'entity' && a.name ? `${quoted} → ${a.name}` : quoted;
        const desc = [a.kind, status, ...a.tags.map((t) => '#' + t)];
        if (orphan) desc.unshift(this.data.displayName(x.doc));
        if (x.anchored.state === 'moved') desc.push('moved');
        return {
          id,
          contextValue: contextValueOf(a, orphan),
          label,
          highlight: highlightOf(label, this.options.text),
          description: desc.join(' · '),
          tooltip: [`${a.kind}: “${a.target.exact}”`, a.body, `${status} — ${a.author}, ${a.modified.slice(0, 10)}`, orphan ? 'Orphaned: this text is no longer in the article.' : ''].filter(Boolean).join('\n'),
          icon: orphan ? { id: 'debug-disconnect', color: 'problemsWarningIcon.foreground' } : STATUS_ICON[status] ?? STATUS_ICON.unreviewed,
          expand: 'none',
          name: a.target.exact,
          target: orphan ? { document: x.doc } : { document: x.doc, start: x.anchored.start, end: x.anchored.end },
          parent,
        };
      },
      versionOf: (x) => {
        const a = x.anchored.annotation;
        return `${x.doc}|${a.modified}|${x.anchored.state}|${x.anchored.start}|${x.anchored.end}|${contextValueOf(a, orphan)}|${a.body}|${a.tags.join(',')}`;
      },
    };
  }

  /** Every tag used, for the filter's quick pick. */
  tags(): string[] {
    const t = new Set<string>();
    for (const doc of this.data.articles()) for (const x of this.data.get(doc).anchored) for (const tag of x.annotation.tags) t.add(tag);
    return [...t].sort((a, b) => fold(a).localeCompare(fold(b)));
  }
}
