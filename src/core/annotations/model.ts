// The annotation model stored in sidecar files (`ARTICLE.annotations.json`). Field names follow
// the W3C Web Annotation selectors (TextPositionSelector start/end, TextQuoteSelector
// exact/prefix/suffix) so exports map one to one.
import type { EntityType } from '../types';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annotations.json';
/** Characters of context kept on each side of an anchored span. */
export const CONTEXT_LENGTH = 32;

export type AnnotationKind = 'note' | 'claim' | 'entity' | 'quote';

export const VERDICTS = ['verified', 'disputed', 'false', 'misleading', 'needs-source', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export type ClaimStatus = Verdict | 'unreviewed';

export const ARTICLE_STATUSES = ['unreviewed', 'in-review', 'reviewed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export type NoteStatus = 'open' | 'resolved';

export interface AnnotationTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Reply {
  id: string;
  author: string;
  created: string;
  modified: string;
  body: string;
}

export interface Annotation {
  id: string;
  created: string;
  modified: string;
  author: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  /** Markdown. */
  body: string;
  /** Notes: open | resolved. */
  status?: NoteStatus;
  /** Claims: the reviewer's verdict. Absent means unreviewed. */
  verdict?: Verdict;
  tags: string[];
  /** URLs of sources. */
  links: string[];
  /** Entity corrections. */
  type?: EntityType;
  name?: string;
  rejected?: boolean;
  /** Entity: the reviewer confirmed the engine's reading. */
  accepted?: boolean;
  /** Replies in a note's thread. */
  replies?: Reply[];
  /** Set when a re-anchor had to search fuzzily: the match score (0..1) it got. */
  anchorScore?: number;
}

export interface SidecarDocument {
  /** Path of the article relative to its workspace folder, with forward slashes. */
  path: string;
  /** sha256 (hex) of the article's text when the sidecar was last saved. */
  sha256: string;
}

export interface Sidecar {
  version: number;
  document: SidecarDocument;
  status: ArticleStatus;
  annotations: Annotation[];
}

export type AnchorState = 'anchored' | 'moved' | 'orphaned';

export interface AnchoredAnnotation {
  annotation: Annotation;
  state: AnchorState;
  /** Current offsets in the article's text; absent for orphans. */
  start?: number;
  end?: number;
  /** 1 for exact, lower for fuzzy matches. */
  score: number;
}
