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

/**
 * anchored: the stored quote is at the stored position. moved: found elsewhere, or found only
 * approximately (score < 1). orphaned: not found; the annotation keeps its stored target.
 */
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

/** Sidecars larger than this are refused unread: no reviewer writes 10 MB of notes by hand. */
export const MAX_SIDECAR_BYTES = 10 * 1024 * 1024;

export const ANNOTATION_KINDS = ['note', 'claim', 'entity', 'quote'] as const;
export const NOTE_STATUSES = ['open', 'resolved'] as const;

/** A problem that stops a sidecar (or the lexicon) from loading. Nothing is ever written over such a file. */
export interface SidecarError {
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in UTF-16 code units like the editor's columns. */
  column?: number;
  /** Where in the document, as `annotations[3].target.start`. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Machine-readable kind; always set by the loaders here. */
  code?: 'io' | 'empty' | 'too-large' | 'syntax' | 'conflict-markers' | 'version' | 'schema';
}

/** Something the loader fixed in memory and the user should hear about (e.g. a git merge left two copies). */
export interface SidecarWarning {
  file: string;
  field?: string;
  message: string;
}
