// What every export format reads: the analyzed articles with their sidecars, the corpus
// snapshot when one was built, and the caller's settings. The core never reads the clock, so
// `generated` comes from the caller and the same input always gives the same bytes.
import type { AnchoredAnnotation, Sidecar } from '../annotations/model';
import type { CorpusSnapshot } from '../corpus/model';
import type { ArticleAnalysis } from '../types';

export interface ExportArticle {
  /** The document identity: path relative to the workspace folder, forward slashes (as in sidecars
   * and in `corpus.documents`). */
  path: string;
  /** The article's current text. */
  text: string;
  /** sha256 (hex) of `text`, when the caller has it (the corpus index does). */
  sha256?: string;
  analysis: ArticleAnalysis;
  /** Absent when the article has no sidecar file yet. */
  sidecar?: Sidecar;
  /** `anchorAll(sidecar, text)`: where each annotation sits in the current text. When absent, the
   * offsets stored in the sidecar are taken as they are. */
  anchored?: AnchoredAnnotation[];
}

export interface ExportInput {
  articles: ExportArticle[];
  corpus?: CorpusSnapshot;
  /** Who publishes the review (ClaimReview author, report title). Default "News Lens". */
  organization?: string;
  /** ISO 8601 time of the export, passed in so output is reproducible. */
  generated: string;
  /** Where the articles are published (ends with "/"). Without it, links to articles are
   * relative references made from their paths. */
  baseUrl?: string;
}

export const DEFAULT_ORGANIZATION = 'News Lens';

/** Articles in path order (code-unit order, not locale order, so output never depends on ICU). */
export function sortedArticles(input: ExportInput): ExportArticle[] {
  return [...input.articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function organizationOf(input: ExportInput): string {
  return input.organization?.trim() || DEFAULT_ORGANIZATION;
}

/** A link to an article: absolute under `baseUrl`, else a relative reference. Each path segment
 * is percent-encoded so spaces and `#` survive. */
export function articleUrl(input: Pick<ExportInput, 'baseUrl'>, path: string): string {
  const rel = path.split('/').map(encodeURIComponent).join('/');
  return input.baseUrl ? new URL(rel, input.baseUrl).href : rel;
}

/** Inverse of `articleUrl`: the document path a link names, or undefined when it lies outside. */
export function pathFromUrl(url: string, baseUrl?: string): string | undefined {
  let rel = url;
  if (baseUrl) {
    if (!url.startsWith(baseUrl)) return undefined;
    rel = url.slice(baseUrl.length);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return undefined;
  }
  try {
    return rel.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}
