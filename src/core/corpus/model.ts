// Shapes of the corpus index: what the sidebar, hovers, CLI and exports read.
import type { ArticleAnalysis, Claim, EntityType } from '../types';

/** One article as the index knows it. `path` is how the caller names it (relative or absolute). */
export interface IndexedDocument {
  path: string;
  /** sha256 (hex) of the text the analysis was made from. */
  hash: string;
  analysis: ArticleAnalysis;
}

export interface Mention {
  document: string;
  start: number;
  end: number;
  text: string;
}

export type MergeRule = 'exact' | 'surname' | 'name-part' | 'spelling-variant' | 'transliteration' | 'alias' | 'acronym' | 'lexicon';

export interface MergeReason {
  /** The variant that was merged in. */
  variant: string;
  rule: MergeRule;
  /** 0..1: how sure the rule was. */
  score: number;
}

export interface CanonicalEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Every surface form other than `name`. */
  variants: string[];
  documents: string[];
  mentions: Mention[];
  merges: MergeReason[];
}

export interface ClaimRef {
  document: string;
  /** Index into that document's `analysis.claims`. */
  index: number;
  claim: Claim;
}

export interface Figure {
  /** The figure as the claims state it (claims whose values agree after scaling share one figure). */
  value: number | string;
  approx?: string;
  /** Stated as an expectation ("expected to reach", "could surge to"). */
  expected?: boolean;
  documents: string[];
  claims: ClaimRef[];
}

export type Agreement = 'agree' | 'conflict' | 'distinct';

export interface FigureGroup {
  id: string;
  subject: string;
  unit?: string;
  figures: Figure[];
  agreement: Agreement;
}

export interface Topic {
  id: string;
  label: string;
  documents: string[];
  terms: string[];
  /** Ids of canonical entities that tie the topic together. */
  entities: string[];
}

export interface CorpusSnapshot {
  documents: string[];
  entities: CanonicalEntity[];
  claimGroups: FigureGroup[];
  topics: Topic[];
}
