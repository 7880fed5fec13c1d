// The shapes every part of News Lens agrees on. Offsets are UTF-16 indices into the
// article's text (what `document.offsetAt` returns), `end` exclusive.

export type EntityType = 'person' | 'place' | 'organization';

export interface Span {
  start: number;
  end: number;
}

export interface Entity extends Span {
  text: string;
  type: EntityType;
  /** Full name this mention stands for when it is a short form ("Zelensky" → "Volodymyr Zelensky"). */
  canonical?: string;
}

export type ClaimKind = 'count' | 'quantity' | 'money' | 'percent' | 'date' | 'time' | 'duration' | 'ordinal';

export interface Claim extends Span {
  text: string;
  kind: ClaimKind;
  /** A number, or an ISO string for dates and times ("2024-10-28", "--01-05", "03:00"). */
  value: number | string;
  /** The counted noun or unit: "soldiers", "square kilometers", "dlrs", "%". */
  unit?: string;
  /** The hedge: "approximately", "at least", "more than", … */
  approx?: string;
  /** What the figure is about, in a few words ("North Korean troops"). */
  subject?: string;
  /** True when the sentence states the figure as an expectation ("expected to", "could reach"). */
  expected?: boolean;
}

export interface Quote extends Span {
  text: string;
  speaker?: string;
  speakerStart?: number;
  speakerEnd?: number;
}

export interface Attribution extends Span {
  /** The attributing phrase as it stands ("according to Reuters", "Analysts suggest"). */
  text: string;
  /** Who the statement is credited to ("Reuters", "analysts"). */
  source: string;
  /** True when no named, checkable source stands behind it. */
  vague: boolean;
  /** For vague ones: what is missing, in a reviewer's words. */
  reason?: string;
}

export interface ArticleStats {
  words: number;
  sentences: number;
  paragraphs: number;
}

export interface ArticleAnalysis {
  entities: Entity[];
  claims: Claim[];
  quotes: Quote[];
  attributions: Attribution[];
  stats: ArticleStats;
  /** The article's own date when it states one (ISO yyyy-mm-dd), used to resolve relative dates. */
  date?: string;
}

export interface AnalyzeOptions {
  /** The article's date when known from outside the text (ISO yyyy-mm-dd). Never the machine clock. */
  date?: string;
  /** Whether the article is hard-wrapped (lines broken inside sentences), when the text given is
   * only part of it: the incremental analyzer re-analyses single paragraphs in the article's style. */
  hardWrapped?: boolean;
}
