// The review report: a corpus summary, the figures that several articles state, and one section
// per article (status, claims with verdicts and conflicts, entities, quotes, vague attributions,
// open notes). Built as blocks so the HTML report can put a chart where a figure group stands.
import type { CorpusSnapshot, FigureGroup } from '../corpus/model';
import { ARTICLE_STATUSES, VERDICTS, type ClaimStatus } from '../annotations/model';
import type { EntityType } from '../types';
import { claimRows, placedAnnotations, type ClaimRow } from './claimRows';
import { figureLookup, groupDocuments } from './figures';
import { formatClaimValue, formatNumber } from './format';
import { organizationOf, sortedArticles, type ExportArticle, type ExportInput } from './input';
import { mdCell, mdTable, mdText } from './markdownEscape';

export interface ReportOptions {
  /** Which articles get a full section (the summary always covers all):
   * - 'all': every article;
   * - 'annotated': those with a sidecar;
   * - 'relevant': those with a sidecar or a claim in a conflicting figure group, the others in
   *   one brief table at the end;
   * - 'auto' (default): 'all' up to AUTO_ALL_LIMIT articles, 'relevant' beyond, where a section
   *   per unreviewed article would bury the review under thousands of pages. */
  articles?: 'all' | 'annotated' | 'relevant' | 'auto';
}

export const AUTO_ALL_LIMIT = 500;

export interface ChartPoint {
  document: string;
  value: number | string;
  approx?: string;
}

export type ReportBlock =
  | { kind: 'markdown'; text: string }
  /** Where the HTML report draws the group's chart (the Markdown report has the table only). */
  | { kind: 'chart'; group: FigureGroup; points: ChartPoint[] };

const CLAIM_STATUSES: ClaimStatus[] = [...VERDICTS, 'unreviewed'];
const TYPE_LABEL: Record<EntityType, string> = { person: 'People', place: 'Places', organization: 'Organizations' };

export function reportBlocks(input: ExportInput, options: ReportOptions = {}): ReportBlock[] {
  const articles = sortedArticles(input);
  const figures = figureLookup(input.corpus);
  const rowsByArticle = new Map(articles.map((a) => [a, claimRows(a, figures)]));
  const verdictOf = new Map<string, ClaimStatus>();
  for (const rows of rowsByArticle.values()) {
    for (const r of rows) if (r.claimIndex !== undefined) verdictOf.set(claimKey(r.article.path, r.claimIndex), r.verdict);
  }
  const shared = (input.corpus?.claimGroups ?? []).filter((g) => groupDocuments(g).length > 1);
  const blocks: ReportBlock[] = [];
  const md = (text: string) => blocks.push({ kind: 'markdown', text });

  md(summary(input, articles, rowsByArticle, shared, verdictOf));
  if (shared.length) {
    md('## Figures across articles\n\nFigures that more than one article states about the same subject.');
    for (const group of orderGroups(shared)) {
      md(`### ${mdText(group.subject || 'Untitled figure')}${group.unit ? ` (${mdText(group.unit)})` : ''} — ${group.agreement}`);
      blocks.push({ kind: 'chart', group, points: chartPoints(group) });
      md(figureTable(group, verdictOf));
    }
  }
  const mode = options.articles === undefined || options.articles === 'auto' ? (articles.length <= AUTO_ALL_LIMIT ? 'all' : 'relevant') : options.articles;
  const inConflict = (a: ExportArticle) => rowsByArticle.get(a)!.some((r) => r.conflicts.length > 0);
  const listed = mode === 'all' ? articles : articles.filter((a) => a.sidecar || (mode === 'relevant' && inConflict(a)));
  const why = mode === 'annotated' ? 'those with annotations' : 'those with annotations or conflicting figures';
  md(`## Articles${listed.length < articles.length ? `\n\n${listed.length} of ${articles.length} articles: ${why}.` : ''}`);
  const entityNames = canonicalNames(input.corpus);
  for (const article of listed) md(articleSection(article, rowsByArticle.get(article)!, entityNames));
  if (mode === 'relevant' && listed.length < articles.length) {
    const shown = new Set(listed);
    const rest = articles.filter((a) => !shown.has(a));
    md(`## Other articles\n\n${rest.length} articles without annotations or conflicting figures, in brief.`);
    md(
      mdTable(
        ['Article', 'Claims', 'Entities', 'Quotes', 'Vague attributions'],
        rest.map((a) => [mdText(a.path), String(a.analysis.claims.length), String(a.analysis.entities.length), String(a.analysis.quotes.length), String(a.analysis.attributions.filter((x) => x.vague).length)]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return blocks;
}

export function exportMarkdownReport(input: ExportInput, options: ReportOptions = {}): string {
  return (
    reportBlocks(input, options)
      .filter((b): b is Extract<ReportBlock, { kind: 'markdown' }> => b.kind === 'markdown')
      .map((b) => b.text)
      .join('\n\n') + '\n'
  );
}

function summary(
  input: ExportInput,
  articles: ExportArticle[],
  rowsByArticle: Map<ExportArticle, ClaimRow[]>,
  shared: FigureGroup[],
  verdictOf: Map<string, ClaimStatus>,
): string {
  const org = organizationOf(input);
  const byStatus = count(articles.map((a) => a.sidecar?.status ?? 'unreviewed'));
  const placed = articles.flatMap(placedAnnotations);
  const byKind = count(placed.map((p) => p.annotation.kind));
  const openNotes = placed.filter((p) => p.annotation.kind === 'note' && p.annotation.status !== 'resolved').length;
  const orphaned = placed.filter((p) => p.state === 'orphaned').length;
  const byVerdict = count([...rowsByArticle.values()].flat().map((r) => r.verdict));
  const conflicts = (input.corpus?.claimGroups ?? []).filter((g) => g.agreement === 'conflict');
  const open = conflicts.filter((g) => g.figures.some((f) => f.claims.some((c) => (verdictOf.get(claimKey(c.document, c.index)) ?? 'unreviewed') === 'unreviewed')));

  const out = [
    `# Review report — ${mdText(org)}`,
    `Generated ${mdText(input.generated)} · ${articles.length} article${articles.length === 1 ? '' : 's'}`,
    '## Summary',
    [
      `- **Articles reviewed:** ${byStatus.get('reviewed') ?? 0} of ${articles.length} (${ARTICLE_STATUSES.map((s) => `${s} ${byStatus.get(s) ?? 0}`).join(' · ')})`,
      `- **Annotations:** ${placed.length} (notes ${byKind.get('note') ?? 0}, of which open ${openNotes} · claims ${byKind.get('claim') ?? 0} · entities ${byKind.get('entity') ?? 0} · quotes ${byKind.get('quote') ?? 0})`,
      ...(orphaned ? [`- **Orphaned annotations:** ${orphaned} (their text is no longer in the article)`] : []),
      `- **Open conflicts:** ${open.length} of ${conflicts.length} conflicting figure group${conflicts.length === 1 ? '' : 's'}${input.corpus ? '' : ' (no corpus index given)'}`,
    ].join('\n'),
    '### Claims by verdict',
    mdTable(['Verdict', 'Claims'], CLAIM_STATUSES.map((v) => [v, String(byVerdict.get(v) ?? 0)]), ['left', 'right']),
  ];
  if (open.length) {
    out.push('### Open conflicts', 'Figure groups whose articles disagree and that still hold unreviewed claims.');
    out.push(
      mdTable(
        ['Subject', 'Unit', 'What the articles say'],
        open.map((g) => [
          mdCell(g.subject),
          mdCell(g.unit),
          g.figures.map((f) => `${mdText(formatNumber(f.value))}: ${f.documents.map(mdText).join(', ')}`).join('; '),
        ]),
      ),
    );
  }
  return out.join('\n\n');
}

function figureTable(group: FigureGroup, verdictOf: Map<string, ClaimStatus>): string {
  const rows: string[][] = [];
  for (const f of group.figures) {
    for (const c of f.claims) {
      rows.push([mdCell(c.document), mdCell(formatClaimValue({ value: f.value, approx: f.approx, unit: group.unit })), mdCell(c.claim.text), verdictOf.get(claimKey(c.document, c.index)) ?? 'unreviewed']);
    }
  }
  return mdTable(['Article', 'Value', 'Claim', 'Verdict'], rows);
}

function articleSection(article: ExportArticle, rows: ClaimRow[], entityNames: CanonicalNames): string {
  const placed = placedAnnotations(article);
  const status = article.sidecar?.status ?? 'unreviewed';
  const out = [`### ${mdText(article.path)}`];
  const facts = [`**Status:** ${status}`, `${placed.length} annotation${placed.length === 1 ? '' : 's'}`];
  if (article.analysis.date) facts.push(`dated ${mdText(article.analysis.date)}`);
  const orphaned = placed.filter((p) => p.state === 'orphaned').length;
  if (orphaned) facts.push(`**${orphaned} orphaned**`);
  if (article.sha256 && article.sidecar && article.sidecar.document.sha256 !== article.sha256) facts.push('text changed since the annotations were saved');
  out.push(facts.join(' · '));

  out.push('#### Claims');
  out.push(
    rows.length
      ? mdTable(
          ['Claim', 'Value', 'Verdict', 'Note', 'Conflicts with other articles'],
          rows.map((r) => [
            mdCell(r.text),
            mdCell(r.claim ? formatClaimValue(r.claim) : undefined),
            r.review?.state === 'orphaned' ? `${r.verdict} (orphaned)` : r.verdict,
            mdCell(r.note),
            r.conflicts.length ? r.conflicts.map((c) => `${mdText(c.document)}: ${mdText(formatClaimValue({ value: c.value, approx: c.approx }))}`).join('; ') : '—',
          ]),
        )
      : '_No claims detected._',
  );

  out.push('#### Entities');
  out.push(entityList(article, entityNames));

  out.push('#### Quotes');
  const quotes = article.analysis.quotes;
  out.push(quotes.length ? mdTable(['Quote', 'Speaker'], quotes.map((q) => [mdCell(q.text), mdCell(q.speaker, '_unattributed_')])) : '_No quotes detected._');

  const vague = article.analysis.attributions.filter((a) => a.vague);
  out.push('#### Vague attributions');
  out.push(vague.length ? mdTable(['Attribution', 'Credited to', 'What is missing'], vague.map((a) => [mdCell(a.text), mdCell(a.source), mdCell(a.reason)])) : '_None._');

  const notes = placed.filter((p) => p.annotation.kind === 'note' && p.annotation.status !== 'resolved');
  out.push('#### Open notes');
  out.push(
    notes.length
      ? notes
          .map((p) => {
            const a = p.annotation;
            const replies = a.replies?.length ? ` · ${a.replies.length} repl${a.replies.length === 1 ? 'y' : 'ies'}` : '';
            const where = p.state === 'orphaned' ? ' (orphaned)' : '';
            return `- On “${mdText(a.target.exact)}”${where}: ${mdText(a.body) || '_no text_'} — ${mdText(a.author)}, ${mdText(a.modified)}${replies}`;
          })
          .join('\n')
      : '_None._',
  );
  return out.join('\n\n');
}

function entityList(article: ExportArticle, entityNames: CanonicalNames): string {
  const byType = new Map<EntityType, Map<string, number>>();
  const names = entityNames.get(article.path);
  for (const e of article.analysis.entities) {
    const name = names?.get(e.start) ?? e.canonical ?? e.text;
    const counts = byType.get(e.type) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    byType.set(e.type, counts);
  }
  const lines: string[] = [];
  for (const type of ['person', 'place', 'organization'] as const) {
    const names = byType.get(type);
    if (!names) continue;
    const list = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    lines.push(`- **${TYPE_LABEL[type]}:** ${list.map(([n, k]) => (k > 1 ? `${mdText(n)} (${k})` : mdText(n))).join(', ')}`);
  }
  const reviews = placedAnnotations(article).filter((p) => p.annotation.kind === 'entity');
  for (const p of reviews) {
    const a = p.annotation;
    const what = a.rejected
      ? 'rejected as an entity'
      : [a.name !== undefined ? `renamed to “${mdText(a.name)}”` : '', a.type !== undefined ? `typed as ${a.type}` : '', a.accepted ? 'confirmed' : '']
          .filter(Boolean)
          .join(', ') || 'reviewed';
    lines.push(`- Reviewer: “${mdText(a.target.exact)}” ${what}${a.body ? ` — ${mdText(a.body)}` : ''}`);
  }
  return lines.length ? lines.join('\n') : '_No entities detected._';
}

/** Document → mention start → the corpus's canonical name. */
type CanonicalNames = Map<string, Map<number, string>>;

// The corpus's canonical name for each mention, so every article names a person the same way.
function canonicalNames(corpus: CorpusSnapshot | undefined): CanonicalNames {
  const out: CanonicalNames = new Map();
  for (const e of corpus?.entities ?? []) {
    for (const m of e.mentions) {
      let names = out.get(m.document);
      if (!names) out.set(m.document, (names = new Map()));
      names.set(m.start, e.name);
    }
  }
  return out;
}

function orderGroups(groups: FigureGroup[]): FigureGroup[] {
  const rank = { conflict: 0, agree: 1, distinct: 2 } as const;
  return [...groups].sort((a, b) => rank[a.agreement] - rank[b.agreement] || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function chartPoints(group: FigureGroup): ChartPoint[] {
  return group.figures.flatMap((f) => f.claims.map((c) => ({ document: c.document, value: f.value, ...(f.approx ? { approx: f.approx } : {}) })));
}

function claimKey(document: string, index: number): string {
  return `${index}\u0000${document}`;
}

function count<T>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}
