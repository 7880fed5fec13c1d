// Spreadsheet exports (RFC 4180: CRLF records, quoted fields with doubled quotes and embedded
// line breaks), written by csv-stringify so quoting is never hand-rolled.
//   annotationsCsv: one row per annotation.  claimsCsv: one row per detected (or reviewer-marked) claim.
import { stringify } from 'csv-stringify/sync';
import { claimRows, placedAnnotations, type Placed } from './claimRows';
import { figureLookup } from './figures';
import { sortedArticles, type ExportInput } from './input';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
  /** Prefix cells that start with = + - @ TAB CR with a ' so spreadsheet programs show them as text
   * instead of running them as formulas (CSV injection). On by default; numbers are never touched. */
  escapeFormulas?: boolean;
}

export const ANNOTATION_COLUMNS = [
  'article', 'id', 'kind', 'quote', 'start', 'end', 'anchor', 'status', 'note', 'author', 'created', 'modified',
  'links', 'tags', 'entity_type', 'entity_name', 'replies',
] as const;

export const CLAIM_COLUMNS = [
  'article', 'start', 'end', 'text', 'kind', 'value', 'unit', 'approx', 'subject', 'expected', 'verdict', 'note',
  'reviewer', 'figure_group', 'agreement', 'conflicts',
] as const;

type Cell = string | number;
type Row<C extends readonly string[]> = Record<C[number], Cell>;

/** Lists inside one cell (links, tags) are separated by line breaks: URLs and tags may hold
 * spaces or commas, never a line break. */
const LIST_SEPARATOR = '\n';

export function annotationRows(input: ExportInput): Row<typeof ANNOTATION_COLUMNS>[] {
  const rows: Row<typeof ANNOTATION_COLUMNS>[] = [];
  for (const article of sortedArticles(input)) {
    for (const p of placedAnnotations(article)) rows.push(annotationRow(article.path, p));
  }
  return rows;
}

function annotationRow(path: string, p: Placed): Row<typeof ANNOTATION_COLUMNS> {
  const a = p.annotation;
  return {
    article: path,
    id: a.id,
    kind: a.kind,
    quote: a.target.exact,
    start: p.start ?? '',
    end: p.end ?? '',
    anchor: p.state,
    status: statusOf(a),
    note: a.body,
    author: a.author,
    created: a.created,
    modified: a.modified,
    links: a.links.join(LIST_SEPARATOR),
    tags: a.tags.join(LIST_SEPARATOR),
    entity_type: a.type ?? '',
    entity_name: a.name ?? '',
    replies: a.replies?.length ?? 0,
  };
}

/** One word for where an annotation stands: a claim's verdict, a note's thread state, an entity review. */
export function statusOf(a: Placed['annotation']): string {
  switch (a.kind) {
    case 'claim':
      return a.verdict ?? 'unreviewed';
    case 'note':
      return a.status ?? 'open';
    case 'entity':
      if (a.rejected) return 'rejected';
      if (a.type !== undefined || a.name !== undefined) return 'corrected';
      return a.accepted ? 'accepted' : '';
    default:
      return '';
  }
}

export function claimCsvRows(input: ExportInput): Row<typeof CLAIM_COLUMNS>[] {
  const figures = figureLookup(input.corpus);
  const rows: Row<typeof CLAIM_COLUMNS>[] = [];
  for (const article of sortedArticles(input)) {
    for (const r of claimRows(article, figures)) {
      rows.push({
        article: article.path,
        start: r.start ?? '',
        end: r.end ?? '',
        text: r.text,
        kind: r.claim?.kind ?? '',
        value: r.claim?.value ?? '',
        unit: r.claim?.unit ?? '',
        approx: r.claim?.approx ?? '',
        subject: r.claim?.subject ?? r.place?.group.subject ?? '',
        expected: r.claim?.expected ? 'yes' : '',
        verdict: r.verdict,
        note: r.note,
        reviewer: r.review?.annotation.author ?? '',
        figure_group: r.place?.group.id ?? '',
        agreement: r.place?.group.agreement ?? '',
        conflicts: r.conflicts.map((c) => `${c.document}: ${c.approx ? c.approx + ' ' : ''}${c.value}`).join(LIST_SEPARATOR),
      });
    }
  }
  return rows;
}

export function exportAnnotationsCsv(input: ExportInput, options: CsvOptions = {}): string {
  return toCsv(ANNOTATION_COLUMNS, annotationRows(input), options);
}

export function exportClaimsCsv(input: ExportInput, options: CsvOptions = {}): string {
  return toCsv(CLAIM_COLUMNS, claimCsvRows(input), options);
}

function toCsv(columns: readonly string[], rows: Record<string, Cell>[], options: CsvOptions): string {
  // Rows go in as arrays: csv-stringify resolves object keys as paths per cell, which costs more
  // than the rest of the export on a large corpus.
  return stringify(
    rows.map((r) => columns.map((c) => r[c])),
    {
      header: true,
      columns: [...columns],
      bom: options.bom ?? false,
      record_delimiter: 'windows',
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR;
      // RFC 4180 readers and spreadsheets would split the record there.
      quoted_match: /[\r\n]/,
      escape_formulas: options.escapeFormulas ?? true,
    },
  );
}
