// The export formats offered in the editor, each rendered by the core (src/core/export) exactly
// as the CLI's `news-lens export --format …` does, so a file made in the editor and one made in CI
// from the same review are the same bytes (given the same time).
import {
  exportAnnotationsCsv,
  exportClaimReview,
  exportClaimsCsv,
  exportHtmlReport,
  exportJsonBundle,
  exportMarkdownReport,
  exportWebAnnotations,
  type ExportInput,
} from '../../core/export';

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'webannotation', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  detail: string;
  /** The default file name's ending (after `news-lens-review-DATE`). */
  suffix: string;
  /** For the save dialog's filter. */
  filter: Record<string, string[]>;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'json', label: 'JSON bundle', detail: 'Every sidecar with the identity of its text: a backup, or a hand-over to another News Lens user', suffix: '.json', filter: { 'JSON bundle': ['json'] } },
  { id: 'csv', label: 'CSV', detail: 'Two spreadsheets: one row per annotation, and one row per claim (written beside it as NAME.claims.csv)', suffix: '.csv', filter: { CSV: ['csv'] } },
  { id: 'md', label: 'Markdown report', detail: 'Corpus summary, figures across articles, one section per article', suffix: '.md', filter: { Markdown: ['md'] } },
  { id: 'html', label: 'HTML report', detail: 'The report as one self-contained page with charts; opens offline, fetches nothing', suffix: '.html', filter: { HTML: ['html', 'htm'] } },
  { id: 'webannotation', label: 'W3C Web Annotation', detail: 'JSON-LD annotation collection other annotation tools read; News Lens imports it back exactly', suffix: '.webannotation.jsonld', filter: { 'JSON-LD': ['jsonld', 'json'] } },
  { id: 'claimreview', label: 'schema.org ClaimReview', detail: 'Your verdicts as structured data for publishing (author: the newsLens.organization setting)', suffix: '.claimreview.jsonld', filter: { 'JSON-LD': ['jsonld', 'json'] } },
];

export function formatInfo(id: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.id === id)!;
}

export function isExportFormat(x: unknown): x is ExportFormat {
  return typeof x === 'string' && (EXPORT_FORMATS as readonly string[]).includes(x);
}

/** One file an export writes: `sibling` names a second file beside the chosen one (CSV's claims). */
export interface RenderedFile {
  sibling?: 'claims';
  text: string;
}

// Same CSV settings as the CLI's defaults, plus the BOM so Excel opens the file as UTF-8:
// a reviewer exporting from the editor most likely double-clicks the result.
const CSV = { bom: true, escapeFormulas: true };

export function render(format: ExportFormat, input: ExportInput): RenderedFile[] {
  switch (format) {
    case 'json':
      return [{ text: exportJsonBundle(input) }];
    case 'csv':
      return [{ text: exportAnnotationsCsv(input, CSV) }, { sibling: 'claims', text: exportClaimsCsv(input, CSV) }];
    case 'md':
      return [{ text: exportMarkdownReport(input) }];
    case 'html':
      return [{ text: exportHtmlReport(input) }];
    case 'webannotation':
      return [{ text: exportWebAnnotations(input) }];
    case 'claimreview':
      return [{ text: exportClaimReview(input) }];
  }
}

/** `report.csv` → `report.claims.csv` (the CLI's naming for the second CSV table). */
export function claimsFileName(name: string): string {
  return `${name.replace(/\.csv$/i, '')}.claims.csv`;
}

/** `news-lens-review-2026-11-21.csv`: the local date, as a reviewer reads it. */
export function defaultFileName(format: ExportFormat, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `news-lens-review-${date}${formatInfo(format).suffix}`;
}
